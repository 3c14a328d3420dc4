package io.datapilot.ml.knn;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A fitted KNN model's data: the training rows (row-major), their labels and the number of
 * classes (0 for a regression). Immutable; the copies of a model share it, and with it the
 * broadcast of the rows, made once per Spark context on the first transform.
 */
final class KnnTrainingSet {
    /** Values per broadcast part (64 MiB), so that no single broadcast value grows without bound. */
    static final int VALUES_PER_PART = 1 << 23;

    private final double[] matrix;
    private final int features;
    private final double[] labels;
    private final int numClasses;
    private SparkContext broadcastContext;
    private Shipped shipped;

    KnnTrainingSet(double[] matrix, int features, double[] labels, int numClasses) {
        if (features <= 0 || matrix.length != (long) labels.length * features) {
            throw new IllegalArgumentException("Invalid training set: " + matrix.length + " values for " + labels.length + " rows of "
                    + features + " features");
        }
        this.matrix = matrix;
        this.features = features;
        this.labels = labels;
        this.numClasses = numClasses;
    }

    double[] matrix() {
        return matrix;
    }

    int features() {
        return features;
    }

    double[] labels() {
        return labels;
    }

    int numClasses() {
        return numClasses;
    }

    int rows() {
        return labels.length;
    }

    /** The tiled training rows, broadcast in parts, and the labels. */
    record Shipped(List<Broadcast<TrainingTiles>> parts, Broadcast<double[]> labels) implements java.io.Serializable {}

    /** Broadcasts the rows and labels once per Spark context; thread-safe (cross-validation transforms in parallel). */
    synchronized Shipped broadcast(SparkContext context) {
        if (shipped == null || broadcastContext != context || context.isStopped()) {
            JavaSparkContext java = JavaSparkContext.fromSparkContext(context);
            int rowsPerPart = Math.max(1, VALUES_PER_PART / features);
            List<Broadcast<TrainingTiles>> parts = new ArrayList<>();
            for (int from = 0; from < rows(); from += rowsPerPart) {
                parts.add(java.broadcast(TrainingTiles.of(matrix, features, from, Math.min(rows(), from + rowsPerPart))));
            }
            shipped = new Shipped(List.copyOf(parts), java.broadcast(labels));
            broadcastContext = context;
        }
        return shipped;
    }
}
