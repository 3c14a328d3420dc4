package io.datapilot.ml.knn;

import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link KnnRegressor}: the training rows, their labels and the settings. Its transform
 * appends the (weighted) mean label of the neighbours ({@code predictionCol}); a null feature
 * vector gives a null prediction.
 */
public final class KnnRegressionModel extends Model<KnnRegressionModel> implements MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final transient KnnTrainingSet training;
    private final IntParam k;
    private final Param<String> distance;
    private final Param<String> weighting;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;

    KnnRegressionModel(String uid, KnnTrainingSet training) {
        this.uid = uid;
        this.training = training;
        this.k = KnnParams.k(uid);
        this.distance = KnnParams.distance(uid);
        this.weighting = KnnParams.weighting(uid);
        this.featuresCol = KnnParams.column(uid, "featuresCol", "features column (vector)");
        this.labelCol = KnnParams.column(uid, "labelCol", "label column (number)");
        this.predictionCol = KnnParams.column(uid, "predictionCol", "prediction column");
        setDefault(k, KnnParams.DEFAULT_K);
        setDefault(distance, "euclidean");
        setDefault(weighting, "uniform");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
    }

    /** Reads a model written by {@link #write()}; Spark's pipeline reader calls it by reflection. */
    public static MLReader<KnnRegressionModel> read() {
        return new KnnModelFiles.Reader<>(KnnRegressionModel::new);
    }

    public static KnnRegressionModel load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    public IntParam k() {
        return k;
    }

    public Param<String> distance() {
        return distance;
    }

    public Param<String> weighting() {
        return weighting;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public int getK() {
        return (Integer) $(k);
    }

    public KnnKernel.Distance distanceKind() {
        return KnnKernel.Distance.parse($(distance));
    }

    public KnnKernel.Weighting weightingKind() {
        return KnnKernel.Weighting.parse($(weighting));
    }

    /** The training rows without copying them, read-only, row-major ({@link #numFeatures()} values per row). */
    public java.nio.DoubleBuffer trainingMatrixView() {
        return java.nio.DoubleBuffer.wrap(training.matrix()).asReadOnlyBuffer();
    }

    /** The training labels without copying them, read-only. */
    public java.nio.DoubleBuffer trainingLabelsView() {
        return java.nio.DoubleBuffer.wrap(training.labels()).asReadOnlyBuffer();
    }

    /** Training rows. */
    public int numRows() {
        return training.labels().length;
    }

    /** A copy of the training rows, row-major ({@link #numFeatures()} values per row). */
    public double[] trainingMatrix() {
        return training.matrix().clone();
    }

    /** A copy of the training rows' labels. */
    public double[] trainingLabels() {
        return training.labels().clone();
    }

    public int numFeatures() {
        return training.features();
    }

    public KnnRegressionModel setK(int value) {
        set(k, value);
        return this;
    }

    public KnnRegressionModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public KnnRegressionModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /** Prediction for one row, without Spark. */
    public double predict(Vector features) {
        return KnnKernel.regress(training.matrix(), training.features(), training.labels(), features.toArray(), getK(),
                distanceKind(), weightingKind());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = transformSchema(dataset.schema());
        return KnnScoring.transform(dataset, training, $(featuresCol), getK(), distanceKind(), weightingKind(),
                new KnnScoring.Outputs("", "", $(predictionCol)), schema);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        KnnParams.checkFeatures(schema, $(featuresCol));
        return outputSchema(schema, $(predictionCol));
    }

    static StructType outputSchema(StructType schema, String prediction) {
        return KnnParams.append(schema, List.of(DataTypes.createStructField(prediction, DataTypes.DoubleType, true)));
    }

    @Override
    public KnnRegressionModel copy(ParamMap extra) {
        KnnRegressionModel copy = copyValues(new KnnRegressionModel(uid, training), extra);
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new KnnModelFiles.Writer(this, training);
    }

    @Override
    public String toString() {
        return "KnnRegressionModel: uid=" + uid + ", k=" + getK() + ", " + training.rows() + " training rows, "
                + training.features() + " features";
    }
}
