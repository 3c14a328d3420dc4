package io.datapilot.ml.knn;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * K nearest neighbours regression as a Spark ML estimator: the prediction is the (weighted) mean
 * label of the neighbours, with {@link KnnKernel}'s rules. Like {@link KnnClassifier}, fitting
 * collects the training rows to the driver, so the training set must fit in driver memory (at most
 * {@value KnnCollector#MAX_VALUES} feature values in all, a {@code DatapilotException} above).
 *
 * <pre>{@code
 * KnnRegressor knn = new KnnRegressor().setK(10).setDistance("manhattan");
 * }</pre>
 */
public final class KnnRegressor extends Estimator<KnnRegressionModel> implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final IntParam k;
    private final Param<String> distance;
    private final Param<String> weighting;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;

    public KnnRegressor() {
        this(Identifiable.randomUID("knnRegressor"));
    }

    public KnnRegressor(String uid) {
        this.uid = uid;
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

    /** Reads an estimator written by {@link #write()}; Spark's pipeline reader calls it by reflection. */
    public static MLReader<KnnRegressor> read() {
        return new DefaultParamsReader<>();
    }

    public static KnnRegressor load(String path) {
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

    public String getDistance() {
        return $(distance);
    }

    public String getWeighting() {
        return $(weighting);
    }

    public String getFeaturesCol() {
        return $(featuresCol);
    }

    public String getLabelCol() {
        return $(labelCol);
    }

    public KnnRegressor setK(int value) {
        set(k, value);
        return this;
    }

    /** "euclidean" or "manhattan", in any case. */
    public KnnRegressor setDistance(String value) {
        set(distance, KnnParams.lower(value));
        return this;
    }

    /** "uniform" or "distance", in any case. */
    public KnnRegressor setWeighting(String value) {
        set(weighting, KnnParams.lower(value));
        return this;
    }

    public KnnRegressor setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public KnnRegressor setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    public KnnRegressor setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    @Override
    public KnnRegressionModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        KnnTrainingSet training = KnnCollector.collect(dataset, getFeaturesCol(), getLabelCol(), false);
        KnnRegressionModel model = new KnnRegressionModel(uid, training);
        copyValues(model, ParamMap.empty());
        model.setParent(this);
        return model;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        KnnParams.checkFeatures(schema, getFeaturesCol());
        return KnnRegressionModel.outputSchema(schema, $(predictionCol));
    }

    @Override
    public KnnRegressor copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
