package io.datapilot.governance.watch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An item of a feed, classified, with the run date the watch first saw it.
 *
 * @param feed the feed's name (watch.feeds[].name)
 * @param id the item's id within the feed (see {@link FeedItem#id()})
 * @param title the title, as plain text
 * @param link where the item is read, null when the feed gives none
 * @param summary the summary, HTML stripped
 * @param published when it was published, null when the feed gives no date
 * @param themes the themes it is in ({@code autre} when none)
 * @param keywords the keywords that put it there
 * @param firstSeen the run date of the watch that first read it
 */
public record WatchItem(String feed, String id, String title, String link, String summary, Instant published, List<String> themes,
        List<String> keywords, LocalDate firstSeen) {

    public WatchItem {
        requireNonNull(feed, "feed is null");
        requireNonNull(id, "id is null");
        requireNonNull(firstSeen, "firstSeen is null");
        themes = List.copyOf(themes);
        keywords = List.copyOf(keywords);
    }

    /** Whether the watch of {@code runDate} is the first to read it. */
    public boolean isNewOn(LocalDate runDate) {
        return firstSeen.equals(runDate);
    }

    public WatchItem withFirstSeen(LocalDate date) {
        return new WatchItem(feed, id, title, link, summary, published, themes, keywords, date);
    }
}
