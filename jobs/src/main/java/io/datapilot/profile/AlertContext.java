package io.datapilot.profile;

import io.datapilot.core.config.AlertsConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What alerts need besides a table's profile.
 *
 * @param invalidDates rows quarantined at ingestion because a column held no valid date, by column
 * @param invalidFormats values of personal columns (e-mail, phone, postcode) that did not match their
 *     format, counted at ingestion before the treatment hid them, by column
 * @param joins relations in which this table is the related source, from audit.join_report
 */
public record AlertContext(AlertsConfig thresholds, Set<String> nonNegative, Set<String> futureAllowed,
        Map<String, Long> invalidDates, Map<String, Long> invalidFormats, List<JoinFinding> joins) {

    public AlertContext {
        nonNegative = Set.copyOf(nonNegative);
        futureAllowed = Set.copyOf(futureAllowed);
        invalidDates = Map.copyOf(invalidDates);
        invalidFormats = Map.copyOf(invalidFormats);
        joins = List.copyOf(joins);
    }

    /** Keys of this table that did not meet the data set's base keys. */
    public record JoinFinding(String dataset, String column, long unmatchedRows, long unmatchedKeys, long duplicateKeys) {}
}
