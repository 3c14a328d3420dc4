package io.datapilot;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.stages.RunFact;
import io.datapilot.core.stages.RunKpis;
import io.datapilot.core.stages.Stage;
import io.datapilot.core.stages.StageExecution;
import java.util.ArrayList;
import java.util.List;
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
        io.datapilot.core.fs.WarehouseAccess.check(context.config(), context.err());
        List<RunFact> facts = new ArrayList<>();
        StageExecution.Executed executed = StageExecution.run(stage, PipelineCommand.RUNNERS.get(stage.name()), context, failed -> {
            facts.add(failed);
            PipelineCommand.writeFactsAfterFailure(context, facts);
        });
        RunKpis.write(context.spark(), context.warehouse(), context.runDate(), List.of(executed.fact()));
        return 0;
    }
}
