package io.datapilot.governance.watch;

import io.datapilot.core.config.WatchConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The digest the stakeholders read ({@code veille.md}): per theme, the items first read on the run date, then how
 * many of the feeds' current items earlier watches already gave; last, every feed's status.
 */
public final class WatchDigest {
    public static final String NAME = "veille.md";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final List<WatchConfig.ThemeConfig> themes;
    private final ZoneId zone;

    public WatchDigest(List<WatchConfig.ThemeConfig> themes, ZoneId zone) {
        this.themes = themes;
        this.zone = zone;
    }

    /**
     * @param newItems the items first read on the run date
     * @param read every item the feeds gave on the run date, new or not
     */
    public String markdown(LocalDate runDate, List<WatchItem> newItems, List<WatchItem> read, List<FeedStatus> statuses) {
        List<WatchItem> seenBefore = read.stream().filter(item -> !item.isNewOn(runDate)).toList();
        long readFeeds = statuses.stream().filter(FeedStatus::isRead).count();
        StringBuilder text = new StringBuilder("# Veille risques et réglementation du ").append(FRENCH_DATE.format(runDate)).append("\n\n");
        text.append(count(newItems.size(), "nouvel élément", "nouveaux éléments")).append(", ")
                .append(count(seenBefore.size(), "élément déjà vu", "éléments déjà vus")).append(" ; ")
                .append(count(readFeeds, "flux lu", "flux lus")).append(" sur ").append(statuses.size());
        long failed = statuses.size() - readFeeds;
        text.append(failed == 0 ? ".\n" : " (" + count(failed, "flux en erreur", "flux en erreur") + ", voir plus bas).\n");
        for (Section section : sections()) {
            List<WatchItem> fresh = inTheme(newItems, section.name());
            long before = inTheme(seenBefore, section.name()).size();
            text.append("\n## ").append(section.label()).append("\n\n");
            if (fresh.isEmpty()) {
                text.append("Aucun nouvel élément.\n");
            }
            fresh.forEach(item -> text.append(line(item)));
            if (before > 0) {
                text.append("\n_").append(count(before, "élément déjà vu", "éléments déjà vus")).append(" lors d'une veille précédente._\n");
            }
        }
        text.append("\n## Flux\n\n| flux | adresse | état | éléments |\n|---|---|---|---|\n");
        for (FeedStatus status : statuses) {
            text.append("| ").append(cell(status.feed())).append(" | ").append(cell(status.url())).append(" | ")
                    .append(status.isRead() ? "lu" : "en erreur : " + cell(status.reason())).append(" | ").append(status.items())
                    .append(" |\n");
        }
        return text.toString();
    }

    private record Section(String name, String label) {}

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        themes.forEach(theme -> sections.add(new Section(theme.name(), theme.label())));
        sections.add(new Section(WatchConfig.OTHER_THEME, "Autres sujets"));
        return sections;
    }

    private static List<WatchItem> inTheme(List<WatchItem> items, String theme) {
        return items.stream().filter(item -> item.themes().contains(theme))
                .sorted(Comparator.comparing(WatchItem::published, Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
                .toList();
    }

    private String line(WatchItem item) {
        String title = item.title().isBlank() ? "(sans titre)" : item.title().replace("[", "\\[").replace("]", "\\]");
        String linked = item.link() == null ? title : "[" + title + "](<" + item.link().replace(">", "%3E") + ">)";
        String date = item.published() == null ? "sans date" : FRENCH_DATE.format(item.published().atZone(zone));
        String keywords = item.keywords().isEmpty() ? "" : " (" + String.join(", ", item.keywords()) + ")";
        return "- " + linked + " — " + item.feed() + ", " + date + keywords + "\n";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ');
    }

    private static String count(long count, String one, String many) {
        return count + " " + (count <= 1 ? one : many);
    }
}
