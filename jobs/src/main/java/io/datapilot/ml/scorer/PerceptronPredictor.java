package io.datapilot.ml.scorer;

import java.util.List;

/**
 * MultilayerPerceptronClassificationModel: affine layers, sigmoid between them, softmax at the end.
 * Spark lays each affine layer out as its weight matrix (out × in, column-major) then its biases.
 */
final class PerceptronPredictor implements Predictor {
    private final int[] layers;
    private final double[] weights;
    private final List<String> labels;

    PerceptronPredictor(ScorerFile.Perceptron model, int size, List<String> labels) {
        this.layers = model.layers().clone();
        this.weights = model.weights().clone();
        this.labels = labels;
        LinearPredictor.checkSize(layers[0], size);
        int expected = 0;
        for (int i = 0; i + 1 < layers.length; i++) {
            expected += layers[i] * layers[i + 1] + layers[i + 1];
        }
        if (expected != weights.length) {
            throw new IllegalArgumentException("Invalid scorer file: layers need " + expected + " weights, found "
                    + weights.length + "; export the model again");
        }
    }

    @Override
    public Prediction predict(double[] features) {
        double[] input = features;
        int offset = 0;
        for (int layer = 0; layer + 1 < layers.length; layer++) {
            int in = layers[layer];
            int out = layers[layer + 1];
            double[] output = new double[out];
            for (int j = 0; j < out; j++) {
                output[j] = weights[offset + out * in + j];
            }
            for (int i = 0; i < in; i++) {
                double x = input[i];
                int column = offset + i * out;
                for (int j = 0; j < out; j++) {
                    output[j] += weights[column + j] * x;
                }
            }
            offset += out * in + out;
            if (layer + 2 < layers.length) {
                for (int j = 0; j < out; j++) {
                    output[j] = 1.0 / (1 + Math.exp(-output[j]));
                }
            }
            input = output;
        }
        Predictor.softmaxInPlace(input);
        return Predictor.classes(input, labels);
    }
}
