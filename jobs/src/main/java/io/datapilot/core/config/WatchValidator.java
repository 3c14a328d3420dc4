package io.datapilot.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks the {@code watch} section: every problem with its YAML path, before any feed is read. */
final class WatchValidator {
    static final List<String> URL_SCHEMES = List.of("http", "https", "file");

    private WatchValidator() {}

    static void validate(WatchConfig watch, ConfigProblems problems) {
        if (watch.timeoutSeconds() < 1 || watch.timeoutSeconds() > 300) {
            problems.add("watch.timeout_seconds", watch.timeoutSeconds() + " must be between 1 and 300 (seconds; 10 by default).");
        }
        if (watch.maxItemsPerFeed() < 1 || watch.maxItemsPerFeed() > 1000) {
            problems.add("watch.max_items_per_feed", watch.maxItemsPerFeed() + " must be between 1 and 1000 (50 by default).");
        }
        validateFeeds(watch.feeds(), problems);
        validateThemes(watch.themes(), problems);
    }

    private static void validateFeeds(List<WatchConfig.FeedConfig> feeds, ConfigProblems problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < feeds.size(); i++) {
            WatchConfig.FeedConfig feed = feeds.get(i);
            String at = "watch.feeds[" + i + "]";
            if (feed == null) {
                problems.add(at, "is empty; give name and url, as { name: cnil, url: https://www.cnil.fr/fr/rss.xml }.");
                continue;
            }
            if (feed.name() == null || feed.name().isBlank()) {
                problems.add(at + ".name", "is required: a short name for the feed, such as cnil.");
            } else if (!names.add(feed.name())) {
                problems.add(at + ".name", "\"" + feed.name() + "\" is given twice; each feed needs its own name.");
            }
            if (feed.url() == null || feed.url().isBlank()) {
                problems.add(at + ".url", "is required: an http(s) URL, a file: URI or a path relative to base_dir of an RSS or"
                        + " Atom file.");
            } else if (PathResolver.isUri(feed.url())) {
                String problem = urlProblem(feed.url());
                if (problem != null) {
                    problems.add(at + ".url", "\"" + feed.url() + "\" " + problem);
                }
            }
        }
    }

    private static String urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + "); encode spaces as %20 or give a local path.";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!URL_SCHEMES.contains(scheme)) {
            return "has the scheme \"" + scheme + "\", which the watch cannot read; use http://, https://, file: or a local path.";
        }
        if (scheme.equals("file") && (uri.isOpaque() || uri.getPath() == null)) {
            return "is not an absolute file: URI; write it as file:///srv/veille/feed.xml, or give a path relative to base_dir.";
        }
        if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isBlank())) {
            return "has no host; write it as https://www.example.org/feed.xml.";
        }
        return null;
    }

    private static void validateThemes(List<WatchConfig.ThemeConfig> themes, ConfigProblems problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < themes.size(); i++) {
            WatchConfig.ThemeConfig theme = themes.get(i);
            String at = "watch.themes[" + i + "]";
            if (theme == null) {
                problems.add(at, "is empty; give name, label and keywords, as { name: securite, label: Sécurité, keywords: [ANSSI] }.");
                continue;
            }
            if (theme.name() == null || theme.name().isBlank()) {
                problems.add(at + ".name", "is required: a short name for the theme, such as securite.");
            } else if (theme.name().equals(WatchConfig.OTHER_THEME)) {
                problems.add(at + ".name", "\"" + WatchConfig.OTHER_THEME + "\" is the theme of the items that match no other;"
                        + " give this theme another name.");
            } else if (!names.add(theme.name())) {
                problems.add(at + ".name", "\"" + theme.name() + "\" is given twice; each theme needs its own name.");
            }
            if (theme.keywords().isEmpty()) {
                problems.add(at + ".keywords", "is required: at least one word or phrase, as [RGPD, données personnelles].");
            }
            for (int k = 0; k < theme.keywords().size(); k++) {
                String keyword = theme.keywords().get(k);
                if (keyword == null || keyword.isBlank()) {
                    problems.add(at + ".keywords[" + k + "]", "is empty; remove it or give a word.");
                } else if (keyword.contains(";")) {
                    // the table keeps an item's keywords joined with ';'
                    problems.add(at + ".keywords[" + k + "]", "\"" + keyword + "\" contains \";\"; give each keyword as its own list item.");
                }
            }
        }
    }
}
