package io.datapilot.clean;

/**
 * One change the clean stage made (or decided not to make) to a column, as written to audit.cleaning.
 *
 * @param column null for a change to whole rows (duplicates)
 * @param action impute, normalise, outliers, impossible, drop_duplicates, missing_indicator, placeholder
 * @param strategy what was applied (median, mode, cap, flag, null, quarantine, ...)
 * @param value the value used, as text (an imputed value, the fences, the merged labels)
 * @param rows rows whose value changed (or rows dropped / quarantined)
 * @param decidedBy {@code config} or {@code default}
 * @param reason why: the configuration key, or the profile figure the default comes from
 */
public record CleaningAction(String table, String column, String action, String strategy, String value, long rows, String decidedBy,
        String reason) {}
