package io.datapilot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.Datapilot;
import io.datapilot.core.fs.LocalFolders;
import io.datapilot.governance.commitments.CheckCommitmentsCommand;
import io.datapilot.testing.Logements;
import io.datapilot.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance stage on a data set described only by its own config (the flats, without a plan,
 * a logbook file or an opportunity grid), from the shared run of {@link Logements}; then, on a copy of
 * its warehouse, with commitments, a second run date, a rerun and a failed stage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Tag("slow")
class GovernanceOwnDataSetTest {
    private static final LocalDate NEXT = Logements.RUN.plusDays(7);
    private Logements.Run run;
    @TempDir
    Path scratch;
    private Path warehouse;
    private Path reports;
    private Path config;

    @BeforeAll
    void copyTheSharedRun() throws IOException {
        run = Logements.run();
        Path folder = Files.createTempDirectory("datapilot-governance");
        warehouse = folder.resolve("warehouse");
        reports = folder.resolve("reports");
        LocalFolders.copy(run.warehouse(), warehouse, java.util.Set.of());
        // the flats' own config with two commitments: one always met, one that cannot be met (an R² above 1)
        config = folder.resolve("pipeline.yaml");
        String own = Files.readString(Logements.CONFIG, StandardCharsets.UTF_8);
        Files.writeString(config, "base_dir: " + Logements.CONFIG.getParent() + "\n" + own + """

                governance:
                  commitments:
                    - { name: quarantaine, metric: quarantine_share, operator: "<=", threshold: "1" }
                    - { name: prix_r2, description: "R² du modèle de prix au-dessus de 1", metric: model.prix_eur.r2,
                        operator: ">", threshold: "1" }
                """, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void writesEveryKpiTableWithoutAPlanAndSaysTheSteeringIsNotConfigured() throws IOException {
        assertThat(run.log()).contains("[governance] quality score").contains("no project plan (governance.plan)");
        Dataset<Row> quality = table(run.warehouse(), "quality_kpis", Logements.RUN);
        Row overall = quality.where("`table` = '*'").first();
        assertThat(overall.getDouble(overall.fieldIndex("score"))).isBetween(0.5, 1.0);
        assertThat(overall.isNullAt(overall.fieldIndex("previous_score"))).isTrue();
        assertThat(quality.where("`column` IS NULL AND `table` <> '*'").count()).isGreaterThanOrEqualTo(1);

        Dataset<Row> models = table(run.warehouse(), "model_kpis", Logements.RUN);
        assertThat(models.where("chosen").select("target").distinct().count()).isEqualTo(2);
        assertThat(models.where("chosen").select("drift").distinct().collectAsList()).extracting(row -> row.getString(0))
                .containsExactly("no_reference");
        assertThat(table(run.warehouse(), "feature_bins", Logements.RUN).select("variable").distinct().collectAsList())
                .extracting(row -> row.getString(0)).contains("prediction:prix_eur", "prediction:vendu_en_30_jours");

        Dataset<Row> facts = table(run.warehouse(), "run_kpis", Logements.RUN);
        assertThat(facts.select("stage").collectAsList()).extracting(row -> row.getString(0))
                .contains("ingest", "profile", "quality_gate", "clean", "load", "stats", "train", "governance", "report");
        assertThat(facts.where("status <> 'ok' OR spark_jobs < 1 OR duration_seconds <= 0").count()).isZero();
        assertThat(facts.where("stage = 'ingest'").first().getLong(facts.first().fieldIndex("rows_in"))).isPositive();

        assertThat(Files.exists(run.warehouse().resolve("governance/steering_tasks"))).isFalse();
        assertThat(Files.exists(run.warehouse().resolve("governance/opportunities"))).isFalse();
        Path folder = run.reports().resolve(Logements.RUN + "/governance");
        assertThat(Files.readString(folder.resolve("note_direction.md"))).contains("Note à la direction")
                .contains("Le pilotage du projet n'est pas configuré (governance.plan)").contains("Aucun engagement contractuel");
        assertThat(folder.resolve("carnet_de_bord.xlsx")).isNotEmptyFile();
        assertThat(Files.readString(folder.resolve("commitments.json"))).contains("\"commitments\" : [ ]");
    }

    @Test
    @Order(2)
    void aBreachedCommitmentMakesTheCheckExitNonZeroWithOneLineEach() throws IOException {
        Result governance = datapilot("governance", "--run-date", Logements.RUN.toString());
        assertThat(governance.code()).as(governance.output()).isZero();
        Path json = scratch.resolve("engagements.json");
        Result check = datapilot("check-commitments", "--run-date", Logements.RUN.toString(), "--json", json.toString());
        assertThat(check.code()).as(check.output()).isEqualTo(CheckCommitmentsCommand.BREACH_EXIT);
        assertThat(check.output()).containsPattern("OK +quarantaine: Met: ")
                .containsPattern("BREACH +prix_r2: Breach: model.prix_eur.r2 is [0-9],[0-9]{4}, the contract asks > 1,0000.");
        assertThat(Files.readString(json)).contains("\"breaches\" : 1").contains("\"status\" : \"BREACH\"");
    }

    @Test
    @Order(3)
    void aRerunOfTheSameDateReplacesItsRows() {
        long quality = table(warehouse, "quality_kpis", Logements.RUN).count();
        long logbook = table(warehouse, "logbook", Logements.RUN).count();
        Result again = datapilot("governance", "--run-date", Logements.RUN.toString());
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(table(warehouse, "quality_kpis", Logements.RUN).count()).isEqualTo(quality);
        assertThat(table(warehouse, "logbook", Logements.RUN).count()).isEqualTo(logbook);
        assertThat(table(warehouse, "commitments", Logements.RUN).count()).isEqualTo(2);
        assertThat(table(warehouse, "run_kpis", Logements.RUN).where("stage = 'governance'").count()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aLaterRunDateWithoutTheIncidentsResolvesThemAndKeepsTheHistory() {
        List<Row> before = table(warehouse, "logbook", Logements.RUN).where("status = 'open'").collectAsList();
        assertThat(before).isNotEmpty();
        // nothing ran for NEXT but the governance stage: no alert, no quarantine, no model for that date
        Result later = datapilot("governance", "--run-date", NEXT.toString());
        assertThat(later.code()).as(later.output()).isZero();
        Dataset<Row> logbook = table(warehouse, "logbook", NEXT);
        assertThat(logbook.where("source = 'pipeline' AND status = 'open'").count()).isZero();
        assertThat(logbook.where("status = 'resolved' AND resolution_date = DATE'" + NEXT + "'").count()).isEqualTo(before.size());
        assertThat(table(warehouse, "logbook", Logements.RUN).where("status = 'open'").count()).isEqualTo(before.size());
        // the commitments' history: the model's breach has no measure on NEXT (no training that day)
        Row commitment = table(warehouse, "commitments", NEXT).where("name = 'prix_r2'").first();
        assertThat(commitment.getString(commitment.fieldIndex("status"))).isEqualTo("NO_DATA");
        assertThat(commitment.getString(commitment.fieldIndex("previous_status"))).isEqualTo("BREACH");
        Result check = datapilot("check-commitments", "--run-date", NEXT.toString());
        assertThat(check.code()).as(check.output()).isZero();
        assertThat(check.output()).contains("NO_DATA  prix_r2");
    }

    @Test
    @Order(5)
    void aFailedStageIsARunFact() {
        Result report = datapilot("report", "--run-date", NEXT.plusDays(1).toString());
        assertThat(report.code()).isNotZero();
        Row fact = table(warehouse, "run_kpis", NEXT.plusDays(1)).first();
        assertThat(fact.getString(fact.fieldIndex("stage"))).isEqualTo("report");
        assertThat(fact.getString(fact.fieldIndex("status"))).isEqualTo("failed");
        assertThat(fact.getString(fact.fieldIndex("message"))).startsWith("DATA: Cannot write the report of");
        assertThat(fact.isNullAt(fact.fieldIndex("rows_in"))).isTrue();
    }

    private record Result(int code, String output) {}

    private Result datapilot(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(arguments), java.util.stream.Stream.of("--config",
                config.toString(), "--warehouse", warehouse.toString(), "--reports-dir", reports.toString())).toArray(String[]::new);
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Datapilot.execute(all, stream, stream);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    private static Dataset<Row> table(Path warehouse, String name, LocalDate runDate) {
        return TestSpark.session().read().format("delta").load(warehouse.resolve("governance/" + name).toString())
                .where("_run_date = DATE'" + runDate + "'");
    }
}
