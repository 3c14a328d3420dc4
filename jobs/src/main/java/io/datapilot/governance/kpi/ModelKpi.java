package io.datapilot.governance.kpi;

/**
 * One line of {@code governance.model_kpis}: a model of a target on a run date, its ranking metric and
 * the drift of its data since the previous run date.
 *
 * @param modelLabel the model as people read it (the leaderboard's label)
 * @param cvMean the ranking metric's mean over the cross-validation folds; {@code cvStd} its spread
 * @param test the same metric on the held-out test rows
 * @param previousTest the same model's test metric on the previous run date, if any
 * @param predictionPsi for the chosen model, the population stability index of its predictions on the data set
 * @param maxFeaturePsi the largest index among the target's features
 * @param drift the band of the larger of the two indices ({@code stable}, {@code moderate}, {@code significant},
 *     {@code no_reference})
 */
public record ModelKpi(String target, String task, String model, String modelLabel, String metric, Double cvMean, Double cvStd, Double test,
        Integer rank, boolean chosen, Double previousTest, Double testChange, Double predictionPsi, Double maxFeaturePsi, String drift,
        String modelVersion) {}
