package io.datapilot.ml.knn;

import java.util.Arrays;
import java.util.Comparator;

/** The obvious k-NN written out for the tests: every distance computed, all rows sorted. */
final class NaiveKnn {
    private NaiveKnn() {}

    /** Internal distance (squared for euclidean), features added in ascending order. */
    static double distance(double[] matrix, int d, int row, double[] query, KnnKernel.Distance distance) {
        double sum = 0.0;
        for (int j = 0; j < d; j++) {
            double difference = matrix[row * d + j] - query[j];
            sum += distance == KnnKernel.Distance.EUCLIDEAN ? difference * difference : Math.abs(difference);
        }
        return sum;
    }

    static int[] nearest(double[] matrix, int d, double[] query, int k, KnnKernel.Distance distance) {
        int n = matrix.length / d;
        double[] distances = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            distances[i] = distance(matrix, d, i, query, distance);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> distances[i]).thenComparingInt(i -> i));
        return Arrays.stream(order).limit(Math.min(k, n)).mapToInt(Integer::intValue).toArray();
    }

    /** Weights of the neighbours, with the zero-distance rule. */
    static double[] weights(double[] matrix, int d, int[] neighbours, double[] query, KnnKernel.Distance distance,
            KnnKernel.Weighting weighting) {
        double[] weights = new double[neighbours.length];
        boolean anyZero = false;
        for (int i = 0; i < neighbours.length; i++) {
            double internal = distance(matrix, d, neighbours[i], query, distance);
            double real = distance == KnnKernel.Distance.EUCLIDEAN ? Math.sqrt(internal) : internal;
            anyZero |= real == 0.0;
            weights[i] = weighting == KnnKernel.Weighting.UNIFORM ? 1.0 : 1.0 / real;
        }
        if (weighting == KnnKernel.Weighting.DISTANCE && anyZero) {
            for (int i = 0; i < neighbours.length; i++) {
                weights[i] = distance(matrix, d, neighbours[i], query, distance) == 0.0 ? 1.0 : 0.0;
            }
        }
        return weights;
    }

    static double[] probabilities(double[] matrix, int d, double[] labels, int classes, double[] query, int k,
            KnnKernel.Distance distance, KnnKernel.Weighting weighting) {
        int[] neighbours = nearest(matrix, d, query, k, distance);
        double[] weights = weights(matrix, d, neighbours, query, distance, weighting);
        double[] votes = new double[classes];
        double total = 0.0;
        for (int i = 0; i < neighbours.length; i++) {
            if (weights[i] != 0.0) {
                votes[(int) labels[neighbours[i]]] += weights[i];
                total += weights[i];
            }
        }
        for (int c = 0; c < classes; c++) {
            votes[c] /= total;
        }
        return votes;
    }

    static double regress(double[] matrix, int d, double[] labels, double[] query, int k, KnnKernel.Distance distance,
            KnnKernel.Weighting weighting) {
        int[] neighbours = nearest(matrix, d, query, k, distance);
        double[] weights = weights(matrix, d, neighbours, query, distance, weighting);
        double weighted = 0.0;
        double total = 0.0;
        int voters = 0;
        for (int i = 0; i < neighbours.length; i++) {
            if (weights[i] != 0.0) {
                weighted += weights[i] * labels[neighbours[i]];
                total += weights[i];
                voters++;
            }
        }
        boolean equal = weighting == KnnKernel.Weighting.UNIFORM || voters < neighbours.length;
        return equal ? weighted / voters : weighted / total;
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }
}
