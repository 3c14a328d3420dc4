package io.datapilot.core.config;

/** Whether a related source is finer (aggregated) or coarser (looked up) than the base entity. */
public enum RelationKind {
    AGGREGATE,
    LOOKUP
}
