package io.datapilot.core.config;

/**
 * The thresholds of the quality gate: the run stops (and the nightly DAG fails) when one is crossed.
 *
 * @param maxQuarantineRatio largest share of a source's rows that may go to quarantine
 * @param maxCriticalAlerts most critical quality alerts allowed over all tables (null: no limit)
 * @param minCompleteness smallest share of non-missing cells (neither null, empty nor blank) in each
 *     profiled table
 */
public record QualityGateConfig(Double maxQuarantineRatio, Integer maxCriticalAlerts, Double minCompleteness) {

    public QualityGateConfig {
        maxQuarantineRatio = maxQuarantineRatio == null ? 0.05 : maxQuarantineRatio;
        minCompleteness = minCompleteness == null ? 0.8 : minCompleteness;
    }

    static QualityGateConfig defaults() {
        return new QualityGateConfig(null, null, null);
    }
}
