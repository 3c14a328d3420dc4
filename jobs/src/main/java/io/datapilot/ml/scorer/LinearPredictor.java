package io.datapilot.ml.scorer;

import java.util.List;

/** LinearRegressionModel, and LogisticRegressionModel binomial and multinomial. */
final class LinearPredictor {
    private LinearPredictor() {}

    static Predictor regression(ScorerFile.Linear model, int size) {
        checkSize(model.coefficients().length, size);
        double[] coefficients = model.coefficients().clone();
        double intercept = model.intercept();
        return features -> Predictor.value(Predictor.dot(coefficients, features) + intercept);
    }

    static Predictor logistic(ScorerFile.Logistic model, int size, List<String> labels) {
        double[][] coefficients = model.coefficients().clone();
        double[] intercepts = model.intercepts().clone();
        for (double[] row : coefficients) {
            checkSize(row.length, size);
        }
        if (coefficients.length == 1) {
            double[] weights = coefficients[0].clone();
            double intercept = intercepts[0];
            double threshold = model.threshold();
            return features -> {
                double margin = Predictor.dot(weights, features) + intercept;
                // rawPrediction [-m, m], then LogisticRegressionModel.raw2probabilityInPlace
                double[] probabilities = new double[2];
                probabilities[0] = 1.0 / (1.0 + Math.exp(margin));
                probabilities[1] = 1.0 - probabilities[0];
                return Predictor.classes(probabilities[1] > threshold ? 1 : 0, probabilities, labels);
            };
        }
        return features -> {
            double[] margins = new double[coefficients.length];
            for (int k = 0; k < margins.length; k++) {
                margins[k] = Predictor.dot(coefficients[k], features) + intercepts[k];
            }
            Predictor.softmaxInPlace(margins);
            return Predictor.classes(margins, labels);
        };
    }

    static void checkSize(int modelSize, int vectorSize) {
        if (modelSize != vectorSize) {
            throw new IllegalArgumentException("Invalid scorer file: the model expects " + modelSize
                    + " features but the feature stages give " + vectorSize + "; export the model again");
        }
    }
}
