package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reruns replace, never duplicate; a run with too many bad rows changes nothing. */
@org.junit.jupiter.api.Tag("slow")
public class IngestionRunsTest {
    private static final Path CLINIC = Paths.resource("datasets/clinique");
    private static final List<String> TABLES = List.of("bronze.animaux", "bronze.consultations", "bronze.proprietaires",
            "bronze.animaux_suivi", "audit.quarantine", "audit.ingest_runs", "audit.column_origins", "audit.join_report");

    @Test
    void rerunningARunDateReplacesItsRowsAndKeepsOtherDates(@TempDir Path warehouse) {
        Path config = CLINIC.resolve("pipeline.yaml");
        LocalDate first = LocalDate.of(2024, 6, 30);
        Ingest.run(config, warehouse, first);
        Map<String, Long> once = counts(warehouse);
        Ingest.run(config, warehouse, first);
        assertThat(counts(warehouse)).isEqualTo(once);
        Ingest.run(config, warehouse, first.plusDays(1));
        Map<String, Long> twoDates = counts(warehouse);
        TABLES.forEach(table -> assertThat(twoDates.get(table)).as(table).isEqualTo(2 * once.get(table)));
        assertThat(Ingest.table(warehouse, "bronze.animaux").where("_run_date = DATE'2024-06-30'").count()).isEqualTo(6);
    }

    @Test
    void tooManyBadRowsStopsTheRunBeforeAnyWrite(@TempDir Path warehouse, @TempDir Path copy) throws IOException {
        Ingest.run(CLINIC.resolve("pipeline.yaml"), warehouse, LocalDate.of(2024, 6, 30));
        Map<String, Long> versions = versions(warehouse);
        Map<String, Long> rows = counts(warehouse);
        Path strict = copyClinic(copy, "max_bad_rows_ratio: 0.3", "max_bad_rows_ratio: 0.1");

        assertThatThrownBy(() -> Ingest.run(strict, warehouse, LocalDate.of(2024, 7, 1)))
                .isInstanceOfSatisfying(DatapilotException.class, error -> assertThat(error.kind()).isEqualTo(ErrorKind.DATA))
                .hasMessageContaining("Cannot load 2 sources: too many bad rows, so nothing was written")
                // at 10 %, one text among eight weights is too many to type the column as numbers: it stays
                // text, and only the malformed record is bad
                .hasMessageContaining("animaux: 1 bad row of 8 (12,50 %) exceeds max_bad_rows_ratio 0.1")
                .hasMessageContaining("1 × malformed record: wrong number of fields")
                .hasMessageContaining("consultations: 2 bad rows of 10 (20,00 %) exceed max_bad_rows_ratio 0.1")
                .hasMessageContaining("1 × malformed JSON record");
        assertThat(versions(warehouse)).isEqualTo(versions);
        assertThat(counts(warehouse)).isEqualTo(rows);
    }

    public static Path copyClinic(Path target, String from, String to) throws IOException {
        try (Stream<Path> files = Files.list(CLINIC)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        Path config = target.resolve("pipeline.yaml");
        Files.writeString(config, Files.readString(config).replace(from, to));
        return config;
    }

    private static Map<String, Long> counts(Path warehouse) {
        return TABLES.stream().collect(java.util.stream.Collectors.toMap(table -> table, table -> Ingest.table(warehouse, table).count()));
    }

    private static Map<String, Long> versions(Path warehouse) {
        return TABLES.stream().collect(java.util.stream.Collectors.toMap(table -> table, table -> Ingest.version(warehouse, table)));
    }
}
