package io.datapilot.governance.register;

import java.time.LocalDate;

/**
 * An erasure request as the register lists it (from {@code governance.erasure_log}).
 *
 * @param delayDays days from receipt to handling: one month at most (art. 12.3 GDPR)
 */
public record ErasureRequest(String requestId, LocalDate receivedOn, LocalDate handledOn, int delayDays, long rowsDeleted, int tables,
        String status) {
    /** The longest delay art. 12.3 allows without an extension (one month). */
    public static final int MAX_DELAY_DAYS = 30;
}
