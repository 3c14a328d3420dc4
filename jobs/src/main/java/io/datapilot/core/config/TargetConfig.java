package io.datapilot.core.config;

/** A column of the data set that models learn to predict; without a kind, the training decides it from the values. */
public record TargetConfig(String column, TargetKind kind) {
    public TargetConfig {
        kind = kind == null ? TargetKind.AUTO : kind;
    }
}
