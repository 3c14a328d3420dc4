package io.datapilot.rgpd.retention;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of {@code governance.retention_log}: what {@code datapilot retention} found (dry run) or did
 * ({@code --apply}) to one table.
 *
 * @param rule the key of {@code rgpd.retention_policy.days} that set the period ({@code default}, a layer or the table)
 * @param cutoff run dates before this one are out of their retention period
 * @param runDatesDeleted those run dates, comma-separated
 */
public record RetentionEntry(Instant appliedAt, String mode, String tableName, int retentionDays, String rule, LocalDate cutoff,
        String runDatesDeleted, long rowsDeleted, Long versionBefore, Long versionAfter, long logFilesExpired) {

    public static final String TABLE = "retention_log";
}
