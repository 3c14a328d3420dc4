package io.datapilot.core.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Base of every sub-command: global options, a run context, and the exit code of {@link #run}. */
public abstract class DatapilotCommand implements Callable<Integer> {

    @Mixin
    public GlobalOptions options;

    /** The top command, which knows where to print (tests give it their own streams). */
    @ParentCommand
    private Streams streams;

    @Override
    public final Integer call() {
        try (RunContext context = new RunContext(options, streams.out(), streams.err(), oneShot())) {
            return run(context);
        }
    }

    /** Does the work; returns the exit code (0 on success). User errors are thrown as DatapilotException. */
    protected abstract int run(RunContext context);

    /**
     * Whether the command answers at once and exits (a query, a listing): its local Spark session
     * then starts without the web UI, which nobody would have time to open.
     */
    protected boolean oneShot() {
        return false;
    }

    public boolean verbose() {
        return options != null && options.verbose;
    }
}
