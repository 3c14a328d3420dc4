package io.datapilot.ingest;

import io.datapilot.core.cli.RunContext;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import io.datapilot.ingest.IngestResult.DatasetResult;
import io.datapilot.ingest.IngestResult.RelationResult;
import io.datapilot.ingest.IngestResult.SourceResult;
import java.io.PrintStream;
import java.util.Locale;

/** The ingest stage as the CLI and the pipeline runner run it: check, ingest, print the counts. */
public final class IngestStage {
    private IngestStage() {}

    /** For the pipeline runner: rows read, loaded and quarantined over all sources. */
    public static io.datapilot.core.stages.StageOutcome outcome(RunContext context) {
        IngestResult result = run(context);
        return new io.datapilot.core.stages.StageOutcome(
                result.sources().stream().mapToLong(IngestResult.SourceResult::rowsRead).sum(),
                result.sources().stream().mapToLong(IngestResult.SourceResult::rowsLoaded).sum(),
                result.sources().stream().mapToLong(IngestResult.SourceResult::rowsQuarantined).sum());
    }

    public static IngestResult run(RunContext context) {
        IngestCheck.Checked checked = IngestCheck.check(context.configPath(), context::adjusted);
        context.useConfig(checked.config());
        IngestResult result = Ingestion.of(context.spark(), checked.plan(), context.warehouse())
                .runDate(context.runDate())
                .progressTo(context.err())
                .execute();
        print(result, context.out());
        return result;
    }

    static void print(IngestResult result, PrintStream out) {
        out.println();
        out.println("Ingestion of run date " + result.runDate() + ": rows read = rows loaded + rows quarantined");
        ConsoleTable sources = ConsoleTable.of("source", "format", "files", "columns", "read", "loaded", "quarantined",
                "bad rows", "table");
        for (SourceResult source : result.sources()) {
            sources.row(source.source(), source.format().label(), source.files(), source.columns(),
                    Numbers.count(source.rowsRead()), Numbers.count(source.rowsLoaded()),
                    Numbers.count(source.rowsQuarantined()), Numbers.percent(source.badRowsRatio()),
                    Warehouse.displayName(Layer.BRONZE, source.source()));
        }
        out.print(sources.render());
        result.sources().stream().filter(source -> !source.topReasons().isEmpty()).forEach(source -> {
            out.println("Quarantined in " + source.source() + " (audit.quarantine), most frequent reasons:");
            source.topReasons().forEach(reason -> out.println("  " + Numbers.count(reason.rows()) + " × " + reason.reason()));
        });
        result.dataset().ifPresent(dataset -> printDataset(dataset, out));
    }

    private static void printDataset(DatasetResult dataset, PrintStream out) {
        out.println();
        out.println("Data set " + Warehouse.displayName(Layer.BRONZE, dataset.name()) + ": " + Numbers.count(dataset.rows())
                + " rows (one per base row), " + dataset.columns() + " columns");
        ConsoleTable joins = ConsoleTable.of("source", "kind", "source rows", "matched", "unmatched rows",
                "unmatched keys", "null keys", "base rows without match", "duplicate keys");
        for (RelationResult relation : dataset.relations()) {
            joins.row(relation.source(), relation.kind().name().toLowerCase(Locale.ROOT), Numbers.count(relation.sourceRows()),
                    Numbers.count(relation.matchedRows()), Numbers.count(relation.unmatchedRows()),
                    Numbers.count(relation.unmatchedKeys()), Numbers.count(relation.nullKeyRows()),
                    Numbers.count(relation.baseRowsWithoutMatch()), Numbers.count(relation.duplicateKeys()));
        }
        out.print(joins.render());
        out.println("Unmatched rows stay in their bronze table and are counted in audit.join_report.");
    }
}
