package io.datapilot.core.config;

import java.util.List;

/**
 * How the profile stage measures columns and when it raises quality alerts.
 *
 * @param topK most frequent values kept per column
 * @param nonNegative columns where a negative value is impossible (besides those named like
 *     quantities, ages, counts or prices)
 * @param earliestDate dates before this one are impossible
 * @param futureAllowed date columns where a date after the run date is normal (due dates, planning)
 */
public record ProfileConfig(
        Integer topK,
        Integer sampleRows,
        List<String> nonNegative,
        String earliestDate,
        List<String> futureAllowed,
        AlertsConfig alerts) {

    public ProfileConfig {
        topK = topK == null ? 10 : topK;
        sampleRows = sampleRows == null ? 10_000 : sampleRows;
        nonNegative = nonNegative == null ? List.of() : List.copyOf(nonNegative);
        earliestDate = earliestDate == null ? "1900-01-01" : earliestDate;
        futureAllowed = futureAllowed == null ? List.of() : List.copyOf(futureAllowed);
        alerts = alerts == null ? AlertsConfig.defaults() : alerts;
    }

    static ProfileConfig defaults() {
        return new ProfileConfig(null, null, null, null, null, null);
    }
}
