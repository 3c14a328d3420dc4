package io.datapilot.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.clean.CleanStage;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.profile.Audit;
import io.datapilot.testing.ChildJvm;
import io.datapilot.testing.Configs;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.TestSpark;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load killed with {@code kill -9} in the middle of writing the tuned table: the table stays at
 * its previous version, readable and complete, and the rerun finishes the load. The killed load
 * runs in a real separate JVM ({@code datapilot load}); its write is made long enough to be caught
 * in the middle by small output files (the configuration's {@code spark} section).
 */
@org.junit.jupiter.api.Tag("slow")
class LoadKillTest {
    private static final LocalDate RUN = LocalDate.of(2025, 3, 31);
    private static final int ROWS = 120_000;

    @Test
    void aKilledLoadLeavesThePreviousVersionAndTheRerunFinishes(@TempDir Path folder) throws Exception {
        Path config = writeCase(folder);
        Path warehouse = folder.resolve("warehouse");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Ingest.run(config, warehouse, RUN);
        PipelineConfig loaded = Configs.load(config, warehouse, folder.resolve("reports"));
        Audit.of(TestSpark.session(), loaded).runDate(RUN).progressTo(quiet).execute();
        new CleanStage(TestSpark.session(), loaded, new Warehouse(warehouse.toString()), RUN, quiet).execute();
        List<LoadStage.TableLoad> first = new LoadStage(TestSpark.session(), loaded, new Warehouse(warehouse.toString()), RUN, quiet)
                .execute();
        long version = Ingest.version(warehouse, "silver.mesures");
        long rows = Ingest.table(warehouse, "silver.mesures").count();
        String fingerprint = fingerprint(warehouse);
        assertThat(rows).isEqualTo(ROWS);

        // the same load again, in another JVM, killed as soon as the first data file of the new version is written
        Path partition = warehouse.resolve("silver/mesures/_run_date=" + RUN);
        Path log = warehouse.resolve("silver/mesures/_delta_log");
        long before = count(partition, ".parquet");
        long commits = count(log, ".json");
        Process load = new ProcessBuilder(command(config, warehouse)).redirectErrorStream(true)
                .redirectOutput(folder.resolve("killed-load.log").toFile()).start();
        boolean killed = false;
        long deadline = System.currentTimeMillis() + 240_000;
        while (load.isAlive() && System.currentTimeMillis() < deadline) {
            if (count(partition, ".parquet") > before && count(log, ".json") == commits) {
                load.destroyForcibly(); // SIGKILL
                killed = true;
                break;
            }
            Thread.sleep(10);
        }
        load.waitFor(60, TimeUnit.SECONDS);
        assertThat(killed).as("the load was caught while writing (log: " + Files.readString(folder.resolve("killed-load.log"))
                .lines().reduce("", (a, b) -> b) + ")").isTrue();
        assertThat(load.exitValue()).isEqualTo(137);

        // the previous version, whole: same version, rows and content; the files the killed load wrote are not part of it
        assertThat(Ingest.version(warehouse, "silver.mesures")).isEqualTo(version);
        assertThat(Ingest.table(warehouse, "silver.mesures").count()).isEqualTo(rows);
        assertThat(fingerprint(warehouse)).isEqualTo(fingerprint);

        // the rerun finishes the load
        List<LoadStage.TableLoad> rerun = new LoadStage(TestSpark.session(), loaded, new Warehouse(warehouse.toString()), RUN, quiet)
                .execute();
        assertThat(rerun.get(0).checks()).allMatch(LoadStage.Check::ok);
        // the table's types kept, with the same figures (bytes per value) as the first load's
        assertThat(rerun.get(0).columns()).isEqualTo(first.get(0).columns());
        assertThat(Ingest.version(warehouse, "silver.mesures")).isGreaterThan(version);
        assertThat(Ingest.table(warehouse, "silver.mesures").count()).isEqualTo(rows);
        assertThat(fingerprint(warehouse)).isEqualTo(fingerprint);
    }

    private static long count(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static String fingerprint(Path warehouse) {
        return Ingest.table(warehouse, "silver.mesures").selectExpr("sum(xxhash64(id, categorie, valeur, quantite, jour)) AS h")
                .first().get(0).toString();
    }

    /** A CSV of ROWS measurements and its configuration; the spark section makes the writes many small files. */
    private static Path writeCase(Path folder) throws IOException {
        Path csv = folder.resolve("mesures.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id;categorie;valeur;quantite;jour\n");
            for (int i = 1; i <= ROWS; i++) {
                out.write("M" + i + ";" + (i % 7 == 0 ? "Bleu" : "Rouge") + ";" + (i % 1000) + "," + (i % 10) + ";" + (i % 50) + ";"
                        + String.format("%02d/%02d/2024", 1 + i % 28, 1 + i % 12) + "\n");
            }
        }
        Path config = folder.resolve("pipeline.yaml");
        Files.writeString(config, String.join("\n",
                "project: { name: Mesures }",
                "base_dir: .",
                "spark:",
                "  spark.sql.files.maxRecordsPerFile: \"400\"",
                "sources:",
                "  - name: mesures",
                "    path: mesures.csv",
                "    key: [id]",
                "    csv: { separator: \";\" }",
                "    number_format: fr",
                "    date_formats: [dd/MM/yyyy]",
                "clean: { tables: [mesures] }",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private static List<String> command(Path config, Path warehouse) {
        return ChildJvm.datapilot(List.of(), List.of("load", "--config", config.toString(), "--warehouse",
                warehouse.toString(), "--run-date", RUN.toString(), "--master", "local[2]"));
    }
}
