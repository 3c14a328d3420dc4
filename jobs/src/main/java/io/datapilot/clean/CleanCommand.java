package io.datapilot.clean;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import picocli.CommandLine.Command;

/** {@code datapilot clean}: imputation and anomaly policies, with an audit trail. */
@Command(name = "clean", description = "Clean the run date's bronze tables (clean.tables; default: the data set): drop exact"
        + " duplicates, merge category variants, handle impossible values and outliers by policy, impute missing values;"
        + " write silver.<table>_clean and every change to audit.cleaning.")
public final class CleanCommand extends DatapilotCommand {

    @Override
    protected int run(RunContext context) {
        CleanStage.outcome(context);
        return 0;
    }
}
