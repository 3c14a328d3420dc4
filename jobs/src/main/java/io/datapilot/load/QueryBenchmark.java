package io.datapilot.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.spark.JobCounter;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The same representative queries on the untuned and the tuned table of a run date: a selective
 * filter on the index column, a date range, a group-by aggregate, a selection of columns and rows,
 * a join on the index. Each runs after warm-ups, several times; what is kept: the median time, the
 * files read out of the files of the run date, and the bytes scanned (from Spark's scan metrics).
 */
public final class QueryBenchmark {

    /** One query on one table. */
    public record Measure(String query, String table, List<Double> seconds, double medianSeconds, double minSeconds, double maxSeconds,
            long filesRead, long filesTotal, long bytesRead, long rows) {}

    private record Query(String name, Function<Dataset<Row>, Dataset<Row>> build) {}

    private final SparkSession spark;

    public QueryBenchmark(SparkSession spark) {
        this.spark = spark;
    }

    public List<Measure> run(String untunedPath, String tunedPath, List<String> index, LocalDate runDate, int runs, int warmups) {
        Dataset<Row> tuned = DeltaIO.readRunDate(spark, tunedPath, runDate);
        List<Query> queries = queries(tuned, index);
        List<Measure> measures = new ArrayList<>();
        for (Query query : queries) {
            measures.add(measure(query, "untuned", untunedPath, runDate, runs, warmups));
            measures.add(measure(query, "tuned", tunedPath, runDate, runs, warmups));
        }
        return measures;
    }

    private List<Query> queries(Dataset<Row> tuned, List<String> index) {
        List<StructField> fields = Arrays.stream(tuned.schema().fields()).filter(field -> !field.name().startsWith("_")).toList();
        List<Query> queries = new ArrayList<>();
        if (!index.isEmpty()) {
            String key = index.get(0);
            // a value taken from the middle of the data, by hash: neither the first nor the last file's
            Row picked = tuned.select(col(quoted(key))).where(col(quoted(key)).isNotNull())
                    .orderBy(org.apache.spark.sql.functions.xxhash64(col(quoted(key)))).limit(1).first();
            Object value = picked.get(0);
            queries.add(new Query("filtre sélectif sur " + key, table -> table.where(col(quoted(key)).equalTo(lit(value)))));
            queries.add(new Query("jointure sur " + key, table -> table.where(col(quoted(key)).equalTo(lit(value))).alias("a")
                    .join(table.alias("b"), col("a." + quoted(key)).equalTo(col("b." + quoted(key))))));
        }
        StructField amount = fields.stream().filter(field -> field.dataType() instanceof NumericType).findFirst().orElse(null);
        fields.stream().filter(field -> field.dataType() instanceof DateType || field.dataType() instanceof TimestampType).findFirst()
                .ifPresent(date -> {
                    // the rows between the tenth and the fifth of the dates, by approximate percentiles, so that the range
                    // holds rows whatever gaps the dates have (a range of the calendar can fall between two files' values);
                    // read and written as text, so that the session's time zone, not the JVM's, places midnight
                    org.apache.spark.sql.Column bounds = org.apache.spark.sql.functions.percentile_approx(col(quoted(date.name())),
                            org.apache.spark.sql.functions.array(lit(0.1), lit(0.2)), lit(10_000));
                    Row range = tuned.agg(bounds.getItem(0).cast("timestamp").cast("string"), bounds.getItem(1).cast("timestamp").cast("string"))
                            .first();
                    if (!range.isNullAt(0)) {
                        // whole days when the tuned column is a DATE: the same rows in both tables
                        boolean days = date.dataType() instanceof DateType;
                        java.time.LocalDateTime first = java.time.LocalDateTime.parse(range.getString(0).replace(' ', 'T'));
                        java.time.LocalDateTime last = java.time.LocalDateTime.parse(range.getString(1).replace(' ', 'T'));
                        java.time.LocalDateTime low = days ? first.toLocalDate().atStartOfDay() : first;
                        java.time.LocalDateTime high = days ? last.toLocalDate().atStartOfDay() : last;
                        java.time.format.DateTimeFormatter text = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
                        // the predicate on the column itself, so that file statistics can skip files; an aggregate, not a collect
                        queries.add(new Query("intervalle de dates sur " + date.name(), table -> {
                            String type = table.schema().apply(date.name()).dataType() instanceof DateType ? "date" : "timestamp";
                            org.apache.spark.sql.Column from = lit(low.format(text)).cast(type);
                            org.apache.spark.sql.Column to = lit(high.format(text)).cast(type);
                            Dataset<Row> rows = table.where(col(quoted(date.name())).between(from, to));
                            return amount == null ? rows.agg(org.apache.spark.sql.functions.count(lit(1)))
                                    : rows.agg(org.apache.spark.sql.functions.count(lit(1)), org.apache.spark.sql.functions.sum(col(quoted(amount.name()))));
                        }));
                    }
                });
        StructField category = fields.stream().filter(field -> field.dataType() instanceof StringType && !index.contains(field.name()))
                .findFirst().orElse(null);
        if (category != null && amount != null) {
            queries.add(new Query("agrégat par " + category.name(), table -> table.groupBy(col(quoted(category.name())))
                    .agg(org.apache.spark.sql.functions.count(lit(1)), org.apache.spark.sql.functions.avg(col(quoted(amount.name()))))));
        }
        if (amount != null) {
            List<org.apache.spark.sql.Column> some = fields.stream().limit(5).map(field -> col(quoted(field.name()))).toList();
            queries.add(new Query("sélection de colonnes et de lignes", table -> table.where(col(quoted(amount.name())).isNotNull())
                    .select(some.toArray(org.apache.spark.sql.Column[]::new)).limit(1000)));
        }
        return queries;
    }

    private Measure measure(Query query, String label, String path, LocalDate runDate, int runs, int warmups) {
        long total = DeltaTable.forPath(spark, path).toDF().where(col(DeltaIO.RUN_DATE).equalTo(lit(Date.valueOf(runDate))))
                .inputFiles().length;
        for (int i = 0; i < warmups; i++) {
            query.build().apply(DeltaIO.readRunDate(spark, path, runDate)).collectAsList();
        }
        List<Double> times = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        long rows = 0;
        for (int i = 0; i < runs; i++) {
            Dataset<Row> result = query.build().apply(DeltaIO.readRunDate(spark, path, runDate));
            long start = System.nanoTime();
            try (JobCounter ignored = JobCounter.start(spark)) {
                rows = result.collectAsList().size();
            }
            times.add((System.nanoTime() - start) / 1e9);
            long[] scanned = scanned(result.queryExecution().executedPlan());
            files = scanned[0];
            bytes = scanned[1];
        }
        List<Double> sorted = times.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return new Measure(query.name(), label, List.copyOf(times), median, sorted.get(0), sorted.get(sorted.size() - 1), files, total,
                bytes, rows);
    }

    /** Bytes on disk of the data files that hold a run date's rows (the files a query of that date may read). */
    public static long runDateBytes(SparkSession spark, String path, LocalDate runDate) {
        org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        long bytes = 0;
        for (String file : DeltaTable.forPath(spark, path).toDF().where(col(DeltaIO.RUN_DATE).equalTo(lit(Date.valueOf(runDate))))
                .inputFiles()) {
            org.apache.hadoop.fs.Path location = new org.apache.hadoop.fs.Path(file);
            try {
                bytes += location.getFileSystem(hadoop).getFileStatus(location).getLen();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot read the size of " + file + " (a data file of " + path + "): "
                        + e.getMessage(), e);
            }
        }
        return bytes;
    }

    /** Files and bytes read by every file scan of an executed plan (adaptive stages included). */
    static long[] scanned(SparkPlan plan) {
        long[] totals = new long[2];
        List<SparkPlan> pending = new ArrayList<>(List.of(plan));
        while (!pending.isEmpty()) {
            SparkPlan node = pending.remove(pending.size() - 1);
            if (node instanceof AdaptiveSparkPlanExec adaptive) {
                pending.add(adaptive.executedPlan());
            } else if (node instanceof QueryStageExec stage) {
                pending.add(stage.plan());
            } else if (node instanceof FileSourceScanExec scan) {
                totals[0] += metric(scan, "numFiles");
                totals[1] += metric(scan, "filesSize");
            }
            pending.addAll(CollectionConverters.asJava(node.children()));
        }
        return totals;
    }

    private static long metric(SparkPlan node, String name) {
        scala.Option<org.apache.spark.sql.execution.metric.SQLMetric> metric = node.metrics().get(name);
        return metric.isDefined() ? metric.get().value() : 0;
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
