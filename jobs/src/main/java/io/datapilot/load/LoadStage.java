package io.datapilot.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.datapilot.clean.CleanStage;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.spark.Jobs;
import io.datapilot.core.spark.SessionSettings;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Names;
import io.datapilot.core.text.Numbers;
import io.datapilot.load.TypeTuner.TunedColumn;
import io.datapilot.profile.Profiler;
import io.datapilot.profile.QualityAlerts;
import io.delta.tables.DeltaTable;
import java.io.PrintStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The load stage: each clean table of the run date written twice, {@code silver.<table>_untuned}
 * (types as ingested) and {@code silver.<table>} (types chosen from the data, NOT NULL and CHECK
 * constraints, index columns first and Z-ordered), after checking on the data that every value
 * fits its tuned type; then the schema report and the load verification.
 */
public final class LoadStage {
    public static final String UNTUNED_SUFFIX = "_untuned";
    public static final String SCHEMA_REPORT = "schema_report";
    public static final String VERIFICATION = "load_verification";
    /** Where Spark keeps a VARCHAR(n) column's length: Delta stores the column as a string and checks the length on write. */
    private static final String VARCHAR_METADATA = "__CHAR_VARCHAR_TYPE_STRING";

    /** What loading one table gave. */
    public record TableLoad(String table, String tuned, String untuned, List<TunedColumn> columns, List<String> index, long rows,
            long untunedBytes, long tunedBytes, List<Check> checks) {}

    /** One line of the load verification. */
    public record Check(String table, String step, long rows, Long expected, String explanation, boolean ok) {}

    private final SparkSession spark;
    private final PipelineConfig config;
    private final Warehouse warehouse;
    private final LocalDate runDate;
    private final PrintStream progress;
    private final boolean liquid;

    public LoadStage(SparkSession spark, PipelineConfig config, Warehouse warehouse, LocalDate runDate, PrintStream progress) {
        this.spark = spark;
        this.config = config;
        this.warehouse = warehouse;
        this.runDate = runDate;
        this.progress = progress;
        this.liquid = config.load().liquid();
    }

    public List<TableLoad> execute() {
        List<TableLoad> loads = new ArrayList<>();
        for (String name : CleanStage.tables(config)) {
            loads.add(load(name));
        }
        Timestamp at = Timestamp.from(Instant.now());
        writeSchemaReport(loads, at);
        writeVerification(loads, at);
        return loads;
    }

    private TableLoad load(String name) {
        String cleanPath = warehouse.table(Layer.SILVER, name + CleanStage.CLEAN_SUFFIX);
        String display = Warehouse.displayName(Layer.SILVER, name);
        if (!DeltaIO.exists(spark, cleanPath)) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot load " + display + ": there is no clean table at " + cleanPath
                    + ". Run `datapilot clean --run-date " + runDate + "` first (or `datapilot run --from clean`).");
        }
        Dataset<Row> clean = DeltaIO.readRunDate(spark, cleanPath, runDate).drop("_cleaned_at").cache();
        List<StructField> fields = Arrays.stream(clean.schema().fields()).filter(field -> !Profiler.BOOKKEEPING.contains(field.name()))
                .toList();
        Set<String> nonNegative = new HashSet<>();
        fields.forEach(field -> {
            if (QualityAlerts.nonNegative(field.name(), new HashSet<>(config.profile().nonNegative()))) {
                nonNegative.add(field.name());
            }
        });
        List<TunedColumn> chosen = Jobs.labelled(spark, "load", display + " · observed ranges and lengths",
                () -> TypeTuner.tune(clean, fields, nonNegative));
        String tunedPath = warehouse.table(Layer.SILVER, name);
        checkLayout(display, tunedPath);
        List<TunedColumn> target = existingTypes(tunedPath, chosen);
        List<String> index = index(name, fields);
        Map<String, Long> misfits = misfits(display, clean, target);
        boolean rewritten = false;
        if (!misfits.isEmpty()) {
            if (!config.load().widens() || !DeltaIO.exists(spark, tunedPath)) {
                throw overflow(display, target, misfits);
            }
            Widened widened = widen(display, tunedPath, clean, fields, nonNegative, target, misfits.keySet(), index);
            target = widened.columns();
            rewritten = widened.rewritten();
        }
        long rows = clean.count();
        // untuned: the clean rows as they are
        String untunedPath = warehouse.table(Layer.SILVER, name + UNTUNED_SUFFIX);
        Jobs.labelled(spark, "load", "writing " + display + UNTUNED_SUFFIX, () -> DeltaIO.replaceRunDate(clean, untunedPath, runDate, null,
                "datapilot load " + runDate));
        // tuned: index columns first (Delta keeps statistics of the first 32 columns), typed, constrained, Z-ordered
        if (!rewritten) {
            createTuned(tunedPath, target, index, clean.schema());
            ensureConstraints(tunedPath, target, false);
            Dataset<Row> typed = typed(clean, index, target);
            SessionSettings.with(spark, codec(), () -> Jobs.labelled(spark, "load", "writing " + display,
                    () -> DeltaIO.replaceRunDate(typed, tunedPath, runDate, null, "datapilot load " + runDate, !liquid)));
        }
        ensureClustering(tunedPath, index);
        long untunedBytes = detail(untunedPath).<Long>getAs("sizeInBytes");
        optimise(display, tunedPath, index, rewritten);
        clean.unpersist();
        long tunedBytes = detail(tunedPath).<Long>getAs("sizeInBytes");
        List<Check> checks = verify(name, display, rows, untunedPath, tunedPath);
        progress.println("[load] " + display + ": " + Numbers.count(rows) + " rows; tuned " + Numbers.count(tunedBytes) + " bytes vs untuned "
                + Numbers.count(untunedBytes) + " (" + Numbers.decimal((double) tunedBytes / Math.max(1, untunedBytes), 2) + "×); index "
                + String.join(", ", index));
        return new TableLoad(display, display, display + UNTUNED_SUFFIX, target, index, rows, untunedBytes, tunedBytes, checks);
    }

    /** When the tuned table exists, its types stay (the new data must fit them); otherwise the chosen ones. */
    private List<TunedColumn> existingTypes(String path, List<TunedColumn> chosen) {
        if (!DeltaIO.exists(spark, path)) {
            return chosen;
        }
        StructType existing = spark.read().format("delta").load(path).schema();
        Set<String> names = new HashSet<>(Arrays.asList(existing.fieldNames()));
        Set<String> constraints = constraints(path);
        List<TunedColumn> kept = new ArrayList<>();
        for (TunedColumn column : chosen) {
            if (!names.contains(column.column())) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot load " + path + ": column " + column.column() + " is new; the"
                        + " tuned table's schema is fixed once written. Move the table folder away to rebuild it from all run dates.");
            }
            StructField field = existing.apply(column.column());
            String sql = varchar(field).orElse(field.dataType().sql());
            boolean notNull = !field.nullable() || constraints.contains(notNullConstraint(column.column()));
            kept.add(new TunedColumn(column.column(), column.untuned(), field.dataType(), sql, notNull, column.nonNegativeCheck(),
                    column.nulls(), column.min(), column.max(), column.maxLength(), column.untunedBytes(),
                    TypeTuner.storedBytes(field.dataType(), column.untunedBytes()), column.reason() + (sql.equals(column.tunedSql()) ? ""
                            : " ; type " + sql + " des dates précédentes conservé")));
        }
        return kept;
    }

    private static java.util.Optional<String> varchar(StructField field) {
        return field.metadata().contains(VARCHAR_METADATA) ? java.util.Optional.of(field.metadata().getString(VARCHAR_METADATA)
                .toUpperCase(Locale.ROOT)) : java.util.Optional.empty();
    }

    /**
     * Whether every value fits its tuned type, checked on the data in one pass: the columns holding a
     * value that would overflow, lose digits, exceed its length or break NOT NULL, with how many.
     */
    private Map<String, Long> misfits(String display, Dataset<Row> clean, List<TunedColumn> target) {
        List<Column> checks = new ArrayList<>();
        checks.add(count(lit(1)));
        for (TunedColumn column : target) {
            Column value = col(quoted(column.column()));
            Column broken;
            if (column.tunedSql().startsWith("VARCHAR(")) {
                broken = length(value).gt(varcharLength(column.tunedSql()));
            } else if (column.tuned() instanceof org.apache.spark.sql.types.FloatType) {
                // 32 bits were chosen for values they hold within a relative 10⁻⁶: the same test here
                Column number = value.cast(DataTypes.DoubleType);
                Column back = value.cast(column.tuned()).cast(DataTypes.DoubleType);
                broken = value.isNotNull().and(back.isNull().or(org.apache.spark.sql.functions.abs(back.minus(number))
                        .gt(org.apache.spark.sql.functions.abs(number).multiply(1e-6))));
            } else {
                Column back = value.cast(column.tuned()).cast(column.untuned());
                broken = value.isNotNull().and(back.isNull().or(back.notEqual(value)));
            }
            if (column.notNull()) {
                broken = broken.or(value.isNull());
            }
            checks.add(sum(when(broken, 1).otherwise(0)).alias(column.column()));
        }
        Row result = Jobs.labelled(spark, "load", display + " · every value fits its tuned type",
                () -> clean.agg(checks.get(0), checks.subList(1, checks.size()).toArray(Column[]::new)).first());
        Map<String, Long> misfits = new LinkedHashMap<>();
        for (TunedColumn column : target) {
            long broken = result.getLong(result.fieldIndex(column.column()));
            if (broken > 0) {
                misfits.put(column.column(), broken);
            }
        }
        return misfits;
    }

    private DatapilotException overflow(String display, List<TunedColumn> target, Map<String, Long> misfits) {
        List<String> problems = new ArrayList<>();
        for (TunedColumn column : target) {
            Long broken = misfits.get(column.column());
            if (broken != null) {
                problems.add(column.column() + " (" + column.tunedSql() + (column.notNull() ? " NOT NULL" : "") + "): " + Numbers.count(broken)
                        + " value(s) would not fit" + (column.min() != null ? "; this run's values go from " + column.min() + " to "
                        + column.max() : "") + (column.maxLength() != null ? "; longest " + column.maxLength() + " characters" : ""));
            }
        }
        return new DatapilotException(ErrorKind.DATA, "Cannot load " + display + " for run date " + runDate + ": the new data does not"
                + " fit the tuned types the table has from earlier run dates, and nothing was written:\n  - "
                + String.join("\n  - ", problems) + "\nThe values would overflow, be truncated, lose digits or break NOT NULL."
                + " Check the source for a unit or format change; if the values are right, set load.on_overflow: widen in the config"
                + " and load again: wider types are then chosen from all the data (in place where Delta allows it, else the table"
                + " is rewritten in one commit).");
    }

    /** The types after widening, and whether the whole table was rewritten (this run's rows included). */
    private record Widened(List<TunedColumn> columns, boolean rewritten) {}

    /**
     * New data does not fit and {@code load.on_overflow} is {@code widen}: the columns that overflow get
     * the type {@link TypeTuner} chooses from every run date's data, checked on all of it before
     * anything changes. Delta 3.3 changes in place only byte → short → int, a longer VARCHAR and a
     * dropped NOT NULL; any other change (int → bigint, a wider DECIMAL, FLOAT → DOUBLE…) rewrites
     * the table, this run's rows included, in one commit.
     */
    private Widened widen(String display, String tunedPath, Dataset<Row> clean, List<StructField> fields, Set<String> nonNegative,
            List<TunedColumn> target, Set<String> misfits, List<String> index) {
        Column[] asIngested = Arrays.stream(clean.schema().fields())
                .map(field -> col(quoted(field.name())).cast(field.dataType()).alias(field.name())).toArray(Column[]::new);
        Dataset<Row> all = spark.read().format("delta").load(tunedPath).where(col(DeltaIO.RUN_DATE).notEqual(lit(Date.valueOf(runDate))))
                .select(asIngested).unionByName(clean);
        List<StructField> changing = fields.stream().filter(field -> misfits.contains(field.name())).toList();
        Map<String, TunedColumn> rechosen = new LinkedHashMap<>();
        Jobs.labelled(spark, "load", display + " · wider types from every run date", () -> TypeTuner.tune(all, changing, nonNegative))
                .forEach(column -> rechosen.put(column.column(), column));
        List<TunedColumn> widened = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        boolean inPlace = true;
        for (TunedColumn column : target) {
            TunedColumn chosen = rechosen.get(column.column());
            if (chosen == null) {
                widened.add(column);
                continue;
            }
            // widening never adds a NOT NULL
            boolean notNull = column.notNull() && chosen.notNull();
            String from = column.tunedSql() + (column.notNull() ? " NOT NULL" : "");
            String to = chosen.tunedSql() + (notNull ? " NOT NULL" : "");
            inPlace &= changesInPlace(column, chosen);
            changes.add(column.column() + " " + from + " → " + to);
            widened.add(new TunedColumn(chosen.column(), chosen.untuned(), chosen.tuned(), chosen.tunedSql(), notNull,
                    chosen.nonNegativeCheck(), chosen.nulls(), chosen.min(), chosen.max(), chosen.maxLength(), chosen.untunedBytes(),
                    chosen.tunedBytes(), chosen.reason() + " ; élargi le " + runDate + " (" + from + " → " + to + ")"));
        }
        Map<String, Long> still = misfits(display, all, widened);
        if (!still.isEmpty()) {
            throw overflow(display, widened, still);
        }
        if (inPlace) {
            alterInPlace(tunedPath, target, widened);
            progress.println("[load] " + display + ": types widened in place: " + String.join(", ", changes));
            return new Widened(widened, false);
        }
        rewrite(display, tunedPath, all, widened, index);
        progress.println("[load] " + display + ": table rewritten in one commit with wider types: " + String.join(", ", changes));
        return new Widened(widened, true);
    }

    /** Delta 3.3 on Spark 3.5 changes a column in place only from byte to short or int, or to a longer VARCHAR. */
    private static boolean changesInPlace(TunedColumn from, TunedColumn to) {
        if (from.tunedSql().equals(to.tunedSql())) {
            return true;
        }
        boolean integral = (from.tuned() instanceof ByteType || from.tuned() instanceof ShortType)
                && (to.tuned() instanceof ShortType || to.tuned() instanceof IntegerType) && to.tuned().defaultSize() > from.tuned().defaultSize();
        boolean longer = from.tunedSql().startsWith("VARCHAR(") && to.tunedSql().startsWith("VARCHAR(")
                && varcharLength(to.tunedSql()) > varcharLength(from.tunedSql());
        return integral || longer;
    }

    private static int varcharLength(String sql) {
        return Integer.parseInt(sql.replaceAll("\\D", ""));
    }

    private void alterInPlace(String path, List<TunedColumn> before, List<TunedColumn> after) {
        String table = "delta." + quoted(qualified(path));
        Set<String> constraints = constraints(path);
        for (int i = 0; i < before.size(); i++) {
            TunedColumn from = before.get(i);
            TunedColumn to = after.get(i);
            String column = quoted(to.column());
            if (!from.tunedSql().equals(to.tunedSql())) {
                // Delta refuses to change a column a CHECK constraint reads: dropped here, added again by ensureConstraints
                for (String name : List.of(constraint(to.column()), notNullConstraint(to.column()))) {
                    if (constraints.remove(name)) {
                        spark.sql("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                    }
                }
                if (to.tuned() instanceof ShortType || to.tuned() instanceof IntegerType) {
                    spark.sql("ALTER TABLE " + table + " SET TBLPROPERTIES ('delta.enableTypeWidening' = 'true')");
                }
                spark.sql("ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + to.tunedSql());
            }
            if (from.notNull() && !to.notNull()) {
                if (constraints.remove(notNullConstraint(to.column()))) {
                    spark.sql("ALTER TABLE " + table + " DROP CONSTRAINT " + notNullConstraint(to.column()));
                }
                spark.sql("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL");
            }
        }
    }

    /**
     * Rewrites the whole tuned table with wider types in one commit (every run date, this one
     * included): a reader sees the old table or the new one, never a mix. Delta keeps NOT NULL only
     * from CREATE TABLE, so NOT NULL becomes a CHECK constraint, added first: constraints survive a
     * schema-overwriting write, which checks them.
     */
    private void rewrite(String display, String path, Dataset<Row> all, List<TunedColumn> widened, List<String> index) {
        ensureConstraints(path, widened, true);
        Dataset<Row> typed = typed(all, index, widened);
        SessionSettings.with(spark, codec(), () -> Jobs.labelled(spark, "load", "rewriting " + display + " with wider types", () -> {
            org.apache.spark.sql.DataFrameWriter<Row> writer = typed.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
                    .option("userMetadata", "datapilot load " + runDate + " (types widened)");
            // a schema-overwriting write forgets liquid clustering: ensureClustering sets it again
            (liquid ? writer : writer.partitionBy(DeltaIO.RUN_DATE)).save(path);
        }));
    }

    /** The rows in the tuned table's column order and types; a VARCHAR keeps its length in the column's metadata. */
    private Dataset<Row> typed(Dataset<Row> rows, List<String> index, List<TunedColumn> target) {
        Map<String, TunedColumn> byName = new LinkedHashMap<>();
        target.forEach(column -> byName.put(column.column(), column));
        List<Column> columns = new ArrayList<>();
        for (String column : ordered(index, target, rows.schema())) {
            TunedColumn tuned = byName.get(column);
            if (tuned == null) {
                columns.add(col(quoted(column)));
            } else if (tuned.tunedSql().startsWith("VARCHAR(")) {
                columns.add(col(quoted(column)).cast(tuned.tuned()).as(column, new MetadataBuilder()
                        .putString(VARCHAR_METADATA, tuned.tunedSql().toLowerCase(Locale.ROOT)).build()));
            } else {
                columns.add(col(quoted(column)).cast(tuned.tuned()).alias(column));
            }
        }
        return rows.select(columns.toArray(Column[]::new));
    }

    /** DESCRIBE DETAIL of a Delta table: size, properties (constraints), partition and clustering columns. */
    private Row detail(String path) {
        return DeltaTable.forPath(spark, path).detail().first();
    }

    /** The names of the CHECK constraints of a Delta table. */
    private Set<String> constraints(String path) {
        Row detail = detail(path);
        Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
        Set<String> names = new HashSet<>();
        properties.keySet().stream().filter(key -> key.startsWith("delta.constraints.")).forEach(key -> names.add(
                key.substring("delta.constraints.".length())));
        return names;
    }

    /** The tuned table's Parquet codec, for its writes and its OPTIMIZE. */
    private Map<String, String> codec() {
        return Map.of("spark.sql.parquet.compression.codec", config.load().compression());
    }

    private List<String> index(String name, List<StructField> fields) {
        List<String> names = fields.stream().map(StructField::name).toList();
        List<String> configured = config.load().index();
        if (!configured.isEmpty()) {
            List<String> unknown = configured.stream().filter(column -> !names.contains(column)).toList();
            if (!unknown.isEmpty()) {
                throw new DatapilotException(ErrorKind.CONFIG, "Invalid load.index: " + String.join(", ", unknown) + " not in "
                        + name + " (columns: " + String.join(", ", names) + ").");
            }
            return configured;
        }
        String source = config.dataset() != null && config.dataset().name().equals(name) ? config.dataset().base() : name;
        List<String> key = config.sources().stream().filter(candidate -> candidate.name().equals(source)).findFirst()
                .map(SourceConfig::key).map(Names::columns).orElse(List.of()).stream().filter(names::contains).toList();
        return key.isEmpty() ? List.of() : List.of(key.get(0));
    }

    /**
     * Index columns first, within the 32 columns Delta keeps statistics of; with liquid clustering
     * the run date, a clustering column, right after them.
     */
    private List<String> ordered(List<String> index, List<TunedColumn> target, StructType schema) {
        List<String> order = new ArrayList<>(index);
        if (liquid) {
            order.add(DeltaIO.RUN_DATE);
        }
        target.stream().map(TunedColumn::column).filter(column -> !index.contains(column)).forEach(order::add);
        Arrays.stream(schema.fieldNames()).filter(Profiler.BOOKKEEPING::contains).filter(column -> !order.contains(column)).forEach(order::add);
        return order;
    }

    /** The clustering columns of a liquid table: the run date, then the index. */
    private static List<String> clusteringColumns(List<String> index) {
        List<String> columns = new ArrayList<>(List.of(DeltaIO.RUN_DATE));
        columns.addAll(index);
        return columns;
    }

    /** An existing tuned table must be laid out as {@code load.clustering} says: Delta cannot turn one layout into the other. */
    private void checkLayout(String display, String path) {
        if (!DeltaIO.exists(spark, path)) {
            return;
        }
        Row detail = detail(path);
        boolean partitioned = !detail.getList(detail.fieldIndex("partitionColumns")).isEmpty();
        if (partitioned == liquid) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot load " + display + ": load.clustering is " + config.load().clustering()
                    + " but the table at " + path + " is " + (partitioned ? "partitioned by run date (Z-order)" : "clustered by liquid clustering")
                    + ", and Delta cannot change one into the other. Set load.clustering: " + (partitioned ? "zorder" : "liquid")
                    + " again, or move the table folder away so that the next load builds it " + (liquid ? "clustered" : "partitioned")
                    + " (the earlier run dates it holds would then be lost).");
        }
    }

    /** A liquid table clusters by the run date and the current index (set again after a rewrite, or when the index changed). */
    private void ensureClustering(String path, List<String> index) {
        if (!liquid) {
            return;
        }
        Row detail = detail(path);
        List<Object> current = detail.getList(detail.fieldIndex("clusteringColumns"));
        if (!current.equals(new ArrayList<Object>(clusteringColumns(index)))) {
            spark.sql("ALTER TABLE delta." + quoted(qualified(path)) + " CLUSTER BY (" + String.join(", ", clusteringColumns(index).stream()
                    .map(LoadStage::quoted).toList()) + ")");
        }
    }

    private void createTuned(String path, List<TunedColumn> target, List<String> index, StructType schema) {
        if (DeltaIO.exists(spark, path)) {
            return;
        }
        Map<String, TunedColumn> byName = new LinkedHashMap<>();
        target.forEach(column -> byName.put(column.column(), column));
        List<String> definitions = new ArrayList<>();
        for (String column : ordered(index, target, schema)) {
            TunedColumn tuned = byName.get(column);
            String type = tuned != null ? tuned.tunedSql() : schema.apply(column).dataType().sql();
            boolean notNull = tuned != null ? tuned.notNull() : column.equals(DeltaIO.RUN_DATE);
            definitions.add(quoted(column) + " " + type + (notNull ? " NOT NULL" : ""));
        }
        String layout = liquid ? "CLUSTER BY (" + String.join(", ", clusteringColumns(index).stream().map(LoadStage::quoted).toList()) + ")"
                : "PARTITIONED BY (" + DeltaIO.RUN_DATE + ")";
        spark.sql("CREATE TABLE delta." + quoted(qualified(path)) + " (" + String.join(", ", definitions) + ") USING delta " + layout);
    }

    /**
     * Adds the CHECK constraints the tuned table lacks: {@code column >= 0} for columns that cannot be
     * negative, and {@code column IS NOT NULL} for a NOT NULL column the schema no longer enforces
     * (after a rewrite), or for every NOT NULL column before one ({@code beforeRewrite}). Run on every
     * load, it also finishes a widening killed between dropping and adding a constraint.
     */
    private void ensureConstraints(String path, List<TunedColumn> target, boolean beforeRewrite) {
        String table = "delta." + quoted(qualified(path));
        Set<String> constraints = constraints(path);
        StructType schema = spark.read().format("delta").load(path).schema();
        for (TunedColumn column : target) {
            String name = quoted(column.column());
            if (column.nonNegativeCheck() && !constraints.contains(constraint(column.column()))) {
                spark.sql("ALTER TABLE " + table + " ADD CONSTRAINT " + constraint(column.column()) + " CHECK (" + name + " >= 0)");
            }
            boolean enforced = !schema.apply(column.column()).nullable() && !beforeRewrite;
            if (column.notNull() && !enforced && !constraints.contains(notNullConstraint(column.column()))) {
                spark.sql("ALTER TABLE " + table + " ADD CONSTRAINT " + notNullConstraint(column.column()) + " CHECK (" + name + " IS NOT NULL)");
            }
        }
    }

    /** SQL's delta.`path` needs an absolute path: a relative warehouse is made absolute here. */
    private String qualified(String path) {
        org.apache.hadoop.fs.Path location = new org.apache.hadoop.fs.Path(path);
        try {
            return location.getFileSystem(spark.sessionState().newHadoopConf()).makeQualified(location).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }

    static String constraint(String column) {
        return "non_negatif_" + column.replaceAll("[^a-z0-9_]", "_");
    }

    static String notNullConstraint(String column) {
        return "non_nul_" + column.replaceAll("[^a-z0-9_]", "_");
    }

    /**
     * Compacts the run date's files and clusters them by the index columns (Z-order), into files of
     * {@code load.target_file_mb} at most, and at most a sixteenth of the run date's tuned data each
     * (as written, in its codec): a selective filter then skips at least fifteen files in sixteen
     * (files of 1 MiB at least).
     */
    private void optimise(String display, String path, List<String> index, boolean wholeTable) {
        long target = Math.max(1L << 20, Math.min(config.load().targetFileMb() * (1L << 20), runDateBytes(path) / 16));
        Map<String, String> settings = new HashMap<>(codec());
        settings.put("spark.databricks.delta.optimize.maxFileSize", String.valueOf(target));
        // liquid clustering takes no predicate: OPTIMIZE clusters the files not yet clustered
        String where = wholeTable || liquid ? "" : " WHERE " + DeltaIO.RUN_DATE + " = DATE'" + runDate + "'";
        String zorder = index.isEmpty() || liquid ? "" : " ZORDER BY (" + String.join(", ", index.stream().map(LoadStage::quoted).toList()) + ")";
        String what = liquid ? " (liquid clustering by " + String.join(", ", clusteringColumns(index)) + ")"
                : index.isEmpty() ? "" : " ZORDER BY " + String.join(", ", index);
        SessionSettings.with(spark, settings, () -> Jobs.labelled(spark, "load", display + " · OPTIMIZE" + what,
                () -> spark.sql("OPTIMIZE delta." + quoted(qualified(path)) + where + zorder).collectAsList()));
    }

    /** The size on disk of the run date's files of a Delta table. */
    private long runDateBytes(String path) {
        org.apache.hadoop.conf.Configuration hadoop = spark.sessionState().newHadoopConf();
        long bytes = 0;
        for (String file : DeltaIO.readRunDate(spark, path, runDate).inputFiles()) {
            org.apache.hadoop.fs.Path location = new org.apache.hadoop.fs.Path(file);
            try {
                bytes += location.getFileSystem(hadoop).getFileStatus(location).getLen();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot read the size of " + file + ": " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    /** Rows at each step, from the source files to the tuned table: equal, or the difference explained. */
    private List<Check> verify(String name, String display, long cleanRows, String untunedPath, String tunedPath) {
        List<Check> checks = new ArrayList<>();
        boolean isDataset = config.dataset() != null && config.dataset().name().equals(name);
        String source = isDataset ? config.dataset().base() : name;
        Row runs = DeltaIO.readRunDate(spark, warehouse.table(Layer.AUDIT, "ingest_runs"), runDate).where(col("source").equalTo(source))
                .agg(sum("rows_read"), sum("rows_loaded"), sum("rows_quarantined")).first();
        long read = runs.isNullAt(0) ? 0 : runs.getLong(0);
        long ingestQuarantine = runs.isNullAt(2) ? 0 : runs.getLong(2);
        long bronze = DeltaIO.readRunDate(spark, warehouse.table(Layer.BRONZE, name), runDate).count();
        String bronzeName = Warehouse.displayName(Layer.BRONZE, name);
        checks.add(new Check(display, "source files (" + source + ")", read, null, "lignes lues dans les fichiers", true));
        checks.add(new Check(display, bronzeName, bronze, read - ingestQuarantine, Numbers.count(read) + " lues − "
                + Numbers.count(ingestQuarantine) + " en quarantaine à l'ingestion" + (isDataset ? " (table de base du jeu de données)" : ""),
                bronze == read - ingestQuarantine));
        Row cleaning = DeltaIO.readRunDate(spark, warehouse.table(Layer.AUDIT, CleanStage.AUDIT_TABLE), runDate)
                .where(col("table").equalTo(bronzeName).and(col("action").equalTo("drop_duplicates"))).agg(sum("rows_changed")).first();
        long duplicates = cleaning.isNullAt(0) ? 0 : cleaning.getLong(0);
        long cleanQuarantine = DeltaIO.readRunDate(spark, warehouse.table(Layer.AUDIT, "quarantine"), runDate)
                .where(col("source").equalTo("clean:" + name)).count();
        checks.add(new Check(display, Warehouse.displayName(Layer.SILVER, name + CleanStage.CLEAN_SUFFIX), cleanRows,
                bronze - duplicates - cleanQuarantine, Numbers.count(bronze) + " − " + Numbers.count(duplicates) + " doublons − "
                        + Numbers.count(cleanQuarantine) + " en quarantaine au nettoyage", cleanRows == bronze - duplicates - cleanQuarantine));
        long untuned = DeltaIO.readRunDate(spark, untunedPath, runDate).count();
        long tuned = DeltaIO.readRunDate(spark, tunedPath, runDate).count();
        checks.add(new Check(display, display + UNTUNED_SUFFIX, untuned, cleanRows, "toutes les lignes propres", untuned == cleanRows));
        checks.add(new Check(display, display, tuned, cleanRows, "toutes les lignes propres", tuned == cleanRows));
        checks.stream().filter(check -> !check.ok()).findFirst().ifPresent(check -> {
            throw new IllegalStateException("Load verification of " + display + " failed at " + check.step() + ": " + check.rows()
                    + " rows, " + check.expected() + " expected (" + check.explanation() + ")");
        });
        return checks;
    }

    private void writeSchemaReport(List<TableLoad> loads, Timestamp at) {
        StructType schema = new StructType().add("table", DataTypes.StringType).add("column", DataTypes.StringType)
                .add("untuned_type", DataTypes.StringType).add("tuned_type", DataTypes.StringType)
                .add("untuned_bytes_per_value", DataTypes.DoubleType).add("tuned_bytes_per_value", DataTypes.DoubleType)
                .add("nulls", DataTypes.LongType).add("min", DataTypes.StringType).add("max", DataTypes.StringType)
                .add("max_length", DataTypes.IntegerType).add("not_null", DataTypes.BooleanType).add("check_constraint", DataTypes.StringType)
                .add("index", DataTypes.BooleanType).add("reason", DataTypes.StringType)
                .add("_loaded_at", DataTypes.TimestampType).add(DeltaIO.RUN_DATE, DataTypes.DateType);
        List<Row> rows = new ArrayList<>();
        for (TableLoad load : loads) {
            java.util.Set<String> personal = personalColumns(load.tuned().substring(load.tuned().indexOf('.') + 1));
            for (TunedColumn column : load.columns()) {
                // like the data dictionary: no observed bounds of a personal column, even generalised or pseudonymised
                boolean mask = personal.contains(column.column());
                rows.add(RowFactory.create(load.tuned(), column.column(), column.untuned().sql(), column.tunedSql()
                        + (column.notNull() ? " NOT NULL" : ""), column.untunedBytes(), column.tunedBytes(), column.nulls(),
                        mask ? null : column.min(), mask ? null : column.max(), column.maxLength(), column.notNull(),
                        column.nonNegativeCheck() ? quoted(column.column()) + " >= 0" : null, load.index().contains(column.column()),
                        mask ? column.reason().replaceAll("de −?-?[0-9  ,.]+ à −?-?[0-9  ,.]+", "(bornes masquées : donnée personnelle)")
                                : column.reason(), at, Date.valueOf(runDate)));
            }
        }
        DeltaIO.replaceRunDate(spark.createDataFrame(rows, schema), warehouse.table(Layer.AUDIT, SCHEMA_REPORT), runDate, null,
                "datapilot load " + runDate);
    }

    /** The columns of a table that the data dictionary of the run date marks as personal. */
    private java.util.Set<String> personalColumns(String name) {
        String dictionary = warehouse.table(Layer.AUDIT, "data_dictionary");
        if (!DeltaIO.exists(spark, dictionary)) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(DeltaIO.readRunDate(spark, dictionary, runDate)
                .where(col("table").isin("bronze." + name, name).and(col("personal"))).select("column")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    private void writeVerification(List<TableLoad> loads, Timestamp at) {
        StructType schema = new StructType().add("table", DataTypes.StringType).add("step", DataTypes.StringType)
                .add("rows", DataTypes.LongType).add("expected", DataTypes.LongType).add("explanation", DataTypes.StringType)
                .add("ok", DataTypes.BooleanType).add("_loaded_at", DataTypes.TimestampType).add(DeltaIO.RUN_DATE, DataTypes.DateType);
        List<Row> rows = new ArrayList<>();
        loads.forEach(load -> load.checks().forEach(check -> rows.add(RowFactory.create(check.table(), check.step(), check.rows(),
                check.expected(), check.explanation(), check.ok(), at, Date.valueOf(runDate)))));
        DeltaIO.replaceRunDate(spark.createDataFrame(rows, schema), warehouse.table(Layer.AUDIT, VERIFICATION), runDate, null,
                "datapilot load " + runDate);
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** The stage as {@code datapilot run} and {@code datapilot load} run it. */
    public static StageOutcome outcome(RunContext context) {
        List<TableLoad> loads = new LoadStage(context.spark(), context.config(), context.warehouse(), context.runDate(), context.err())
                .execute();
        PrintStream out = context.out();
        for (TableLoad load : loads) {
            out.println();
            out.println("Schema of " + load.tuned() + " (audit.schema_report), index: " + (load.index().isEmpty() ? "none"
                    : String.join(", ", load.index())));
            ConsoleTable columns = ConsoleTable.of("column", "untuned", "tuned", "bytes", "min", "max", "reason");
            load.columns().forEach(column -> columns.row(column.column(), column.untuned().sql(), column.tunedSql()
                    + (column.notNull() ? " NOT NULL" : "") + (column.nonNegativeCheck() ? " CHECK ≥ 0" : ""),
                    Numbers.decimal(column.untunedBytes(), 1) + " → " + Numbers.decimal(column.tunedBytes(), 1),
                    column.min() == null ? "" : column.min(), column.max() == null ? "" : column.max(), abbreviate(column.reason())));
            out.print(columns.render());
            out.println("Size on disk: tuned " + Numbers.count(load.tunedBytes()) + " bytes, untuned " + Numbers.count(load.untunedBytes())
                    + " bytes (" + Numbers.decimal((double) load.tunedBytes() / Math.max(1, load.untunedBytes()), 2) + "×)");
            out.println("Load verification of " + load.tuned() + " (audit.load_verification)");
            ConsoleTable checks = ConsoleTable.of("step", "rows", "expected", "explanation", "ok");
            load.checks().forEach(check -> checks.row(check.step(), Numbers.count(check.rows()),
                    check.expected() == null ? "" : Numbers.count(check.expected()), check.explanation(), check.ok() ? "yes" : "NO"));
            out.print(checks.render());
        }
        long rows = loads.stream().mapToLong(TableLoad::rows).sum();
        return new StageOutcome(rows, rows, 0);
    }

    private static String abbreviate(String value) {
        return value.length() > 70 ? value.substring(0, 67) + "…" : value;
    }
}
