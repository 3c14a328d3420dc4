package io.datapilot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.clean.CleanStage;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.ingest.IngestResult;
import io.datapilot.load.LoadStage;
import io.datapilot.profile.Audit;
import io.datapilot.profile.AuditResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The bundled sample (conf/pipeline.yaml) run once per test JVM — ingestion, audit, cleaning, load,
 * statistics, training and report — for the tests that check its tables, models and report (the
 * audit's and the ingestion's ground truth, the erasure's file-level proof on a copy).
 */
public final class Sample {
    public static final Path CONFIG = Paths.root().resolve("conf/pipeline.yaml");
    public static final LocalDate RUN = LocalDate.of(2025, 1, 6);

    /** Where the run wrote, what the ingestion and the audit returned, what the cleaning did, and what it printed. */
    public record Run(Path warehouse, Path reports, IngestResult ingest, AuditResult audit, List<CleanStage.TableResult> cleaned,
            String log) {}

    private static Run run;

    private Sample() {}

    public static synchronized Run run() {
        if (run == null) {
            try {
                Path folder = Files.createTempDirectory("datapilot-sample");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> io.datapilot.core.fs.LocalFolders.deleteQuietly(folder)));
                run = run(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return run;
    }

    private static Run run(Path folder) {
        Path warehouse = folder.resolve("warehouse");
        Path reports = folder.resolve("reports");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream progress = new PrintStream(log, true, StandardCharsets.UTF_8);
        IngestResult ingest = Ingest.run(CONFIG, warehouse, RUN, progress);
        PipelineConfig config = Configs.load(CONFIG, warehouse, reports);
        AuditResult audit = Audit.of(TestSpark.session(), config).runDate(RUN).progressTo(progress).execute();
        List<CleanStage.TableResult> cleaned = new CleanStage(TestSpark.session(), config, new Warehouse(warehouse.toString()), RUN,
                progress).execute();
        new LoadStage(TestSpark.session(), config, new Warehouse(warehouse.toString()), RUN, progress).execute();
        for (String command : List.of("stats", "train", "report")) {
            int code = io.datapilot.Datapilot.execute(new String[] {command, "--config", CONFIG.toString(), "--warehouse",
                    warehouse.toString(), "--reports-dir", reports.toString(), "--run-date", RUN.toString()}, progress, progress);
            assertThat(code).as(command + ": " + log.toString(StandardCharsets.UTF_8)).isZero();
        }
        return new Run(warehouse, reports, ingest, audit, cleaned, log.toString(StandardCharsets.UTF_8));
    }
}
