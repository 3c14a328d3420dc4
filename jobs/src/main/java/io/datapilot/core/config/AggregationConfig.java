package io.datapilot.core.config;

/**
 * One column computed from a finer source, per base key.
 *
 * @param name output column name
 * @param function what to compute
 * @param column source column (not needed for {@code count})
 * @param by for {@code first} and {@code last}: the date or order column that decides
 */
public record AggregationConfig(String name, AggregationFunction function, String column, String by) {}
