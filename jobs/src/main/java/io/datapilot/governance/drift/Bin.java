package io.datapilot.governance.drift;

/**
 * One bin of a variable's distribution on a run date ({@code governance.feature_bins}): the next run
 * date counts its own rows in the same bins to measure the drift.
 *
 * @param variable a feature column, or {@code prediction:<target>} for a model's predictions
 * @param kind {@code numeric} (bins between deciles) or {@code categorical} (the most frequent values, then
 *     {@link #OTHER})
 * @param bin the bin's position; {@link #MISSING_BIN} holds the rows without a value
 * @param lower exclusive lower bound of a numeric bin (null: no bound)
 * @param upper inclusive upper bound of a numeric bin (null: no bound)
 * @param category the value of a categorical bin
 */
public record Bin(String variable, String kind, int bin, Double lower, Double upper, String category, long count) {
    public static final int MISSING_BIN = -1;
    public static final String OTHER = "(autres valeurs)";
    public static final String NUMERIC = "numeric";
    public static final String CATEGORICAL = "categorical";
}
