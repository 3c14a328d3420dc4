package io.datapilot.governance.watch;

import java.util.List;

/**
 * What one watch read: the items of the feeds it could read, and every feed's status.
 *
 * @param items the items, classified, feed after feed (first seen: the run date, until the history says otherwise)
 * @param statuses one per configured feed, in the configuration's order
 */
public record WatchReading(List<WatchItem> items, List<FeedStatus> statuses) {
    public WatchReading {
        items = List.copyOf(items);
        statuses = List.copyOf(statuses);
    }

    public List<FeedStatus> failures() {
        return statuses.stream().filter(status -> !status.isRead()).toList();
    }

    public List<String> readFeeds() {
        return statuses.stream().filter(FeedStatus::isRead).map(FeedStatus::feed).toList();
    }
}
