package io.datapilot.ml.knn;

import java.util.List;
import java.util.Locale;

/**
 * Exact k-nearest-neighbour search and prediction over training rows held in memory, in plain Java
 * (no Spark): the Spark models and a local scorer share it.
 *
 * <p>The training set is a row-major {@code double[] matrix} of {@code n} rows × {@code d} features
 * (row {@code i} is {@code matrix[i*d .. i*d+d-1]}) with one label per row. Rules, the same
 * everywhere:
 *
 * <ul>
 *   <li><b>Order and ties.</b> Neighbours are ordered by distance ascending, then by training row
 *       index ascending: among equal distances the earlier training row wins. Euclidean distances
 *       are compared squared ({@code Σ (x_j − q_j)²}, features added in ascending order), which orders
 *       rows like the distance itself.
 *   <li><b>Fewer rows than k.</b> With fewer than {@code k} training rows, all rows are neighbours.
 *       A row at NaN distance (a NaN feature) is never a neighbour; a query without neighbours
 *       predicts NaN.
 *   <li><b>Weighting.</b> {@link Weighting#UNIFORM}: each neighbour counts 1.
 *       {@link Weighting#DISTANCE}: a neighbour counts {@code 1/distance}; if any neighbour is at
 *       distance 0, only the neighbours at distance 0 vote, each counting 1 (scikit-learn's rule).
 *   <li><b>Sums.</b> Votes and the total weight are summed over the neighbours in their order; a
 *       class probability is its votes divided by the total; a regression is
 *       {@code Σ w·label / Σ w} (uniform: the sum of labels divided by the number of neighbours).
 *   <li><b>Predicted class.</b> The class with the most votes; ties go to the smallest class index.
 * </ul>
 *
 * <p>Example: {@code KnnKernel.nearest(new double[] {0, 0, 1, 1, 0, 0}, 2, new double[] {0, 0}, 2,
 * Distance.EUCLIDEAN)} is {@code [0, 2]}: rows 0 and 2 tie at distance 0 and keep their order.
 */
public final class KnnKernel {
    private KnnKernel() {}

    /** How far two rows are. */
    public enum Distance {
        /** Square root of the sum of squared differences. */
        EUCLIDEAN,
        /** Sum of absolute differences. */
        MANHATTAN;

        /** Parses "euclidean" or "manhattan", in any case. */
        public static Distance parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "euclidean" -> EUCLIDEAN;
                case "manhattan" -> MANHATTAN;
                default -> throw new IllegalArgumentException("Invalid distance '" + name + "': use euclidean or manhattan");
            };
        }

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How much each neighbour counts. */
    public enum Weighting {
        /** Every neighbour counts 1. */
        UNIFORM,
        /** A neighbour counts 1/distance (see the zero-distance rule in the class description). */
        DISTANCE;

        /** Parses "uniform" or "distance", in any case. */
        public static Weighting parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "uniform" -> UNIFORM;
                case "distance" -> DISTANCE;
                default -> throw new IllegalArgumentException("Invalid weighting '" + name + "': use uniform or distance");
            };
        }

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Indices of the (at most) {@code k} nearest training rows to {@code query}, nearest first. */
    public static int[] nearest(double[] matrix, int d, double[] query, int k, Distance distance) {
        Neighbours neighbours = search(matrix, d, query, k, distance);
        return java.util.Arrays.copyOf(neighbours.rows, neighbours.count);
    }

    /** Share of the neighbours' votes per class index; labels are class indices 0..numClasses-1. */
    public static double[] classProbabilities(double[] matrix, int d, double[] labels, int numClasses, double[] query, int k,
            Distance distance, Weighting weighting) {
        checkLabels(matrix, d, labels);
        Neighbours neighbours = search(matrix, d, query, k, distance);
        double[] votes = new double[numClasses];
        double total = classVotes(labels, neighbours.rows, neighbours.distances, 0, neighbours.count, distance, weighting, votes);
        return probabilities(votes, total);
    }

    /** The (weighted) mean label of the neighbours of {@code query}. */
    public static double regress(double[] matrix, int d, double[] labels, double[] query, int k, Distance distance,
            Weighting weighting) {
        checkLabels(matrix, d, labels);
        Neighbours neighbours = search(matrix, d, query, k, distance);
        return mean(labels, neighbours.rows, neighbours.distances, 0, neighbours.count, distance, weighting);
    }

    /**
     * The class with the most votes (or the highest probability); ties go to the smallest index;
     * -1 without any vote (a query without neighbours).
     */
    public static int predictedClass(double[] votes) {
        int best = 0;
        for (int c = 1; c < votes.length; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return votes.length > 0 && votes[best] > 0 ? best : -1;
    }

    /**
     * {@link #nearest} for many queries at once ({@code queries} row-major, {@code d} values each),
     * scanned in cache-sized tiles; same results as one call per query.
     */
    public static int[][] nearestBatch(double[] matrix, int d, double[] queries, int k, Distance distance) {
        checkMatrix(matrix, d);
        Batch batch = Batch.search(List.of(TrainingTiles.of(matrix, d, 0, matrix.length / d)), d, queries, k, distance);
        int[][] result = new int[batch.queries][];
        for (int q = 0; q < batch.queries; q++) {
            result[q] = java.util.Arrays.copyOfRange(batch.rows, q * batch.k, q * batch.k + batch.counts[q]);
        }
        return result;
    }

    /** {@link #classProbabilities} for many queries at once; one array of probabilities per query. */
    public static double[][] classProbabilitiesBatch(double[] matrix, int d, double[] labels, int numClasses, double[] queries,
            int k, Distance distance, Weighting weighting) {
        checkLabels(matrix, d, labels);
        Batch batch = Batch.search(List.of(TrainingTiles.of(matrix, d, 0, matrix.length / d)), d, queries, k, distance);
        double[][] result = new double[batch.queries][];
        for (int q = 0; q < batch.queries; q++) {
            double[] votes = new double[numClasses];
            double total = classVotes(labels, batch.rows, batch.distances, q * batch.k, batch.counts[q], distance, weighting, votes);
            result[q] = probabilities(votes, total);
        }
        return result;
    }

    /** {@link #regress} for many queries at once. */
    public static double[] regressBatch(double[] matrix, int d, double[] labels, double[] queries, int k, Distance distance,
            Weighting weighting) {
        checkLabels(matrix, d, labels);
        Batch batch = Batch.search(List.of(TrainingTiles.of(matrix, d, 0, matrix.length / d)), d, queries, k, distance);
        double[] result = new double[batch.queries];
        for (int q = 0; q < batch.queries; q++) {
            result[q] = mean(labels, batch.rows, batch.distances, q * batch.k, batch.counts[q], distance, weighting);
        }
        return result;
    }

    /** Neighbours of a batch of queries: query {@code q} holds {@code counts[q]} entries from {@code q*k}. */
    record Batch(int queries, int k, int[] rows, double[] distances, int[] counts) {

        static Batch search(List<TrainingTiles> parts, int d, double[] queries, int k, Distance distance) {
            if (k <= 0) {
                throw new IllegalArgumentException("Invalid k " + k + ": it must be positive");
            }
            if (queries.length % d != 0) {
                throw new IllegalArgumentException("Invalid queries: " + queries.length + " values is not a multiple of " + d);
            }
            int count = queries.length / d;
            long total = 0;
            for (TrainingTiles part : parts) {
                total += part.rows();
            }
            int kept = (int) Math.min(k, total);
            int[] rows = new int[count * kept];
            double[] distances = new double[count * kept];
            int[] counts = new int[count];
            if (kept == 0) {
                return new Batch(count, kept, rows, distances, counts);
            }
            NeighbourHeaps heaps = new NeighbourHeaps(count, kept);
            double[] sums = new double[TrainingTiles.tileRows(d)];
            for (TrainingTiles part : parts) {
                part.scan(queries, count, distance, heaps, sums);
            }
            int[] rowBuffer = new int[kept];
            double[] distanceBuffer = new double[kept];
            for (int q = 0; q < count; q++) {
                counts[q] = heaps.drainSorted(q, rowBuffer, distanceBuffer);
                System.arraycopy(rowBuffer, 0, rows, q * kept, counts[q]);
                System.arraycopy(distanceBuffer, 0, distances, q * kept, counts[q]);
            }
            return new Batch(count, kept, rows, distances, counts);
        }
    }

    /** Neighbours of one query, nearest first; distances are internal (squared for euclidean). */
    private record Neighbours(int[] rows, double[] distances, int count) {}

    private static Neighbours search(double[] matrix, int d, double[] query, int k, Distance distance) {
        checkMatrix(matrix, d);
        if (query.length != d) {
            throw new IllegalArgumentException("Invalid query: " + query.length + " features, the training rows have " + d);
        }
        if (k <= 0) {
            throw new IllegalArgumentException("Invalid k " + k + ": it must be positive");
        }
        int n = matrix.length / d;
        int kept = Math.min(k, n);
        int[] rows = new int[kept];
        double[] distances = new double[kept];
        if (kept == 0) {
            return new Neighbours(rows, distances, 0);
        }
        NeighbourHeaps heap = new NeighbourHeaps(1, kept);
        double worst = Double.POSITIVE_INFINITY;
        for (int i = 0, offset = 0; i < n; i++, offset += d) {
            double sum = 0.0;
            if (distance == Distance.EUCLIDEAN) {
                for (int j = 0; j < d; j++) {
                    double difference = matrix[offset + j] - query[j];
                    sum += difference * difference;
                }
            } else {
                for (int j = 0; j < d; j++) {
                    sum += Math.abs(matrix[offset + j] - query[j]);
                }
            }
            if (sum <= worst) {
                heap.offer(0, sum, i);
                worst = heap.worst(0);
            }
        }
        int count = heap.drainSorted(0, rows, distances);
        return new Neighbours(rows, distances, count);
    }

    /**
     * Adds the votes of neighbours {@code from .. from+count-1} (nearest first) into {@code votes}
     * and returns their total weight.
     */
    static double classVotes(double[] labels, int[] rows, double[] distances, int from, int count, Distance distance,
            Weighting weighting, double[] votes) {
        int zeros = zeroDistances(distances, from, count, weighting);
        double total = 0.0;
        int voters = zeros > 0 ? zeros : count;
        for (int i = from; i < from + voters; i++) {
            double weight = zeros > 0 ? 1.0 : weight(distances[i], distance, weighting);
            votes[(int) labels[rows[i]]] += weight;
            total += weight;
        }
        return total;
    }

    /** Votes divided by their total; NaN everywhere without neighbours. */
    static double[] probabilities(double[] votes, double total) {
        double[] probabilities = new double[votes.length];
        for (int c = 0; c < votes.length; c++) {
            probabilities[c] = votes[c] / total;
        }
        return probabilities;
    }

    static double mean(double[] labels, int[] rows, double[] distances, int from, int count, Distance distance,
            Weighting weighting) {
        int zeros = zeroDistances(distances, from, count, weighting);
        int voters = zeros > 0 ? zeros : count;
        if (weighting == Weighting.UNIFORM || zeros > 0) {
            double sum = 0.0;
            for (int i = from; i < from + voters; i++) {
                sum += labels[rows[i]];
            }
            return sum / voters;
        }
        double weighted = 0.0;
        double total = 0.0;
        for (int i = from; i < from + voters; i++) {
            double weight = weight(distances[i], distance, weighting);
            weighted += weight * labels[rows[i]];
            total += weight;
        }
        return weighted / total;
    }

    /** Neighbours at distance 0 when weighting by distance (they come first); 0 otherwise. */
    private static int zeroDistances(double[] distances, int from, int count, Weighting weighting) {
        if (weighting != Weighting.DISTANCE) {
            return 0;
        }
        int zeros = 0;
        while (zeros < count && distances[from + zeros] == 0.0) {
            zeros++;
        }
        return zeros;
    }

    private static double weight(double internalDistance, Distance distance, Weighting weighting) {
        if (weighting == Weighting.UNIFORM) {
            return 1.0;
        }
        return 1.0 / (distance == Distance.EUCLIDEAN ? Math.sqrt(internalDistance) : internalDistance);
    }

    private static void checkMatrix(double[] matrix, int d) {
        if (d <= 0) {
            throw new IllegalArgumentException("Invalid number of features " + d + ": it must be positive");
        }
        if (matrix.length % d != 0) {
            throw new IllegalArgumentException("Invalid training matrix: " + matrix.length + " values is not a multiple of " + d);
        }
    }

    private static void checkLabels(double[] matrix, int d, double[] labels) {
        checkMatrix(matrix, d);
        if (labels.length != matrix.length / d) {
            throw new IllegalArgumentException("Invalid labels: " + labels.length + " labels for " + matrix.length / d + " rows");
        }
    }
}
