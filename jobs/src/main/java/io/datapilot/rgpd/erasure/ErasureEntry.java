package io.datapilot.rgpd.erasure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of {@code governance.erasure_log}: what an erasure request did to one table. Never the
 * subject's values: the subject is known by a keyed reference ({@code subject_ref}, the HMAC of the
 * column and value), which tells two requests for the same person apart from others.
 *
 * @param receivedOn when the request reached the controller ({@code --received}), for the delay of art. 12.3
 * @param delayDays days from receipt to handling (one month at most, art. 12.3 GDPR)
 * @param runDates the run dates of the rows deleted, comma-separated
 * @param status {@code erased}, {@code reapplied} (the rows came back with a later ingestion) or {@code none found}
 */
public record ErasureEntry(String requestId, LocalDate receivedOn, Instant handledAt, int delayDays, String subjectColumn,
        String subjectRef, String tableName, long rowsDeleted, String runDates, Long versionBefore, Long versionAfter,
        boolean deletionVectorsPurged, int vacuumHours, long logFilesExpired, String status, String note) {

    public static final String TABLE = "erasure_log";
}
