package io.datapilot.core.stages;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.spark.JobCounter;
import java.time.Instant;

/**
 * Runs one stage and records its {@link RunFact}, success or failure: the one place where run facts
 * are taken, for {@code datapilot run} and for a stage's own command alike.
 */
public final class StageExecution {
    private static final int MESSAGE_LENGTH = 500;

    private StageExecution() {}

    /** The stage's outcome with its fact; a failure is rethrown after its fact is handed to {@code onFailure}. */
    public record Executed(StageOutcome outcome, RunFact fact) {}

    public static Executed run(Stage stage, StageRunner runner, RunContext context, java.util.function.Consumer<RunFact> onFailure) {
        Instant started = Instant.now();
        JobCounter jobs = null;
        try {
            // the session starts here rather than in the stage so that its jobs are counted from the first one
            jobs = JobCounter.start(context.spark());
            StageOutcome outcome = runner.run(context);
            RunFact fact = new RunFact(stage.name(), started, Instant.now(), outcome.rowsIn(), outcome.rowsOut(), outcome.rowsQuarantined(),
                    RunFact.OK, null, jobs.jobs());
            return new Executed(outcome, fact);
        } catch (RuntimeException failure) {
            RunFact fact = new RunFact(stage.name(), started, Instant.now(), null, null, null, RunFact.FAILED, message(failure),
                    jobs == null ? 0 : jobs.jobs());
            onFailure.accept(fact);
            throw failure;
        } finally {
            if (jobs != null) {
                jobs.close();
            }
        }
    }

    /** The error's kind and first line, bounded: the table keeps what a scheduler's alert would show. */
    static String message(RuntimeException failure) {
        String kind = failure instanceof DatapilotException known ? known.kind().name() : failure.getClass().getSimpleName();
        String text = failure.getMessage() == null ? "" : failure.getMessage();
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        String message = kind + ": " + first;
        return message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH - 1) + "…" : message;
    }
}
