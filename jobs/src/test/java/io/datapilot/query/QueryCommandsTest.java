package io.datapilot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.Datapilot;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code datapilot show} and {@code datapilot sql} over a warehouse, through the command line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCommandsTest {
    private Path warehouse;

    record Outcome(int code, String out, String err) {}

    private Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = Paths.root().resolve("conf/pipeline.yaml").toString();
        all[args.length + 2] = "--warehouse";
        all[args.length + 3] = warehouse.toString();
        int code = Datapilot.execute(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    void warehouse(@TempDir Path folder) {
        warehouse = folder;
        StructType schema = new StructType().add("ville", DataTypes.StringType).add("montant", DataTypes.createDecimalType(10, 2))
                .add("visites", DataTypes.LongType).add("jour", DataTypes.DateType).add("fidele", DataTypes.BooleanType);
        List<Row> rows = List.of(
                RowFactory.create("Orléans", new java.math.BigDecimal("1234.50"), 1200L, Date.valueOf("2024-12-31"), true),
                RowFactory.create("Tours, centre", new java.math.BigDecimal("99.99"), 3L, Date.valueOf("2025-01-02"), false),
                RowFactory.create("Orléans", new java.math.BigDecimal("10.00"), 7L, Date.valueOf("2025-01-03"), null));
        TestSpark.session().createDataFrame(rows, schema).coalesce(1).write().format("delta")
                .save(folder.resolve("silver/ventes").toString());
    }

    @Test
    void showsTheFirstRowsTheFrenchWay() {
        Outcome outcome = run("show", "silver.ventes", "--limit", "2", "--where", "visites > 100");
        assertThat(outcome.code()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("1 234,50").contains("31/12/2024").contains("1 200").contains("oui")
                .contains("1 of 1 row(s) of silver.ventes");
    }

    @Test
    void runsSqlOverTablesByNameAsATableOrCsv() {
        Outcome table = run("sql", "SELECT ville, sum(montant) AS total FROM silver.ventes GROUP BY ville ORDER BY ville");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("Orléans").contains("1 244,50").contains("2 row(s)");
        Outcome csv = run("sql", "SELECT ville, visites FROM silver.ventes ORDER BY visites", "--csv", "--limit", "2");
        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(csv.out()).isEqualTo(String.join(System.lineSeparator(), "ville,visites", "\"Tours, centre\",3", "Orléans,7", ""));
        assertThat(csv.err()).contains("only the first 2 rows");
    }

    @Test
    void namesTheTablesThereAreWhenOneIsUnknown() {
        Outcome unknown = run("show", "silver.ventez");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("No table silver.ventez").contains("silver.ventes");
        Outcome bad = run("sql", "SELECT nope FROM silver.ventes");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Invalid query").contains("nope").contains("silver.ventes");
    }
}
