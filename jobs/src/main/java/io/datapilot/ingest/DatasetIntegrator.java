package io.datapilot.ingest;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.spark.Jobs;
import io.datapilot.ingest.DatasetPlan.AggregationPlan;
import io.datapilot.ingest.DatasetPlan.KeyPair;
import io.datapilot.ingest.DatasetPlan.RelationPlan;
import io.datapilot.ingest.IngestResult.DatasetResult;
import io.datapilot.ingest.IngestResult.RelationResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds the data set at the grain of its base source: each finer source is aggregated per base
 * key, each coarser source is looked up, all with left joins so that no base row is lost. Keys
 * that do not meet are counted in both directions and reported, never silently dropped.
 */
final class DatasetIntegrator {
    private static final String KEY_PREFIX = "_key_";

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final LocalDate runDate;

    DatasetIntegrator(SparkSession spark, Warehouse warehouse, LocalDate runDate) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.runDate = runDate;
    }

    DatasetResult integrate(DatasetPlan plan) {
        Dataset<Row> base = DeltaIO.readRunDate(spark, IngestTables.bronze(warehouse, plan.base()), runDate);
        long baseRows = Jobs.labelled(spark, "ingest", plan.name() + " · counting base rows", base::count);
        Dataset<Row> integrated = base;
        List<RelationResult> results = new ArrayList<>();
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            for (RelationPlan relation : plan.relations()) {
                Dataset<Row> source = DeltaIO.readRunDate(spark, IngestTables.bronze(warehouse, relation.source()), runDate);
                Dataset<Row> perKey = perKey(relation, source).persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(perKey);
                results.add(report(relation, base, perKey));
                Column condition = null;
                for (int i = 0; i < relation.keys().size(); i++) {
                    Column equal = base.col(RowParser.quoted(relation.keys().get(i).baseColumn())).equalTo(perKey.col(KEY_PREFIX + i));
                    condition = condition == null ? equal : condition.and(equal);
                }
                integrated = integrated.join(perKey, condition, "left");
                for (int i = 0; i < relation.keys().size(); i++) {
                    integrated = integrated.drop(perKey.col(KEY_PREFIX + i));
                }
                integrated = integrated.drop(perKey.col("_rows"));
            }
            Dataset<Row> output = integrated.select(orderedColumns(base, plan));
            Jobs.labelled(spark, "ingest", plan.name() + " · writing bronze." + plan.name(),
                    () -> DeltaIO.replaceRunDate(output, IngestTables.bronze(warehouse, plan.name()), runDate, null,
                            "datapilot ingest " + runDate + " dataset"));
        } finally {
            cached.forEach(Dataset::unpersist);
        }
        Dataset<Row> written = DeltaIO.readRunDate(spark, IngestTables.bronze(warehouse, plan.name()), runDate);
        long rows = Jobs.labelled(spark, "ingest", plan.name() + " · checking the written data set", written::count);
        if (rows != baseRows) {
            throw new IllegalStateException("The data set " + plan.name() + " has " + rows + " rows but its base "
                    + plan.base() + " has " + baseRows + ": a join multiplied rows");
        }
        return new DatasetResult(plan.name(), rows, written.columns().length, baseRows, results);
    }

    /** Base columns first (bookkeeping columns last), then each relation's columns. */
    private static Column[] orderedColumns(Dataset<Row> base, DatasetPlan plan) {
        List<Column> columns = new ArrayList<>();
        List<String> bookkeeping = List.of(IngestTables.SOURCE_FILE, IngestTables.ROW_NUMBER, IngestTables.INGESTED_AT, DeltaIO.RUN_DATE);
        for (String name : base.columns()) {
            if (!bookkeeping.contains(name)) {
                columns.add(col(RowParser.quoted(name)));
            }
        }
        for (RelationPlan relation : plan.relations()) {
            relation.aggregations().forEach(aggregation -> columns.add(zeroWhenNoRows(aggregation)));
            relation.lookupColumns().forEach(lookup -> columns.add(col(lookup.outputName())));
        }
        bookkeeping.forEach(name -> columns.add(col(name)));
        return columns.toArray(Column[]::new);
    }

    /** An entity without related rows has 0 of them and spent 0; its mean or last value stays unknown. */
    private static Column zeroWhenNoRows(AggregationPlan aggregation) {
        return switch (aggregation.function()) {
            case COUNT, COUNT_DISTINCT, SUM -> coalesce(col(aggregation.name()), lit(0)).alias(aggregation.name());
            default -> col(aggregation.name());
        };
    }

    /** One row per key of the related source, with its key as {@code _key_0..n} and {@code _rows}. */
    private static Dataset<Row> perKey(RelationPlan relation, Dataset<Row> source) {
        List<Column> keys = new ArrayList<>();
        for (int i = 0; i < relation.keys().size(); i++) {
            keys.add(source.col(RowParser.quoted(relation.keys().get(i).sourceColumn())).alias(KEY_PREFIX + i));
        }
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).alias("_rows"));
        switch (relation.kind()) {
            case AGGREGATE -> relation.aggregations().forEach(aggregation -> aggregates.add(aggregate(aggregation).alias(aggregation.name())));
            case LOOKUP -> {
                // several rows for one key: keep the first of the file, and count the key as duplicated
                List<Column> attached = relation.lookupColumns().stream()
                        .map(lookup -> col(RowParser.quoted(lookup.sourceColumn())).alias(lookup.outputName())).toList();
                aggregates.add(min_by(struct(attached.toArray(Column[]::new)), col(IngestTables.ROW_NUMBER)).alias("_first"));
            }
        }
        Dataset<Row> grouped = source.groupBy(keys.toArray(Column[]::new))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        if (relation.kind() == io.datapilot.core.config.RelationKind.LOOKUP) {
            List<Column> flat = new ArrayList<>();
            for (int i = 0; i < relation.keys().size(); i++) {
                flat.add(col(KEY_PREFIX + i));
            }
            flat.add(col("_rows"));
            relation.lookupColumns().forEach(lookup -> flat.add(col("_first").getField(lookup.outputName()).alias(lookup.outputName())));
            grouped = grouped.select(flat.toArray(Column[]::new));
        }
        return grouped;
    }

    private static Column aggregate(AggregationPlan aggregation) {
        Column value = aggregation.column() == null ? null : col(RowParser.quoted(aggregation.column()));
        Column order = aggregation.by() == null ? null : col(RowParser.quoted(aggregation.by()));
        return switch (aggregation.function()) {
            case SUM -> sum(value);
            case MEAN -> avg(value);
            case COUNT -> value == null ? count(lit(1)) : count(value);
            case MIN -> min(value);
            case MAX -> max(value);
            case FIRST -> min_by(value, order);
            case LAST -> max_by(value, order);
            case COUNT_DISTINCT -> countDistinct(value);
            case MOST_FREQUENT -> mode(value);
        };
    }

    private RelationResult report(RelationPlan relation, Dataset<Row> base, Dataset<Row> perKey) {
        List<Column> baseKeys = new ArrayList<>();
        Column condition = null;
        for (int i = 0; i < relation.keys().size(); i++) {
            KeyPair pair = relation.keys().get(i);
            baseKeys.add(col(RowParser.quoted(pair.baseColumn())).alias("_base_" + i));
            Column equal = col("_base_" + i).equalTo(col(KEY_PREFIX + i));
            condition = condition == null ? equal : condition.and(equal);
        }
        Column anyKeyNull = lit(false);
        for (int i = 0; i < relation.keys().size(); i++) {
            anyKeyNull = anyKeyNull.or(col(KEY_PREFIX + i).isNull());
        }
        Column sourceKeyNull = anyKeyNull;
        Column joinCondition = condition;
        Dataset<Row> baseCounts = base.groupBy(baseKeys.toArray(Column[]::new)).agg(count(lit(1)).alias("_base_rows"));
        Column matched = col("_rows").isNotNull().and(col("_base_rows").isNotNull());
        Row counts = Jobs.labelled(spark, "ingest", relation.source() + " · matching keys",
                () -> baseCounts.join(perKey, joinCondition, "full_outer").agg(
                        sum(col("_rows")).alias("source_rows"),
                        count(col("_rows")).alias("source_keys"),
                        sum(when(matched, col("_rows"))).alias("matched_rows"),
                        sum(when(col("_base_rows").isNull().and(functions.not(sourceKeyNull)), col("_rows"))).alias("unmatched_rows"),
                        count(when(col("_base_rows").isNull().and(functions.not(sourceKeyNull)), lit(1))).alias("unmatched_keys"),
                        sum(when(col("_rows").isNotNull().and(sourceKeyNull), col("_rows"))).alias("null_key_rows"),
                        sum(when(col("_rows").isNull().and(col("_base_rows").isNotNull()), col("_base_rows"))).alias("base_rows_without_match"),
                        count(when(col("_rows").gt(1), lit(1))).alias("duplicate_keys"))
                        .first());
        long duplicates = relation.kind() == io.datapilot.core.config.RelationKind.LOOKUP ? longOf(counts, 7) : 0;
        return new RelationResult(relation.source(), relation.kind(), longOf(counts, 0), longOf(counts, 1),
                longOf(counts, 2), longOf(counts, 3), longOf(counts, 4), longOf(counts, 5), longOf(counts, 6), duplicates);
    }

    private static long longOf(Row row, int index) {
        return row.isNullAt(index) ? 0 : ((Number) row.get(index)).longValue();
    }
}
