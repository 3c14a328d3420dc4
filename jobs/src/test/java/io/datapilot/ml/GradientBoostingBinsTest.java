package io.datapilot.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The failure of the sample's regression target (docs/BENCHMARKS.md, train_sklearn), in miniature: one
 * training row far out on a feature (x) and on the label. With MLlib's 32 bins the top bin of x holds a
 * thirty-second of the rows, so the first tree (weight 1) cannot cut the outlier off on x; it cuts it
 * off inside that bin on another feature (z), and an ordinary row of the top bin with a high z is
 * predicted the outlier's label. Split at the exact thresholds (scikit-learn's), x alone isolates it.
 */
class GradientBoostingBinsTest {
    @Test
    void anOutlierOfTheTopBinDoesNotBecomeThePredictionOfOrdinaryRows() {
        SparkSession spark = TestSpark.session();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // z spread over [0, 1) except in the top rows of x, where it stays under 0,5
            double z = ((i * 37) % 100) / 100.0 * (i >= 280 ? 0.5 : 1.0);
            rows.add(RowFactory.create((double) i, z, 10.0 * i));
        }
        rows.add(RowFactory.create(100_000.0, 0.9, 1_000_000.0));
        StructType schema = new StructType().add("x", DataTypes.DoubleType).add("z", DataTypes.DoubleType)
                .add("label", DataTypes.DoubleType);
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"x", "z"}).setOutputCol("features");
        Dataset<Row> training = assembler.transform(spark.createDataFrame(rows, schema).coalesce(1));
        Dataset<Row> ordinary = assembler.transform(spark.createDataFrame(List.of(RowFactory.create(296.0, 0.95, 2960.0)), schema));

        ModelKind kind = ModelKind.GRADIENT_BOOSTING;
        var estimator = kind.estimator(Task.REGRESSION, 42);
        Grids.Combination first = Grids.combinations(kind, estimator, kind.defaultGrid(), 2, 0).get(0);
        assertThat(first.text()).isEqualTo("max_iter=30, max_depth=3");
        Model<?> model = (Model<?>) estimator.fit(training, first.params());
        double predicted = model.transform(ordinary).select("prediction").first().getDouble(0);

        // ordinary labels go up to 2 990; with 32 bins this row was predicted 1 000 000
        assertThat(predicted).isBetween(0.0, 5_000.0);
    }
}
