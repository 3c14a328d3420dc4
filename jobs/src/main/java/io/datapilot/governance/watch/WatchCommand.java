package io.datapilot.governance.watch;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.WatchConfig;
import io.datapilot.core.report.ReportFiles;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code datapilot watch}: reads the feeds of {@code watch.feeds}, sorts their items into the themes, keeps the new
 * ones in {@code governance.watch_items} and writes the digest {@code reports/<run date>/governance/veille.md}.
 * A feed that cannot be read is reported and the others are read; the exit code is 1 only when none could be.
 */
@Command(name = "watch", description = "Read the risk and regulation feeds of watch.feeds (RSS or Atom), sort their items into"
        + " watch.themes, keep the new ones in governance.watch_items and write the digest reports/<run date>/governance/"
        + WatchDigest.NAME + ". Exit code 1 when no feed could be read, 0 otherwise.")
public final class WatchCommand extends DatapilotCommand {

    @Override
    protected boolean oneShot() {
        return true;
    }

    @Override
    protected int run(RunContext context) {
        WatchConfig config = context.config().watch();
        if (config.feeds().isEmpty()) {
            context.out().println("No feed is configured (watch.feeds): nothing to watch.");
            return 0;
        }
        WatchReading reading = FeedWatch.of(config).execute(context.runDate());
        reading.failures().forEach(failure -> context.err().println("[watch] " + failure.failureLine()));
        WatchHistory history = new WatchHistory(context.spark(), context.warehouse(), context.runDate());
        List<WatchItem> read = history.withFirstSeen(reading.items());
        history.record(read, reading);
        List<WatchItem> newItems = history.newItems();
        String digest = new WatchDigest(config.themes(), ZoneId.of(context.config().project().timezone()))
                .markdown(context.runDate(), newItems, read, reading.statuses());
        String written = new ReportFiles(context.config().reportsDir() + "/" + context.runDate() + "/governance",
                context.spark().sparkContext().hadoopConfiguration()).writeText(WatchDigest.NAME, digest);
        int readFeeds = reading.readFeeds().size();
        context.err().println("[watch] " + readFeeds + " of " + reading.statuses().size() + " feeds read, " + read.size() + " items, "
                + newItems.size() + " new; digest: " + written);
        if (readFeeds == 0) {
            context.err().println("[watch] Cannot read any of the " + reading.statuses().size() + " feeds (see the lines above):"
                    + " nothing new was recorded. Fix the URLs in watch.feeds or the network, then run datapilot watch again.");
            return 1;
        }
        return 0;
    }
}
