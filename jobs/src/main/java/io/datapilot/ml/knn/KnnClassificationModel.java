package io.datapilot.ml.knn;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
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
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link KnnClassifier}: the training rows, their class indices and the settings. Its
 * transform appends the votes per class ({@code rawPredictionCol}), the class probabilities
 * ({@code probabilityCol}) and the predicted class ({@code predictionCol}); an empty column name
 * leaves that output out. A null feature vector gives null outputs.
 *
 * <p>The accessors give a local scorer what it needs to call {@link KnnKernel} without Spark.
 */
public final class KnnClassificationModel extends Model<KnnClassificationModel> implements MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final transient KnnTrainingSet training;
    private final IntParam k;
    private final Param<String> distance;
    private final Param<String> weighting;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;

    KnnClassificationModel(String uid, KnnTrainingSet training) {
        this.uid = uid;
        this.training = training;
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

    /** Reads a model written by {@link #write()}; Spark's pipeline reader calls it by reflection. */
    public static MLReader<KnnClassificationModel> read() {
        return new KnnModelFiles.Reader<>(KnnClassificationModel::new);
    }

    public static KnnClassificationModel load(String path) {
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

    /** A copy of the training rows' class indices. */
    public double[] trainingLabels() {
        return training.labels().clone();
    }

    public int numFeatures() {
        return training.features();
    }

    public int numClasses() {
        return training.numClasses();
    }

    public KnnClassificationModel setK(int value) {
        set(k, value);
        return this;
    }

    public KnnClassificationModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public KnnClassificationModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    public KnnClassificationModel setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    public KnnClassificationModel setRawPredictionCol(String value) {
        set(rawPredictionCol, value);
        return this;
    }

    /** Class probabilities of one row, without Spark. */
    public double[] predictProbability(Vector features) {
        return KnnKernel.classProbabilities(training.matrix(), training.features(), training.labels(), training.numClasses(),
                features.toArray(), getK(), distanceKind(), weightingKind());
    }

    /** Predicted class index of one row, without Spark (NaN if it has no neighbours). */
    public double predict(Vector features) {
        int predicted = KnnKernel.predictedClass(predictProbability(features));
        return predicted < 0 ? Double.NaN : predicted;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = transformSchema(dataset.schema());
        return KnnScoring.transform(dataset, training, $(featuresCol), getK(), distanceKind(), weightingKind(),
                new KnnScoring.Outputs($(rawPredictionCol), $(probabilityCol), $(predictionCol)), schema);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        KnnParams.checkFeatures(schema, $(featuresCol));
        return outputSchema(schema, $(rawPredictionCol), $(probabilityCol), $(predictionCol), training.numClasses());
    }

    static StructType outputSchema(StructType schema, String rawPrediction, String probability, String prediction, int numClasses) {
        List<StructField> added = new ArrayList<>();
        if (!rawPrediction.isEmpty()) {
            added.add(DataTypes.createStructField(rawPrediction, SQLDataTypes.VectorType(), true));
        }
        if (!probability.isEmpty()) {
            added.add(DataTypes.createStructField(probability, SQLDataTypes.VectorType(), true));
        }
        if (!prediction.isEmpty()) {
            NominalAttribute attribute = NominalAttribute.defaultAttr().withName(prediction);
            added.add(DataTypes.createStructField(prediction, DataTypes.DoubleType, true,
                    (numClasses > 0 ? attribute.withNumValues(numClasses) : attribute).toMetadata()));
        }
        return KnnParams.append(schema, added);
    }

    @Override
    public KnnClassificationModel copy(ParamMap extra) {
        KnnClassificationModel copy = copyValues(new KnnClassificationModel(uid, training), extra);
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new KnnModelFiles.Writer(this, training);
    }

    @Override
    public String toString() {
        return "KnnClassificationModel: uid=" + uid + ", k=" + getK() + ", " + training.rows() + " training rows, "
                + training.features() + " features, " + training.numClasses() + " classes";
    }
}
