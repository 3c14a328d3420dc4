package io.datapilot.ml.scorer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datapilot.ml.features.Feature;
import io.datapilot.ml.features.FeatureLayout;
import java.util.List;

/**
 * The content of {@code scorer.json}: everything a fitted pipeline learnt, as plain numbers, so that
 * {@link LocalScorer} reproduces {@code PipelineModel.transform} without Spark. Field names are
 * written in snake case; docs/MODELS.md ("Scoreur local") describes each field.
 *
 * @param formatVersion {@link #FORMAT_VERSION} of the writer; a reader refuses any other
 * @param task {@code classification} or {@code regression}
 * @param labels class labels by class index (empty for a regression)
 * @param sessionTimeZone the Spark session time zone, in which a timestamp is cast to a date
 * @param dateRule the rule that turns a date into three numbers, in words
 * @param numbers the numbers opening the features vector, in order
 * @param categories one one-hot block per categorical feature, after the numbers
 * @param scaler the standardisation of the assembled vector, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScorerFile(int formatVersion, String task, List<String> labels, String sessionTimeZone, String dateRule,
        List<Feature> features, List<NumberColumn> numbers, List<CategoryColumn> categories, Scaler scaler,
        Model model) {

    /** Raised whenever the meaning of a field changes; readers accept their own version only. */
    public static final int FORMAT_VERSION = 1;
    public static final String FILE = "scorer.json";
    public static final String CLASSIFICATION = "classification";
    public static final String REGRESSION = "regression";
    public static final String DATE_RULE = "__jours = days since 1970-01-01, __mois = month 1-12,"
            + " __jour_semaine = ISO weekday Monday=1 ... Sunday=7; a timestamp is first cast to a date in"
            + " session_time_zone";

    public ScorerFile {
        requireNonNull(task, "task is null");
        labels = List.copyOf(requireNonNull(labels, "labels is null"));
        features = List.copyOf(requireNonNull(features, "features is null"));
        numbers = List.copyOf(requireNonNull(numbers, "numbers is null"));
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
        requireNonNull(model, "model is null");
    }

    /** A number of the features vector: a feature's value or one part of a date, and its median. */
    public record NumberColumn(int feature, FeatureLayout.Part part, String name, double surrogate) {}

    /**
     * A one-hot block: {@code labels} by index (decreasing frequency); any other value, and null,
     * takes index {@code labels.size()}; the block has {@code categorySize - 1} slots if
     * {@code dropLast}, so that index sets no slot.
     */
    public record CategoryColumn(int feature, String name, List<String> labels, int categorySize, boolean dropLast) {}

    /** Spark's StandardScalerModel: {@code (x - mean) * (1 / std)}, 0 where std is 0. */
    public record Scaler(double[] mean, double[] std) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Linear.class, name = "linear_regression"),
            @JsonSubTypes.Type(value = Logistic.class, name = "logistic_regression"),
            @JsonSubTypes.Type(value = Trees.class, name = "trees"),
            @JsonSubTypes.Type(value = Perceptron.class, name = "multilayer_perceptron"),
            @JsonSubTypes.Type(value = Knn.class, name = "knn")})
    public sealed interface Model permits Linear, Logistic, Trees, Perceptron, Knn {}

    public record Linear(double[] coefficients, double intercept) implements Model {}

    /**
     * Binomial: one row, classes [-m, m]; multinomial: one row per class, softmax.
     *
     * @param threshold binomial only: class 1 when its probability is above it
     */
    public record Logistic(double[][] coefficients, double[] intercepts, double threshold) implements Model {}

    /**
     * Decision tree, random forest or gradient-boosted trees.
     *
     * @param ensemble {@code decision_tree}, {@code random_forest} or {@code gbt}
     * @param numClasses classes of a classifier, 0 for a regressor
     * @param treeWeights gbt only
     */
    public record Trees(String ensemble, int numClasses, double[] treeWeights, List<Tree> trees) implements Model {}

    /** A tree's nodes in depth-first order, the root first. */
    public record Tree(List<Node> nodes) {}

    /**
     * An internal node ({@code feature} ≥ 0: goes left when {@code x[feature] <= threshold}, or when
     * {@code x[feature]} is one of {@code leftCategories}) or a leaf ({@code feature} = -1:
     * {@code prediction}, and for a classifier the class counts {@code stats}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(int feature, Double threshold, double[] leftCategories, Integer left, Integer right,
            Double prediction, double[] stats) {}

    /** Sigmoid hidden layers, softmax output; each layer's weights column-major (out × in), then biases. */
    public record Perceptron(int[] layers, double[] weights) implements Model {}

    /**
     * k nearest neighbours over the training matrix of {@code knn.bin}.
     *
     * @param distance and {@code weighting}: names of the KnnKernel enums
     * @param numClasses 0 for a regressor
     */
    public record Knn(int k, String distance, String weighting, int rows, int numFeatures, int numClasses,
            String matrixFile) implements Model {}

    /** The mapper of this format: snake-case names, nulls left out, unknown fields an error. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
