package io.datapilot.core.config;

import io.datapilot.core.config.CleanConfig.AnomalyPolicy;
import java.util.List;

/**
 * The cleaning of one column, overriding the defaults chosen from the profile.
 *
 * @param impute how missing values are filled
 * @param value for {@code constant}: the value (text, number or date as text)
 * @param by for {@code median_by}: the column whose groups get their own median
 * @param outliers what to do with values outside Tukey's fences
 * @param impossible what to do with negative values
 * @param normalise whether case, accent and spacing variants of a label are merged
 * @param placeholders values that stand for a missing value ("." , "inconnu", 9999, 1900-01-01), turned
 *     into missing values before anything else is computed: texts compared without case, accents or
 *     surrounding spaces, numbers by value, dates by day
 */
public record ColumnCleaningConfig(Imputation impute, String value, String by, AnomalyPolicy outliers, AnomalyPolicy impossible,
        Boolean normalise, List<String> placeholders) {

    public ColumnCleaningConfig {
        // a null item (YAML ~) is kept for the validator to report with its path
        placeholders = placeholders == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(placeholders));
    }

    /** Imputation strategies. */
    public enum Imputation {
        /** Left missing. */
        NONE,
        MEAN,
        MEDIAN,
        ZERO,
        CONSTANT,
        /** The most frequent value (categorical columns). */
        MODE,
        /** The median of the row's group in {@code by}, else the overall median. */
        MEDIAN_BY
    }
}
