package io.datapilot.core.stages;

/** Row counts a stage reports to the runner's summary. */
public record StageOutcome(long rowsIn, long rowsOut, long rowsQuarantined) {
    /** For a stage that checks or reports and moves no rows. */
    public static final StageOutcome NONE = new StageOutcome(0, 0, 0);
}
