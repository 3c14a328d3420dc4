package io.datapilot.core.config;

/** Supervised learning task of a target. */
public enum TargetKind {
    CLASSIFICATION,
    REGRESSION
}
