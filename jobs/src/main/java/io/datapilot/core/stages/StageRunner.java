package io.datapilot.core.stages;

import io.datapilot.core.cli.RunContext;

/** Runs one stage of the catalog within a {@code datapilot run}. */
@FunctionalInterface
public interface StageRunner {
    StageOutcome run(RunContext context);
}
