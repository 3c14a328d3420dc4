package io.datapilot.core.config;

import java.util.List;

/**
 * The risk and regulation watch ({@code datapilot watch}, docs/CONFIG.md, section watch): the feeds a team
 * follows and the themes their items are sorted into.
 *
 * <pre>
 * watch:
 *   feeds:
 *     - { name: cnil, url: https://www.cnil.fr/fr/rss.xml }
 *     - { name: ai_act, url: veille/ai_act.xml }      # relative to base_dir
 *   themes:
 *     - { name: donnees_personnelles, label: Données personnelles, keywords: [RGPD, données personnelles] }
 * </pre>
 *
 * @param feeds the RSS 2.0 or Atom 1.0 feeds: an http(s) URL, a {@code file:} URI or a path relative to {@code base_dir}
 * @param themes the themes, each with the keywords that put an item in it (an item in no theme is {@code autre})
 * @param timeoutSeconds how long to wait for a feed's server, to connect and to answer (10 by default)
 * @param maxItemsPerFeed the most recent items kept from each feed (50 by default)
 */
public record WatchConfig(List<FeedConfig> feeds, List<ThemeConfig> themes, Integer timeoutSeconds, Integer maxItemsPerFeed) {

    /** The theme of an item that matches no configured theme. */
    public static final String OTHER_THEME = "autre";

    public WatchConfig {
        // Stream.toList keeps an empty YAML item (null) for the validator to report with its path
        feeds = feeds == null ? List.of() : feeds.stream().toList();
        themes = themes == null ? List.of() : themes.stream().toList();
        timeoutSeconds = timeoutSeconds == null ? 10 : timeoutSeconds;
        maxItemsPerFeed = maxItemsPerFeed == null ? 50 : maxItemsPerFeed;
    }

    static WatchConfig defaults() {
        return new WatchConfig(null, null, null, null);
    }

    WatchConfig withFeeds(List<FeedConfig> resolved) {
        return new WatchConfig(resolved, themes, timeoutSeconds, maxItemsPerFeed);
    }

    /**
     * One feed.
     *
     * @param name a short name, unique (for example {@code cnil}): the items' feed in the table and the digest
     * @param url an http(s) URL, a {@code file:} URI or a local path to an RSS 2.0 or Atom 1.0 file
     */
    public record FeedConfig(String name, String url) {
        FeedConfig withUrl(String resolved) {
            return new FeedConfig(name, resolved);
        }
    }

    /**
     * One theme.
     *
     * @param name a short name, unique (for example {@code securite})
     * @param label the theme as the digest's readers read it (default: the name)
     * @param keywords words or phrases that put an item in the theme, matched on whole words of its title and
     *     summary, whatever the case and accents
     */
    public record ThemeConfig(String name, String label, List<String> keywords) {
        public ThemeConfig {
            label = label == null ? name : label;
            keywords = keywords == null ? List.of() : keywords.stream().toList();
        }
    }
}
