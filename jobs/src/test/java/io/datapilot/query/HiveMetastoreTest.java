package io.datapilot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datapilot sql} with a Hive metastore set in the configuration's {@code spark} section (an
 * embedded Derby metastore here, as Spark ships it): the warehouse's tables are registered there
 * and stay registered for the next JVM. Each run is its own JVM, as a Hive-enabled session cannot
 * share the test JVM's session.
 */
@org.junit.jupiter.api.Tag("slow")
class HiveMetastoreTest {

    @Test
    void registersTheTablesInTheMetastoreWhereTheNextSessionFindsThem(@TempDir Path folder) throws Exception {
        Path warehouse = folder.resolve("warehouse");
        StructType schema = new StructType().add("ville", DataTypes.StringType).add("montant", DataTypes.createDecimalType(10, 2))
                .add("jour", DataTypes.DateType);
        TestSpark.session().createDataFrame(List.of(RowFactory.create("Orléans", new java.math.BigDecimal("1234.50"),
                Date.valueOf("2024-12-31")), RowFactory.create("Tours", new java.math.BigDecimal("10.00"), Date.valueOf("2025-01-02"))),
                schema).coalesce(1).write().format("delta").save(warehouse.resolve("silver/ventes").toString());
        // the sample's configuration, its relative paths kept, with a metastore in the spark section
        String sample = Files.readString(Paths.root().resolve("conf/pipeline.yaml"), StandardCharsets.UTF_8)
                .replace("\nbase_dir: ..\n", "\nbase_dir: " + Paths.root() + "\n");
        assertThat(sample).as("conf/pipeline.yaml has no spark section of its own").doesNotContainPattern("(?m)^spark:");
        Path metastore = folder.resolve("metastore_db");
        Path config = folder.resolve("pipeline.yaml");
        Files.writeString(config, sample + "\nspark:\n"
                + "  spark.sql.catalogImplementation: hive\n"
                + "  spark.sql.warehouse.dir: \"" + folder.resolve("hive-warehouse") + "\"\n"
                + "  spark.hadoop.javax.jdo.option.ConnectionURL: \"jdbc:derby:;databaseName=" + metastore + ";create=true\"\n",
                StandardCharsets.UTF_8);

        Run first = datapilot(folder, config, warehouse, "SELECT ville, montant FROM silver.ventes ORDER BY ville");
        assertThat(first.code()).as(first.output()).isZero();
        assertThat(first.output()).contains("Orléans").contains("1 234,50").contains("2 row(s)");
        assertThat(metastore.resolve("service.properties")).as("the Derby metastore was created").exists();

        // a new JVM on an empty warehouse: the table is found through the metastore alone
        Path empty = folder.resolve("empty-warehouse");
        Files.createDirectories(empty);
        Run second = datapilot(folder, config, empty, "SELECT count(*) AS n, min(ville) AS premiere FROM silver.ventes");
        assertThat(second.code()).as(second.output()).isZero();
        assertThat(second.output()).contains("1 row(s)").contains("Orléans").containsPattern("(?m)^.*\\b2\\b.*Orléans.*$");
    }

    private record Run(int code, String output) {}

    private static Run datapilot(Path folder, Path config, Path warehouse, String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(argument -> argument.startsWith("--add-opens"))
                .forEach(command::add);
        command.addAll(List.of("-Xmx1g", "-Dderby.system.home=" + folder, "-cp", System.getProperty("java.class.path"),
                "io.datapilot.Datapilot", "sql", sql, "--config", config.toString(), "--warehouse", warehouse.toString()));
        Path log = Files.createTempFile(folder, "datapilot-sql", ".log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("datapilot sql did not finish in 5 minutes: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
