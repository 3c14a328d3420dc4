package io.datapilot.governance.watch;

import io.datapilot.core.config.WatchConfig;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sorts items into the configured themes by their keywords, found as whole words of the title and summary,
 * whatever the case and accents: "donnees personnelles" finds "Données personnelles", "IA" finds "l'IA" but
 * not "via".
 */
public final class ThemeClassifier {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private record Keyword(String configured, Pattern pattern) {}

    private record Theme(String name, List<Keyword> keywords) {}

    private final List<Theme> themes;

    public ThemeClassifier(List<WatchConfig.ThemeConfig> configured) {
        List<Theme> built = new ArrayList<>();
        for (WatchConfig.ThemeConfig theme : configured) {
            List<Keyword> keywords = theme.keywords().stream().filter(keyword -> keyword != null && !keyword.isBlank())
                    .map(keyword -> new Keyword(keyword.trim(), wholeWords(keyword))).toList();
            built.add(new Theme(theme.name(), keywords));
        }
        this.themes = List.copyOf(built);
    }

    public Classification classify(String title, String summary) {
        String text = normalised(title + "\n" + summary);
        Set<String> matchedThemes = new LinkedHashSet<>();
        Set<String> matchedKeywords = new LinkedHashSet<>();
        for (Theme theme : themes) {
            for (Keyword keyword : theme.keywords()) {
                if (keyword.pattern().matcher(text).find()) {
                    matchedThemes.add(theme.name());
                    matchedKeywords.add(keyword.configured());
                }
            }
        }
        if (matchedThemes.isEmpty()) {
            matchedThemes.add(WatchConfig.OTHER_THEME);
        }
        return new Classification(List.copyOf(matchedThemes), List.copyOf(matchedKeywords));
    }

    private static Pattern wholeWords(String keyword) {
        String[] words = SPACES.split(normalised(keyword).trim());
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add(Pattern.quote(word));
        }
        // neither a letter nor a digit on either side: a word, not part of one; "AI Act" also finds "AI-Act"
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + String.join("[\\s\\-\u2010\u2011]+", quoted) + "(?![\\p{L}\\p{N}])");
    }

    /** Lower case without accents; ligatures and typographic apostrophes as people type them. */
    static String normalised(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace('’', '\'');
    }
}
