package io.datapilot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.Datapilot;
import io.datapilot.TablesCommand.TableInfo;
import io.datapilot.testing.Logements;
import io.datapilot.testing.MiniHdfs;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import io.datapilot.testing.WarehouseComparison;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse on a real HDFS (a NameNode and three DataNodes in this JVM): the flats' whole
 * pipeline, with the reports on the local disk, gives the same tables and models as the local run of
 * {@link Logements}; a DataNode stopped while the load writes leaves every table whole (the new
 * version or the previous one, readable), and the rerun of the same run date replaces what the first
 * run wrote; a source read from HDFS through a glob gives the same rows.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HdfsWarehouseTest {
    private static final String RUN_DATE = Logements.RUN.toString();

    @TempDir
    static Path folder;

    private String warehouse;
    private Map<String, TableInfo> local;

    @BeforeAll
    void runThePipelineOnHdfs() throws IOException {
        Logements.Run localRun = Logements.run();
        local = WarehouseComparison.tables(localRun.warehouse().toString());
        warehouse = MiniHdfs.uri("/datapilot");
        String output = run(Logements.ONLY, null);
        assertThat(output).contains("[run] stage train done");
    }

    @Test
    @Order(1)
    void everyTableAndModelEqualsTheLocalRunsAndTheDeltaLogIsOnHdfs() throws IOException {
        Map<String, TableInfo> onHdfs = WarehouseComparison.tables(warehouse);
        assertThat(onHdfs).hasSizeGreaterThan(10);
        assertThat(WarehouseComparison.differences(local, onHdfs, true)).isEmpty();
        assertThat(WarehouseComparison.modelDifferences(Logements.run().warehouse().toString(), warehouse)).isEmpty();

        FileSystem hdfs = MiniHdfs.fileSystem();
        for (String table : onHdfs.keySet()) {
            String path = "/datapilot/" + table.replace('.', '/');
            assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(path + "/_delta_log/00000000000000000000.json"))).as(table).isTrue();
        }
        assertThat(Files.list(folder.resolve("reports")).toList()).as("the report, on the local disk").isNotEmpty();
    }

    @Test
    @Order(2)
    void aDataNodeStoppedDuringTheLoadLeavesEveryTableWholeAndTheRerunReplaces() throws Exception {
        Map<String, TableInfo> before = WarehouseComparison.tables(warehouse);
        MiniDFSCluster cluster = MiniHdfs.cluster();
        MiniDFSCluster.DataNodeProperties[] stopped = new MiniDFSCluster.DataNodeProperties[1];
        String output = run("load", () -> stopped[0] = cluster.stopDataNode(0));
        assertThat(stopped[0]).as("a DataNode was stopped during the load").isNotNull();

        // the load committed whole (every table readable, its rows replacing the first run's) or not at all
        Map<String, TableInfo> after = WarehouseComparison.tables(warehouse);
        boolean loaded = output.contains("[run] stage load done");
        if (loaded) {
            assertThat(WarehouseComparison.differences(local, after, false)).as(output).isEmpty();
        } else {
            assertThat(WarehouseComparison.differences(before, after, true)).as(output).isEmpty();
        }

        assertThat(cluster.restartDataNode(stopped[0], true)).isTrue();
        cluster.waitActive();
        String rerun = run("load", null);
        assertThat(rerun).contains("[run] stage load done");
        Map<String, TableInfo> rerunTables = WarehouseComparison.tables(warehouse);
        assertThat(WarehouseComparison.differences(local, rerunTables, false)).as(rerun).isEmpty();
        List<String> silver = before.keySet().stream().filter(table -> table.startsWith("silver.") && !table.endsWith("_clean"))
                .toList();
        assertThat(silver).isNotEmpty();
        for (String table : silver) {
            assertThat(rerunTables.get(table).version()).as(table + ": the reruns committed new versions")
                    .isGreaterThan(before.get(table).version());
        }
    }

    @Test
    @Order(3)
    void sourcesAreReadFromHdfsThroughAGlob() throws IOException {
        FileSystem hdfs = MiniHdfs.fileSystem();
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Paths.resource("datasets/logements/logements.csv").toString()),
                new org.apache.hadoop.fs.Path("/sources/logements/logements.csv"));
        String yaml = Files.readString(Logements.CONFIG);
        assertThat(yaml).contains("path: logements.csv");
        Path onHdfs = folder.resolve("pipeline.yaml");
        Files.writeString(onHdfs, yaml.replace("path: logements.csv", "path: \"" + MiniHdfs.uri("/sources/logements/*.csv") + "\""));
        String ingested = MiniHdfs.uri("/ingested");
        run(onHdfs, ingested, "ingest", null);

        // the same rows as the local run's ingestion, each naming the HDFS file it came from
        Dataset<Row> expected = TestSpark.session().read().format("delta").load(Logements.run().warehouse() + "/bronze/logements");
        Dataset<Row> actual = TestSpark.session().read().format("delta").load(ingested + "/bronze/logements");
        assertThat(actual.select("_source_file").distinct().as(Encoders.STRING()).collectAsList())
                .containsExactly(MiniHdfs.uri("/sources/logements/logements.csv"));
        String[] data = java.util.Arrays.stream(expected.columns()).filter(column -> !column.startsWith("_")).toArray(String[]::new);
        assertThat(actual.count()).isEqualTo(expected.count()).isEqualTo(400);
        assertThat(actual.selectExpr(data).exceptAll(expected.selectExpr(data)).count()).isZero();
    }

    private String run(String stages, Runnable onLoad) {
        return run(Logements.CONFIG, warehouse, stages, onLoad);
    }

    /** {@code datapilot run --only <stages>}; {@code onLoad} runs when the load stage starts. */
    private static String run(Path config, String warehouse, String stages, Runnable onLoad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StageWatcher err = new StageWatcher("[run] stage load:", onLoad);
        int code = Datapilot.execute(new String[] {"run", "--only", stages, "--config", config.toString(), "--warehouse", warehouse,
                "--reports-dir", folder.resolve("reports").toString(), "--run-date", RUN_DATE},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8) + err.text();
        if (onLoad == null) {
            assertThat(code).as(output).isZero();
        }
        return output;
    }

    /** The run's progress output, kept, which calls {@code action} once when a line starts with {@code marker}. */
    private static final class StageWatcher extends OutputStream {
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();
        private final String marker;
        private Runnable action;

        StageWatcher(String marker, Runnable action) {
            this.marker = marker;
            this.action = action;
        }

        @Override
        public synchronized void write(int b) {
            text.write(b);
            if (b == '\n' && action != null && text().contains(marker)) {
                Runnable once = action;
                action = null;
                once.run();
            }
        }

        String text() {
            return text.toString(StandardCharsets.UTF_8);
        }
    }
}
