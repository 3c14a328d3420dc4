package io.datapilot;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.Streams;
import io.datapilot.ingest.ValidateCommand;
import io.datapilot.sample.GenerateCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point: {@code datapilot <command> [options]}, locally through
 * {@code scripts/datapilot} or on a cluster through {@code spark-submit --class io.datapilot.Datapilot}.
 *
 * <p>Exit codes: 0 success, 1 data or validation failure, 2 usage or configuration error.
 */
@Command(name = "datapilot", mixinStandardHelpOptions = true, versionProvider = Datapilot.Version.class,
        description = "Audit, load, analyse and model a client's data on Apache Spark.",
        subcommands = {PipelineCommand.class, io.datapilot.ml.PredictCommand.class, io.datapilot.rgpd.erasure.EraseCommand.class, io.datapilot.rgpd.retention.RetentionCommand.class, io.datapilot.governance.commitments.CheckCommitmentsCommand.class, io.datapilot.serve.ServeCommand.class, io.datapilot.load.BenchmarkQueriesCommand.class, io.datapilot.query.ShowCommand.class, io.datapilot.query.SqlCommand.class, TablesCommand.class, ValidateCommand.class, GenerateCommand.class, StagesCommand.class, io.datapilot.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class Datapilot implements Streams, Runnable {
    private final PrintStream out;
    private final PrintStream err;

    public Datapilot(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = execute(args, out, err);
        if (code == 0) {
            return;
        }
        if ("cluster".equals(System.getProperty("spark.submit.deployMode"))) {
            // in cluster mode the driver runs inside YARN/Kubernetes: exiting would hide the outcome
            throw new IllegalStateException("datapilot failed with exit code " + code + " (see the message above)");
        }
        System.exit(code);
    }

    /** Runs a command line and returns its exit code, printing to the given streams. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v");
        io.datapilot.core.cli.ConsoleLogging.apply(verbose);
        CommandLine commandLine = commandLine(out, err);
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> report(exception, failed, err));
        return commandLine.execute(args);
    }

    /**
     * The command line: the commands declared above, plus one command per stage of the catalog that
     * has no options of its own (ingest, profile, quality-gate, clean, load, stats, report), described by
     * the catalog and running the stage's runner, as {@code datapilot run} does.
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new Datapilot(out, err));
        for (io.datapilot.core.stages.Stage stage : io.datapilot.core.stages.StageCatalog.STAGES) {
            if (!commandLine.getSubcommands().containsKey(stage.command())) {
                CommandLine command = new CommandLine(new StageCommand(stage));
                command.getCommandSpec().usageMessage().description(stage.description() + "; writes " + String.join(", ",
                        stage.outputs()) + ".");
                commandLine.addSubcommand(stage.command(), command);
            }
        }
        return commandLine;
    }

    private static int report(Exception exception, CommandLine failed, PrintStream err) {
        boolean verbose = failed.getCommand() instanceof DatapilotCommand command && command.verbose();
        DatapilotException known = find(exception);
        if (known != null) {
            err.println("datapilot: " + known.getMessage());
            if (verbose) {
                exception.printStackTrace(err);
            }
            return known.exitCode();
        }
        err.println("datapilot: unexpected error: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
        if (verbose) {
            exception.printStackTrace(err);
        } else {
            err.println("Run the same command with --verbose to see the full stack trace;"
                    + " please report it with that trace if the cause is not in your data or configuration.");
        }
        return 1;
    }

    private static DatapilotException find(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof DatapilotException known) {
                return known;
            }
        }
        return null;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    /** Version from the jar manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Datapilot.class.getPackage().getImplementationVersion();
            return new String[] {"datapilot " + (version == null ? "(development build)" : version)
                    + " on Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
        }
    }
}
