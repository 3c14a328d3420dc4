package io.datapilot;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.stages.Stage;
import picocli.CommandLine.Command;

/** {@code datapilot <stage command>}: one stage of the catalog alone, as {@code datapilot run --only <stage>} runs it. */
@Command
final class StageCommand extends DatapilotCommand {
    private final Stage stage;

    StageCommand(Stage stage) {
        this.stage = stage;
    }

    @Override
    protected int run(RunContext context) {
        PipelineCommand.RUNNERS.get(stage.name()).run(context);
        return 0;
    }
}
