package io.datapilot.ml.scorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.ml.features.Feature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Scores one row at a time without Spark, with the predictions of the {@code PipelineModel} it was
 * exported from ({@code ScorerExport.write}). Starts in milliseconds, needs only Jackson, and is
 * immutable: one instance serves concurrent requests.
 *
 * <pre>{@code
 * LocalScorer scorer = LocalScorer.load(Path.of("models/churn"));
 * Prediction prediction = scorer.score(Map.of("montant", 120.5, "region", "Nord", "inscription", "2024-03-01"));
 * prediction.label();          // "oui"
 * prediction.probabilities();  // [0.27, 0.73]
 * }</pre>
 */
public final class LocalScorer {
    private final ScorerFile file;
    private final RowEncoder encoder;
    private final Predictor predictor;

    private LocalScorer(ScorerFile file, RowEncoder encoder, Predictor predictor) {
        this.file = file;
        this.encoder = encoder;
        this.predictor = predictor;
    }

    /** Reads {@code scorer.json} (and {@code knn.bin} for a KNN model) in a model's folder. */
    public static LocalScorer load(Path directory) {
        Path path = directory.resolve(ScorerFile.FILE);
        ObjectMapper mapper = ScorerFile.mapper();
        ScorerFile file;
        try {
            JsonNode tree = mapper.readTree(path.toFile());
            JsonNode version = tree.get("format_version");
            if (version == null || !version.canConvertToInt() || version.asInt() != ScorerFile.FORMAT_VERSION) {
                throw new DatapilotException(ErrorKind.CONFIG, "Cannot load the scorer of " + directory + ": its "
                        + ScorerFile.FILE + " has format_version " + (version == null ? "(none)" : version.asText())
                        + " but this datapilot reads format_version " + ScorerFile.FORMAT_VERSION
                        + " only; retrain the model with this datapilot version to write a scorer it can read");
            }
            file = mapper.treeToValue(tree, ScorerFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
        RowEncoder encoder = new RowEncoder(file);
        return new LocalScorer(file, encoder, predictor(file, encoder.size(), directory));
    }

    /**
     * The prediction for one row: column name → Number, Boolean, String (a category, or a date as
     * yyyy-MM-dd), LocalDate, LocalDateTime, or null. A missing column counts as null: numbers are
     * imputed with the training median, categories fall in the extra bucket (no one-hot slot set).
     */
    public Prediction score(Map<String, ?> row) {
        return predictor.predict(encoder.encode(row));
    }

    public List<Feature> features() {
        return file.features();
    }

    /** {@code classification} or {@code regression}. */
    public String task() {
        return file.task();
    }

    /** Class labels by index; empty for a regression. */
    public List<String> labels() {
        return file.labels();
    }

    private static Predictor predictor(ScorerFile file, int size, Path directory) {
        List<String> labels = file.labels();
        ScorerFile.Model model = file.model();
        if (model instanceof ScorerFile.Linear linear) {
            return LinearPredictor.regression(linear, size);
        } else if (model instanceof ScorerFile.Logistic logistic) {
            return LinearPredictor.logistic(logistic, size, labels);
        } else if (model instanceof ScorerFile.Trees trees) {
            return TreePredictor.of(trees, size, labels);
        } else if (model instanceof ScorerFile.Perceptron perceptron) {
            return new PerceptronPredictor(perceptron, size, labels);
        }
        return KnnPredictor.of((ScorerFile.Knn) model, size, labels, directory);
    }
}
