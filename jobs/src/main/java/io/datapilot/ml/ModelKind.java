package io.datapilot.ml;

import io.datapilot.ml.knn.KnnClassifier;
import io.datapilot.ml.knn.KnnRegressor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.regression.DecisionTreeRegressor;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.RandomForestRegressor;

/**
 * The models the training compares, with their default parameter grids (snake_case names, as in
 * {@code train.grids}). Linear models and KNN read standardised features, so their penalties and
 * distances weigh every variable alike; trees read the features as they are.
 */
public enum ModelKind {
    LASSO("Lasso (régression linéaire, pénalité L1)", false, true, grid("reg_param", List.of(0.001, 0.01, 0.1, 1.0))),
    RIDGE("Ridge (régression linéaire, pénalité L2)", false, true, grid("reg_param", List.of(0.001, 0.01, 0.1, 1.0, 10.0))),
    ELASTIC_NET("Elastic Net (pénalités L1 et L2)", false, true,
            grid("reg_param", List.of(0.01, 0.1, 1.0), "elastic_net_param", List.of(0.2, 0.5, 0.8))),
    LOGISTIC_REGRESSION("Régression logistique", true, true, grid("reg_param", List.of(0.001, 0.01, 0.1, 1.0))),
    KNN("K plus proches voisins", true, true,
            grid("k", List.of(5, 11, 21), "weighting", List.of("uniform", "distance"), "distance", List.of("euclidean"))),
    DECISION_TREE("Arbre de décision", true, false,
            grid("max_depth", List.of(3, 5, 10), "min_instances_per_node", List.of(1, 10))),
    RANDOM_FOREST("Forêt aléatoire", true, false,
            grid("num_trees", List.of(50), "max_depth", List.of(5, 10), "min_instances_per_node", List.of(1, 5))),
    GRADIENT_BOOSTING("Gradient boosting d'arbres", true, false, grid("max_iter", List.of(30), "max_depth", List.of(3, 5))),
    MLP("Perceptron multicouche (réseau de neurones)", true, true, grid("layers", List.of(List.of(16), List.of(32, 16)),
            "max_iter", List.of(200)));

    /**
     * Bins of each continuous feature for the gradient-boosted trees, instead of MLlib's 32: a feature
     * of up to about a thousand distinct values (every row of a small data set) splits at its exact
     * thresholds, as scikit-learn's trees do. With 32 bins the top bin of a long-tailed feature holds a
     * thirty-second of the rows, so the first tree (weight 1 in MLlib) cannot cut an extreme row off on
     * that feature and cuts it off on another one, then predicts its label for new rows of that bin: on
     * the sample's regression target, one test row was predicted 381 293 for 0, test RMSE 26 989 against
     * 3 498 with these bins (scikit-learn 3 258). A value of {@code train.grids.gradient_boosting.max_bins}
     * replaces it.
     */
    static final int BOOSTING_MAX_BINS = 1024;

    private final String label;
    private final boolean classifies;
    private final boolean scaled;
    private final Map<String, List<Object>> defaultGrid;

    ModelKind(String label, boolean classifies, boolean scaled, Map<String, List<Object>> defaultGrid) {
        this.label = label;
        this.classifies = classifies;
        this.scaled = scaled;
        this.defaultGrid = defaultGrid;
    }

    /** The name in the configuration ({@code train.models}, {@code train.grids}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** Whether the model reads standardised features. */
    public boolean scaled() {
        return scaled;
    }

    /**
     * Whether the parameters only act when the model predicts (KNN: fitting keeps the training rows, k and
     * the weighting are read when scoring), so that one fit per fold serves every combination of the grid.
     */
    public boolean parametersActAtPrediction() {
        return this == KNN;
    }

    public Map<String, List<Object>> defaultGrid() {
        return defaultGrid;
    }

    public static Optional<ModelKind> of(String key) {
        for (ModelKind kind : values()) {
            if (kind.key().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Whether the model learns this task ({@code classes}: labels of a classification, 0 for a regression). */
    public boolean supports(Task task, int classes) {
        return switch (this) {
            case LASSO, RIDGE, ELASTIC_NET -> task == Task.REGRESSION;
            case LOGISTIC_REGRESSION, MLP -> task == Task.CLASSIFICATION;
            case GRADIENT_BOOSTING -> task == Task.REGRESSION || classes == 2;
            default -> true;
        };
    }

    /** The models compared when {@code train.models} is not set: every model of the task but the optional perceptron. */
    public static List<ModelKind> defaults(Task task, int classes) {
        List<ModelKind> order = task == Task.REGRESSION
                ? List.of(LASSO, RIDGE, ELASTIC_NET, RANDOM_FOREST, GRADIENT_BOOSTING)
                : List.of(KNN, RANDOM_FOREST, DECISION_TREE, LOGISTIC_REGRESSION, GRADIENT_BOOSTING);
        return order.stream().filter(kind -> kind.supports(task, classes)).toList();
    }

    /**
     * A new estimator of this kind with datapilot's fixed settings (seed, no internal standardisation,
     * {@link #BOOSTING_MAX_BINS} for the gradient-boosted trees).
     */
    public Estimator<?> estimator(Task task, long seed) {
        return switch (this) {
            case LASSO -> new LinearRegression().setElasticNetParam(1.0).setStandardization(false);
            case RIDGE -> new LinearRegression().setElasticNetParam(0.0).setStandardization(false);
            case ELASTIC_NET -> new LinearRegression().setStandardization(false);
            case LOGISTIC_REGRESSION -> new LogisticRegression().setElasticNetParam(0.0).setStandardization(false).setFamily("auto");
            case KNN -> task == Task.CLASSIFICATION ? new KnnClassifier() : new KnnRegressor();
            case DECISION_TREE -> task == Task.CLASSIFICATION ? new DecisionTreeClassifier().setSeed(seed)
                    : new DecisionTreeRegressor().setSeed(seed);
            case RANDOM_FOREST -> task == Task.CLASSIFICATION ? new RandomForestClassifier().setSeed(seed)
                    : new RandomForestRegressor().setSeed(seed);
            case GRADIENT_BOOSTING -> task == Task.CLASSIFICATION ? new GBTClassifier().setSeed(seed).setMaxBins(BOOSTING_MAX_BINS)
                    : new GBTRegressor().setSeed(seed).setMaxBins(BOOSTING_MAX_BINS);
            case MLP -> new MultilayerPerceptronClassifier().setSeed(seed);
        };
    }

    private static Map<String, List<Object>> grid(Object... pairs) {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) pairs[i + 1];
            grid.put((String) pairs[i], values);
        }
        return java.util.Collections.unmodifiableMap(grid);
    }
}
