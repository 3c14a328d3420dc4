package io.datapilot.ml.scorer;

/**
 * One row's prediction, as {@code PipelineModel.transform} gives it.
 *
 * @param value the predicted number, or for a classifier the class index (0, 1, ...)
 * @param label the class label of that index; null for a regression
 * @param probabilities one per class, in index order; null for a regression
 */
public record Prediction(double value, String label, double[] probabilities) {}
