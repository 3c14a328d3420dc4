package io.datapilot.profile;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import picocli.CommandLine.Command;

/** {@code datapilot profile}: the audit of the run date's bronze tables and data set. */
@Command(name = "profile", description = "Profile every column of every bronze table and of the data set (two passes"
        + " per table), raise quality alerts, measure volumes, and write the data dictionary, the register of processing"
        + " and the audit report.")
public final class ProfileCommand extends DatapilotCommand {

    @Override
    protected int run(RunContext context) {
        ProfileStage.run(context);
        return 0;
    }
}
