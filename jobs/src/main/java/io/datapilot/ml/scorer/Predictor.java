package io.datapilot.ml.scorer;

import java.util.List;

/** A fitted model applied to one features vector, as the Spark model's transform computes it. */
interface Predictor {

    Prediction predict(double[] features);

    /** A regression's prediction. */
    static Prediction value(double value) {
        return new Prediction(value, null, null);
    }

    /** A classifier's prediction: the first class of highest probability, as Spark's {@code Vector.argmax}. */
    static Prediction classes(double[] probabilities, List<String> labels) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return classes(best, probabilities, labels);
    }

    static Prediction classes(int index, double[] probabilities, List<String> labels) {
        String label = index < labels.size() ? labels.get(index) : String.valueOf(index);
        return new Prediction(index, label, probabilities);
    }

    static double dot(double[] weights, double[] features) {
        double sum = 0.0;
        for (int i = 0; i < features.length; i++) {
            sum += weights[i] * features[i];
        }
        return sum;
    }

    /** Spark's softmax: exponentials of the differences to the maximum, then divided by their sum. */
    static void softmaxInPlace(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double sum = 0.0;
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(values[i] - max);
            sum += values[i];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= sum;
        }
    }
}
