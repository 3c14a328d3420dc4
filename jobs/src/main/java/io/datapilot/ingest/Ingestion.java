package io.datapilot.ingest;



import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.spark.Jobs;
import io.datapilot.core.text.Numbers;
import io.datapilot.ingest.IngestResult.DatasetResult;
import io.datapilot.ingest.IngestResult.SourceResult;
import io.datapilot.ingest.SourcePlan.PlannedColumn;
import io.datapilot.ingest.read.RawReader;
import io.datapilot.ingest.read.RawSource;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Loads every source into its bronze table, bad rows into the quarantine, and builds the data set.
 *
 * <p>All sources are read and checked before anything is written: when a source has more bad rows
 * than its {@code max_bad_rows_ratio}, the run stops and every table keeps its previous version.
 *
 * <pre>{@code
 * IngestResult result = Ingestion.of(spark, plan, warehouse).runDate(date).execute();
 * }</pre>
 */
public final class Ingestion {
    private final SparkSession spark;
    private final IngestPlan plan;
    private final Warehouse warehouse;
    private LocalDate runDate = LocalDate.now();
    private PrintStream out = System.err;

    private Ingestion(SparkSession spark, IngestPlan plan, Warehouse warehouse) {
        this.spark = spark;
        this.plan = plan;
        this.warehouse = warehouse;
    }

    public static Ingestion of(SparkSession spark, IngestPlan plan, Warehouse warehouse) {
        return new Ingestion(spark, plan, warehouse);
    }

    public Ingestion runDate(LocalDate date) {
        this.runDate = date;
        return this;
    }

    /** Where progress lines go (standard error by default). */
    public Ingestion progressTo(PrintStream stream) {
        this.out = stream;
        return this;
    }

    public IngestResult execute() {
        Map<String, RawSource> raws = new LinkedHashMap<>();
        Map<String, Map<String, TypedColumn>> detected = new LinkedHashMap<>();
        for (SourcePlan source : plan.sources().values()) {
            if (source.source().generatedKey()) {
                out.println("[ingest] " + source.name() + ": rows get the generated key " + SourceConfig.GENERATED_KEY + " (file name and"
                        + " row number, stable across reruns of the same files; key: auto). Declare key: [column, ...] in"
                        + " sources[" + source.name() + "] if some columns identify a row.");
            }
            RawSource raw = RawReader.forFormat(source.inspection().format()).read(spark, source);
            raws.put(source.name(), raw);
            detected.put(source.name(), TypeDetector.detect(spark, raw));
            detected.get(source.name()).values().stream().filter(TypeDetector::readsExcelSerials).forEach(column -> out.println(
                    "[ingest] " + source.name() + "." + column.name() + ": dates mixed with Excel serial day numbers"
                    + " (45292 = 2024-01-01), read as dates with formats " + String.join(" | ", column.formats())
                    + "; declare its type as string in columns if these numbers are not dates"));
        }
        Map<String, Map<String, TypedColumn>> types = ColumnTyping.unify(detected, plan.sharedColumns());
        PersonalData personal = PersonalData.decide(spark, plan, raws.values(), runDate, out);
        List<SourceLoad> loads = new ArrayList<>();
        try {
            List<SourceResult> results = new ArrayList<>();
            for (RawSource raw : raws.values()) {
                Instant started = Instant.now();
                SourceLoad load = new SourceLoad(spark, raw, types.get(raw.plan().name()),
                        personal.treatments(raw.plan().name()), personal.pseudonymiser(), runDate);
                loads.add(load);
                load.count();
                SourceResult result = result(load, Duration.between(started, Instant.now()));
                results.add(result);
                out.println("[ingest] " + result.source() + " (" + result.format().label() + "): "
                        + Numbers.count(result.rowsRead()) + " rows read, " + Numbers.count(result.rowsLoaded())
                        + " valid, " + Numbers.count(result.rowsQuarantined()) + " bad ("
                        + Numbers.percent(result.badRowsRatio()) + ")");
            }
            failIfTooManyBadRows(results);
            Timestamp ingestedAt = Timestamp.from(Instant.now());
            for (SourceLoad load : loads) {
                load.writeBronze(warehouse, runDate, ingestedAt);
            }
            writeQuarantine(loads, ingestedAt);
            writeRuns(results, ingestedAt);
            writeColumnOrigins(loads, ingestedAt);
            Map<String, Map<String, Long>> invalidFormats = new LinkedHashMap<>();
            loads.forEach(load -> invalidFormats.put(load.plan().name(), load.invalidFormats()));
            write(personal.table(spark, runDate, ingestedAt, invalidFormats), IngestTables.PERSONAL_DATA);
            Optional<DatasetResult> dataset = plan.dataset().map(datasetPlan -> {
                out.println("[ingest] building data set " + datasetPlan.name() + " at the grain of " + datasetPlan.base());
                return new DatasetIntegrator(spark, warehouse, runDate).integrate(datasetPlan);
            });
            dataset.ifPresent(result -> writeJoins(result, ingestedAt));
            return new IngestResult(runDate, results, dataset);
        } finally {
            loads.forEach(SourceLoad::close);
        }
    }

    private static SourceResult result(SourceLoad load, Duration duration) {
        SourcePlan source = load.plan();
        return new SourceResult(source.name(), source.inspection().format(), source.inspection().files().size(),
                source.columns().size(), load.rows(), load.rows() - load.bad(), load.bad(),
                source.source().maxBadRowsRatio(), load.reasons(), duration);
    }

    private static void failIfTooManyBadRows(List<SourceResult> results) {
        List<SourceResult> failing = results.stream().filter(SourceResult::exceedsRatio).toList();
        if (failing.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Cannot load ");
        message.append(failing.size() == 1 ? "source " + failing.get(0).source() : failing.size() + " sources")
                .append(": too many bad rows, so nothing was written (every table keeps its previous version).");
        for (SourceResult result : failing) {
            message.append(System.lineSeparator()).append("  - ").append(result.source()).append(": ")
                    .append(Numbers.count(result.rowsQuarantined()))
                    .append(result.rowsQuarantined() == 1 ? " bad row of " : " bad rows of ")
                    .append(Numbers.count(result.rowsRead())).append(" (").append(Numbers.percent(result.badRowsRatio()))
                    .append(result.rowsQuarantined() == 1 ? ") exceeds max_bad_rows_ratio " : ") exceed max_bad_rows_ratio ").append(result.maxBadRowsRatio()).append(". Most frequent reasons:");
            result.topReasons().forEach(reason -> message.append(System.lineSeparator()).append("      ")
                    .append(Numbers.count(reason.rows())).append(" × ").append(reason.reason()));
        }
        message.append(System.lineSeparator()).append("Fix the files (wrong encoding, separator or date format are"
                + " the usual causes: declare them in the source's csv, date_formats or columns settings), or raise"
                + " max_bad_rows_ratio for the source if these rows may go to the quarantine.");
        throw new DatapilotException(ErrorKind.DATA, message.toString());
    }

    /**
     * One commit for every source's bad rows of the run date, written even when there are none so
     * that a rerun after the files were fixed leaves no stale rows.
     */
    private void writeQuarantine(List<SourceLoad> loads, Timestamp ingestedAt) {
        Dataset<Row> all = loads.stream().map(load -> load.quarantined(runDate, ingestedAt)).reduce(Dataset::unionByName).orElseThrow();
        List<String> names = loads.stream().map(load -> DeltaIO.quote(load.plan().name())).toList();
        Jobs.labelled(spark, "ingest", "writing audit." + IngestTables.QUARANTINE,
                () -> DeltaIO.replaceRunDate(all, IngestTables.audit(warehouse, IngestTables.QUARANTINE), runDate,
                        "source IN (" + String.join(", ", names) + ")", "datapilot ingest " + runDate));
    }

    private void writeRuns(List<SourceResult> results, Timestamp ingestedAt) {
        StructType schema = new StructType()
                .add("source", DataTypes.StringType).add("format", DataTypes.StringType)
                .add("files", DataTypes.IntegerType).add("columns", DataTypes.IntegerType)
                .add("rows_read", DataTypes.LongType).add("rows_loaded", DataTypes.LongType)
                .add("rows_quarantined", DataTypes.LongType).add("bad_rows_ratio", DataTypes.DoubleType)
                .add("max_bad_rows_ratio", DataTypes.DoubleType).add("duration_ms", DataTypes.LongType)
                .add("_ingested_at", DataTypes.TimestampType).add(DeltaIO.RUN_DATE, DataTypes.DateType);
        List<Row> rows = results.stream().map(result -> RowFactory.create(result.source(), result.format().label(),
                result.files(), result.columns(), result.rowsRead(), result.rowsLoaded(), result.rowsQuarantined(),
                result.badRowsRatio(), result.maxBadRowsRatio(), result.duration().toMillis(), ingestedAt,
                java.sql.Date.valueOf(runDate))).toList();
        write(spark.createDataFrame(rows, schema), IngestTables.RUNS);
    }

    private void writeColumnOrigins(List<SourceLoad> loads, Timestamp ingestedAt) {
        StructType schema = new StructType()
                .add("source", DataTypes.StringType).add("position", DataTypes.IntegerType)
                .add("column", DataTypes.StringType).add("original_name", DataTypes.StringType)
                .add("type", DataTypes.StringType).add("type_origin", DataTypes.StringType)
                .add("formats", DataTypes.StringType).add("description", DataTypes.StringType)
                .add("unit", DataTypes.StringType).add("files", DataTypes.StringType)
                .add("personal_category", DataTypes.StringType).add("rgpd_treatment", DataTypes.StringType)
                .add("_ingested_at", DataTypes.TimestampType).add(DeltaIO.RUN_DATE, DataTypes.DateType);
        List<Row> rows = new ArrayList<>();
        for (SourceLoad load : loads) {
            String files = String.join(", ", load.plan().inspection().files());
            if (load.plan().source().generatedKey()) {
                rows.add(RowFactory.create(load.plan().name(), 0, SourceConfig.GENERATED_KEY, SourceConfig.GENERATED_KEY, "string",
                        "generated", null, "Clé générée (key: auto) : nom du fichier et numéro de ligne, stable d'une exécution"
                                + " à l'autre sur les mêmes fichiers", null, files, null, null, ingestedAt, java.sql.Date.valueOf(runDate)));
            }
            for (PlannedColumn column : load.plan().columns()) {
                TypedColumn typed = load.types().get(column.name());
                rows.add(RowFactory.create(load.plan().name(), column.position(), column.name(), column.original().display(),
                        typed == null ? "nested" : typed.typeLabel(), typed == null ? "kept" : typed.origin().label(),
                        typed == null ? null : String.join(" | ", typed.formats()),
                        column.declared() == null ? null : column.declared().description(),
                        column.declared() == null ? null : column.declared().unit(),
                        files, personalCategory(load, column.name()),
                        load.treatments().containsKey(column.name()) ? load.treatments().get(column.name()).describe() : null,
                        ingestedAt, java.sql.Date.valueOf(runDate)));
            }
        }
        write(spark.createDataFrame(rows, schema), IngestTables.COLUMNS);
    }

    private static String personalCategory(SourceLoad load, String column) {
        io.datapilot.rgpd.ColumnTreatment treatment = load.treatments().get(column);
        if (treatment == null) {
            return null;
        }
        return treatment.category() == null ? "declared" : treatment.category().key();
    }

    private void writeJoins(DatasetResult dataset, Timestamp ingestedAt) {
        StructType schema = new StructType()
                .add("dataset", DataTypes.StringType).add("source", DataTypes.StringType).add("kind", DataTypes.StringType)
                .add("source_rows", DataTypes.LongType).add("source_keys", DataTypes.LongType)
                .add("matched_rows", DataTypes.LongType).add("unmatched_rows", DataTypes.LongType)
                .add("unmatched_keys", DataTypes.LongType).add("null_key_rows", DataTypes.LongType)
                .add("base_rows", DataTypes.LongType).add("base_rows_without_match", DataTypes.LongType)
                .add("duplicate_keys", DataTypes.LongType)
                .add("_ingested_at", DataTypes.TimestampType).add(DeltaIO.RUN_DATE, DataTypes.DateType);
        List<Row> rows = dataset.relations().stream().map(relation -> RowFactory.create(dataset.name(), relation.source(),
                relation.kind().name().toLowerCase(java.util.Locale.ROOT), relation.sourceRows(), relation.sourceKeys(),
                relation.matchedRows(), relation.unmatchedRows(), relation.unmatchedKeys(), relation.nullKeyRows(),
                dataset.baseRows(), relation.baseRowsWithoutMatch(), relation.duplicateKeys(), ingestedAt,
                java.sql.Date.valueOf(runDate))).toList();
        write(spark.createDataFrame(rows, schema), IngestTables.JOINS);
    }

    private void write(Dataset<Row> rows, String table) {
        Jobs.labelled(spark, "ingest", "writing audit." + table,
                () -> DeltaIO.replaceRunDate(rows, IngestTables.audit(warehouse, table), runDate, null,
                        "datapilot ingest " + runDate));
    }

}
