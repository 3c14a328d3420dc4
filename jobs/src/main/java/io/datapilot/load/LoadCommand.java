package io.datapilot.load;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import picocli.CommandLine.Command;

/** {@code datapilot load}: the clean tables written untuned and tuned, verified. */
@Command(name = "load", description = "Write each clean table twice: silver.<table>_untuned (types as ingested) and silver.<table>"
        + " (types chosen from the data, NOT NULL and CHECK constraints, Z-ordered by its index columns), after checking that every"
        + " value fits; write audit.schema_report and audit.load_verification.")
public final class LoadCommand extends DatapilotCommand {

    @Override
    protected int run(RunContext context) {
        LoadStage.outcome(context);
        return 0;
    }
}
