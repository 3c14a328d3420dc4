package io.datapilot.governance.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.governance.GovernanceTables;
import io.datapilot.testing.TestSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each quality dimension and the score on a profile whose figures are known, and the change since the previous run date. */
class QualityKpisTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    private static final LocalDate SECOND = LocalDate.of(2026, 3, 9);
    @TempDir
    Path folder;

    @Test
    void everyDimensionFollowsItsDocumentedFormula() {
        Warehouse warehouse = new Warehouse(folder.toString());
        profile(warehouse, FIRST, 0.10);
        GovernanceTables tables = new GovernanceTables(TestSpark.session(), warehouse, FIRST);
        List<QualityKpi> kpis = QualityKpis.compute(tables);

        // id: a key, 1 000 values, 990 distinct, nothing missing or invalid → uniqueness 0,99, score (1 + 1 + 0,99 + 1) / 4
        QualityKpi id = line(kpis, "bronze.ventes", "id");
        assertThat(id.completeness()).isEqualTo(1.0);
        assertThat(id.uniqueness()).isCloseTo(0.99, within(1e-12));
        assertThat(id.score()).isCloseTo(3.99 / 4, within(1e-12));
        // email: 10 % missing, 45 of its 900 values badly formed, a placeholder alert on 3 % of the rows; not a key
        QualityKpi email = line(kpis, "bronze.ventes", "email");
        assertThat(email.completeness()).isCloseTo(0.90, within(1e-12));
        assertThat(email.validity()).isCloseTo(1 - 45.0 / 900, within(1e-12));
        assertThat(email.consistency()).isCloseTo(0.97, within(1e-12));
        assertThat(email.uniqueness()).isNull();
        assertThat(email.score()).isCloseTo((0.90 + 0.95 + 0.97) / 3, within(1e-12));
        // date: 12 future dates and 8 too old among 1 000; its latest value 2026-02-20 is 10 days before the run date
        QualityKpi date = line(kpis, "bronze.ventes", "date_vente");
        assertThat(date.validity()).isCloseTo(0.98, within(1e-12));
        assertThat(date.freshnessDays()).isEqualTo(10);
        // the table: its columns' mean score, its key's duplicates (10 of 1 000), its freshest date column
        QualityKpi table = line(kpis, "bronze.ventes", null);
        assertThat(table.score()).isCloseTo((id.score() + email.score() + date.score()) / 3, within(1e-12));
        assertThat(table.uniqueness()).isCloseTo(0.99, within(1e-12));
        assertThat(table.freshnessDays()).isEqualTo(10);
        assertThat(line(kpis, QualityKpi.ALL, null).score()).isCloseTo(table.score(), within(1e-12));
        assertThat(table.previousScore()).isNull();

        tables.write(QualityKpis.TABLE, QualityKpi.class, kpis);
        profile(warehouse, SECOND, 0.20);
        List<QualityKpi> later = QualityKpis.compute(new GovernanceTables(TestSpark.session(), warehouse, SECOND));
        QualityKpi emailLater = line(later, "bronze.ventes", "email");
        assertThat(emailLater.previousScore()).isCloseTo(email.score(), within(1e-12));
        assertThat(emailLater.scoreChange()).isCloseTo(emailLater.score() - email.score(), within(1e-12)).isNegative();
        assertThat(QualityKpis.overall(later).getAsDouble()).isLessThan(QualityKpis.overall(kpis).getAsDouble());
    }

    private static QualityKpi line(List<QualityKpi> kpis, String table, String column) {
        return kpis.stream().filter(kpi -> kpi.table().equals(table) && java.util.Objects.equals(kpi.column(), column)).findFirst()
                .orElseThrow();
    }

    /** The profile tables of one table of 1 000 rows for a run date, with the email's missing share given. */
    private static void profile(Warehouse warehouse, LocalDate runDate, double emailMissing) {
        SparkSession spark = TestSpark.session();
        Date date = Date.valueOf(runDate);
        long emailValues = Math.round(1000 * (1 - emailMissing));
        StructType columns = new StructType().add("table", "string").add("column", "string").add("type", "string").add("rows", "long")
                .add("count", "long").add("missing_share", "double").add("distinct_exact", "long").add("distinct_approx", "long")
                .add("invalid_format", "long").add("future", "long").add("too_old", "long").add("max", "string")
                .add(DeltaIO.RUN_DATE, DataTypes.DateType);
        write(spark.createDataFrame(List.of(
                RowFactory.create("bronze.ventes", "id", "string", 1000L, 1000L, 0.0, 990L, 990L, null, null, null, "V999", date),
                RowFactory.create("bronze.ventes", "email", "string", 1000L, emailValues, emailMissing, 880L, 880L, 45L, null, null, "z@x.fr",
                        date),
                RowFactory.create("bronze.ventes", "date_vente", "date", 1000L, 1000L, 0.0, 300L, 300L, 0L, 12L, 8L, "2026-02-20", date)),
                columns), warehouse.table(Layer.AUDIT, "column_profiles"), runDate);
        StructType tableProfiles = new StructType().add("table", "string").add("rows", "long").add("duplicate_keys", "long")
                .add("key", "string").add(DeltaIO.RUN_DATE, DataTypes.DateType);
        write(spark.createDataFrame(List.of(RowFactory.create("bronze.ventes", 1000L, 10L, "id", date)), tableProfiles),
                warehouse.table(Layer.AUDIT, "table_profiles"), runDate);
        StructType alerts = new StructType().add("table", "string").add("column", "string").add("kind", "string").add("share", "double")
                .add(DeltaIO.RUN_DATE, DataTypes.DateType);
        write(spark.createDataFrame(List.<Row>of(RowFactory.create("bronze.ventes", "email", "placeholder", 0.03, date),
                RowFactory.create("bronze.ventes", "email", "skewed", 0.5, date)), alerts), warehouse.table(Layer.AUDIT, "quality_alerts"),
                runDate);
    }

    private static void write(org.apache.spark.sql.Dataset<Row> rows, String path, LocalDate runDate) {
        DeltaIO.replaceRunDate(rows, path, runDate, null, "test profile");
    }
}
