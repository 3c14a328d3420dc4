package io.datapilot.profile;

import io.datapilot.core.cli.RunContext;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import io.datapilot.profile.Alert.Severity;

/** The profile stage as the CLI and the runner run it: audit the run date and print what was found. */
public final class ProfileStage {
    private ProfileStage() {}

    public static StageOutcome outcome(RunContext context) {
        AuditResult result = run(context);
        long rows = result.profiles().stream().mapToLong(TableProfile::rows).sum();
        return new StageOutcome(rows, rows, 0);
    }

    public static AuditResult run(RunContext context) {
        AuditResult result = Audit.of(context.spark(), context.config()).runDate(context.runDate()).progressTo(context.err()).execute();
        ConsoleTable table = ConsoleTable.of("table", "rows", "columns", "critical", "warnings", "info", "Spark jobs");
        for (TableProfile profile : result.profiles()) {
            table.row(profile.table(), Numbers.count(profile.rows()), profile.columns().size(),
                    count(result, profile, Severity.CRITICAL), count(result, profile, Severity.WARNING),
                    count(result, profile, Severity.INFO), profile.sparkJobs());
        }
        context.out().println();
        context.out().println("Audit of run date " + context.runDate() + " (audit.column_profiles, audit.quality_alerts,"
                + " audit.data_dictionary, audit.volumetry)");
        context.out().print(table.render());
        context.out().println("Documents: " + String.join(", ", result.reports()));
        return result;
    }

    private static long count(AuditResult result, TableProfile profile, Severity severity) {
        return result.alerts().stream().filter(alert -> alert.table().equals(profile.table()) && alert.severity() == severity).count();
    }
}
