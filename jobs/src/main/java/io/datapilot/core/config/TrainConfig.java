package io.datapilot.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the training stage learns each target of the data set (docs/CONFIG.md, section train).
 *
 * @param testRatio share of the rows with a target held out for the test (0,2: train 80 %, at most 0,3)
 * @param folds folds of the cross-validation of every parameter grid (stratified for a classification)
 * @param seed seed of the split, the folds and the models that draw at random
 * @param parallelism parameter combinations fitted at the same time ({@code CrossValidator.setParallelism})
 * @param metric the metric that ranks the models: {@code auto} (RMSE for a regression; accuracy for a
 *     classification, macro F1 when a class holds less than a fifth of the rows), or one of
 *     {@link #REGRESSION_METRICS} / {@link #CLASSIFICATION_METRICS}
 * @param exclude columns never used as features (leakage: values known only after the target)
 * @param models the models compared, by name ({@link #REGRESSION_MODELS}, {@link #CLASSIFICATION_MODELS}); default:
 *     every model of the task but the optional multilayer perceptron
 * @param grids per model, the values of each parameter tried (snake_case names: reg_param, max_depth, k…);
 *     a parameter left out keeps its default grid
 * @param balance {@code none} or {@code class_weight} (weights inversely proportional to the class sizes, on
 *     the training rows only; models without weights are said to ignore it)
 * @param dropClasses per target, classes whose rows are left out of the training (too rare to learn)
 * @param maxClasses a classification target with more distinct values is refused
 * @param maxCategories a text feature with more distinct values is left out (one-hot encoding would explode)
 * @param fairness the sensitive attribute the model card compares the metrics across
 */
public record TrainConfig(Double testRatio, Integer folds, Long seed, Integer parallelism, String metric, List<String> exclude,
        List<String> models, Map<String, Map<String, List<Object>>> grids, String balance, Map<String, List<String>> dropClasses,
        Integer maxClasses, Integer maxCategories, FairnessConfig fairness) {

    public static final List<String> REGRESSION_MODELS = List.of("lasso", "ridge", "elastic_net", "random_forest", "gradient_boosting",
            "decision_tree", "knn");
    public static final List<String> CLASSIFICATION_MODELS = List.of("knn", "random_forest", "decision_tree", "logistic_regression",
            "gradient_boosting", "mlp");
    public static final List<String> REGRESSION_METRICS = List.of("rmse", "mae", "mse", "r2");
    public static final List<String> CLASSIFICATION_METRICS = List.of("accuracy", "f1", "weighted_precision", "weighted_recall",
            "roc_auc", "pr_auc");
    public static final List<String> BALANCES = List.of("none", "class_weight");

    public TrainConfig {
        testRatio = testRatio == null ? 0.2 : testRatio;
        folds = folds == null ? 5 : folds;
        seed = seed == null ? 42L : seed;
        parallelism = parallelism == null ? 2 : parallelism;
        metric = metric == null ? "auto" : metric;
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        models = models == null ? List.of() : List.copyOf(models);
        grids = grids == null ? Map.of() : copy(grids);
        balance = balance == null ? "none" : balance;
        dropClasses = dropClasses == null ? Map.of() : Map.copyOf(dropClasses);
        maxClasses = maxClasses == null ? 50 : maxClasses;
        maxCategories = maxCategories == null ? 100 : maxCategories;
        fairness = fairness == null ? FairnessConfig.defaults() : fairness;
    }

    private static Map<String, Map<String, List<Object>>> copy(Map<String, Map<String, List<Object>>> grids) {
        Map<String, Map<String, List<Object>>> copied = new LinkedHashMap<>();
        grids.forEach((model, grid) -> copied.put(model, grid == null ? Map.of() : new LinkedHashMap<>(grid)));
        return copied;
    }

    static TrainConfig defaults() {
        return new TrainConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The sensitive attribute whose groups the model card compares.
     *
     * @param by a column of the data set (sex, age band…), used or not as a feature; none by default
     * @param minRatio below this ratio of the worst group's metric to the best group's, the card warns
     *     (0,8: the four-fifths rule)
     */
    public record FairnessConfig(String by, Double minRatio) {
        public FairnessConfig {
            minRatio = minRatio == null ? 0.8 : minRatio;
        }

        static FairnessConfig defaults() {
            return new FairnessConfig(null, null);
        }
    }
}
