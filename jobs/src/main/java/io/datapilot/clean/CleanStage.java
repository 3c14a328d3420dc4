package io.datapilot.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.TargetConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.spark.Jobs;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import io.datapilot.profile.Profiler;
import java.io.PrintStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The clean stage: each configured bronze table of the run date → {@code silver.<table>_clean},
 * with every change in audit.cleaning and rows sent to quarantine by an anomaly policy in
 * audit.quarantine (source {@code clean:<table>}).
 */
public final class CleanStage {
    public static final String AUDIT_TABLE = "cleaning";
    public static final String CLEAN_SUFFIX = "_clean";

    /** What one table's cleaning gave. */
    public record TableResult(String table, String output, long rowsIn, long duplicates, long quarantined, long rowsOut,
            List<CleaningAction> actions) {}

    private final SparkSession spark;
    private final PipelineConfig config;
    private final Warehouse warehouse;
    private final LocalDate runDate;
    private final PrintStream progress;

    public CleanStage(SparkSession spark, PipelineConfig config, Warehouse warehouse, LocalDate runDate, PrintStream progress) {
        this.spark = spark;
        this.config = config;
        this.warehouse = warehouse;
        this.runDate = runDate;
        this.progress = progress;
    }

    /** The bronze tables the clean and load stages work on: configured, else the data set, else every source. */
    public static List<String> tables(PipelineConfig config) {
        if (!config.clean().tables().isEmpty()) {
            return config.clean().tables();
        }
        if (config.dataset() != null) {
            return List.of(config.dataset().name());
        }
        return config.sources().stream().map(SourceConfig::name).toList();
    }

    public List<TableResult> execute() {
        List<TableResult> results = new ArrayList<>();
        List<CleaningAction> actions = new ArrayList<>();
        Timestamp cleanedAt = Timestamp.from(Instant.now());
        for (String name : tables(config)) {
            String path = warehouse.table(Layer.BRONZE, name);
            String display = Warehouse.displayName(Layer.BRONZE, name);
            if (!DeltaIO.exists(spark, path)) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot clean " + display + ": there is no table at " + path + ". Check"
                        + " clean.tables (names of sources or of the data set: " + String.join(", ", known()) + ") and run"
                        + " `datapilot ingest --run-date " + runDate + "` first.");
            }
            Dataset<Row> bronze = DeltaIO.readRunDate(spark, path, runDate);
            Cleaner.Result result = new Cleaner(spark, display, config.clean(), semantics(display), targets(name),
                    new HashSet<>(config.profile().nonNegative())).clean(bronze);
            if (result.rowsIn() == 0) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot clean " + display + ": it has no rows for run date " + runDate
                        + ". Run `datapilot ingest --run-date " + runDate + "` first.");
            }
            String output = warehouse.table(Layer.SILVER, name + CLEAN_SUFFIX);
            Dataset<Row> clean = result.clean().drop(org.apache.spark.sql.functions.col("_cleaned_at"))
                    .withColumn("_cleaned_at", lit(cleanedAt));
            Jobs.labelled(spark, "clean", "writing silver." + name + CLEAN_SUFFIX,
                    () -> DeltaIO.replaceRunDate(clean, output, runDate, null, "datapilot clean " + runDate));
            writeQuarantine(name, result.quarantined(), cleanedAt);
            long rowsOut = spark.read().format("delta").load(output).where(col(DeltaIO.RUN_DATE).equalTo(lit(Date.valueOf(runDate))))
                    .count();
            if (rowsOut + result.duplicates() + result.quarantinedRows() != result.rowsIn()) {
                throw new IllegalStateException("Cleaning " + display + " lost rows: " + result.rowsIn() + " in, " + rowsOut + " out, "
                        + result.duplicates() + " duplicates, " + result.quarantinedRows() + " quarantined");
            }
            results.add(new TableResult(display, Warehouse.displayName(Layer.SILVER, name + CLEAN_SUFFIX), result.rowsIn(),
                    result.duplicates(), result.quarantinedRows(), rowsOut, result.actions()));
            actions.addAll(result.actions());
            progress.println("[clean] " + display + ": " + Numbers.count(result.rowsIn()) + " rows in = " + Numbers.count(rowsOut)
                    + " clean + " + Numbers.count(result.duplicates()) + " duplicates + " + Numbers.count(result.quarantinedRows())
                    + " quarantined; " + result.actions().size() + " action(s)");
        }
        writeAudit(actions, cleanedAt);
        return results;
    }

    private List<String> known() {
        List<String> names = new ArrayList<>(config.sources().stream().map(SourceConfig::name).toList());
        if (config.dataset() != null) {
            names.add(config.dataset().name());
        }
        return names;
    }

    private Set<String> targets(String name) {
        if (config.dataset() == null || !config.dataset().name().equals(name)) {
            return Set.of();
        }
        return new HashSet<>(config.dataset().targets().stream().map(TargetConfig::column).toList());
    }

    /** Semantic type of each column, from the run date's profile. */
    private Map<String, String> semantics(String display) {
        String path = warehouse.table(Layer.AUDIT, "column_profiles");
        if (!DeltaIO.exists(spark, path)) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot clean " + display + ": audit.column_profiles does not exist at " + path
                    + ". The defaults of the cleaning come from the profile: run `datapilot profile --run-date " + runDate + "` first.");
        }
        Map<String, String> semantics = new HashMap<>();
        for (Row row : DeltaIO.readRunDate(spark, path, runDate).where(col("table").equalTo(display))
                .select("column", "semantic_type", "personal").collectAsList()) {
            // personal columns (even pseudonymised or generalised) get no default treatment
            semantics.put(row.getString(0), !row.isNullAt(2) && row.getBoolean(2) ? "personal" : row.getString(1));
        }
        if (semantics.isEmpty()) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot clean " + display + ": audit.column_profiles has no profile of it for"
                    + " run date " + runDate + ". Run `datapilot profile --run-date " + runDate + "` first.");
        }
        return semantics;
    }

    private void writeQuarantine(String name, Dataset<Row> quarantined, Timestamp at) {
        String source = "clean:" + name;
        List<Column> data = new ArrayList<>();
        for (String column : quarantined.columns()) {
            if (!Profiler.BOOKKEEPING.contains(column) && !column.equals("_reason")) {
                data.add(col(Cleaner.quoted(column)));
            }
        }
        Dataset<Row> rows = quarantined.select(
                lit(source).alias("source"),
                col("_source_file").alias("file"),
                col("_row_number").alias("row_number"),
                concat(lit("cleaning, record "), col("_row_number").cast("string")).alias("location"),
                col("_reason").alias("reason"),
                split(col("_reason"), " ; ").alias("reasons"),
                to_json(struct(data.toArray(Column[]::new))).alias("raw_record"),
                lit(at).alias("_ingested_at"),
                lit(Date.valueOf(runDate)).alias(DeltaIO.RUN_DATE));
        Jobs.labelled(spark, "clean", "writing audit.quarantine (" + source + ")", () -> DeltaIO.replaceRunDate(rows,
                warehouse.table(Layer.AUDIT, "quarantine"), runDate, "source = " + DeltaIO.quote(source), "datapilot clean " + runDate));
    }

    private void writeAudit(List<CleaningAction> actions, Timestamp at) {
        StructType schema = new StructType().add("table", DataTypes.StringType).add("column", DataTypes.StringType)
                .add("action", DataTypes.StringType).add("strategy", DataTypes.StringType).add("value", DataTypes.StringType)
                .add("rows_changed", DataTypes.LongType).add("decided_by", DataTypes.StringType).add("reason", DataTypes.StringType)
                .add("_cleaned_at", DataTypes.TimestampType).add(DeltaIO.RUN_DATE, DataTypes.DateType);
        List<Row> rows = actions.stream().map(action -> RowFactory.create(action.table(), action.column(), action.action(),
                action.strategy(), action.value(), action.rows(), action.decidedBy(), action.reason(), at, Date.valueOf(runDate))).toList();
        Jobs.labelled(spark, "clean", "writing audit." + AUDIT_TABLE, () -> DeltaIO.replaceRunDate(spark.createDataFrame(rows, schema),
                warehouse.table(Layer.AUDIT, AUDIT_TABLE), runDate, null, "datapilot clean " + runDate));
    }

    /** The stage as {@code datapilot run} and {@code datapilot clean} run it. */
    public static StageOutcome outcome(RunContext context) {
        List<TableResult> results = new CleanStage(context.spark(), context.config(), context.warehouse(), context.runDate(),
                context.err()).execute();
        PrintStream out = context.out();
        out.println();
        out.println("Cleaning of run date " + context.runDate() + ": rows in = clean + duplicates + quarantined (audit.cleaning)");
        ConsoleTable counts = ConsoleTable.of("table", "rows in", "clean", "duplicates", "quarantined", "output");
        results.forEach(result -> counts.row(result.table(), Numbers.count(result.rowsIn()), Numbers.count(result.rowsOut()),
                Numbers.count(result.duplicates()), Numbers.count(result.quarantined()), result.output()));
        out.print(counts.render());
        ConsoleTable changes = ConsoleTable.of("table", "column", "action", "strategy", "value", "rows", "decided by");
        results.forEach(result -> result.actions().stream().filter(action -> action.rows() > 0).forEach(action -> changes.row(
                action.table(), action.column() == null ? "" : action.column(), action.action(), action.strategy(),
                abbreviate(action.value()), Numbers.count(action.rows()), action.decidedBy())));
        out.print(changes.render());
        long in = results.stream().mapToLong(TableResult::rowsIn).sum();
        return new StageOutcome(in, results.stream().mapToLong(TableResult::rowsOut).sum(),
                results.stream().mapToLong(TableResult::quarantined).sum());
    }

    private static String abbreviate(String value) {
        return value == null ? "" : value.length() > 60 ? value.substring(0, 57) + "…" : value;
    }
}
