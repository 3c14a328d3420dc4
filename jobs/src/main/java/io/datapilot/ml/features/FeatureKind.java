package io.datapilot.ml.features;

/** How a model sees a column: the kind decides how {@link FeaturePipeline} turns it into numbers. */
public enum FeatureKind {
    /** Any number, cast to a double. */
    NUMERIC,
    /** True or false, as 1 or 0. */
    BOOLEAN,
    /** A date or a timestamp, as three numbers: days since 1970-01-01, month, ISO weekday. */
    DATE,
    /** Text, one-hot encoded by label frequency. */
    CATEGORICAL
}
