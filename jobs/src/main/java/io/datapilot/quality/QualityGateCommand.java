package io.datapilot.quality;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code datapilot quality-gate}: fails (exit code 1) when the run date's data is below the thresholds. */
@Command(name = "quality-gate", description = "Check the run date's quarantine ratios, critical alerts and completeness"
        + " against quality_gate in the configuration; write audit.quality_gate and fail (exit code 1) when a check is"
        + " not met.")
public final class QualityGateCommand extends DatapilotCommand {

    @Override
    protected int run(RunContext context) {
        outcome(context);
        return 0;
    }

    /** The gate as a stage of {@code datapilot run}. */
    public static StageOutcome outcome(RunContext context) {
        List<GateCheck> checks = new QualityGate(context.spark(), context.warehouse(), context.config().qualityGate(),
                context.runDate()).execute();
        ConsoleTable table = ConsoleTable.of("check", "subject", "value", "threshold", "passed");
        for (GateCheck check : checks) {
            boolean count = check.check().equals("critical_alerts");
            table.row(check.check(), check.subject(), count ? Numbers.count((long) check.value()) : Numbers.percent(check.value()),
                    count ? Numbers.count((long) check.threshold()) : Numbers.percent(check.threshold()), check.passed() ? "yes" : "NO");
        }
        context.out().println();
        context.out().println("Quality gate of run date " + context.runDate() + " (audit.quality_gate): every check passed");
        context.out().print(table.render());
        return StageOutcome.NONE;
    }
}
