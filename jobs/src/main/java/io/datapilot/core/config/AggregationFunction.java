package io.datapilot.core.config;

/** Aggregations available to bring a finer source to the base grain. */
public enum AggregationFunction {
    SUM,
    MEAN,
    COUNT,
    MIN,
    MAX,
    FIRST,
    LAST,
    COUNT_DISTINCT,
    MOST_FREQUENT;

    public boolean needsColumn() {
        return this != COUNT;
    }

    public boolean needsOrder() {
        return this == FIRST || this == LAST;
    }

    public boolean needsNumber() {
        return this == SUM || this == MEAN;
    }
}
