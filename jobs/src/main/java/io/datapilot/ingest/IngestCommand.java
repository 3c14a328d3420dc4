package io.datapilot.ingest;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import picocli.CommandLine.Command;

/** {@code datapilot ingest}: sources → bronze tables, quarantine and the integrated data set. */
@Command(name = "ingest", description = "Read every source (CSV, XLSX, JSON, Parquet) into bronze Delta tables,"
        + " quarantine bad rows, and build the data set at its target grain.")
public final class IngestCommand extends DatapilotCommand {

    @Override
    protected int run(RunContext context) {
        IngestStage.run(context);
        return 0;
    }
}
