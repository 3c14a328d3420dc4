package io.datapilot.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The train / test split and the folds of the cross-validation, decided by a seeded hash of each
 * row's key, so that the same rows land in the same set on every run and on every machine.
 *
 * <p>Classification: stratified exactly. Within each class the rows are ordered by the hash; the
 * first {@code round(n × test_ratio)} go to the test set, the others to folds 0, 1, … k−1 in turn,
 * so that every set and fold has each class in proportion. Regression: the hash alone decides
 * (a row is in the test set when its hash falls in the first {@code test_ratio} of the range, its
 * fold is a second hash modulo k), so sizes are proportional up to sampling noise.
 */
final class Split {
    static final String KEY = "__key";
    static final String SET = "__set";
    static final String FOLD = "__fold";
    static final String TRAIN = "train";
    static final String TEST = "test";

    private Split() {}

    static Dataset<Row> assign(Dataset<Row> rows, Task task, double testRatio, int folds, long seed) {
        Column hash = xxhash64(col(KEY), lit(seed));
        if (task == Task.CLASSIFICATION) {
            WindowSpec byClass = Window.partitionBy(col(io.datapilot.ml.features.FeaturePipeline.LABEL)).orderBy(hash, col(KEY));
            Column position = row_number().over(byClass);
            Column test = round(count(lit(1)).over(Window.partitionBy(col(io.datapilot.ml.features.FeaturePipeline.LABEL)))
                    .multiply(testRatio)).cast("long");
            return rows.withColumn("__position", position).withColumn("__tests", test)
                    .withColumn(SET, when(col("__position").leq(col("__tests")), lit(TEST)).otherwise(lit(TRAIN)))
                    .withColumn(FOLD, when(col(SET).equalTo(TRAIN), pmod(col("__position").minus(col("__tests")).minus(1), lit(folds)))
                            .cast("int"))
                    .drop("__position", "__tests");
        }
        Column unit = pmod(hash, lit(1_000_000L)).divide(1_000_000.0);
        return rows.withColumn(SET, when(unit.lt(testRatio), lit(TEST)).otherwise(lit(TRAIN)))
                .withColumn(FOLD, when(col(SET).equalTo(TRAIN), pmod(xxhash64(col(KEY), lit(seed + 1)), lit((long) folds))).cast("int"));
    }
}
