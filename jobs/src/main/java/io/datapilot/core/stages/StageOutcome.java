package io.datapilot.core.stages;

/** Row counts a stage reports to the runner's summary. */
public record StageOutcome(long rowsIn, long rowsOut, long rowsQuarantined) {}
