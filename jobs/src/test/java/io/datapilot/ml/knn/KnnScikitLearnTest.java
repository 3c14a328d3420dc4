package io.datapilot.ml.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel against scikit-learn's brute-force KNeighborsClassifier, when python3-sklearn is installed. */
class KnnScikitLearnTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np",
            "from sklearn.neighbors import KNeighborsClassifier",
            "train = np.loadtxt(sys.argv[1], delimiter=',')",
            "queries = np.loadtxt(sys.argv[2], delimiter=',')",
            "for metric in ('euclidean', 'manhattan'):",
            "    model = KNeighborsClassifier(n_neighbors=7, algorithm='brute', metric=metric).fit(train[:, 1:], train[:, 0].astype(int))",
            "    for q, (p, n) in enumerate(zip(model.predict_proba(queries), model.kneighbors(queries, return_distance=False))):",
            "        print(metric, ' '.join(repr(float(v)) for v in p), ' '.join(str(i) for i in n), sep=';')");

    private static boolean sklearnInstalled() {
        try {
            return new ProcessBuilder(PYTHON, "-c", "import sklearn").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void givesScikitLearnsNeighboursAndProbabilities(@TempDir Path folder) throws Exception {
        assumeTrue(sklearnInstalled(), "scikit-learn is not installed for " + PYTHON + " (apt install python3-sklearn)");
        Random random = new Random(23);
        int d = 5;
        double[] matrix = KnnKernelTest.randomMatrix(random, 400, d, false);
        double[] labels = KnnKernelTest.randomLabels(random, 400, 3);
        double[] queries = KnnKernelTest.randomMatrix(random, 60, d, false);
        Path train = folder.resolve("train.csv");
        Path test = folder.resolve("queries.csv");
        Files.writeString(train, csv(matrix, d, labels), StandardCharsets.UTF_8);
        Files.writeString(test, csv(queries, d, null), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(PYTHON, "-c", SCRIPT, train.toString(), test.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor()).isZero();
        assertThat(lines).hasSize(120);
        for (int line = 0; line < lines.size(); line++) {
            String[] parts = lines.get(line).split(";");
            KnnKernel.Distance distance = KnnKernel.Distance.parse(parts[0]);
            int q = line % 60;
            double[] query = java.util.Arrays.copyOfRange(queries, q * d, q * d + d);
            double[] expected = java.util.Arrays.stream(parts[1].split(" ")).mapToDouble(Double::parseDouble).toArray();
            int[] neighbours = java.util.Arrays.stream(parts[2].split(" ")).mapToInt(Integer::parseInt).toArray();
            assertThat(KnnKernel.nearest(matrix, d, query, 7, distance)).as(lines.get(line)).containsExactly(neighbours);
            // uniform votes are counts over 7: the same doubles whatever the order of the sums
            assertThat(KnnKernel.classProbabilities(matrix, d, labels, 3, query, 7, distance, KnnKernel.Weighting.UNIFORM))
                    .as(lines.get(line)).containsExactly(expected);
        }
    }

    private static String csv(double[] values, int d, double[] labels) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length / d; i++) {
            if (labels != null) {
                text.append((int) labels[i]).append(',');
            }
            for (int j = 0; j < d; j++) {
                text.append(j == 0 ? "" : ",").append(values[i * d + j]);
            }
            text.append('\n');
        }
        return text.toString();
    }
}
