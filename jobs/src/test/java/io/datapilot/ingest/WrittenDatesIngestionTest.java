package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.Datapilot;
import io.datapilot.ingest.IngestResult.SourceResult;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Month names, ISO 8601 with offsets and Excel serials, detected and declared, through ingestion. */
class WrittenDatesIngestionTest {
    private static final LocalDate RUN = LocalDate.of(2025, 1, 6);

    @Test
    void detectsEveryWayOfWritingADateWithAMinimalConfigurationThroughTheCommandLine(@TempDir Path warehouse) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Datapilot.execute(new String[] {"ingest", "--config", Paths.resource("datasets/dates/pipeline.yaml").toString(),
                "--warehouse", warehouse.toString(), "--run-date", RUN.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String console = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(console).isZero();
        assertThat(console).contains("[ingest] catalogue.saisie_classeur: dates mixed with Excel serial day numbers")
                .contains("formats d/M/yyyy | M/d/yyyy | excel");

        Dataset<Row> table = Ingest.table(warehouse, "bronze.catalogue");
        assertThat(table.count()).isEqualTo(6);
        assertThat(Ingest.table(warehouse, "audit.quarantine").count()).isZero();
        assertThat(Ingest.table(warehouse, "bronze.catalogue_dates").count()).isEqualTo(6);
        Map<String, Object> types = Map.of("reference", DataTypes.StringType, "libelle", DataTypes.StringType,
                "quantite", DataTypes.LongType, "montant", DataTypes.DoubleType, "sortie_anglaise", DataTypes.DateType,
                "parution", DataTypes.DateType, "horodatage", DataTypes.TimestampType, "saisie_classeur", DataTypes.DateType);
        types.forEach((column, type) -> assertThat(table.schema().apply(column).dataType()).as(column).isEqualTo(type));
        List<Row> origins = Ingest.table(warehouse, "audit.column_origins").collectAsList();
        assertThat(origins).extracting(row -> row.<String>getAs("type_origin")).containsOnly("detected");
        Map<String, String> formats = origins.stream()
                .filter(row -> row.getAs("formats") != null && !row.<String>getAs("formats").isEmpty())
                .collect(Collectors.toMap(row -> row.getAs("column"), row -> row.getAs("formats")));
        assertThat(formats).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sortie_anglaise", "d MMMM yyyy | MMMM d yyyy",
                "parution", "d MMMM yyyy",
                "horodatage", "yyyy-MM-dd'T'HH:mm:ssXXX",
                "saisie_classeur", "d/M/yyyy | M/d/yyyy | excel"));

        Map<String, Row> rows = table.collectAsList().stream().collect(Collectors.toMap(row -> row.getAs("reference"), Function.identity()));
        assertThat(rows.keySet()).containsExactlyInAnyOrder("R01", "R02", "R03", "R04", "R05", "R06");
        // ordinary columns come out as written; a 5-digit amount is not taken for an Excel serial
        assertThat(column(rows, "libelle")).containsExactly("Clou acier", "Vis à bois", "Écrou", "Rondelle", "Cheville", "Tournevis");
        assertThat(column(rows, "quantite")).containsExactly(12L, 45292L, 3L, 7L, 150L, 1L);
        assertThat(column(rows, "montant")).containsExactly(12.5, 1234.56, 0.99, -3.5, 10.0, 7.25);
        assertThat(column(rows, "sortie_anglaise")).containsExactly(date("1998-06-12"), date("1998-06-12"), date("1998-06-12"),
                date("2000-01-03"), date("1999-12-31"), date("2000-02-29"));
        assertThat(column(rows, "parution")).containsExactly(date("2024-01-12"), date("2024-01-12"), date("2024-03-01"),
                date("2024-08-15"), date("2024-02-03"), date("2024-12-24"));
        assertThat(column(rows, "horodatage")).extracting(value -> ((Timestamp) value).toInstant()).containsExactly(
                Instant.parse("2024-03-01T09:00:00Z"), Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2024-07-14T20:30:00Z"),
                Instant.parse("2025-01-01T04:59:59Z"), Instant.parse("2024-01-01T00:00:00Z"),
                // 02:30 on the night Paris leaves summer time happens twice; the offset says which
                Instant.parse("2024-10-27T01:30:00Z"));
        assertThat(column(rows, "saisie_classeur")).containsExactly(date("2024-01-15"), date("2024-01-01"), date("2024-02-15"),
                date("2024-02-29"), date("2024-03-01"), date("2025-01-01"));
    }

    @Test
    void quarantinesDeclaredDatesThatDoNotExistOrAreNotDates(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("saisies.csv"), String.join("\n",
                "numero;jour;serie;instant",
                "1;1er mars 2024;45292;2024-03-01T10:00:00Z",
                "2;31 février 2024;45292;2024-03-01T10:00:00Z",
                "3;12 foo 2024;45292;2024-03-01T10:00:00Z",
                "4;12 mars 2024;60;2024-03-01T10:00:00Z",
                "5;12 mars 2024;0;2024-03-01T10:00:00Z",
                "6;12 mars 2024;-45292;2024-03-01T10:00:00Z",
                "7;12 mars 2024;douze;2024-03-01T10:00:00Z",
                "8;12 mars 2024;45292;2024-02-30T10:00:00+01:00",
                "9;Dec. 24 2024;61;2024-03-01T10:00:00+01:00",
                ""), StandardCharsets.UTF_8);
        Path config = folder.resolve("pipeline.yaml");
        Files.writeString(config, String.join("\n",
                "sources:",
                "  - name: saisies",
                "    path: saisies.csv",
                "    key: [numero]",
                "    max_bad_rows_ratio: 0.9",
                "    date_formats: [\"MMM d yyyy\"]",
                "    columns:",
                "      jour: { type: date, formats: [\"d MMMM yyyy\", \"MMM d yyyy\"] }",
                "      serie: { formats: [excel] }",
                "      instant: { type: timestamp, formats: [\"yyyy-MM-dd'T'HH:mm:ssXXX\"] }",
                "dataset: { name: saisies_jour, base: saisies }",
                ""), StandardCharsets.UTF_8);
        IngestResult result = Ingest.run(config, folder.resolve("warehouse"), RUN);
        SourceResult source = result.sources().get(0);
        assertThat(source).extracting(SourceResult::rowsRead, SourceResult::rowsLoaded, SourceResult::rowsQuarantined)
                .containsExactly(9L, 2L, 7L);
        Map<Long, String> reasons = Ingest.table(folder.resolve("warehouse"), "audit.quarantine").collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getAs("row_number"), row -> row.getAs("reason")));
        String day = "column jour: expected a date in format d MMMM yyyy or MMM d yyyy";
        String serial = "column serie: expected a date in format excel";
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(2L, day, 3L, day, 4L, serial, 5L, serial, 6L, serial, 7L, serial,
                8L, "column instant: expected a date and time in format yyyy-MM-dd'T'HH:mm:ssXXX"));
        List<Row> loaded = Ingest.table(folder.resolve("warehouse"), "bronze.saisies").orderBy("numero").collectAsList();
        assertThat(loaded).extracting(row -> row.getAs("jour"), row -> row.getAs("serie"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(date("2024-03-01"), date("2024-01-01")),
                        org.assertj.core.groups.Tuple.tuple(date("2024-12-24"), date("1900-03-01")));
    }

    private static List<Object> column(Map<String, Row> rows, String column) {
        return rows.keySet().stream().sorted().map(key -> rows.get(key).getAs(column)).toList();
    }

    private static Date date(String iso) {
        return Date.valueOf(iso);
    }
}
