package io.datapilot.core.config;

/**
 * Thresholds of the quality alerts (shares are between 0 and 1).
 *
 * @param missing share of missing values from which a column is flagged
 * @param missingCritical share of missing values from which the alert is critical
 * @param highCardinality distinct values from which a text column is too varied to be a category
 * @param skewness absolute skewness from which a numeric column is flagged as skewed
 * @param zeros share of zeros from which a numeric column is flagged
 * @param outliers share of IQR outliers from which the outlier alert is a warning (below: info)
 * @param rareModality share below which a modality of a categorical column with few modalities is rare
 * @param rareMaxModalities most distinct values of a categorical column checked for rare modalities
 *     and for a lone value far rarer than every other one
 */
public record AlertsConfig(Double missing, Double missingCritical, Integer highCardinality, Double skewness, Double zeros,
        Double outliers, Double rareModality, Integer rareMaxModalities) {

    public AlertsConfig {
        missing = missing == null ? 0.05 : missing;
        missingCritical = missingCritical == null ? 0.5 : missingCritical;
        highCardinality = highCardinality == null ? 50 : highCardinality;
        skewness = skewness == null ? 10.0 : skewness;
        zeros = zeros == null ? 0.1 : zeros;
        outliers = outliers == null ? 0.01 : outliers;
        rareModality = rareModality == null ? 0.01 : rareModality;
        rareMaxModalities = rareMaxModalities == null ? 20 : rareMaxModalities;
    }

    static AlertsConfig defaults() {
        return new AlertsConfig(null, null, null, null, null, null, null, null);
    }
}
