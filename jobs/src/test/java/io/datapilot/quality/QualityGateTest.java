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

/** The gate on the clinic data set, where a quarter of the animals file goes to quarantine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityGateTest {
    private static final Path CONFIG = Paths.resource("datasets/clinique/pipeline.yaml");
    private static final LocalDate RUN = LocalDate.of(2024, 6, 30);
    private Path warehouse;

    @BeforeAll
    void ingestAndAudit(@TempDir Path folder) {
        warehouse = folder.resolve("warehouse");
        Ingest.run(CONFIG, warehouse, RUN);
        Audit.of(TestSpark.session(), Configs.load(CONFIG, warehouse, folder.resolve("reports"))).runDate(RUN)
                .progressTo(new PrintStream(OutputStream.nullOutputStream())).execute();
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
