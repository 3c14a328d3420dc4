package io.datapilot.ml.scorer;

import io.datapilot.ml.knn.KnnKernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The KNN models of {@code io.datapilot.ml.knn}, through the same {@link KnnKernel} the Spark models
 * call, over the training matrix of {@code knn.bin}.
 *
 * <p>{@code knn.bin}, little-endian: int32 rows, int32 features, then rows × features float64
 * (the scaled training matrix, row-major), then rows float64 labels.
 */
final class KnnPredictor {

    private KnnPredictor() {}

    static Predictor of(ScorerFile.Knn model, int size, List<String> labels, Path directory) {
        LinearPredictor.checkSize(model.numFeatures(), size);
        Path path = directory.resolve(model.matrixFile());
        double[] matrix;
        double[] targets;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
            int rows = buffer.getInt();
            int features = buffer.getInt();
            if (rows != model.rows() || features != model.numFeatures()
                    || channel.size() != 8L + 8L * rows * features + 8L * rows) {
                throw new IllegalArgumentException("Invalid " + path + ": it holds " + rows + " × " + features
                        + " values where scorer.json expects " + model.rows() + " × " + model.numFeatures()
                        + "; export the model again");
            }
            matrix = new double[rows * features];
            buffer.asDoubleBuffer().get(matrix);
            buffer.position(8 + 8 * matrix.length);
            targets = new double[rows];
            buffer.asDoubleBuffer().get(targets);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
        KnnKernel.Distance distance = KnnKernel.Distance.parse(model.distance());
        KnnKernel.Weighting weighting = KnnKernel.Weighting.parse(model.weighting());
        int k = model.k();
        int d = model.numFeatures();
        int classes = model.numClasses();
        if (classes == 0) {
            return features -> Predictor.value(KnnKernel.regress(matrix, d, targets, features, k, distance, weighting));
        }
        return features -> {
            double[] probabilities = KnnKernel.classProbabilities(matrix, d, targets, classes, features, k, distance, weighting);
            int predicted = KnnKernel.predictedClass(probabilities);
            // no neighbour (only for NaN features): NaN, as the Spark model predicts
            return predicted < 0 ? new Prediction(Double.NaN, null, probabilities)
                    : Predictor.classes(predicted, probabilities, labels);
        };
    }
}
