package io.datapilot;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes 0, 1, 2 and messages without stack traces. */
@org.junit.jupiter.api.Tag("slow")
class DatapilotCliTest {

    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Datapilot.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsItsVersion() {
        Outcome outcome = run("--version");
        assertThat(outcome.code()).isZero();
        assertThat(outcome.out()).contains("datapilot").contains("Spark 3.5.6");
    }

    @Test
    void aBadRunDateIsAUsageError() {
        Outcome outcome = run("ingest", "--run-date", "2024-13-45");
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("Invalid --run-date '2024-13-45': expected a date as YYYY-MM-DD");
    }

    @Test
    void anUnknownStageToSkipIsAUsageErrorNamingTheStages() {
        Outcome outcome = run("run", "--skip", "report,rapport", "--config", Paths.root().resolve("conf/pipeline.yaml").toString());
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("Invalid --skip rapport: not a stage; stages are: ingest, profile").contains("report");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Outcome outcome = run("ingets");
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("ingets");
    }

    @Test
    void aMissingConfigurationIsAConfigurationErrorWithoutStackTrace() {
        Outcome outcome = run("validate", "--config", "nulle/part.yaml");
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("Cannot read configuration nulle/part.yaml: the file does not exist")
                .doesNotContain("\tat io.datapilot");
    }

    @Test
    void verboseShowsTheStackTrace() {
        Outcome outcome = run("validate", "--config", "nulle/part.yaml", "--verbose");
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("\tat io.datapilot");
    }

    @Test
    void anInvalidConfigurationListsEveryProblem(@TempDir Path folder) throws IOException {
        Path config = folder.resolve("pipeline.yaml");
        Files.writeString(config, "sources:\n  - name: Ventes\n    path: ventes.csv\n    format: exel\n");
        Outcome outcome = run("validate", "--config", config.toString());
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("3 problems").contains("sources[0].format (line 4)")
                .contains("sources[0].name (line 2)").contains("sources[0].path (line 3): no file matches");
    }

    @Test
    void anUnusableSourceFileIsADataError(@TempDir Path folder) throws IOException {
        Path config = folder.resolve("pipeline.yaml");
        Files.writeString(config, "sources:\n  - { name: vide, path: %s }\n".formatted(Paths.resource("bad/vide.csv")));
        Outcome outcome = run("validate", "--config", config.toString());
        assertThat(outcome.code()).isEqualTo(1);
        assertThat(outcome.err()).contains("vide.csv is empty (0 bytes)");
    }

    @Test
    void validatesTheBundledSample() {
        Outcome outcome = run("validate", "--config", Paths.root().resolve("conf/pipeline.yaml").toString());
        assertThat(outcome.code()).isZero();
        assertThat(outcome.out()).contains("is valid").contains("lignes_commandes  csv").contains("windows-1252");
    }

    @Test
    void tooManyBadRowsIsADataErrorAndPrintsTheReasons(@TempDir Path copy, @TempDir Path warehouse) throws IOException {
        TestSpark.session();
        Path config = io.datapilot.ingest.IngestionRunsTest.copyClinic(copy, "max_bad_rows_ratio: 0.3", "max_bad_rows_ratio: 0.0");
        Files.writeString(config, Files.readString(config).replace("warehouse: warehouse-not-used-by-tests", "warehouse: " + warehouse));
        Outcome outcome = run("ingest", "--config", config.toString(), "--run-date", "2024-06-30");
        assertThat(outcome.code()).isEqualTo(1);
        assertThat(outcome.err()).contains("too many bad rows, so nothing was written").contains("malformed JSON record")
                .doesNotContain("\tat ");
        assertThat(Files.exists(warehouse.resolve("bronze"))).isFalse();
    }
}
