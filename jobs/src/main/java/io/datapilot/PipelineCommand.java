package io.datapilot;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.stages.RunFact;
import io.datapilot.core.stages.RunKpis;
import io.datapilot.core.stages.Stage;
import io.datapilot.core.stages.StageCatalog;
import io.datapilot.core.stages.StageExecution;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.stages.StageRunner;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import io.datapilot.ingest.IngestStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datapilot run}: every stage of the catalog in order, in one JVM and one Spark session. */
@Command(name = "run", description = "Run the pipeline's stages in order in one Spark session (the embedded default"
        + " runs Spark locally with a local Delta warehouse), then print a summary of each stage.")
public final class PipelineCommand extends DatapilotCommand {
    /** How each stage of the catalog runs; a test checks that none is missing. */
    static final Map<String, StageRunner> RUNNERS = Map.ofEntries(
            Map.entry("ingest", IngestStage::outcome),
            Map.entry("profile", io.datapilot.profile.ProfileStage::outcome),
            Map.entry("quality_gate", io.datapilot.quality.QualityGateStage::outcome),
            Map.entry("clean", io.datapilot.clean.CleanStage::outcome),
            Map.entry("load", io.datapilot.load.LoadStage::outcome),
            Map.entry("query_timing", io.datapilot.load.BenchmarkQueriesCommand::outcome),
            Map.entry("stats", io.datapilot.stats.StatsStage::outcome),
            Map.entry("train", io.datapilot.ml.TrainStage::outcome),
            Map.entry("watch", io.datapilot.governance.watch.WatchStage::outcome),
            Map.entry("governance", io.datapilot.governance.GovernanceStage::outcome),
            Map.entry("report", io.datapilot.report.ReportStage::outcome));

    /** Stages that read governance.run_kpis: the facts of the stages before them are written first. */
    private static final java.util.Set<String> READS_RUN_KPIS = java.util.Set.of("governance");

    @Option(names = "--from", paramLabel = "STAGE", description = "Start at this stage (resume after a failure).")
    String from;

    @Option(names = "--only", paramLabel = "STAGE[,STAGE]", split = ",", description = "Run only these stages.")
    List<String> only;

    @Option(names = "--skip", paramLabel = "STAGE[,STAGE]", split = ",", description = "Leave these stages out (for example"
            + " query_timing,report when only the tables matter).")
    List<String> skip;

    private record Done(Stage stage, String status, Duration duration, StageOutcome outcome) {}

    @Override
    protected int run(RunContext context) {
        List<Stage> stages = select();
        io.datapilot.core.fs.WarehouseAccess.check(context.config(), context.err());
        if (stages.stream().anyMatch(stage -> stage.name().equals("governance"))) {
            // the team's files are read in milliseconds: a bad plan is said now, not after the training
            io.datapilot.governance.GovernanceInputs.check(context.config());
        }
        context.err().println("datapilot run " + context.runDate() + ": " + String.join(" → ", stages.stream().map(Stage::name).toList()));
        List<Done> done = new ArrayList<>();
        List<RunFact> unwritten = new ArrayList<>();
        for (Stage stage : stages) {
            if (READS_RUN_KPIS.contains(stage.name())) {
                writeFacts(context, unwritten);
            }
            context.err().println("[run] stage " + stage.name() + ": " + stage.description());
            try {
                StageExecution.Executed executed = StageExecution.run(stage, RUNNERS.get(stage.name()), context, unwritten::add);
                unwritten.add(executed.fact());
                StageOutcome outcome = executed.outcome();
                Duration duration = Duration.ofMillis(Math.round(executed.fact().durationSeconds() * 1000));
                done.add(new Done(stage, "ok", duration, outcome));
                context.err().println("[run] stage " + stage.name() + " done in " + Numbers.duration(duration) + ": "
                        + Numbers.count(outcome.rowsIn()) + " rows in, " + Numbers.count(outcome.rowsOut()) + " out, "
                        + Numbers.count(outcome.rowsQuarantined()) + " quarantined");
            } catch (RuntimeException failure) {
                RunFact fact = unwritten.get(unwritten.size() - 1);
                done.add(new Done(stage, "FAILED", Duration.ofMillis(Math.round(fact.durationSeconds() * 1000)), null));
                writeFactsAfterFailure(context, unwritten);
                printSummary(context, done);
                context.err().println("The run stopped at stage " + stage.name() + "; the tables of earlier stages are"
                        + " complete. Fix the cause below, then resume with: datapilot run --from " + stage.name());
                throw failure;
            }
        }
        writeFacts(context, unwritten);
        printSummary(context, done);
        return 0;
    }

    /** One commit for the facts gathered so far (see {@link RunKpis}). */
    private static void writeFacts(RunContext context, List<RunFact> facts) {
        RunKpis.write(context.spark(), context.warehouse(), context.runDate(), facts);
        facts.clear();
    }

    /** The failure's fact is written when it can be; a second error must not hide the stage's own. */
    static void writeFactsAfterFailure(RunContext context, List<RunFact> facts) {
        try {
            writeFacts(context, facts);
        } catch (RuntimeException writeFailure) {
            context.err().println("[run] the run facts could not be written to governance." + RunKpis.TABLE + ": "
                    + writeFailure.getMessage());
        }
    }

    private List<Stage> select() {
        List<String> known = StageCatalog.names();
        if (from != null && !known.contains(from)) {
            throw new DatapilotException(ErrorKind.USAGE, "Invalid --from " + from + ": not a stage; stages are: "
                    + String.join(", ", known) + ".");
        }
        checkNames("--only", only, known);
        checkNames("--skip", skip, known);
        List<Stage> chosen = only != null ? StageCatalog.STAGES.stream().filter(stage -> only.contains(stage.name())).toList()
                : from == null ? StageCatalog.STAGES : StageCatalog.from(from);
        return skip == null ? chosen : chosen.stream().filter(stage -> !skip.contains(stage.name())).toList();
    }

    private static void checkNames(String option, List<String> names, List<String> known) {
        if (names == null) {
            return;
        }
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new DatapilotException(ErrorKind.USAGE, "Invalid " + option + " " + String.join(",", unknown)
                    + ": not a stage; stages are: " + String.join(", ", known) + ".");
        }
    }

    private static void printSummary(RunContext context, List<Done> done) {
        ConsoleTable table = ConsoleTable.of("stage", "status", "duration", "rows in", "rows out", "quarantined");
        for (Done stage : done) {
            table.row(stage.stage().name(), stage.status(), Numbers.duration(stage.duration()),
                    stage.outcome() == null ? "" : Numbers.count(stage.outcome().rowsIn()),
                    stage.outcome() == null ? "" : Numbers.count(stage.outcome().rowsOut()),
                    stage.outcome() == null ? "" : Numbers.count(stage.outcome().rowsQuarantined()));
        }
        context.out().println();
        context.out().println("Pipeline summary");
        context.out().print(table.render());
    }
}
