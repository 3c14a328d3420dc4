package io.datapilot.ingest;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.ingest.inspect.SourceInspection;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code datapilot validate}: every check that needs no Spark, and what was resolved. */
@Command(name = "validate", description = "Check the configuration and the source files (keys, types, files,"
        + " encodings, headers, column names) without running Spark; list every problem at once.")
public final class ValidateCommand extends DatapilotCommand {

    @Override
    protected int run(RunContext context) {
        IngestCheck.Checked checked = IngestCheck.check(context.configPath(), context::adjusted);
        ConsoleTable table = ConsoleTable.of("source", "format", "files", "columns", "encoding", "separator", "sheet", "key");
        for (SourcePlan source : checked.plan().sources().values()) {
            SourceInspection inspection = source.inspection();
            table.row(source.name(), inspection.format().label(), inspection.files().size(), source.columns().size(),
                    inspection.encoding() == null ? "" : inspection.encoding(),
                    inspection.format().name().equals("CSV") ? printable(inspection.separator()) : "",
                    inspection.sheet() == null ? "" : inspection.sheet(),
                    String.join(", ", source.source().key()));
        }
        io.datapilot.governance.GovernanceInputs.check(checked.config());
        context.out().println("Configuration " + context.configPath() + " is valid.");
        context.out().print(table.render());
        checked.plan().dataset().ifPresent(dataset -> context.out().println("Data set " + dataset.name() + ": one row per "
                + dataset.base() + " (" + String.join(", ", dataset.baseKey()) + "), "
                + dataset.relations().size() + " related sources, targets: "
                + (dataset.targets().isEmpty() ? "none" : String.join(", ", dataset.targets().stream()
                        .map(target -> target.column() + " (" + target.kind().name().toLowerCase(Locale.ROOT) + ")").toList()))));
        return 0;
    }

    private static String printable(char separator) {
        return separator == '\t' ? "tab" : String.valueOf(separator);
    }
}
