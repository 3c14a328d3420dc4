package io.datapilot.governance.watch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One item of a feed as read, before classification.
 *
 * @param id the item's guid (RSS) or id (Atom), else its link, else {@code sha256:} and a hash of its title and date
 * @param title the title, as plain text
 * @param link where the item is read, null when the feed gives none
 * @param published when it was published (else updated), null when the feed gives no date
 * @param summary the description or summary, HTML stripped
 */
public record FeedItem(String id, String title, String link, Instant published, String summary) {
    public FeedItem {
        requireNonNull(id, "id is null");
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
    }
}
