package io.datapilot.ml.scorer;

import java.util.List;

/**
 * DecisionTree, RandomForest and GBT models, classifier and regressor, each tree compiled to flat
 * arrays (no object per node on the scoring path).
 */
final class TreePredictor {
    private TreePredictor() {}

    /** One tree: node i is a leaf when {@code feature[i] < 0}. */
    static final class CompiledTree {
        final int[] feature;
        final double[] threshold;
        final double[][] leftCategories;
        final int[] left;
        final int[] right;
        final double[] prediction;
        final double[][] stats;

        CompiledTree(ScorerFile.Tree tree, int size) {
            int nodes = tree.nodes().size();
            feature = new int[nodes];
            threshold = new double[nodes];
            leftCategories = new double[nodes][];
            left = new int[nodes];
            right = new int[nodes];
            prediction = new double[nodes];
            stats = new double[nodes][];
            for (int i = 0; i < nodes; i++) {
                ScorerFile.Node node = tree.nodes().get(i);
                feature[i] = node.feature();
                if (node.feature() >= size) {
                    throw new IllegalArgumentException("Invalid scorer file: a tree splits on feature " + node.feature()
                            + " of a vector of " + size + "; export the model again");
                }
                if (node.feature() >= 0) {
                    threshold[i] = node.threshold() == null ? Double.NaN : node.threshold();
                    leftCategories[i] = node.leftCategories();
                    left[i] = node.left();
                    right[i] = node.right();
                } else {
                    prediction[i] = node.prediction();
                    stats[i] = node.stats();
                }
            }
        }

        /** The leaf a vector falls in, as Spark's {@code Node.predictImpl}. */
        int leaf(double[] features) {
            int node = 0;
            while (feature[node] >= 0) {
                double value = features[feature[node]];
                double[] categories = leftCategories[node];
                boolean goLeft;
                if (categories == null) {
                    goLeft = value <= threshold[node];
                } else {
                    goLeft = false;
                    for (double category : categories) {
                        if (category == value) {
                            goLeft = true;
                            break;
                        }
                    }
                }
                node = goLeft ? left[node] : right[node];
            }
            return node;
        }
    }

    static Predictor of(ScorerFile.Trees model, int size, List<String> labels) {
        CompiledTree[] trees = model.trees().stream().map(tree -> new CompiledTree(tree, size)).toArray(CompiledTree[]::new);
        int classes = model.numClasses();
        return switch (model.ensemble()) {
            case "decision_tree" -> classes > 0
                    ? features -> {
                        CompiledTree tree = trees[0];
                        double[] probabilities = tree.stats[tree.leaf(features)].clone();
                        normalise(probabilities);
                        return Predictor.classes(probabilities, labels);
                    }
                    : features -> Predictor.value(trees[0].prediction[trees[0].leaf(features)]);
            case "random_forest" -> classes > 0
                    ? features -> {
                        // RandomForestClassificationModel.predictRaw: each tree votes its normalised class counts
                        double[] votes = new double[classes];
                        for (CompiledTree tree : trees) {
                            double[] counts = tree.stats[tree.leaf(features)];
                            double total = 0.0;
                            for (double count : counts) {
                                total += count;
                            }
                            if (total != 0) {
                                for (int k = 0; k < classes; k++) {
                                    votes[k] += counts[k] / total;
                                }
                            }
                        }
                        normalise(votes);
                        return Predictor.classes(votes, labels);
                    }
                    : features -> {
                        double sum = 0.0;
                        for (CompiledTree tree : trees) {
                            sum += tree.prediction[tree.leaf(features)];
                        }
                        return Predictor.value(sum / trees.length);
                    };
            case "gbt" -> {
                double[] weights = model.treeWeights().clone();
                yield classes > 0
                        ? features -> {
                            double margin = margin(trees, weights, features);
                            // rawPrediction [-m, m]; LogLoss.computeProbability(-m) = 1 / (1 + exp(2m))
                            double[] probabilities = new double[2];
                            probabilities[0] = 1.0 / (1.0 + Math.exp(-2.0 * -margin));
                            probabilities[1] = 1.0 - probabilities[0];
                            return Predictor.classes(probabilities, labels);
                        }
                        : features -> Predictor.value(margin(trees, weights, features));
            }
            default -> throw new IllegalArgumentException("Invalid scorer file: unknown tree ensemble '" + model.ensemble()
                    + "'; export the model again with this datapilot version");
        };
    }

    private static double margin(CompiledTree[] trees, double[] weights, double[] features) {
        double margin = 0.0;
        for (int i = 0; i < trees.length; i++) {
            margin += trees[i].prediction[trees[i].leaf(features)] * weights[i];
        }
        return margin;
    }

    /** ProbabilisticClassificationModel.normalizeToProbabilitiesInPlace. */
    private static void normalise(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        if (sum != 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= sum;
            }
        }
    }
}
