package io.datapilot.core.config;

/** Supervised learning task of a target. */
public enum TargetKind {
    CLASSIFICATION,
    REGRESSION,
    /** decided from the values by the training stage, which says what it chose */
    AUTO
}
