package io.datapilot.governance.commitments;

/**
 * One commitment on one run date ({@code governance.commitments}).
 *
 * @param measured the measure (a share as 0 to 1, a count, minutes after midnight for {@code run_end_time});
 *     null when the run did not produce it
 * @param measuredText the measure as people read it (91,2 %, 05:42)
 * @param status {@code OK}, {@code WARNING} (met by less than the warning margin), {@code BREACH} or
 *     {@code NO_DATA} (the measure is missing: the stage that produces it did not run, or the feature is not used)
 * @param previousStatus the status on the previous run date, if any
 */
public record CommitmentStatus(String name, String description, String metric, String operator, String threshold, Double measured,
        String measuredText, String status, String message, String previousStatus) {

    public static final String OK = "OK";
    public static final String WARNING = "WARNING";
    public static final String BREACH = "BREACH";
    public static final String NO_DATA = "NO_DATA";

    public boolean breached() {
        return BREACH.equals(status);
    }

    public boolean changed() {
        return previousStatus != null && !previousStatus.equals(status);
    }
}
