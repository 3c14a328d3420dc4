package io.datapilot.core.config;

/**
 * One column computed from a finer source, per base key.
 *
 * @param name output column name
 * @param function what to compute
 * @param column source column (not needed for {@code count})
 * @param by for {@code first} and {@code last}: the date or order column that decides
 * @param label what the report calls the column; built from the function and the aggregated
 *     column's label when absent
 */
public record AggregationConfig(String name, AggregationFunction function, String column, String by, String label) {}
