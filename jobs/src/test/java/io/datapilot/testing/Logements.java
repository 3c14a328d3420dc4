package io.datapilot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.Datapilot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The pipeline of the flats data set (jobs/src/test/resources/datasets/logements: a regression and a
 * classification target) run once per test JVM, up to the report (governance included, so that the
 * report's governance pages have their tables), for the training and report tests that read its
 * tables, models and pages.
 */
public final class Logements {
    public static final Path CONFIG = Paths.resource("datasets/logements/pipeline.yaml");
    public static final LocalDate RUN = LocalDate.of(2025, 1, 6);
    /** The stages run: up to the report, governance included. */
    public static final String ONLY = "ingest,profile,quality_gate,clean,load,stats,train,governance,report";

    /** Where the run wrote, and what it printed. */
    public record Run(Path warehouse, Path reports, String log) {}

    private static Run run;

    private Logements() {}

    public static synchronized Run run() {
        if (run == null) {
            try {
                Path folder = Files.createTempDirectory("datapilot-logements");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> io.datapilot.core.fs.LocalFolders.deleteQuietly(folder)));
                Path warehouse = folder.resolve("warehouse");
                Path reports = folder.resolve("reports");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = Datapilot.execute(new String[] {"run", "--only", ONLY,
                        "--config", CONFIG.toString(), "--warehouse", warehouse.toString(), "--reports-dir", reports.toString(),
                        "--run-date", RUN.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                String log = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
                assertThat(code).as(log).isZero();
                run = new Run(warehouse, reports, log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return run;
    }
}
