package io.datapilot.core.stages;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What the runner saw of one stage: when it ran, the rows it reported, how it ended and how many
 * Spark jobs it started. A failed stage is a fact too (its rows unknown, its message kept).
 *
 * @param rowsIn null when the stage failed (it reported nothing)
 * @param message null when the stage succeeded; else the error's first line (the error kind first)
 * @param sparkJobs jobs started while the stage ran (the passes it really made)
 */
public record RunFact(String stage, Instant started, Instant ended, Long rowsIn, Long rowsOut, Long rowsQuarantined, String status,
        String message, int sparkJobs) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public RunFact {
        requireNonNull(stage, "stage is null");
        requireNonNull(started, "started is null");
        requireNonNull(ended, "ended is null");
        requireNonNull(status, "status is null");
    }

    public double durationSeconds() {
        return (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0;
    }
}
