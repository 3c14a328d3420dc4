package io.datapilot.clean;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.CleanConfig;
import io.datapilot.core.config.CleanConfig.AnomalyPolicy;
import io.datapilot.core.config.ColumnCleaningConfig;
import io.datapilot.core.config.ColumnCleaningConfig.Imputation;
import io.datapilot.core.spark.Jobs;
import io.datapilot.profile.Profiler;
import io.datapilot.profile.QualityAlerts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * Cleans one table of one run date, in this order: exact duplicates dropped; declared placeholders
 * ({@code clean.columns.<column>.placeholders}) made missing; category variants merged; impossible
 * negative values and outliers handled by policy (flag, cap, null, quarantine); missing values
 * imputed. Anomaly fences come from one aggregate pass, every imputation value from one more
 * aggregate pass for all columns (plus one small group-by per {@code median_by} column), category
 * variants and modes from one frequency shuffle. Every change is a {@link CleaningAction}.
 * Columns the profile marks as personal get no default treatment.
 */
final class Cleaner {
    static final String FLAG_SUFFIX = "_aberrant";
    static final String MISSING_SUFFIX = "_manquant";
    private static final int MAX_GROUPS = 10_000;
    private static final Set<String> NUMERIC_SEMANTICS = Set.of("continuous", "amount", "discrete");
    private static final Set<String> CATEGORY_SEMANTICS = Set.of("categorical", "boolean");
    private static final Set<String> CONTINUOUS_SEMANTICS = Set.of("continuous", "amount");

    private final SparkSession spark;
    private final String table;
    private final CleanConfig config;
    private final Map<String, String> semantics;
    private final Set<String> targets;
    private final Set<String> nonNegative;
    private final List<CleaningAction> actions = new ArrayList<>();

    /** Result: the clean rows (lazy), the rows sent to quarantine (lazy), counts and the actions taken. */
    record Result(Dataset<Row> clean, Dataset<Row> quarantined, long rowsIn, long duplicates, long quarantinedRows,
            List<CleaningAction> actions) {}

    Cleaner(SparkSession spark, String table, CleanConfig config, Map<String, String> semantics, Set<String> targets,
            Set<String> nonNegative) {
        this.spark = spark;
        this.table = table;
        this.config = config;
        this.semantics = semantics;
        this.targets = targets;
        this.nonNegative = nonNegative;
    }

    Result clean(Dataset<Row> bronze) {
        // the generated key (key: auto) numbers the rows: two identical observations differ only by it
        List<StructField> fields = Arrays.stream(bronze.schema().fields()).filter(field -> !Profiler.BOOKKEEPING.contains(field.name()))
                .filter(field -> !Profiler.isGeneratedKey(field))
                .toList();
        checkConfiguredColumns(fields);
        // built before any Spark job, so that a placeholder the column's type cannot hold stops the stage at once
        Map<StructField, Column> placeholders = new LinkedHashMap<>();
        for (StructField field : fields) {
            ColumnCleaningConfig settings = columnConfig(field.name());
            if (settings != null && !settings.placeholders().isEmpty()) {
                placeholders.put(field, Placeholders.condition(table, configKey(field.name()), field, settings.placeholders()));
            }
        }
        // 1. exact duplicates: every data column equal
        Dataset<Row> data = bronze;
        if (config.dropDuplicates()) {
            // the first occurrence (by file and row number) stays, whatever the partitioning: reruns agree
            org.apache.spark.sql.expressions.WindowSpec sameData = org.apache.spark.sql.expressions.Window.partitionBy(
                    fields.stream().map(field -> col(quoted(field.name()))).toArray(Column[]::new))
                    .orderBy(col("_source_file"), col("_row_number"));
            data = bronze.withColumn("_occurrence", org.apache.spark.sql.functions.row_number().over(sameData))
                    .where(col("_occurrence").equalTo(1)).drop("_occurrence");
        }
        data = blanksToNull(data, fields).cache();
        long rowsIn = bronze.count();
        long deduplicated = data.count();
        if (config.dropDuplicates()) {
            actions.add(new CleaningAction(table, null, "drop_duplicates", "drop", null, rowsIn - deduplicated, decidedBy(null, "drop_duplicates"),
                    "Lignes dont toutes les colonnes de données sont identiques à une autre ligne (clean.drop_duplicates)."));
        }
        // 1b. declared placeholders become missing values, before any frequency, fence or imputation value is computed
        List<String> placeholderKeys = new ArrayList<>();
        for (Map.Entry<StructField, Column> placeholder : placeholders.entrySet()) {
            String name = placeholder.getKey().name();
            String key = "placeholder|" + name;
            data = data.withColumn(key, coalesce(placeholder.getValue(), lit(false)));
            Column missing = lit(null).cast(placeholder.getKey().dataType());
            data = data.withColumn(name, when(col(quoted(key)), missing).otherwise(col(quoted(name))));
            placeholderKeys.add(key);
        }
        // 2. category variants, and the modes of categorical columns, from one frequency shuffle
        Map<String, Map<String, Long>> frequencies = frequencies(data, fields);
        Map<String, Object> modes = new HashMap<>();
        for (StructField field : fields) {
            Map<String, Long> counts = frequencies.get(field.name());
            if (counts == null) {
                continue;
            }
            Map<String, Long> merged = counts;
            if (field.dataType() instanceof StringType && normalise(field.name())) {
                Map<String, String> labels = labels(counts);
                long changed = labels.entrySet().stream().filter(entry -> !entry.getKey().equals(entry.getValue()))
                        .mapToLong(entry -> counts.get(entry.getKey())).sum();
                if (changed > 0) {
                    data = data.withColumn(field.name(), coalesce(element_at(mapOf(labels), col(quoted(field.name()))),
                            col(quoted(field.name()))));
                    actions.add(new CleaningAction(table, field.name(), "normalise", "variants", variants(labels), changed,
                            decidedBy(field.name(), "normalise"), "Variantes de casse, d'accents ou d'espaces d'un même libellé,"
                            + " remplacées par la graphie la plus fréquente."));
                }
                merged = new HashMap<>();
                for (Map.Entry<String, Long> entry : counts.entrySet()) {
                    merged.merge(labels.get(entry.getKey()), entry.getValue(), Long::sum);
                }
            }
            merged.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                    Comparator.reverseOrder()))).ifPresent(mode -> modes.put(field.name(), mode.getKey()));
        }
        // 3. impossible negatives and outliers: each condition kept in a temporary column, measured before the change
        List<StructField> numeric = fields.stream().filter(field -> field.dataType() instanceof NumericType
                && !targets.contains(field.name())).toList();
        Map<String, double[]> fences = fences(data, numeric);
        List<Column> quarantineReasons = new ArrayList<>();
        List<String> anomalies = new ArrayList<>();
        for (StructField field : numeric) {
            String name = field.name();
            Column value = col(quoted(name));
            if (QualityAlerts.nonNegative(name, nonNegative)) {
                AnomalyPolicy policy = policy(name, true);
                String key = "impossible|" + name + "|" + policy + "|≥ 0";
                data = data.withColumn(key, coalesce(value.lt(0), lit(false)));
                anomalies.add(key);
                data = applyPolicy(data, field, policy, col(quoted(key)), lit(0).cast(field.dataType()), quarantineReasons,
                        "valeur négative impossible dans " + name);
            }
            double[] fence = fences.get(name);
            if (fence != null && CONTINUOUS_SEMANTICS.contains(semantics.get(name))) {
                AnomalyPolicy policy = policy(name, false);
                String key = "outliers|" + name + "|" + policy + "|[" + format(fence[0]) + " ; " + format(fence[1]) + "]";
                data = data.withColumn(key, coalesce(value.lt(fence[0]).or(value.gt(fence[1])), lit(false)));
                anomalies.add(key);
                Column capped = when(value.lt(fence[0]), lit(fence[0])).otherwise(lit(fence[1])).cast(field.dataType());
                data = applyPolicy(data, field, policy, col(quoted(key)), capped, quarantineReasons, "valeur aberrante dans " + name
                        + " (hors de [" + format(fence[0]) + " ; " + format(fence[1]) + "])");
            }
        }
        Column reason = quarantineReasons.isEmpty() ? lit("")
                : org.apache.spark.sql.functions.concat_ws(" ; ", quarantineReasons.toArray(Column[]::new));
        Dataset<Row> marked = data.withColumn("_reason", reason).cache();
        Column kept = col("_reason").equalTo("");
        // 4. imputation values of the rows kept: one aggregate pass for every column, with the count of every change
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(sum(when(kept, 1).otherwise(0)).alias("_rows"));
        Map<String, Imputation> strategies = new LinkedHashMap<>();
        for (StructField field : fields) {
            Imputation strategy = strategy(field);
            if (strategy == Imputation.NONE) {
                continue;
            }
            strategies.put(field.name(), strategy);
            Column value = when(kept, col(quoted(field.name())));
            aggregates.add(sum(when(kept.and(value.isNull()), 1).otherwise(0)).alias("nulls|" + field.name()));
            if (strategy == Imputation.MEAN) {
                aggregates.add(avg(value.cast(DataTypes.DoubleType)).alias("value|" + field.name()));
            } else if (strategy == Imputation.MEDIAN || strategy == Imputation.MEDIAN_BY) {
                aggregates.add(percentile_approx(value.cast(DataTypes.DoubleType), lit(0.5), lit(10_000)).alias("value|" + field.name()));
            }
        }
        anomalies.forEach(key -> aggregates.add(sum(when(col(quoted(key)), 1).otherwise(0)).alias("count|" + key)));
        placeholderKeys.forEach(key -> aggregates.add(sum(when(col(quoted(key)), 1).otherwise(0)).alias("count|" + key)));
        Row totals = Jobs.labelled(spark, "clean", table + " · imputation values and counts",
                () -> marked.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first());
        recordPlaceholders(totals, placeholderKeys);
        recordAnomalies(totals, anomalies);
        anomalies.addAll(placeholderKeys);
        Dataset<Row> quarantined = marked.where(org.apache.spark.sql.functions.not(kept)).drop(anomalies.toArray(String[]::new));
        data = marked.where(kept).drop("_reason").drop(anomalies.toArray(String[]::new));
        long rowsOut = totals.getLong(totals.fieldIndex("_rows"));
        for (Map.Entry<String, Imputation> entry : strategies.entrySet()) {
            String name = entry.getKey();
            StructField field = fields.stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
            long missing = totals.getLong(totals.fieldIndex("nulls|" + name));
            if (config.missingIndicators() && missing > 0) {
                data = data.withColumn(name + MISSING_SUFFIX, col(quoted(name)).isNull());
                actions.add(new CleaningAction(table, name, "missing_indicator", "flag", name + MISSING_SUFFIX, missing, "config",
                        "clean.missing_indicators"));
            }
            Object fill = switch (entry.getValue()) {
                case MEAN, MEDIAN, MEDIAN_BY -> totals.isNullAt(totals.fieldIndex("value|" + name)) ? null
                        : totals.get(totals.fieldIndex("value|" + name));
                case ZERO -> 0;
                case CONSTANT -> columnConfig(name).value();
                case MODE -> modes.get(name);
                case NONE -> null;
            };
            if (fill == null || missing == 0) {
                continue;
            }
            Column filled = lit(fill).cast(field.dataType());
            if (field.dataType() instanceof NumericType && !(field.dataType() instanceof DoubleType || field.dataType() instanceof FloatType
                    || field.dataType() instanceof DecimalType)) {
                filled = org.apache.spark.sql.functions.round(lit(fill).cast(DataTypes.DoubleType)).cast(field.dataType());
            }
            String used = fill.toString();
            if (entry.getValue() == Imputation.MEDIAN_BY) {
                String by = columnConfig(name).by();
                Map<String, Object> perGroup = groupMedians(data, name, by);
                filled = coalesce(element_at(mapOf(perGroup), col(quoted(by)).cast(DataTypes.StringType)).cast(field.dataType()), filled);
                used = "médiane par " + by + " (" + perGroup.size() + " groupes), sinon " + fill;
            }
            data = data.withColumn(name, coalesce(col(quoted(name)), filled));
            actions.add(new CleaningAction(table, name, "impute", entry.getValue().name().toLowerCase(java.util.Locale.ROOT), used, missing,
                    decidedBy(name, "impute"), reason(name, entry.getValue())));
        }
        long quarantinedRows = deduplicated - rowsOut;
        return new Result(data, quarantined, rowsIn, rowsIn - deduplicated, quarantinedRows, List.copyOf(actions));
    }

    private void recordPlaceholders(Row totals, List<String> keys) {
        for (String key : keys) {
            String name = key.substring(key.indexOf('|') + 1);
            List<String> values = columnConfig(name).placeholders();
            actions.add(new CleaningAction(table, name, "placeholder", "null", String.join(", ", values.stream().map(value -> "«" + value
                    + "»").toList()), totals.getLong(totals.fieldIndex("count|" + key)), "config", "clean.columns." + configKey(name)
                    + ".placeholders : valeurs déclarées comme codes de valeur manquante, devenues des valeurs manquantes"
                    + " (puis imputées selon la règle de la colonne)."));
        }
    }

    private void recordAnomalies(Row totals, List<String> keys) {
        for (String key : keys) {
            String[] parts = key.split("\\|", -1);
            long rows = totals.getLong(totals.fieldIndex("count|" + key));
            String name = parts[1];
            String policy = parts[2].toLowerCase(java.util.Locale.ROOT);
            boolean impossible = parts[0].equals("impossible");
            actions.add(new CleaningAction(table, name, parts[0], policy, parts[3], rows,
                    decidedBy(name, parts[0]), impossible
                            ? "Colonne qui ne peut pas être négative (nom de quantité, d'âge, de durée… ou profile.non_negative)."
                            : "Valeurs hors des clôtures de Tukey (Q1 − 1,5 IQR ; Q3 + 1,5 IQR) d'une colonne continue."));
        }
    }

    private Dataset<Row> applyPolicy(Dataset<Row> data, StructField field, AnomalyPolicy policy, Column condition, Column replacement,
            List<Column> quarantineReasons, String reason) {
        Column value = col(quoted(field.name()));
        return switch (policy) {
            case KEEP -> data;
            case FLAG -> {
                String flag = field.name() + FLAG_SUFFIX;
                Column earlier = Arrays.asList(data.columns()).contains(flag) ? col(quoted(flag)) : lit(false);
                yield data.withColumn(flag, condition.or(earlier));
            }
            case CAP -> data.withColumn(field.name(), when(condition, replacement).otherwise(value));
            case NULL -> data.withColumn(field.name(), when(condition, lit(null).cast(field.dataType())).otherwise(value));
            case QUARANTINE -> {
                quarantineReasons.add(when(condition, lit(reason)));
                yield data;
            }
        };
    }

    /** Empty and blank texts are missing values too. */
    private Dataset<Row> blanksToNull(Dataset<Row> data, List<StructField> fields) {
        for (StructField field : fields) {
            if (field.dataType() instanceof StringType && strategy(field) != Imputation.NONE) {
                Column value = col(quoted(field.name()));
                data = data.withColumn(field.name(), when(trim(value).equalTo(""), lit(null).cast(DataTypes.StringType)).otherwise(value));
            }
        }
        return data;
    }

    private Map<String, Map<String, Long>> frequencies(Dataset<Row> data, List<StructField> fields) {
        List<Column> pairs = new ArrayList<>();
        for (StructField field : fields) {
            String semantic = semantics.get(field.name());
            if (CATEGORY_SEMANTICS.contains(semantic) && (field.dataType() instanceof StringType || field.dataType() instanceof BooleanType)) {
                pairs.add(struct(lit(field.name()).alias("k"), col(quoted(field.name())).cast(DataTypes.StringType).alias("v")));
            }
        }
        Map<String, Map<String, Long>> frequencies = new HashMap<>();
        if (pairs.isEmpty()) {
            return frequencies;
        }
        List<Row> rows = Jobs.labelled(spark, "clean", table + " · category frequencies", () -> data
                .select(explode(org.apache.spark.sql.functions.array(pairs.toArray(Column[]::new))).alias("p"))
                .select(col("p.k").alias("k"), col("p.v").alias("v")).where(col("v").isNotNull())
                .groupBy("k", "v").agg(count(lit(1)).alias("n")).collectAsList());
        for (Row row : rows) {
            frequencies.computeIfAbsent(row.getString(0), key -> new HashMap<>()).put(row.getString(1), row.getLong(2));
        }
        return frequencies;
    }

    /** Variant → label: within each group of values equal but for case, accents and spaces, the most frequent spelling. */
    static Map<String, String> labels(Map<String, Long> counts) {
        Map<String, List<Map.Entry<String, Long>>> groups = new HashMap<>();
        counts.entrySet().forEach(entry -> groups.computeIfAbsent(QualityAlerts.canonical(entry.getKey()), key -> new ArrayList<>())
                .add(entry));
        Map<String, String> labels = new TreeMap<>();
        for (List<Map.Entry<String, Long>> group : groups.values()) {
            String label = group.stream().max(Map.Entry.<String, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            group.forEach(entry -> labels.put(entry.getKey(), label.trim().replaceAll("\\s+", " ")));
        }
        return labels;
    }

    private Map<String, double[]> fences(Dataset<Row> data, List<StructField> numeric) {
        List<Column> quartiles = new ArrayList<>();
        for (StructField field : numeric) {
            if (CONTINUOUS_SEMANTICS.contains(semantics.get(field.name())) && policy(field.name(), false) != AnomalyPolicy.KEEP) {
                quartiles.add(percentile_approx(col(quoted(field.name())).cast(DataTypes.DoubleType), lit(new double[] {0.25, 0.75}),
                        lit(10_000)).alias(field.name()));
            }
        }
        Map<String, double[]> fences = new HashMap<>();
        if (quartiles.isEmpty()) {
            return fences;
        }
        Row row = Jobs.labelled(spark, "clean", table + " · quartiles for the outlier fences",
                () -> data.agg(quartiles.get(0), quartiles.subList(1, quartiles.size()).toArray(Column[]::new)).first());
        for (int i = 0; i < row.size(); i++) {
            if (!row.isNullAt(i)) {
                List<Double> q = row.getList(i);
                double spread = q.get(1) - q.get(0);
                fences.put(row.schema().fields()[i].name(), new double[] {q.get(0) - 1.5 * spread, q.get(1) + 1.5 * spread});
            }
        }
        return fences;
    }

    private Map<String, Object> groupMedians(Dataset<Row> data, String column, String by) {
        List<Row> rows = Jobs.labelled(spark, "clean", table + " · median of " + column + " per " + by, () -> data
                .where(col(quoted(column)).isNotNull())
                .groupBy(col(quoted(by)).cast(DataTypes.StringType).alias("g"))
                .agg(percentile_approx(col(quoted(column)).cast(DataTypes.DoubleType), lit(0.5), lit(10_000)).alias("m"))
                .where(col("g").isNotNull()).limit(MAX_GROUPS + 1).collectAsList());
        if (rows.size() > MAX_GROUPS) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot impute " + table + "." + column + " by the median per " + by + ": "
                    + by + " has more than " + MAX_GROUPS + " groups, so the medians would not be representative. Choose a"
                    + " categorical column in clean.columns." + column + ".by, or use impute: median.");
        }
        Map<String, Object> medians = new TreeMap<>();
        rows.forEach(row -> medians.put(row.getString(0), row.get(1)));
        return medians;
    }

    private Imputation strategy(StructField field) {
        String name = field.name();
        ColumnCleaningConfig configured = columnConfig(name);
        if (targets.contains(name)) {
            return Imputation.NONE;
        }
        if (configured != null && configured.impute() != null) {
            return configured.impute();
        }
        String semantic = semantics.getOrDefault(name, "");
        if (NUMERIC_SEMANTICS.contains(semantic) && field.dataType() instanceof NumericType) {
            return Imputation.MEDIAN;
        }
        if (CATEGORY_SEMANTICS.contains(semantic)) {
            return Imputation.MODE;
        }
        return Imputation.NONE;
    }

    private String reason(String name, Imputation strategy) {
        if (columnConfig(name) != null && columnConfig(name).impute() != null) {
            return "clean.columns." + name + ".impute";
        }
        String semantic = semantics.getOrDefault(name, "?");
        return strategy == Imputation.MEDIAN
                ? "Colonne " + semantic + " : la médiane résiste aux valeurs extrêmes et aux distributions asymétriques."
                : "Colonne " + semantic + " : la modalité la plus fréquente.";
    }

    private AnomalyPolicy policy(String name, boolean impossible) {
        ColumnCleaningConfig configured = columnConfig(name);
        AnomalyPolicy own = configured == null ? null : impossible ? configured.impossible() : configured.outliers();
        return own != null ? own : impossible ? config.impossible() : config.outliers();
    }

    private boolean normalise(String name) {
        ColumnCleaningConfig configured = columnConfig(name);
        return configured != null && configured.normalise() != null ? configured.normalise() : config.normaliseCategories();
    }

    private String decidedBy(String name, String what) {
        ColumnCleaningConfig configured = name == null ? null : columnConfig(name);
        if (configured == null) {
            return "default";
        }
        boolean set = switch (what) {
            case "impute" -> configured.impute() != null;
            case "outliers" -> configured.outliers() != null;
            case "impossible" -> configured.impossible() != null;
            case "normalise" -> configured.normalise() != null;
            default -> false;
        };
        return set ? "config" : "default";
    }

    /** The key of clean.columns that configures this column: {@code table.column}, else {@code column}. */
    private String configKey(String name) {
        String bare = table.substring(table.indexOf('.') + 1);
        return config.columns().containsKey(bare + "." + name) ? bare + "." + name : name;
    }

    private ColumnCleaningConfig columnConfig(String name) {
        String bare = table.substring(table.indexOf('.') + 1);
        ColumnCleaningConfig specific = config.columns().get(bare + "." + name);
        return specific != null ? specific : config.columns().get(name);
    }

    private void checkConfiguredColumns(List<StructField> fields) {
        String bare = table.substring(table.indexOf('.') + 1);
        List<String> names = fields.stream().map(StructField::name).toList();
        for (Map.Entry<String, ColumnCleaningConfig> entry : config.columns().entrySet()) {
            String key = entry.getKey();
            String column = key.startsWith(bare + ".") ? key.substring(bare.length() + 1) : key.contains(".") ? null : key;
            if (column == null) {
                continue;
            }
            ColumnCleaningConfig settings = entry.getValue();
            if (!names.contains(column)) {
                continue; // a bare column name applies to the tables that have it
            }
            if (settings.impute() == Imputation.MEDIAN_BY && (settings.by() == null || !names.contains(settings.by()))) {
                throw new DatapilotException(ErrorKind.CONFIG, "Invalid clean.columns." + key + ".by: "
                        + (settings.by() == null ? "missing" : "\"" + settings.by() + "\" is not a column of " + table)
                        + "; median_by needs the column whose groups get their own median (columns: " + String.join(", ", names) + ").");
            }
        }
    }

    private static Column mapOf(Map<String, ?> entries) {
        List<Column> keysAndValues = new ArrayList<>();
        entries.forEach((key, value) -> {
            keysAndValues.add(lit(key));
            keysAndValues.add(lit(value));
        });
        return map(keysAndValues.toArray(Column[]::new));
    }

    private static String variants(Map<String, String> labels) {
        List<String> changes = labels.entrySet().stream().filter(entry -> !entry.getKey().equals(entry.getValue()))
                .map(entry -> "«" + entry.getKey() + "» → «" + entry.getValue() + "»").toList();
        return String.join(", ", changes.subList(0, Math.min(20, changes.size()))) + (changes.size() > 20 ? " …" : "");
    }

    private static String format(double value) {
        return io.datapilot.core.text.Numbers.decimal(value, 2);
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
