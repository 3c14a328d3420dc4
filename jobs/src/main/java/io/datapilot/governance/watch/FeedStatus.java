package io.datapilot.governance.watch;

import static java.util.Objects.requireNonNull;

/**
 * How reading one feed went, for the run date: a row of {@code governance.watch_feeds}.
 *
 * @param feed the feed's name
 * @param url where it was read from
 * @param status {@link #READ} or {@link #FAILED}
 * @param items the items read (after watch.max_items_per_feed), 0 when it failed
 * @param reason why it failed, null when read
 * @param hint how to fix it, null when read
 */
public record FeedStatus(String feed, String url, String status, int items, String reason, String hint) {
    public static final String READ = "read";
    public static final String FAILED = "failed";

    public FeedStatus {
        requireNonNull(feed, "feed is null");
        requireNonNull(url, "url is null");
        requireNonNull(status, "status is null");
    }

    static FeedStatus read(String feed, String url, int items) {
        return new FeedStatus(feed, url, READ, items, null, null);
    }

    static FeedStatus failed(String feed, String url, FeedFailure failure) {
        return new FeedStatus(feed, url, FAILED, 0, failure.reason(), failure.hint());
    }

    public boolean isRead() {
        return READ.equals(status);
    }

    /** The line a person reads on the console: what, why and how to fix it. */
    public String failureLine() {
        return "Cannot read feed \"" + feed + "\" (" + url + "): " + reason + ". To fix it: " + hint
                + ". The other feeds are still read.";
    }
}
