package io.datapilot.core.config;

/** A column of the data set that models learn to predict. */
public record TargetConfig(String column, TargetKind kind) {}
