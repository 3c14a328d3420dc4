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
 * K nearest neighbours classification as a Spark ML estimator (MLlib has none). Fitting keeps the
 * training rows: they are collected to the driver, so the training set must fit in driver memory
 * (at most {@value KnnCollector#MAX_VALUES} feature values in all, a {@code DatapilotException}
 * above). The model broadcasts them and scans them exactly per partition with {@link KnnKernel}'s
 * rules (ties: the earlier training row; weighting; zero distances; predicted class ties: the
 * smallest index).
 *
 * <p>Labels are class indices (0, 1, 2…), as a {@code StringIndexer} makes them. The model writes
 * {@code rawPrediction} (the votes per class), {@code probability} (votes / total) and
 * {@code prediction}, so Spark's classification evaluators read its output.
 *
 * <pre>{@code
 * KnnClassifier knn = new KnnClassifier().setK(7).setWeighting("distance");
 * ParamMap[] grid = new ParamGridBuilder().addGrid(knn.k(), new int[] {1, 5, 15}).build();
 * }</pre>
 *
 * <p>Written in Java on {@code Estimator} rather than {@code ProbabilisticClassifier}: the Scala
 * traits of the latter create their parameters from {@code uid()} before a Java subclass can set
 * its uid, and its row-at-a-time transform would score one query per call.
 */
public final class KnnClassifier extends Estimator<KnnClassificationModel> implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final IntParam k;
    private final Param<String> distance;
    private final Param<String> weighting;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;

    public KnnClassifier() {
        this(Identifiable.randomUID("knnClassifier"));
    }

    public KnnClassifier(String uid) {
        this.uid = uid;
        this.k = KnnParams.k(uid);
        this.distance = KnnParams.distance(uid);
        this.weighting = KnnParams.weighting(uid);
        this.featuresCol = KnnParams.column(uid, "featuresCol", "features column (vector)");
        this.labelCol = KnnParams.column(uid, "labelCol", "label column (class index 0, 1, 2…)");
        this.predictionCol = KnnParams.column(uid, "predictionCol", "predicted class index column");
        this.probabilityCol = KnnParams.column(uid, "probabilityCol", "class probabilities column (empty: none)");
        this.rawPredictionCol = KnnParams.column(uid, "rawPredictionCol", "votes per class column (empty: none)");
        setDefault(k, KnnParams.DEFAULT_K);
        setDefault(distance, "euclidean");
        setDefault(weighting, "uniform");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(rawPredictionCol, "rawPrediction");
    }

    /** Reads an estimator written by {@link #write()}; Spark's pipeline reader calls it by reflection. */
    public static MLReader<KnnClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static KnnClassifier load(String path) {
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

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
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

    public KnnClassifier setK(int value) {
        set(k, value);
        return this;
    }

    /** "euclidean" or "manhattan", in any case. */
    public KnnClassifier setDistance(String value) {
        set(distance, KnnParams.lower(value));
        return this;
    }

    /** "uniform" or "distance", in any case. */
    public KnnClassifier setWeighting(String value) {
        set(weighting, KnnParams.lower(value));
        return this;
    }

    public KnnClassifier setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public KnnClassifier setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    public KnnClassifier setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    public KnnClassifier setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    public KnnClassifier setRawPredictionCol(String value) {
        set(rawPredictionCol, value);
        return this;
    }

    @Override
    public KnnClassificationModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        KnnParams.checkLabel(dataset.schema(), getLabelCol());
        KnnTrainingSet training = KnnCollector.collect(dataset, getFeaturesCol(), getLabelCol(), true);
        KnnClassificationModel model = new KnnClassificationModel(uid, training);
        copyValues(model, ParamMap.empty());
        model.setParent(this);
        return model;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        KnnParams.checkFeatures(schema, getFeaturesCol());
        return KnnClassificationModel.outputSchema(schema, $(rawPredictionCol), $(probabilityCol), $(predictionCol), 0);
    }

    @Override
    public KnnClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
