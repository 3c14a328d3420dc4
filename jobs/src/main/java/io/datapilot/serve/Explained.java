package io.datapilot.serve;

import io.datapilot.ml.scorer.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One prediction with what explains it: the interval of a regression (the test residuals' 5th and
 * 95th percentiles added to the prediction), the probabilities of a classification, and the main
 * factors behind it — each feature set in turn to its typical value (training median, or most
 * frequent label), the change of the prediction (or of the predicted class's probability) ranked by
 * size. A local attribution that needs only the local scorer: one extra scoring per feature.
 *
 * @param low the interval's lower end (regression); NaN when the model has no residuals
 * @param factors by decreasing effect; left out: the features whose value is missing or already the typical one,
 *     and those whose change does not move the prediction
 */
public record Explained(Prediction prediction, double low, double high, List<Factor> factors) {

    /**
     * A feature's part in the prediction.
     *
     * @param value what the row holds (null: missing, imputed)
     * @param effect prediction − prediction with the typical value (for a class, in probability points)
     */
    public record Factor(Field field, Object value, Object typical, double effect) {}

    public static Explained of(ServedModel model, Map<String, Object> row) {
        Prediction prediction = model.scorer().score(row);
        double low = Double.NaN;
        double high = Double.NaN;
        if (!model.classification() && model.description().has("residuals")) {
            low = prediction.value() + model.description().path("residuals").path("p05").asDouble();
            high = prediction.value() + model.description().path("residuals").path("p95").asDouble();
        }
        List<Factor> factors = new ArrayList<>();
        int predicted = (int) prediction.value();
        for (Field field : model.fields()) {
            Object value = row.get(field.column());
            Object typical = typical(field);
            if (value == null || typical == null || same(value, typical)) {
                continue;
            }
            Map<String, Object> changed = new HashMap<>(row);
            changed.put(field.column(), typical);
            Prediction other = model.scorer().score(changed);
            double effect = model.classification() ? prediction.probabilities()[predicted] - other.probabilities()[predicted]
                    : prediction.value() - other.value();
            // a feature the model does not use for this row (a tree that never splits on it) has no effect to show
            if (effect != 0.0) {
                factors.add(new Factor(field, value, typical, effect));
            }
        }
        factors.sort(Comparator.comparingDouble((Factor factor) -> -Math.abs(factor.effect())));
        return new Explained(prediction, low, high, List.copyOf(factors));
    }

    /** The typical value of a field, as the scorer takes it. */
    static Object typical(Field field) {
        String reference = field.reference();
        if (reference == null) {
            return null;
        }
        return switch (field.kind()) {
            case NUMERIC -> InputValidation.number(reference);
            case BOOLEAN -> {
                Double median = InputValidation.number(reference);
                yield median == null ? null : median >= 0.5;
            }
            case DATE -> InputValidation.date(reference);
            case CATEGORICAL -> reference;
        };
    }

    private static boolean same(Object value, Object typical) {
        if (value instanceof Number number && typical instanceof Number other) {
            return number.doubleValue() == other.doubleValue();
        }
        return value.equals(typical);
    }
}
