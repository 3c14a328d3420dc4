package io.datapilot.governance.commitments;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.governance.GovernanceTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datapilot check-commitments}: the commitments the governance stage evaluated for the run date,
 * one line each, a JSON file, and an exit code a scheduler acts on.
 */
@Command(name = "check-commitments", description = "Print the contract's commitments evaluated by the governance stage for the"
        + " run date (one line each), write them as JSON, and exit with code " + CheckCommitmentsCommand.BREACH_EXIT
        + " when one is breached (0 otherwise).")
public final class CheckCommitmentsCommand extends DatapilotCommand {
    /** The exit code of a breach: apart from a data error (1) and a usage or configuration error (2). */
    public static final int BREACH_EXIT = 3;

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the JSON (default: reports/<run date>/governance/"
            + CommitmentsFile.NAME + ", which the governance stage also writes).")
    Path json;

    @Override
    protected boolean oneShot() {
        return true;
    }

    @Override
    protected int run(RunContext context) {
        GovernanceTables tables = new GovernanceTables(context.spark(), context.warehouse(), context.runDate());
        if (tables.read(Layer.GOVERNANCE, CommitmentsWatch.TABLE).isEmpty() && context.config().governance().commitments().isEmpty()) {
            context.out().println("No commitment is configured (governance.commitments): nothing to check.");
            return 0;
        }
        List<Row> rows = tables.rows(Layer.GOVERNANCE, CommitmentsWatch.TABLE, "name", "description", "metric", "operator", "threshold",
                "measured", "measured_text", "status", "message", "previous_status");
        if (rows.isEmpty()) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot check the commitments of " + context.runDate() + ": governance."
                    + CommitmentsWatch.TABLE + " has no row for that date. Run the governance stage first: datapilot governance"
                    + " --run-date " + context.runDate() + " (or datapilot run).");
        }
        List<CommitmentStatus> statuses = new ArrayList<>();
        for (Row row : rows) {
            statuses.add(new CommitmentStatus(row.getString(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.isNullAt(5) ? null : row.getDouble(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9)));
        }
        statuses.forEach(status -> context.out().println(CommitmentsFile.line(status)));
        String text = CommitmentsFile.json(context.runDate(), statuses);
        String written;
        if (json != null) {
            try {
                Files.writeString(json, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DatapilotException(ErrorKind.USAGE, "Cannot write " + json + ": " + e.getMessage() + ". Give a writable path"
                        + " to --json.", e);
            }
            written = json.toString();
        } else {
            written = io.datapilot.governance.GovernanceStage.files(context).writeText(CommitmentsFile.NAME, text);
        }
        long breaches = statuses.stream().filter(CommitmentStatus::breached).count();
        context.err().println("[check-commitments] " + statuses.size() + " commitments, " + breaches + " breached; JSON: " + written);
        return breaches > 0 ? BREACH_EXIT : 0;
    }
}
