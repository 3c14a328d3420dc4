package io.datapilot.governance.watch;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.WatchConfig;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.governance.GovernanceStage;
import java.time.ZoneId;
import java.util.List;

/**
 * The {@code watch} stage ({@code datapilot watch}): reads the feeds of {@code watch.feeds}, sorts their items into
 * the themes, keeps the new ones in {@code governance.watch_items} and writes the digest
 * {@code reports/<run date>/governance/veille.md}. A feed that cannot be read is reported and the others are read;
 * the stage fails (exit code 1) only when none could be, after writing the feeds' statuses and the digest.
 */
public final class WatchStage {
    private WatchStage() {}

    public static StageOutcome outcome(RunContext context) {
        WatchConfig config = context.config().watch();
        if (config.feeds().isEmpty()) {
            context.err().println("[watch] No feed is configured (watch.feeds): nothing to watch.");
            return StageOutcome.NONE;
        }
        WatchReading reading = FeedWatch.of(config).execute(context.runDate());
        reading.failures().forEach(failure -> context.err().println("[watch] " + failure.failureLine()));
        WatchHistory history = new WatchHistory(context.spark(), context.warehouse(), context.runDate());
        List<WatchItem> read = history.withFirstSeen(reading.items());
        history.record(read, reading);
        List<WatchItem> newItems = history.newItems();
        String digest = new WatchDigest(config.themes(), ZoneId.of(context.config().project().timezone()))
                .markdown(context.runDate(), newItems, read, reading.statuses());
        String written = GovernanceStage.files(context).writeText(WatchDigest.NAME, digest);
        int readFeeds = reading.readFeeds().size();
        context.err().println("[watch] " + readFeeds + " of " + reading.statuses().size() + " feeds read, " + read.size() + " items, "
                + newItems.size() + " new; digest: " + written);
        if (readFeeds == 0) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot read any of the " + reading.statuses().size() + " feeds of watch.feeds"
                    + " (see the lines above): nothing new was recorded. Fix the URLs in watch.feeds or the network, then run"
                    + " datapilot watch again.");
        }
        return new StageOutcome(read.size(), newItems.size(), 0);
    }
}
