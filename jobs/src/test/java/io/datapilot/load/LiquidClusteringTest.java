package io.datapilot.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.clean.CleanStage;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.config.LoadConfig;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.profile.Audit;
import io.datapilot.testing.Configs;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import io.delta.tables.DeltaTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The tuned table with {@code load.clustering: liquid}, on the clinic data set, over two run dates. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiquidClusteringTest {
    private static final Path CONFIG = Paths.resource("datasets/clinique/pipeline.yaml");
    private static final LocalDate FIRST = LocalDate.of(2024, 6, 30);
    private static final LocalDate SECOND = FIRST.plusDays(1);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private Path warehouse;
    private PipelineConfig liquid;

    @BeforeAll
    void ingestAuditAndCleanTwoRunDates(@TempDir Path folder) {
        warehouse = folder.resolve("warehouse");
        PipelineConfig config = Configs.load(CONFIG, warehouse, folder.resolve("reports"));
        LoadConfig load = config.load();
        liquid = config.withLoad(new LoadConfig(load.index(), load.targetFileMb(), load.compression(), load.onOverflow(), "liquid"));
        for (LocalDate runDate : List.of(FIRST, SECOND)) {
            Ingest.run(CONFIG, warehouse, runDate);
            Audit.of(TestSpark.session(), config).runDate(runDate).progressTo(QUIET).execute();
            new CleanStage(TestSpark.session(), config, new Warehouse(warehouse.toString()), runDate, QUIET).execute();
        }
    }

    private List<LoadStage.TableLoad> load(PipelineConfig config, LocalDate runDate) {
        return new LoadStage(TestSpark.session(), config, new Warehouse(warehouse.toString()), runDate, QUIET).execute();
    }

    @Test
    void clustersByRunDateAndIndexKeepsEveryValueAndReplacesARerun() {
        LoadStage.TableLoad first = load(liquid, FIRST).get(0);
        String path = warehouse.resolve("silver/animaux_suivi").toString();
        Row detail = DeltaTable.forPath(TestSpark.session(), path).detail().first();
        assertThat(detail.getList(detail.fieldIndex("partitionColumns"))).isEmpty();
        assertThat(detail.getList(detail.fieldIndex("clusteringColumns"))).containsExactly("_run_date", "identifiant_animal");
        assertThat(Ingest.table(warehouse, "silver.animaux_suivi").schema().fieldNames()).startsWith("identifiant_animal", "_run_date");
        assertThat(DeltaTable.forPath(TestSpark.session(), path).history().where("operation = 'OPTIMIZE'").count()).isPositive();

        load(liquid, SECOND);
        long version = Ingest.version(warehouse, "silver.animaux_suivi");
        load(liquid, SECOND);
        assertThat(Ingest.version(warehouse, "silver.animaux_suivi")).isGreaterThan(version);
        Dataset<Row> tuned = Ingest.table(warehouse, "silver.animaux_suivi");
        assertThat(tuned.where("_run_date = DATE'2024-06-30'").count()).isEqualTo(first.rows());
        assertThat(tuned.where("_run_date = DATE'2024-07-01'").count()).isEqualTo(first.rows());
        assertThat(tuned.count()).as("a rerun replaces its run date").isEqualTo(2 * first.rows());
        // every value the same as in the untuned table, both run dates
        Dataset<Row> untuned = Ingest.table(warehouse, "silver.animaux_suivi_untuned");
        org.apache.spark.sql.Column[] asUntuned = java.util.Arrays.stream(untuned.schema().fields())
                .map(field -> org.apache.spark.sql.functions.col("`" + field.name() + "`").cast(field.dataType()).cast("string"))
                .toArray(org.apache.spark.sql.Column[]::new);
        assertThat(tuned.select(asUntuned).exceptAll(untuned.select(asUntuned)).count()).isZero();
        assertThat(untuned.select(asUntuned).exceptAll(tuned.select(asUntuned)).count()).isZero();
        // the constraints hold on a clustered table too
        assertThatThrownBy(() -> tuned.limit(1).withColumn("identifiant_animal", org.apache.spark.sql.functions.lit(null).cast("string"))
                .write().format("delta").mode("append").save(path)).hasMessageContaining("identifiant_animal");
        // the queries read the run date's files through the clustering columns' statistics
        List<QueryBenchmark.Measure> measures = new QueryBenchmark(TestSpark.session()).run(
                warehouse.resolve("silver/animaux_suivi_untuned").toString(), path, List.of("identifiant_animal"), SECOND, 1, 0);
        assertThat(measures).hasSize(10).allSatisfy(measure -> assertThat(measure.filesRead()).as(measure.query())
                .isBetween(1L, 2 * measure.filesTotal())); // the join reads the table twice
    }

    @Test
    void refusesToLoadALiquidTableAsAPartitionedOneAndSaysHowToFixIt() {
        load(liquid, FIRST);
        PipelineConfig zorder = liquid.withLoad(new LoadConfig(liquid.load().index(), liquid.load().targetFileMb(),
                liquid.load().compression(), liquid.load().onOverflow(), "zorder"));
        long version = Ingest.version(warehouse, "silver.animaux_suivi");
        assertThatThrownBy(() -> load(zorder, FIRST)).isInstanceOf(DatapilotException.class)
                .hasMessageContaining("load.clustering is zorder").hasMessageContaining("clustered by liquid clustering")
                .hasMessageContaining("Set load.clustering: liquid");
        assertThat(Ingest.version(warehouse, "silver.animaux_suivi")).isEqualTo(version);
    }
}
