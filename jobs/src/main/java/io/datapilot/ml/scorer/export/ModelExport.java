package io.datapilot.ml.scorer.export;

import io.datapilot.ml.knn.KnnClassificationModel;
import io.datapilot.ml.knn.KnnRegressionModel;
import io.datapilot.ml.scorer.ScorerFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.ml.tree.CategoricalSplit;
import org.apache.spark.ml.tree.ContinuousSplit;
import org.apache.spark.ml.tree.InternalNode;
import org.apache.spark.ml.tree.LeafNode;
import org.apache.spark.ml.tree.Node;
import org.apache.spark.ml.tree.Split;

/** The predictor stage of a fitted pipeline as plain numbers: one method per model kind. */
final class ModelExport {
    private ModelExport() {}

    static final String KNN_FILE = "knn.bin";

    static ScorerFile.Model describe(Transformer model, String task, List<String> labels) {
        boolean classification = ScorerFile.CLASSIFICATION.equals(task);
        if (model instanceof KnnClassificationModel knn) {
            checkKnnTask(classification, true, knn.numClasses(), labels);
            return new ScorerFile.Knn(knn.getK(), knn.distanceKind().configName(), knn.weightingKind().configName(),
                    knn.numRows(), knn.numFeatures(), knn.numClasses(), KNN_FILE);
        }
        if (model instanceof KnnRegressionModel knn) {
            checkKnnTask(classification, false, 0, labels);
            return new ScorerFile.Knn(knn.getK(), knn.distanceKind().configName(), knn.weightingKind().configName(),
                    knn.numRows(), knn.numFeatures(), 0, KNN_FILE);
        }
        if (classification != (model instanceof ClassificationModel<?, ?>)) {
            throw new IllegalArgumentException("Invalid task '" + task + "' for a " + model.getClass().getSimpleName()
                    + "; give classification for a classifier and regression for a regressor");
        }
        if (model instanceof ClassificationModel<?, ?> classifier) {
            int classes = classifier.numClasses();
            if (labels.size() != classes) {
                throw new IllegalArgumentException("Invalid labels: the classifier has " + classes + " classes but "
                        + labels.size() + " labels were given; give one label per class index 0.." + (classes - 1));
            }
            boolean binaryLogistic = model instanceof LogisticRegressionModel logistic
                    && logistic.coefficientMatrix().numRows() == 1;
            if (model instanceof ProbabilisticClassificationModel<?, ?> probabilistic && !binaryLogistic
                    && probabilistic.isSet(probabilistic.thresholds())) {
                throw new IllegalArgumentException("Cannot export a classifier with class thresholds: the local scorer"
                        + " predicts the most probable class; leave thresholds unset");
            }
        }
        if (model instanceof LinearRegressionModel linear) {
            return new ScorerFile.Linear(linear.coefficients().toArray(), linear.intercept());
        }
        if (model instanceof LogisticRegressionModel logistic) {
            Matrix matrix = logistic.coefficientMatrix();
            double[][] coefficients = new double[matrix.numRows()][matrix.numCols()];
            for (int i = 0; i < matrix.numRows(); i++) {
                for (int j = 0; j < matrix.numCols(); j++) {
                    coefficients[i][j] = matrix.apply(i, j);
                }
            }
            double threshold = matrix.numRows() == 1 ? logistic.getThreshold() : 0.5;
            return new ScorerFile.Logistic(coefficients, logistic.interceptVector().toArray(), threshold);
        }
        if (model instanceof DecisionTreeClassificationModel tree) {
            return trees("decision_tree", tree.numClasses(), null, List.of(tree.rootNode()));
        }
        if (model instanceof DecisionTreeRegressionModel tree) {
            return trees("decision_tree", 0, null, List.of(tree.rootNode()));
        }
        if (model instanceof RandomForestClassificationModel forest) {
            return trees("random_forest", forest.numClasses(), null,
                    Arrays.stream(forest.trees()).map(DecisionTreeClassificationModel::rootNode).toList());
        }
        if (model instanceof RandomForestRegressionModel forest) {
            return trees("random_forest", 0, null,
                    Arrays.stream(forest.trees()).map(DecisionTreeRegressionModel::rootNode).toList());
        }
        if (model instanceof GBTClassificationModel boosted) {
            return trees("gbt", boosted.numClasses(), boosted.treeWeights(),
                    Arrays.stream(boosted.trees()).map(DecisionTreeRegressionModel::rootNode).toList());
        }
        if (model instanceof GBTRegressionModel boosted) {
            return trees("gbt", 0, boosted.treeWeights(),
                    Arrays.stream(boosted.trees()).map(DecisionTreeRegressionModel::rootNode).toList());
        }
        if (model instanceof MultilayerPerceptronClassificationModel perceptron) {
            return new ScorerFile.Perceptron(perceptron.getLayers(), perceptron.weights().toArray());
        }
        throw new IllegalArgumentException("Cannot export a " + model.getClass().getSimpleName() + " to the local scorer:"
                + " it supports linear and logistic regression, decision trees, random forests, gradient-boosted trees"
                + ", multilayer perceptrons and KNN");
    }

    /** Files a model keeps beside scorer.json: the training set of a KNN model. */
    static void writeSideFiles(FileSystem fs, Path folder, Transformer model) throws IOException {
        if (model instanceof KnnClassificationModel knn) {
            writeKnn(fs, new Path(folder, KNN_FILE), knn.trainingMatrixView(), knn.numFeatures(), knn.trainingLabelsView());
        } else if (model instanceof KnnRegressionModel knn) {
            writeKnn(fs, new Path(folder, KNN_FILE), knn.trainingMatrixView(), knn.numFeatures(), knn.trainingLabelsView());
        }
    }

    /** knn.bin, little-endian: int32 rows, int32 features, the matrix row-major, the labels (float64). */
    private static void writeKnn(FileSystem fs, Path path, java.nio.DoubleBuffer matrix, int features, java.nio.DoubleBuffer labels)
            throws IOException {
        try (OutputStream out = new BufferedOutputStream(fs.create(path, true), 1 << 16)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            buffer.putInt(labels.remaining()).putInt(features);
            for (java.nio.DoubleBuffer values : List.of(matrix, labels)) {
                while (values.hasRemaining()) {
                    double value = values.get();
                    if (buffer.remaining() < Double.BYTES) {
                        out.write(buffer.array(), 0, buffer.position());
                        buffer.clear();
                    }
                    buffer.putDouble(value);
                }
            }
            out.write(buffer.array(), 0, buffer.position());
        }
    }

    private static void checkKnnTask(boolean classification, boolean classifier, int classes, List<String> labels) {
        if (classification != classifier) {
            throw new IllegalArgumentException("Invalid task for a KNN " + (classifier ? "classifier" : "regressor")
                    + "; give classification for a classifier and regression for a regressor");
        }
        if (classifier && labels.size() != classes) {
            throw new IllegalArgumentException("Invalid labels: the classifier has " + classes + " classes but "
                    + labels.size() + " labels were given; give one label per class index 0.." + (classes - 1));
        }
    }

    private static ScorerFile.Trees trees(String ensemble, int classes, double[] weights, List<Node> roots) {
        List<ScorerFile.Tree> trees = new ArrayList<>();
        for (Node root : roots) {
            List<ScorerFile.Node> nodes = new ArrayList<>();
            walk(root, nodes, classes > 0);
            trees.add(new ScorerFile.Tree(nodes));
        }
        return new ScorerFile.Trees(ensemble, classes, weights == null ? null : weights.clone(), trees);
    }

    /** Depth first, the node before its children, so the root is node 0; returns the node's index. */
    private static int walk(Node node, List<ScorerFile.Node> nodes, boolean classification) {
        int index = nodes.size();
        if (node instanceof LeafNode leaf) {
            double[] stats = classification ? leaf.impurityStats().stats().clone() : null;
            nodes.add(new ScorerFile.Node(-1, null, null, null, null, leaf.prediction(), stats));
            return index;
        }
        InternalNode internal = (InternalNode) node;
        nodes.add(null);
        int left = walk(internal.leftChild(), nodes, classification);
        int right = walk(internal.rightChild(), nodes, classification);
        Split split = internal.split();
        if (split instanceof ContinuousSplit continuous) {
            nodes.set(index, new ScorerFile.Node(split.featureIndex(), continuous.threshold(), null, left, right, null, null));
        } else {
            double[] categories = ((CategoricalSplit) split).leftCategories().clone();
            nodes.set(index, new ScorerFile.Node(split.featureIndex(), null, categories, left, right, null, null));
        }
        return index;
    }
}
