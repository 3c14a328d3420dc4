package io.datapilot.governance.drift;

import java.time.LocalDate;

/**
 * One line of {@code governance.feature_drift}: how far a variable of a target's model moved since the
 * previous run date.
 *
 * @param variable a feature, or {@code prediction:<target>}
 * @param psi the population stability index against the reference (null without a reference run date)
 * @param band {@code stable}, {@code moderate} or {@code significant} by governance.psi_warning / psi_alert;
 *     {@code no_reference} on the first run date
 * @param referenceRunDate the run date whose bins the index compares with
 */
public record DriftRow(String target, String variable, String kind, Double psi, String band, LocalDate referenceRunDate, int bins) {
    public static final String NO_REFERENCE = "no_reference";
}
