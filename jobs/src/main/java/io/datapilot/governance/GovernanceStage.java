package io.datapilot.governance;

import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.report.ReportFiles;
import io.datapilot.core.stages.RunKpis;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.text.Numbers;
import io.datapilot.governance.commitments.CommitmentStatus;
import io.datapilot.governance.commitments.CommitmentsFile;
import io.datapilot.governance.commitments.CommitmentsWatch;
import io.datapilot.governance.kpi.ModelKpi;
import io.datapilot.governance.kpi.ModelKpis;
import io.datapilot.governance.kpi.QualityKpi;
import io.datapilot.governance.kpi.QualityKpis;
import io.datapilot.governance.logbook.LogbookEntry;
import io.datapilot.governance.logbook.LogbookTable;
import io.datapilot.governance.logbook.LogbookWorkbook;
import io.datapilot.governance.note.ManagementNote;
import io.datapilot.governance.register.CompletedRegister;
import io.datapilot.governance.register.RegisterCheckpoint;
import io.datapilot.governance.register.RegisterFacts;
import io.datapilot.governance.register.RegisterTables;
import io.datapilot.governance.risk.RiskLine;
import io.datapilot.governance.risk.RiskMap;
import io.datapilot.governance.risk.RiskMapFile;
import io.datapilot.governance.risk.RiskScale;
import io.datapilot.governance.scoring.Opportunities;
import io.datapilot.governance.scoring.Scoring;
import io.datapilot.governance.steering.Steering;
import io.datapilot.governance.steering.SteeringTables;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;

/**
 * The governance stage: the project manager's figures from the tables of the run date — quality and
 * model KPIs (with drift), the contract's commitments, the technical logbook, the project steering
 * (earned value, Gantt, burndown), the opportunity grid, the risk map, the register of processing completed with
 * the runs and the management note. It reads tables only
 * (run facts come from {@code governance.run_kpis}, written by the runner) and writes
 * {@code governance.*} and {@code reports/<run date>/governance/}.
 */
public final class GovernanceStage {
    /** The folder of the run date's governance files, under the reports folder. */
    public static final String FOLDER = "governance";

    private GovernanceStage() {}

    /** What the stage produced, for its summary line and for the tests. */
    public record Result(List<QualityKpi> quality, ModelKpis.Result models, List<CommitmentStatus> commitments, List<LogbookEntry> logbook,
            Optional<Scoring> opportunities, Optional<Steering> steering, List<RiskLine> risks, CompletedRegister register,
            String folder) {}

    public static StageOutcome outcome(RunContext context) {
        Result result = run(context);
        OptionalDouble score = QualityKpis.overall(result.quality());
        long breaches = result.commitments().stream().filter(CommitmentStatus::breached).count();
        context.err().println("[governance] quality score " + (score.isPresent() ? Numbers.percent(score.getAsDouble()) : "–") + ", "
                + result.models().kpis().size() + " model lines, " + result.models().drift().size() + " drift lines, "
                + result.commitments().size() + " commitments (" + breaches + " breached), logbook "
                + result.logbook().stream().filter(LogbookEntry::isOpen).count() + " open / " + result.logbook().size() + " entries, "
                + result.opportunities().map(scoring -> scoring.items().size() + " opportunities scored").orElse("no opportunity grid")
                + ", " + result.steering().map(steering -> "steering of " + steering.tasks().size() + " tasks (SPI "
                        + ratio(steering.project().schedulePerformanceIndex()) + ", CPI " + ratio(steering.project().costPerformanceIndex())
                        + ", " + steering.alerts().size() + " alerts)").orElse("no project plan (governance.plan)")
                + ", risk map of " + result.risks().stream().filter(RiskLine::onMatrix).count() + " risks ("
                + result.risks().stream().filter(line -> line.onMatrix() && RiskScale.CRITICAL.equals(line.level())).count() + " critical)"
                + ", register of processing " + result.register().checkpoints().stream().filter(RegisterCheckpoint::met).count() + "/"
                + result.register().checkpoints().size() + " checkpoints met"
                + "; files in " + result.folder());
        for (CommitmentStatus status : result.commitments()) {
            context.err().println("[governance] " + CommitmentsFile.line(status));
        }
        return StageOutcome.NONE;
    }

    private static String ratio(Double value) {
        return value == null ? "–" : Numbers.decimal(value, 2);
    }

    /** The run date's governance files ({@code reports/<run date>/governance/}), for this stage, the watch and the check. */
    public static ReportFiles files(RunContext context) {
        return new ReportFiles(context.config().reportsDir() + "/" + context.runDate() + "/" + FOLDER,
                context.spark().sparkContext().hadoopConfiguration());
    }

    public static Result run(RunContext context) {
        PipelineConfig config = context.config();
        GovernanceTables tables = new GovernanceTables(context.spark(), context.warehouse(), context.runDate());
        ReportFiles files = files(context);
        String folder = files.folder();

        List<QualityKpi> quality = QualityKpis.compute(tables);
        tables.write(QualityKpis.TABLE, QualityKpi.class, quality);
        ModelKpis.Result models = ModelKpis.compute(tables, config);
        tables.write(ModelKpis.TABLE, ModelKpi.class, models.kpis());
        List<CommitmentStatus> commitments = CommitmentsWatch.evaluate(tables, config, quality);
        tables.write(CommitmentsWatch.TABLE, CommitmentStatus.class, commitments);
        files.writeText(CommitmentsFile.NAME, CommitmentsFile.json(context.runDate(), commitments));
        List<LogbookEntry> logbook = LogbookTable.update(tables, config);
        files.write(LogbookTable.WORKBOOK, LogbookWorkbook.write(logbook));
        Optional<Scoring> opportunities = Opportunities.score(tables, config);
        Optional<Steering> steering = SteeringTables.write(tables, config);
        List<RiskLine> risks = RiskMap.update(tables, config, context.spark().sparkContext().hadoopConfiguration(), System::getenv);
        List<Row> facts = tables.rows(Layer.GOVERNANCE, RunKpis.TABLE, "duration_seconds", "status");
        double seconds = facts.stream().mapToDouble(row -> row.getDouble(0)).sum();
        int failed = (int) facts.stream().filter(row -> "failed".equals(row.getString(1))).count();
        String project = config.project().name() == null ? "datapilot" : config.project().name();
        RegisterFacts registerFacts = RegisterFacts.read(tables, context.warehouse(), config.rgpd().retentionPolicy(),
                java.time.ZoneId.of(config.project().timezone()));
        CompletedRegister register = RegisterTables.write(tables, files, new CompletedRegister(project, config.rgpd(), registerFacts,
                context.runDate()), registerFacts, project);
        RiskMapFile.write(files, project, context.runDate(), risks);
        files.writeText(ManagementNote.FILE, ManagementNote.markdown(new ManagementNote.Inputs(project, context.runDate(), quality,
                models.kpis(), models.drift(), commitments, logbook, opportunities, steering, seconds, failed)));
        return new Result(quality, models, commitments, logbook, opportunities, steering, risks, register, folder);
    }
}
