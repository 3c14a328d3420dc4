package io.datapilot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.TablesCommand.TableInfo;
import io.datapilot.testing.ChildJvm;
import io.datapilot.testing.LocalS3;
import io.datapilot.testing.Logements;
import io.datapilot.testing.TestSpark;
import io.datapilot.testing.WarehouseComparison;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse on S3 through Hadoop's s3a connector, against a local S3 server ({@link LocalS3}):
 * the flats' pipeline up to the load, run as a user runs it — its own JVM, the s3a settings given as
 * spark-submit's {@code --conf} gives them (system properties), the credentials in the environment
 * only, the configuration file unchanged — gives the same tables as the local run of {@link
 * Logements}, with Delta's log on S3 and the log store said; an endpoint that refuses, a missing
 * bucket and refused credentials each stop the run at once with a message naming the bucket.
 *
 * <p>Up to the load only, for the suite's time (a cold JVM's whole run took 200 s on 2 cores): the
 * training, governance and report read and write the warehouse through the same s3a connector and
 * Delta log store; {@link HdfsWarehouseTest} runs them all on a distributed file system, models
 * included.
 */
@org.junit.jupiter.api.Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3WarehouseTest {
    private static final String WAREHOUSE = "s3a://" + LocalS3.BUCKET + "/datapilot";
    private static final String STAGES = "ingest,profile,quality_gate,clean,load";

    @TempDir
    static Path folder;

    private Map<String, TableInfo> local;
    private String log;

    @BeforeAll
    void runThePipelineOnS3() throws Exception {
        local = WarehouseComparison.tables(Logements.run().warehouse().toString());
        LocalS3.trustInThisJvm();
        // this JVM reads what the other wrote: s3a settings for the one bucket (the run's own JVM has them from -D and its environment)
        Configuration hadoop = TestSpark.session().sparkContext().hadoopConfiguration();
        String bucket = "fs.s3a.bucket." + LocalS3.BUCKET + ".";
        hadoop.set(bucket + "endpoint", LocalS3.endpoint());
        hadoop.set(bucket + "path.style.access", "true");
        hadoop.set(bucket + "access.key", LocalS3.ACCESS_KEY);
        hadoop.set(bucket + "secret.key", LocalS3.SECRET_KEY);

        Run run = run(LocalS3.jvmSettings(), WAREHOUSE, STAGES, LocalS3.ACCESS_KEY, 15);
        log = run.output();
        assertThat(run.exitCode()).as(log).isZero();
    }

    @Test
    void everyTableEqualsTheLocalRunsTheDeltaLogIsOnS3AndTheLogStoreIsSaid() throws IOException {
        Map<String, TableInfo> onS3 = WarehouseComparison.tables(WAREHOUSE);
        assertThat(onS3).hasSizeGreaterThan(10).containsKeys("bronze.logements", "silver.ventes_logements");
        assertThat(local.keySet()).containsAll(onS3.keySet());
        // the stages run here wrote these tables; the local run's later stages write others (and the run's own facts)
        assertThat(WarehouseComparison.differencesOfItsTables(local, onS3)).isEmpty();
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(WAREHOUSE);
        FileSystem s3 = root.getFileSystem(TestSpark.session().sparkContext().hadoopConfiguration());
        for (String table : onS3.keySet()) {
            assertThat(s3.exists(new org.apache.hadoop.fs.Path(WAREHOUSE + "/" + table.replace('.', '/')
                    + "/_delta_log/00000000000000000000.json"))).as(table).isTrue();
        }
        assertThat(log).contains("[run] warehouse on S3 (bucket datapilot, endpoint " + LocalS3.endpoint() + "); Delta commits through"
                + " io.delta.storage.S3SingleDriverLogStore: one writer at a time");
    }

    @Test
    void aStoreThatRefusesStopsTheRunAtOnceNamingTheBucket() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<String> fastFailing = List.of("spark.hadoop.fs.s3a.attempts.maximum=1", "spark.hadoop.fs.s3a.retry.limit=1",
                "spark.hadoop.fs.s3a.connection.establish.timeout=2000");
        List<String> refused = new ArrayList<>(fastFailing);
        refused.addAll(List.of("spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:" + closed, "spark.hadoop.fs.s3a.path.style.access=true"));
        refused.addAll(LocalS3.trustStoreSettings());
        List<String> reachable = new ArrayList<>(fastFailing);
        reachable.addAll(LocalS3.jvmSettings());

        Run noServer = run(refused, WAREHOUSE, "ingest", LocalS3.ACCESS_KEY, 3);
        assertThat(noServer.exitCode()).as(noServer.output()).isEqualTo(2);
        assertThat(noServer.output()).contains("Cannot reach the warehouse " + WAREHOUSE + " (bucket datapilot, endpoint http://127.0.0.1:"
                + closed + ")", "Nothing was read or written", "Check that the endpoint answers").doesNotContain("[run] stage ingest:");

        Run noBucket = run(reachable, "s3a://absent-bucket/datapilot", "ingest", LocalS3.ACCESS_KEY, 3);
        assertThat(noBucket.exitCode()).as(noBucket.output()).isEqualTo(2);
        assertThat(noBucket.output()).contains("Cannot reach the warehouse s3a://absent-bucket/datapilot (bucket absent-bucket",
                "that the bucket absent-bucket exists");

        // s3rver refuses an unknown access key id (it does not check version 4 signatures, so not a wrong secret)
        Run badKey = run(reachable, WAREHOUSE, "ingest", "NOT-A-KEY-ID", 3);
        assertThat(badKey.exitCode()).as(badKey.output()).isEqualTo(2);
        assertThat(badKey.output()).contains("Cannot reach the warehouse " + WAREHOUSE + " (bucket datapilot", "AccessDeniedException",
                "AWS_ACCESS_KEY_ID").doesNotContain(LocalS3.SECRET_KEY);
    }

    private record Run(int exitCode, String output) {}

    /** {@code datapilot run --only <stages>} in its own JVM, the credentials in its environment only. */
    private static Run run(List<String> settings, String warehouse, String stages, String accessKey, int minutes) throws Exception {
        Path output = Files.createTempFile(folder, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.datapilot(settings, List.of("run", "--only", stages, "--config",
                Logements.CONFIG.toString(), "--warehouse", warehouse, "--reports-dir", folder.resolve("reports").toString(),
                "--run-date", Logements.RUN.toString(), "--master", "local[2]")))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_ACCESS_KEY_ID", accessKey);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("datapilot run did not end within " + minutes + " min: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
