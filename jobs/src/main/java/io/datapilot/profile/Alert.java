package io.datapilot.profile;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One data-quality finding.
 *
 * @param column null for a finding about the whole table
 * @param count rows concerned
 * @param example a value showing the problem (masked for personal columns)
 * @param threshold the configured limit that was crossed, as text, or null
 */
public record Alert(String table, String column, Kind kind, long count, double share, String example, Severity severity,
        String threshold, String message) {

    public Alert {
        requireNonNull(table, "table is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(severity, "severity is null");
    }

    /** How much an alert matters. */
    public enum Severity {
        INFO,
        WARNING,
        CRITICAL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the alert is about. */
    public enum Kind {
        CONSTANT,
        MISSING,
        HIGH_CARDINALITY,
        UNIQUE,
        SKEWED,
        ZEROS,
        DUPLICATE_ROWS,
        DUPLICATE_KEYS,
        MIXED_TYPES,
        OUTLIERS,
        INVALID_FORMAT,
        INVALID_DATE,
        NEGATIVE_VALUES,
        FUTURE_DATES,
        IMPLAUSIBLE_DATES,
        INCONSISTENT_CATEGORIES,
        POSSIBLE_TYPO,
        /** Values that stand for a missing value ("." , "n/a", "inconnu", 1900-01-01, 9999), or a lone value far rarer than the others. */
        PLACEHOLDER,
        /** Modalities of a categorical column much rarer than a configured share. */
        RARE_MODALITY,
        UNMATCHED_KEYS,
        DUPLICATE_LOOKUP_KEYS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
