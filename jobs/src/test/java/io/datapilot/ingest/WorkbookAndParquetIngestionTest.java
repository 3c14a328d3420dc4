package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.ingest.IngestResult.SourceResult;
import io.datapilot.ingest.inspect.SourceInspection;
import io.datapilot.ingest.read.RawReader;
import io.datapilot.ingest.read.RawSource;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel (sheet and range, every kind of cell) and Parquet (typed, nested) sources. */
class WorkbookAndParquetIngestionTest {
    private static final LocalDate RUN = LocalDate.of(2024, 3, 31);

    @Test
    void readsTheConfiguredSheetAndRangeAndQuarantinesBadCells(@TempDir Path warehouse) {
        IngestResult result = Ingest.run(Paths.resource("datasets/stock/pipeline.yaml"), warehouse, RUN);
        SourceResult stock = result.sources().get(0);
        assertThat(stock).extracting(SourceResult::rowsRead, SourceResult::rowsLoaded, SourceResult::rowsQuarantined)
                .containsExactly(6L, 4L, 2L);
        Dataset<Row> table = Ingest.table(warehouse, "bronze.stock");
        assertThat(table.columns()).containsSubsequence("reference", "designation", "date_d_entree", "quantite", "prix_ht_eur")
                .doesNotContain("hors_plage");
        assertThat(table.schema().apply("date_d_entree").dataType()).isEqualTo(DataTypes.DateType);
        assertThat(table.schema().apply("quantite").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(table.schema().apply("prix_ht_eur").dataType()).isEqualTo(DataTypes.DoubleType);
        Map<String, Row> rows = table.collectAsList().stream().collect(Collectors.toMap(row -> row.getAs("reference"), row -> row));
        assertThat(rows.keySet()).containsExactlyInAnyOrder("R-001", "R-002", "R-005", "R-006");
        assertThat(rows.get("R-001").<Long>getAs("_row_number")).as("the sheet row").isEqualTo(4L);
        assertThat(rows.get("R-001").<Long>getAs("quantite")).isEqualTo(1200L);
        assertThat(rows.get("R-002").<Date>getAs("date_d_entree")).isEqualTo(Date.valueOf("2023-12-31"));
        // Excel's built-in short date comes out of the reader as 11/20/21
        assertThat(rows.get("R-006").<Date>getAs("date_d_entree")).isEqualTo(Date.valueOf("2021-11-20"));
        assertThat(rows.get("R-005").<Object>getAs("prix_ht_eur")).isNull();

        List<Row> quarantined = Ingest.table(warehouse, "audit.quarantine").orderBy("row_number").collectAsList();
        assertThat(quarantined).extracting(row -> row.getAs("location"))
                .containsExactly("sheet Stock, row 6", "sheet Stock, row 7");
        assertThat(quarantined.get(0).<String>getAs("reason")).isEqualTo("column quantite: expected a whole number");
        assertThat(quarantined.get(1).<String>getAs("reason")).startsWith("column prix_ht_eur: Excel error value");
        assertThat(quarantined.get(1).<String>getAs("raw_record")).contains("#DIV/0!");
    }

    /** The trap the row count check exists for: spark-excel skips the rest of a workbook it fails to read. */
    @Test
    void sparkExcelSilentlyReturnsNoRowsWhenItFailsToReadAWorkbook() {
        IngestCheck.Checked checked = IngestCheck.check(Paths.resource("datasets/stock/pipeline.yaml"));
        SourcePlan plan = checked.plan().sources().get("stock");
        RawSource raw = RawReader.forFormat(plan.inspection().format()).read(TestSpark.session(), plan);
        // pruning the row number column makes the reader throw; spark-excel forces ignoreCorruptFiles
        assertThat(raw.rows().select("designation").count()).isZero();
        assertThat(raw.rows().collectAsList()).hasSize(6);
    }

    @Test
    void failsWhenSparkReturnsFewerRowsThanTheWorkbookHolds(@TempDir Path warehouse) {
        IngestCheck.Checked checked = IngestCheck.check(Paths.resource("datasets/stock/pipeline.yaml"));
        SourcePlan real = checked.plan().sources().get("stock");
        SourceInspection inspection = real.inspection();
        SourceInspection claimsMore = new SourceInspection(inspection.source(), inspection.yamlPath(), inspection.format(),
                inspection.files(), inspection.columns(), inspection.encoding(), inspection.separator(), inspection.multiLine(),
                inspection.sheet(), inspection.firstDataRow(), inspection.expectedRows() + 3);
        IngestPlan plan = new IngestPlan(checked.config(), Map.of("stock", new SourcePlan(claimsMore, real.columns())),
                java.util.Optional.empty(), List.of());
        assertThatThrownBy(() -> io.datapilot.ingest.Ingestion.of(TestSpark.session(), plan,
                        new io.datapilot.core.delta.Warehouse(warehouse.toString()))
                .progressTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).execute())
                .isInstanceOfSatisfying(DatapilotException.class, error -> assertThat(error.kind()).isEqualTo(ErrorKind.DATA))
                .hasMessageContaining("Spark returned 6 rows but sheet \"Stock\" holds 9 rows")
                .hasMessageContaining("Nothing was written");
        assertThat(Files.exists(warehouse.resolve("bronze/stock"))).isFalse();
    }

    @Test
    void readsParquetWithItsTypesAndParsesItsTextColumns(@TempDir Path input, @TempDir Path warehouse) throws Exception {
        TestSpark.session().sql("""
                SELECT * FROM VALUES
                  (1, 'Lyon', named_struct('lat', 45.76D, 'lon', 4.83D), CAST(12.50 AS DECIMAL(6,2)), '31/12/2024', true),
                  (2, 'Nice', named_struct('lat', 43.70D, 'lon', 7.27D), CAST(3.10 AS DECIMAL(6,2)), '01/02/2024', false),
                  (3, 'Lille', named_struct('lat', 50.63D, 'lon', 3.06D), NULL, 'pas une date', NULL)
                  AS t(site_id, Ville, position, prix, jour, actif)
                """).coalesce(1).write().parquet(input.resolve("sites.parquet").toString());
        Path config = input.resolve("pipeline.yaml");
        Files.writeString(config, """
                sources:
                  - name: sites
                    path: sites.parquet
                    key: [site_id]
                    max_bad_rows_ratio: 0.5
                """);
        IngestResult result = Ingest.run(config, warehouse, RUN);
        assertThat(result.sources().get(0)).extracting(SourceResult::rowsRead, SourceResult::rowsLoaded, SourceResult::rowsQuarantined)
                .containsExactly(3L, 2L, 1L);
        Dataset<Row> sites = Ingest.table(warehouse, "bronze.sites");
        assertThat(sites.columns()).containsSubsequence("site_id", "ville", "position_lat", "position_lon", "prix", "jour", "actif");
        assertThat(sites.schema().apply("site_id").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(sites.schema().apply("prix").dataType()).isEqualTo(DataTypes.createDecimalType(6, 2));
        assertThat(sites.schema().apply("jour").dataType()).isEqualTo(DataTypes.DateType);
        Row lyon = sites.where("site_id = 1").first();
        assertThat(lyon.<Double>getAs("position_lat")).isEqualTo(45.76);
        assertThat(lyon.<BigDecimal>getAs("prix")).isEqualByComparingTo("12.50");
        assertThat(lyon.<Date>getAs("jour")).isEqualTo(Date.valueOf("2024-12-31"));
        assertThat(Ingest.table(warehouse, "audit.quarantine").first().<String>getAs("reason")).contains("column jour");
    }
}
