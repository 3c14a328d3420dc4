package io.datapilot.governance.logbook;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One thing the pipeline saw on a run date, as the governance stage builds it from the audit tables.
 *
 * <pre>{@code
 * new Incident(Incident.QUALITY_ALERT, "missing", "clients", "email", "12 % of the values are missing", 120)
 * }</pre>
 *
 * @param category one of {@link #CATEGORIES}
 * @param code what happened within the category: the failed stage's name ({@code stage_failure}), the alert kind's
 *     key ({@code quality_alert}, {@code Alert.Kind.key()}), the quarantine reason's code
 *     ({@code quarantine}, {@link QuarantineReasons#code}), the failed check ({@code gate_failure},
 *     {@code GateCheck.check()}), or {@code stop} / {@code widen} ({@code overflow}, after {@code load.on_overflow})
 * @param table the table or source concerned, or null
 * @param column the column concerned, or null
 * @param detail what the pipeline said (an error's first line, an alert's message), or null
 * @param count rows or values concerned (0 when it does not apply)
 */
public record Incident(String category, String code, String table, String column, String detail, long count) {
    public static final String STAGE_FAILURE = "stage_failure";
    public static final String QUALITY_ALERT = "quality_alert";
    public static final String QUARANTINE = "quarantine";
    public static final String GATE_FAILURE = "gate_failure";
    public static final String OVERFLOW = "overflow";
    public static final List<String> CATEGORIES = List.of(STAGE_FAILURE, QUALITY_ALERT, QUARANTINE, GATE_FAILURE, OVERFLOW);

    public Incident {
        requireNonNull(category, "category is null");
        requireNonNull(code, "code is null");
        if (!CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("Invalid incident category " + category + ": use one of " + CATEGORIES);
        }
    }

    /**
     * What identifies the incident from one run date to the next: {@code category:code:table:column}
     * (an absent table or column is empty). The detail and the count are left out: they change between
     * runs while the problem stays the same.
     */
    public String key() {
        return String.join(":", category, code, table == null ? "" : table, column == null ? "" : column);
    }
}
