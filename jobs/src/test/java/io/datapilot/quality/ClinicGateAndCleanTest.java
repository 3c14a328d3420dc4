package io.datapilot.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.config.QualityGateConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.profile.Audit;
import io.datapilot.testing.Configs;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages after the audit on the clinic data set, described only by its own configuration: the
 * quality gate (a quarter of the animals file goes to quarantine) and the cleaning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicGateAndCleanTest {
    private static final Path CONFIG = Paths.resource("datasets/clinique/pipeline.yaml");
    private static final LocalDate RUN = LocalDate.of(2024, 6, 30);
    private Path warehouse;
    private io.datapilot.core.config.PipelineConfig config;

    @BeforeAll
    void ingestAndAudit(@TempDir Path folder) {
        warehouse = folder.resolve("warehouse");
        Ingest.run(CONFIG, warehouse, RUN);
        config = Configs.load(CONFIG, warehouse, folder.resolve("reports"));
        Audit.of(TestSpark.session(), config).runDate(RUN).progressTo(new PrintStream(OutputStream.nullOutputStream())).execute();
    }

    @Test
    void cleansTheClinicDataSetAndConservesItsRows() {
        io.datapilot.clean.CleanStage stage = new io.datapilot.clean.CleanStage(TestSpark.session(), config,
                new Warehouse(warehouse.toString()), RUN, new PrintStream(OutputStream.nullOutputStream()));
        List<io.datapilot.clean.CleanStage.TableResult> results = stage.execute();
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.table()).isEqualTo("bronze.animaux_suivi");
            assertThat(result.rowsIn()).isEqualTo(result.rowsOut() + result.duplicates() + result.quarantined()).isEqualTo(6);
            for (io.datapilot.clean.CleaningAction impute : result.actions().stream().filter(a -> a.action().equals("impute")).toList()) {
                assertThat(Ingest.table(warehouse, "silver.animaux_suivi_clean").where(
                        org.apache.spark.sql.functions.col(impute.column()).isNull()).count()).as(impute.column()).isZero();
            }
        });
        // a rerun of the same run date replaces its rows
        stage.execute();
        assertThat(Ingest.table(warehouse, "silver.animaux_suivi_clean").count()).isEqualTo(results.get(0).rowsOut());
        assertThat(Ingest.table(warehouse, "audit.cleaning").count()).isEqualTo(results.get(0).actions().size());
    }

    private QualityGate gate(QualityGateConfig thresholds, LocalDate runDate) {
        return new QualityGate(TestSpark.session(), new Warehouse(warehouse.toString()), thresholds, runDate);
    }

    @Test
    void failsOnTheSourceAboveTheQuarantineRatioAndRecordsEveryCheck() {
        assertThatThrownBy(() -> gate(new QualityGateConfig(0.05, null, 0.5), RUN).execute())
                .isInstanceOf(DatapilotException.class)
                .hasMessageContaining("source animaux: 2 of 8 rows in quarantine (25,00 %), above quality_gate.max_quarantine_ratio 5,00 %")
                .hasMessageContaining("source consultations: 2 of 10 rows")
                .hasMessageNotContaining("source proprietaires")
                .hasMessageContaining("--from quality_gate");
        List<Row> failed = Ingest.table(warehouse, "audit.quality_gate").where("NOT passed").collectAsList();
        assertThat(failed).extracting(row -> row.getString(row.fieldIndex("subject"))).containsExactlyInAnyOrder("animaux", "consultations");
    }

    @Test
    void passesWithinTheThresholdsAndARerunReplacesItsRows() {
        QualityGateConfig lenient = new QualityGateConfig(0.3, 10, 0.5);
        List<GateCheck> checks = gate(lenient, RUN).execute();
        assertThat(checks).allMatch(GateCheck::passed);
        assertThat(checks).extracting(GateCheck::check).contains("quarantine_ratio", "critical_alerts", "completeness");
        assertThat(checks).filteredOn(check -> check.check().equals("completeness")).extracting(GateCheck::subject)
                .containsExactly("bronze.animaux", "bronze.animaux_suivi", "bronze.consultations", "bronze.proprietaires");
        gate(lenient, RUN).execute();
        assertThat(Ingest.table(warehouse, "audit.quality_gate").where("_run_date = DATE'2024-06-30' AND passed").count())
                .isEqualTo(checks.size());
    }

    @Test
    void failsOnCriticalAlertsAndIncompleteTables() {
        assertThatThrownBy(() -> gate(new QualityGateConfig(1.0, 0, 1.0), RUN).execute())
                .hasMessageContaining("above quality_gate.max_critical_alerts 0")
                .hasMessageContaining("below quality_gate.min_completeness 100,00 %");
    }

    @Test
    void saysWhichStageToRunWhenTheAuditIsMissing() {
        assertThatThrownBy(() -> gate(new QualityGateConfig(null, null, null), LocalDate.of(2020, 1, 1)).execute())
                .hasMessageContaining("audit.ingest_runs has no rows for run date 2020-01-01")
                .hasMessageContaining("datapilot run --from ingest");
    }
}
