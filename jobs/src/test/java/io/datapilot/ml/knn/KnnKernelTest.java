package io.datapilot.ml.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KnnKernelTest {
    private static final KnnKernel.Distance EUCLIDEAN = KnnKernel.Distance.EUCLIDEAN;
    private static final KnnKernel.Distance MANHATTAN = KnnKernel.Distance.MANHATTAN;
    private static final KnnKernel.Weighting UNIFORM = KnnKernel.Weighting.UNIFORM;
    private static final KnnKernel.Weighting DISTANCE = KnnKernel.Weighting.DISTANCE;

    /** Random rows; on a coarse grid many distances tie, which exercises the tie rule. */
    static double[] randomMatrix(Random random, int rows, int d, boolean grid) {
        double[] matrix = new double[rows * d];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = grid ? random.nextInt(4) : random.nextGaussian();
        }
        return matrix;
    }

    static double[] randomLabels(Random random, int rows, int classes) {
        double[] labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = classes == 0 ? random.nextGaussian() * 10 : random.nextInt(classes);
        }
        return labels;
    }

    @Test
    void matchesNaiveSearchAndPredictionsExactlyForEveryDistanceAndWeighting() {
        Random random = new Random(42);
        for (boolean grid : new boolean[] {false, true}) {
            for (int d : new int[] {1, 3, 7}) {
                int n = 1500;
                double[] matrix = randomMatrix(random, n, d, grid);
                double[] queries = randomMatrix(random, 40, d, grid);
                for (int classes : new int[] {2, 3}) {
                    double[] labels = randomLabels(random, n, classes);
                    double[] targets = randomLabels(random, n, 0);
                    for (KnnKernel.Distance distance : KnnKernel.Distance.values()) {
                        for (KnnKernel.Weighting weighting : KnnKernel.Weighting.values()) {
                            for (int k : new int[] {1, 4, 9}) {
                                int[][] batch = KnnKernel.nearestBatch(matrix, d, queries, k, distance);
                                double[][] batchProbabilities = KnnKernel.classProbabilitiesBatch(matrix, d, labels, classes, queries, k,
                                        distance, weighting);
                                double[] batchRegressions = KnnKernel.regressBatch(matrix, d, targets, queries, k, distance, weighting);
                                for (int q = 0; q < 40; q++) {
                                    double[] query = java.util.Arrays.copyOfRange(queries, q * d, q * d + d);
                                    String context = "grid " + grid + ", d " + d + ", " + distance + ", " + weighting + ", k " + k + ", query " + q;
                                    int[] expected = NaiveKnn.nearest(matrix, d, query, k, distance);
                                    assertThat(KnnKernel.nearest(matrix, d, query, k, distance)).as(context).containsExactly(expected);
                                    assertThat(batch[q]).as(context).containsExactly(expected);
                                    double[] probabilities = NaiveKnn.probabilities(matrix, d, labels, classes, query, k, distance, weighting);
                                    assertThat(KnnKernel.classProbabilities(matrix, d, labels, classes, query, k, distance, weighting))
                                            .as(context).containsExactly(probabilities);
                                    assertThat(batchProbabilities[q]).as(context).containsExactly(probabilities);
                                    assertThat(KnnKernel.predictedClass(probabilities)).isEqualTo(NaiveKnn.argmax(probabilities));
                                    double regression = NaiveKnn.regress(matrix, d, targets, query, k, distance, weighting);
                                    assertThat(KnnKernel.regress(matrix, d, targets, query, k, distance, weighting)).as(context)
                                            .isEqualTo(regression);
                                    assertThat(batchRegressions[q]).as(context).isEqualTo(regression);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void breaksEqualDistancesInFavourOfTheEarlierTrainingRow() {
        // rows 0..5 on a line; the query at 2.5 is 0.5 from rows 2 and 3, 1.5 from rows 1 and 4
        double[] matrix = {0, 1, 2, 3, 4, 5};
        double[] labels = {0, 1, 0, 1, 0, 1};
        double[] query = {2.5};
        assertThat(KnnKernel.nearest(matrix, 1, query, 1, EUCLIDEAN)).containsExactly(2);
        assertThat(KnnKernel.nearest(matrix, 1, query, 3, MANHATTAN)).containsExactly(2, 3, 1);
        assertThat(KnnKernel.nearestBatch(matrix, 1, new double[] {2.5, 2.5}, 3, EUCLIDEAN)[1]).containsExactly(2, 3, 1);
        // two neighbours, one vote each: the class tie goes to the smallest class index
        double[] probabilities = KnnKernel.classProbabilities(matrix, 1, labels, 2, query, 2, EUCLIDEAN, UNIFORM);
        assertThat(probabilities).containsExactly(0.5, 0.5);
        assertThat(KnnKernel.predictedClass(probabilities)).isZero();
    }

    @Test
    void letsOnlyTheNeighboursAtDistanceZeroVoteWhenWeightingByDistance() {
        double[] matrix = {1, 1, 5, 5, 1, 1, 1.1, 1};
        double[] labels = {0, 1, 1, 1};
        double[] query = {1, 1};
        // neighbours: rows 0 and 2 (distance 0), row 3 (0.1), row 1: only rows 0 and 2 vote, once each
        assertThat(KnnKernel.classProbabilities(matrix, 2, labels, 2, query, 3, EUCLIDEAN, DISTANCE)).containsExactly(0.5, 0.5);
        assertThat(KnnKernel.regress(matrix, 2, new double[] {10, 99, 20, 1000}, query, 3, MANHATTAN, DISTANCE)).isEqualTo(15.0);
        // without a zero distance, 1/distance weights: rows 0, 2 (class 0 and 1) and 3 (class 1) at 0,05, row 1 far away
        double[] far = {1.05, 1};
        double[] probabilities = KnnKernel.classProbabilities(matrix, 2, labels, 2, far, 4, EUCLIDEAN, DISTANCE);
        assertThat(probabilities[0] + probabilities[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        // the weights themselves, against the naive loop, and the class of the two close rows wins
        assertThat(probabilities).containsExactly(NaiveKnn.probabilities(matrix, 2, labels, 2, far, 4, EUCLIDEAN, DISTANCE));
        assertThat(KnnKernel.predictedClass(probabilities)).isEqualTo(1);
    }

    @Test
    void usesEveryTrainingRowWhenThereAreFewerThanK() {
        assertThat(KnnKernel.nearest(new double[] {3, 1, 2}, 1, new double[] {0}, 10, EUCLIDEAN)).containsExactly(1, 2, 0);
    }

    @Test
    void parsesConfigNamesAndRejectsOthers() {
        assertThat(KnnKernel.Distance.parse("Manhattan")).isEqualTo(MANHATTAN);
        assertThat(KnnKernel.Weighting.parse("distance")).isEqualTo(DISTANCE);
        assertThatThrownBy(() -> KnnKernel.Distance.parse("cosine")).hasMessageContaining("Invalid distance 'cosine'");
        assertThatThrownBy(() -> KnnKernel.nearest(new double[] {1, 2}, 2, new double[] {1}, 1, EUCLIDEAN))
                .hasMessageContaining("Invalid query: 1 features");
    }
}
