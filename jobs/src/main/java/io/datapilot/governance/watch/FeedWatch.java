package io.datapilot.governance.watch;

import io.datapilot.core.config.WatchConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every configured feed, one after the other, and classifies its items: a feed that cannot be read or
 * parsed becomes a failed status and the next feed is read.
 *
 * <pre>
 * WatchReading reading = FeedWatch.of(config.watch()).execute(runDate);
 * </pre>
 */
public final class FeedWatch {
    private final WatchConfig config;
    private final FeedSource source;
    private final ThemeClassifier classifier;

    private FeedWatch(WatchConfig config) {
        this.config = config;
        this.source = new FeedSource(Duration.ofSeconds(config.timeoutSeconds()));
        this.classifier = new ThemeClassifier(config.themes());
    }

    public static FeedWatch of(WatchConfig config) {
        return new FeedWatch(config);
    }

    public WatchReading execute(LocalDate runDate) {
        List<WatchItem> items = new ArrayList<>();
        List<FeedStatus> statuses = new ArrayList<>();
        for (WatchConfig.FeedConfig feed : config.feeds()) {
            try {
                List<FeedItem> read = latest(FeedReader.read(source.fetch(feed.url())));
                read.forEach(item -> items.add(classified(feed.name(), item, runDate)));
                statuses.add(FeedStatus.read(feed.name(), feed.url(), read.size()));
            } catch (FeedFailure failure) {
                statuses.add(FeedStatus.failed(feed.name(), feed.url(), failure));
            }
        }
        return new WatchReading(items, statuses);
    }

    /** The most recent items, each id once (a feed that repeats an item gives it once); undated items last, in the feed's order. */
    private List<FeedItem> latest(List<FeedItem> items) {
        Set<String> ids = new HashSet<>();
        return items.stream()
                .filter(item -> ids.add(item.id()))
                .sorted(Comparator.comparing(FeedItem::published, Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
                .limit(config.maxItemsPerFeed())
                .toList();
    }

    private WatchItem classified(String feed, FeedItem item, LocalDate runDate) {
        Classification classification = classifier.classify(item.title(), item.summary());
        return new WatchItem(feed, item.id(), item.title(), item.link(), item.summary(), item.published(), classification.themes(),
                classification.keywords(), runDate);
    }
}
