package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.Datapilot;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A minimal configuration (sources and dataset only) on daily readings whose columns only look
 * personal ("Date" of events, "name" of stations, timestamps of readings) and that have no key:
 * every row and every ordinary value comes out of the pipeline unchanged, and the run says what it
 * found. A treatment that would change a key stops the run before anything is written.
 */
@org.junit.jupiter.api.Tag("slow")
class LookAlikeColumnsTest {
    private static final Path FOLDER = Paths.resource("datasets/releves");
    private static final String DATE = "2025-03-10";

    record Outcome(int code, String out, String err) {}

    private static Outcome datapilot(String... args) {
        TestSpark.session();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Datapilot.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path config(Path folder, String extra) throws IOException {
        Path file = folder.resolve("pipeline.yaml");
        Files.writeString(file, Files.readString(FOLDER.resolve("pipeline.yaml")).replace("path: releves.csv",
                "path: " + FOLDER.resolve("releves.csv")) + extra);
        return file;
    }

    /** The file's data rows, split into fields. */
    private static List<String[]> fileRows() throws IOException {
        List<String> lines = Files.readAllLines(FOLDER.resolve("releves.csv"), Charset.forName("windows-1252"));
        List<String[]> rows = new ArrayList<>();
        lines.subList(1, lines.size()).forEach(line -> rows.add(line.split(";", -1)));
        return rows;
    }

    @Test
    void minimalConfigKeepsEveryRowAndOrdinaryValueOfKeylessReadings(@TempDir Path folder) throws IOException {
        Path warehouse = folder.resolve("warehouse");
        Outcome outcome = datapilot("run", "--only", "ingest,profile,quality_gate,clean,load,stats", "--config", config(folder, "").toString(),
                "--run-date", DATE, "--warehouse", warehouse.toString(), "--reports-dir", folder.resolve("reports").toString());
        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.err()).contains("rows get the generated key id_ligne")
                .contains("releves.name might be nom ou prénom (low confidence")
                .contains("\"releves.name\": { treatment: keep, justification:")
                .doesNotContain("releves.date might be").doesNotContain("personal column(s)");

        SparkSession spark = TestSpark.session();
        List<String[]> file = fileRows();
        List<Row> bronze = spark.read().format("delta").load(warehouse.resolve("bronze/releves").toString())
                .selectExpr("id_ligne", "cast(date as string)", "name", "cast(heure_du_releve as string)",
                        "cast(temperature_max_c as string)").orderBy("_row_number").collectAsList();
        assertThat(bronze).hasSize(file.size());
        for (int i = 0; i < file.size(); i++) {
            String[] fields = file.get(i);
            Row row = bronze.get(i);
            assertThat(row.getString(0)).isEqualTo("releves.csv:" + (i + 1));
            assertThat(row.getString(1)).isEqualTo(fields[0]);
            assertThat(row.getString(2)).isEqualTo(fields[1]);
            assertThat(row.getString(3)).startsWith(fields[2]);
            assertThat(Double.parseDouble(row.getString(4))).isEqualTo(Double.parseDouble(fields[3].replace(',', '.')));
        }

        // the one exact duplicate reading goes; the generated key does not hide it, and every other row stays as it was
        Set<String> distinct = new LinkedHashSet<>();
        file.forEach(fields -> distinct.add(String.join(";", fields[0], fields[1], fields[2].substring(11))));
        List<Row> silver = spark.read().format("delta").load(warehouse.resolve("silver/meteo").toString())
                .selectExpr("cast(date as string)", "name", "date_format(heure_du_releve, 'HH:mm')", "id_ligne").collectAsList();
        assertThat(silver).hasSize(distinct.size()).hasSize(file.size() - 1);
        Set<String> loaded = new HashSet<>();
        silver.forEach(row -> loaded.add(row.getString(0) + ";" + row.getString(1) + ";" + row.getString(2)));
        assertThat(loaded).isEqualTo(distinct);
        assertThat(silver.stream().map(row -> row.getString(3)).distinct().count()).isEqualTo(silver.size());

        // the generated key is the load's index but no variable of the statistics
        org.apache.spark.sql.Dataset<Row> univariate = spark.read().format("delta").load(warehouse.resolve("gold/stats_univariate").toString());
        assertThat(univariate.where("column = 'id_ligne'").count()).isZero();
        assertThat(univariate.where("column = 'temperature_max_c' AND statistic = 'mean'").count()).isOne();
        assertThat(spark.read().format("delta").load(warehouse.resolve("gold/stats_frequencies").toString())
                .where("column = 'id_ligne'").count()).isZero();

        List<Row> personal = spark.read().format("delta").load(warehouse.resolve("audit/personal_data").toString())
                .where("column = 'name'").select("category", "treated", "treatment", "evidence").collectAsList();
        assertThat(personal).hasSize(1);
        assertThat(personal.get(0).getString(0)).isEqualTo("name");
        assertThat(personal.get(0).getBoolean(1)).isFalse();
        assertThat(personal.get(0).getString(2)).startsWith("none (low confidence");
        assertThat(personal.get(0).getString(3)).contains("names of places, shops or products look the same");
    }

    @Test
    void aTreatmentThatWouldChangeAKeyStopsBeforeAnythingIsWritten(@TempDir Path folder) throws IOException {
        Path warehouse = folder.resolve("warehouse");
        Path config = config(folder, "rgpd:\n  columns:\n    releves.Date: { treatment: generalise, to: year }\n");
        Files.writeString(config, Files.readString(config).replace("    path: ", "    key: [Date]\n    path: "));
        Outcome outcome = datapilot("ingest", "--config", config.toString(), "--run-date", DATE, "--warehouse", warehouse.toString());
        assertThat(outcome.code()).isEqualTo(2);
        assertThat(outcome.err()).contains("Cannot treat releves.date as personal data: rgpd.columns[\"releves.date\"] asks to generalise")
                .contains("it is the key of source releves (sources[releves].key)")
                .contains("\"releves.date\": { treatment: keep, justification:").contains("{ treatment: pseudonymise }")
                .contains("Nothing was written");
        assertThat(warehouse.resolve("bronze")).doesNotExist();
    }

    @Test
    void aPseudonymisedKeyStaysUniqueAndTheRunGoesOn(@TempDir Path folder) throws IOException {
        Path warehouse = folder.resolve("warehouse");
        Path config = config(folder, "rgpd:\n  demo_key: true\n  columns:\n    releves.name: { treatment: pseudonymise }\n");
        Files.writeString(config, Files.readString(config).replace("    path: ", "    key: [name, Date]\n    path: "));
        Outcome outcome = datapilot("ingest", "--config", config.toString(), "--run-date", DATE, "--warehouse", warehouse.toString());
        assertThat(outcome.code()).as(outcome.err()).isZero();
        Set<String> raw = new HashSet<>();
        fileRows().forEach(fields -> raw.add(fields[1] + "|" + fields[0]));
        Row counts = TestSpark.session().read().format("delta").load(warehouse.resolve("bronze/releves").toString())
                .selectExpr("count(distinct name, date)", "count(distinct name)", "max(length(name))").first();
        assertThat(counts.getLong(0)).isEqualTo(raw.size());
        assertThat(counts.getLong(1)).isEqualTo(5);
        assertThat(counts.getInt(2)).isEqualTo(64);
    }

    @Test
    void aJoinPseudonymisedOnOneSideOnlyStopsBeforeAnythingIsWritten(@TempDir Path folder) throws IOException {
        Path clinic = Paths.resource("datasets/clinique");
        Path config = folder.resolve("pipeline.yaml");
        Files.writeString(config, Files.readString(clinic.resolve("pipeline.yaml"))
                .replace("base_dir: .", "base_dir: " + clinic)
                .replace("  demo_key: true\n  columns:\n", "  demo_key: true\n  columns:\n"
                        + "    animaux.identifiant_animal: { treatment: pseudonymise }\n"));
        Path warehouse = folder.resolve("warehouse");
        Outcome outcome = datapilot("ingest", "--config", config.toString(), "--run-date", DATE, "--warehouse", warehouse.toString());
        assertThat(outcome.code()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).contains("Cannot join consultations to animaux: animaux.identifiant_animal is pseudonymised but"
                + " consultations.animal is not").contains("\"consultations.animal\": { treatment: pseudonymise }")
                .contains("Nothing was written");
        assertThat(warehouse.resolve("bronze")).doesNotExist();
    }
}
