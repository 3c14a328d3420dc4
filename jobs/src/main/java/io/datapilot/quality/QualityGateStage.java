package io.datapilot.quality;

import io.datapilot.core.cli.RunContext;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import java.util.List;

/** The quality gate as a stage: fails (exit code 1) when the run date's data is below the thresholds. */
public final class QualityGateStage {
    private QualityGateStage() {}

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
