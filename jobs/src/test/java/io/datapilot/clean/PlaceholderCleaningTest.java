package io.datapilot.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.config.CleanConfig;
import io.datapilot.core.config.ColumnCleaningConfig;
import io.datapilot.core.config.ColumnCleaningConfig.Imputation;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared placeholders become missing values in the clean stage, each change in audit.cleaning, every row kept. */
@org.junit.jupiter.api.Tag("slow")
class PlaceholderCleaningTest {

    /** The survey fixture as the bronze layer holds it: typed columns and the bookkeeping columns. */
    private static Dataset<Row> survey() {
        return TestSpark.session().read().option("header", "true").csv(Paths.resource("placeholders/enquete.csv").toString())
                .selectExpr("CAST(id AS BIGINT) AS id", "genre", "statut", "CAST(age AS BIGINT) AS age",
                        "CAST(date_inscription AS DATE) AS date_inscription", "CAST(revenu AS DOUBLE) AS revenu")
                .withColumn("_source_file", lit("enquete.csv")).withColumn("_row_number", col("id"));
    }

    private static ColumnCleaningConfig placeholders(String... values) {
        return new ColumnCleaningConfig(Imputation.NONE, null, null, null, null, null, List.of(values));
    }

    private static Cleaner cleaner(Map<String, ColumnCleaningConfig> columns) {
        return new Cleaner(TestSpark.session(), "bronze.enquete", new CleanConfig(null, null, null, null, null, null, columns),
                Map.of("id", "identifier", "genre", "categorical", "statut", "categorical", "age", "discrete", "date_inscription", "date",
                        "revenu", "continuous"), Set.of(), Set.of());
    }

    @Test
    void turnsDeclaredTextNumberAndDatePlaceholdersIntoMissingValuesWithoutLosingARow() {
        Dataset<Row> bronze = survey();
        Cleaner.Result result = cleaner(Map.of(
                "statut", placeholders("INCONNU", " non renseigne "),
                "enquete.age", placeholders("9999"),
                "date_inscription", placeholders("1900-01-01"))).clean(bronze);
        Dataset<Row> clean = result.clean();
        assertThat(result.rowsIn()).isEqualTo(210).isEqualTo(clean.count() + result.duplicates() + result.quarantinedRows());
        assertThat(clean.where("statut IS NULL").count()).as("inconnu and Non renseigné, whatever the case and accents").isEqualTo(7);
        assertThat(clean.where("age IS NULL").count()).isEqualTo(3);
        assertThat(clean.where("date_inscription IS NULL").count()).isOne();
        assertThat(result.actions()).filteredOn(action -> action.action().equals("placeholder"))
                .extracting(CleaningAction::column, CleaningAction::rows, CleaningAction::decidedBy)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("statut", 7L, "config"),
                        org.assertj.core.groups.Tuple.tuple("age", 3L, "config"),
                        org.assertj.core.groups.Tuple.tuple("date_inscription", 1L, "config"));
        assertThat(result.actions()).filteredOn(action -> "age".equals(action.column()) && action.action().equals("placeholder"))
                .singleElement().satisfies(action -> {
                    assertThat(action.value()).isEqualTo("«9999»");
                    assertThat(action.reason()).startsWith("clean.columns.enquete.age.placeholders");
                });
        // the other values of the treated columns, and the columns without placeholders, are unchanged
        Dataset<Row> changed = bronze.alias("b").join(clean.alias("c"), "id").where(
                "NOT (b.genre <=> c.genre) OR NOT (b.revenu <=> c.revenu) OR (c.statut IS NOT NULL AND b.statut <> c.statut)"
                        + " OR (c.age IS NOT NULL AND b.age <> c.age)"
                        + " OR (c.date_inscription IS NOT NULL AND b.date_inscription <> c.date_inscription)");
        assertThat(changed.count()).isZero();
    }

    @Test
    void refusesAPlaceholderTheColumnsTypeCannotHold() {
        assertThatThrownBy(() -> cleaner(Map.of("age", placeholders("inconnu"))).clean(survey()))
                .isInstanceOf(DatapilotException.class)
                .hasMessageStartingWith("Invalid clean.columns.age.placeholders: \"inconnu\" cannot be a value of bronze.enquete.age,"
                        + " which is of type bigint; list a number such as 9999 or -999");
    }

    /** A minimal configuration (sources, dataset and the one placeholders line) through the command line. */
    @Test
    void theCommandLineAlertsOnTheDotAndTheConfiguredLineTurnsItIntoAMissingValue(@TempDir Path folder) {
        Path warehouse = folder.resolve("warehouse");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = io.datapilot.Datapilot.execute(new String[] {"run", "--only", "ingest,profile,clean", "--config",
                Paths.resource("placeholders/pipeline.yaml").toString(), "--warehouse", warehouse.toString(), "--reports-dir",
                folder.resolve("reports").toString(), "--run-date", "2024-06-30"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        Dataset<Row> alerts = Ingest.table(warehouse, "audit.quality_alerts").where("kind = 'placeholder' AND column = 'genre'");
        assertThat(alerts.select("table").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactlyInAnyOrder("bronze.releves", "bronze.releves_suivi");
        assertThat(alerts.first().<String>getAs("message")).contains("clean.columns.genre: { placeholders: [\".\"] }");
        assertThat(alerts.first().<Long>getAs("count")).isOne();

        Dataset<Row> bronze = Ingest.table(warehouse, "bronze.releves_suivi");
        Dataset<Row> clean = Ingest.table(warehouse, "silver.releves_suivi_clean");
        assertThat(bronze.count()).isEqualTo(120);
        assertThat(clean.count()).isEqualTo(120);
        Dataset<Row> cleaning = Ingest.table(warehouse, "audit.cleaning").where("column = 'genre'");
        assertThat(cleaning.where("action = 'placeholder' AND strategy = 'null' AND value = '«.»' AND decided_by = 'config'")
                .select("rows_changed").first().getLong(0)).isOne();
        // by default a categorical column's missing values then get its mode, recorded as well
        assertThat(cleaning.where("action = 'impute' AND strategy = 'mode'").select("rows_changed").first().getLong(0)).isOne();
        assertThat(clean.where("genre = '.' OR genre IS NULL").count()).isZero();
        // every ordinary column, and genre but for the placeholder, comes out as it went in
        Dataset<Row> changed = bronze.alias("b").join(clean.alias("c"), "id").where("NOT (b.produit <=> c.produit)"
                + " OR NOT (b.mesure <=> c.mesure) OR NOT (b.jour <=> c.jour) OR (b.genre <> '.' AND NOT (b.genre <=> c.genre))");
        assertThat(changed.count()).isZero();
        assertThat(bronze.where("genre = '.'").count()).isOne();
    }
}
