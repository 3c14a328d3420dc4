package io.datapilot.sample;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.text.Numbers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datapilot generate}: the sample case at any size, with its ground truth and configuration. */
@Command(name = "generate", description = "Write the Lumen & Lin sample case (customers XLSX, order lines CSV,"
        + " shops JSON) at any size, with a ground truth of injected missing values and anomalies and a"
        + " pipeline.yaml to run it.")
public final class GenerateCommand extends DatapilotCommand {

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20000",
            description = "Order lines to write (customers: N/20, at most 1 000 000). Default: ${DEFAULT-VALUE}.")
    long rows;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SampleGenerator.DEFAULT_SEED,
            description = "Random seed: the same seed and size give the same files. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    protected int run(RunContext context) {
        Instant started = Instant.now();
        SampleGenerator.Summary summary;
        try {
            summary = SampleGenerator.into(out).rows(rows).seed(seed).execute();
        } catch (IllegalArgumentException e) {
            throw new DatapilotException(ErrorKind.USAGE, e.getMessage());
        } catch (IOException e) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot write the sample case into " + out + ": " + e.getMessage()
                    + ". Check that the folder is writable and the disk has room.", e);
        }
        context.out().println("Wrote the Lumen & Lin case into " + summary.directory() + " in "
                + Numbers.duration(Duration.between(started, Instant.now())) + ":");
        context.out().println("  " + SampleGenerator.ORDER_LINES_FILE + "  " + Numbers.count(summary.orderLines()) + " order lines");
        context.out().println("  " + SampleGenerator.CUSTOMERS_FILE + "         " + Numbers.count(summary.customerRows())
                + " rows (" + Numbers.count(summary.customers()) + " customers and their duplicates)");
        context.out().println("  " + SampleGenerator.STORES_FILE + "        " + summary.stores() + " shops");
        context.out().println("  ground_truth/     what was injected (missing_cells.csv, anomalies.csv, summary.json)");
        context.out().println("  " + SampleGenerator.CONFIG_FILE + "     run it with: scripts/datapilot run --config "
                + summary.directory().resolve(SampleGenerator.CONFIG_FILE));
        return 0;
    }
}
