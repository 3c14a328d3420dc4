package io.datapilot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.ml.knn.KnnClassificationModel;
import io.datapilot.ml.knn.KnnClassifier;
import io.datapilot.ml.knn.KnnKernel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The KNN classifier's transform of 10 000 queries against 100 000 training rows × 20 features,
 * against scikit-learn's brute-force {@code KNeighborsClassifier} fit + predict on the same data
 * (scripts/lib/knn_sklearn.py, run with /usr/bin/python3 in the same benchmark run), and the
 * count of predictions and neighbour lists that differ between the two.
 */
final class KnnBenchmark {
    static final int TRAINING_ROWS = 100_000;
    static final int FEATURES = 20;
    static final int QUERIES = 10_000;
    static final int CLASSES = 3;
    static final int K = 5;
    static final long SEED = 20250106L;
    static final String DATASET = TRAINING_ROWS + " training rows × " + FEATURES + " features and " + QUERIES + " queries (seed " + SEED
            + ", standard normal features, " + CLASSES + " classes from the largest of three noisy linear scores), k = " + K
            + ", euclidean, uniform";
    private static final Path SCRIPT = Path.of("scripts/lib/knn_sklearn.py");

    private final SparkSession spark;
    private final Path data;
    private final PrintStream log;

    KnnBenchmark(SparkSession spark, Path data, PrintStream log) {
        this.spark = spark;
        this.data = data.resolve("knn");
        this.log = log;
    }

    List<Comparison> run(int runs, int warmups) throws IOException {
        Random random = new Random(SEED);
        double[] matrix = gaussian(random, TRAINING_ROWS * FEATURES);
        double[] labels = labels(random, matrix);
        double[] queries = gaussian(random, QUERIES * FEATURES);
        Files.createDirectories(data);
        Path trainFile = data.resolve("train.csv");
        Path queriesFile = data.resolve("queries.csv");
        writeCsv(trainFile, matrix, labels);
        writeCsv(queriesFile, queries, null);

        Dataset<Row> training = frame(matrix, labels).cache();
        Dataset<Row> queryFrame = frame(queries, new double[QUERIES]).cache();
        training.count();
        queryFrame.count();
        long fitStart = System.nanoTime();
        KnnClassificationModel model = new KnnClassifier().setK(K).fit(training);
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
        double[] predictions = new double[QUERIES];
        Stopwatch stopwatch = new Stopwatch(spark, log);
        String candidate = "datapilot KNN transform (Spark " + spark.sparkContext().master() + ")";
        Timings sparkTimes = stopwatch.measure(candidate, () -> {
            for (Row row : model.transform(queryFrame).select("id", "prediction").collectAsList()) {
                predictions[row.getInt(0)] = row.getDouble(1);
            }
        }, runs, warmups);
        int jobs = stopwatch.jobs(candidate);

        Path prefix = data.resolve("sklearn");
        JsonNode baseline = runScikitLearn(trainFile, queriesFile, prefix, runs, warmups);
        List<Double> sklearnSeconds = new ArrayList<>();
        baseline.get("seconds").forEach(value -> sklearnSeconds.add(value.asDouble()));
        Timings sklearnTimes = new Timings("scikit-learn " + baseline.get("version").asText() + " brute, n_jobs=2, fit + predict",
                sklearnSeconds);

        List<String> sklearnPredictions = Files.readAllLines(prefix.resolveSibling("sklearn.predictions"));
        int differentPredictions = 0;
        for (int q = 0; q < QUERIES; q++) {
            if (Integer.parseInt(sklearnPredictions.get(q).trim()) != (int) predictions[q]) {
                differentPredictions++;
            }
        }
        long kernelStart = System.nanoTime();
        int[][] ours = KnnKernel.nearestBatch(matrix, FEATURES, queries, K, KnnKernel.Distance.EUCLIDEAN);
        double kernelSeconds = (System.nanoTime() - kernelStart) / 1e9;
        int[] differences = compareNeighbours(ours, Files.readAllLines(prefix.resolveSibling("sklearn.neighbours")), matrix, queries);
        String notes = "Spark jobs of one transform: " + jobs + "; fit (collecting the training set to the driver, not timed above) "
                + String.format(java.util.Locale.ROOT, "%.2f s", fitSeconds) + "; the kernel alone (KnnKernel.nearestBatch, one thread,"
                + " no Spark) " + String.format(java.util.Locale.ROOT, "%.2f s", kernelSeconds) + ". Predictions that differ from"
                + " scikit-learn's: " + differentPredictions + " of " + QUERIES + "; neighbour lists that differ: " + differences[0]
                + " of " + QUERIES + ", of which " + differences[1] + " hold the same distances (a tie ordered differently or a"
                + " last-bit difference in scikit-learn's ‖q‖² + ‖x‖² − 2q·x). The first warm-up transform also broadcasts the"
                + " training rows (once per model).";
        return List.of(new Comparison("KNN classification, 10 000 queries", sparkTimes, sklearnTimes, 2.0, notes));
    }

    private JsonNode runScikitLearn(Path train, Path queries, Path prefix, int runs, int warmups) throws IOException {
        if (!Files.exists(SCRIPT)) {
            throw new IOException("Cannot find " + SCRIPT + ": run the benchmark from the repository root (scripts/bench does)");
        }
        Process process = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), train.toString(), queries.toString(),
                prefix.toString(), String.valueOf(K), String.valueOf(runs), String.valueOf(warmups))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException("Cannot run the scikit-learn baseline: " + SCRIPT + " exited with " + exit
                        + "; install python3-sklearn (apt) or scikit-learn (pip)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + SCRIPT, e);
        }
        String[] lines = output.strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    /** Queries whose neighbour lists differ, and among them those whose sorted distances are equal anyway. */
    private static int[] compareNeighbours(int[][] ours, List<String> theirs, double[] matrix, double[] queries) {
        int different = 0;
        int sameDistances = 0;
        for (int q = 0; q < QUERIES; q++) {
            int[] other = Arrays.stream(theirs.get(q).split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            if (!Arrays.equals(ours[q], other)) {
                different++;
                Set<Double> mine = new HashSet<>();
                Set<Double> sklearn = new HashSet<>();
                for (int i = 0; i < K; i++) {
                    mine.add(squared(matrix, ours[q][i], queries, q));
                    sklearn.add(squared(matrix, other[i], queries, q));
                }
                if (mine.equals(sklearn)) {
                    sameDistances++;
                }
            }
        }
        return new int[] {different, sameDistances};
    }

    private static double squared(double[] matrix, int row, double[] queries, int query) {
        double sum = 0.0;
        for (int j = 0; j < FEATURES; j++) {
            double difference = matrix[row * FEATURES + j] - queries[query * FEATURES + j];
            sum += difference * difference;
        }
        return sum;
    }

    private static double[] gaussian(Random random, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    private static double[] labels(Random random, double[] matrix) {
        double[][] weights = new double[CLASSES][FEATURES];
        for (double[] row : weights) {
            for (int j = 0; j < FEATURES; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[] labels = new double[TRAINING_ROWS];
        for (int i = 0; i < TRAINING_ROWS; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                double score = random.nextGaussian() * 2;
                for (int j = 0; j < FEATURES; j++) {
                    score += weights[c][j] * matrix[i * FEATURES + j];
                }
                if (score > best) {
                    best = score;
                    labels[i] = c;
                }
            }
        }
        return labels;
    }

    private Dataset<Row> frame(double[] values, double[] labels) {
        List<Row> rows = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            rows.add(RowFactory.create(i, Vectors.dense(Arrays.copyOfRange(values, i * FEATURES, (i + 1) * FEATURES)), labels[i]));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema).repartition(spark.sparkContext().defaultParallelism());
    }

    /** Writes the rows as CSV (label first when given), each value in Java's shortest exact form. */
    private static void writeCsv(Path file, double[] values, double[] labels) {
        int rows = values.length / FEATURES;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                if (labels != null) {
                    line.append((int) labels[i]).append(',');
                }
                for (int j = 0; j < FEATURES; j++) {
                    line.append(j == 0 ? "" : ",").append(values[i * FEATURES + j]);
                }
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
