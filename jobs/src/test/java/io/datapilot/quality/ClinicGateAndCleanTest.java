package io.datapilot.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.config.QualityGateConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.profile.Audit;
import io.datapilot.testing.Configs;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages after the audit on the clinic data set, described only by its own configuration: the
 * quality gate (a quarter of the animals file goes to quarantine), the cleaning and the load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Tag("slow")
class ClinicGateAndCleanTest {
    private static final Path CONFIG = Paths.resource("datasets/clinique/pipeline.yaml");
    private static final LocalDate RUN = LocalDate.of(2024, 6, 30);
    private Path warehouse;
    private io.datapilot.core.config.PipelineConfig config;

    @BeforeAll
    void ingestAndAudit(@TempDir Path folder) {
        warehouse = folder.resolve("warehouse");
        Ingest.run(CONFIG, warehouse, RUN);
        config = Configs.load(CONFIG, warehouse, folder.resolve("reports"));
        Audit.of(TestSpark.session(), config).runDate(RUN).progressTo(new PrintStream(OutputStream.nullOutputStream())).execute();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void cleansTheClinicDataSetAndConservesItsRows() {
        io.datapilot.clean.CleanStage stage = new io.datapilot.clean.CleanStage(TestSpark.session(), config,
                new Warehouse(warehouse.toString()), RUN, new PrintStream(OutputStream.nullOutputStream()));
        List<io.datapilot.clean.CleanStage.TableResult> results = stage.execute();
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.table()).isEqualTo("bronze.animaux_suivi");
            assertThat(result.rowsIn()).isEqualTo(result.rowsOut() + result.duplicates() + result.quarantined()).isEqualTo(6);
            for (io.datapilot.clean.CleaningAction impute : result.actions().stream().filter(a -> a.action().equals("impute")).toList()) {
                assertThat(Ingest.table(warehouse, "silver.animaux_suivi_clean").where(
                        org.apache.spark.sql.functions.col(impute.column()).isNull()).count()).as(impute.column()).isZero();
            }
        });
        // a rerun of the same run date replaces its rows
        stage.execute();
        assertThat(Ingest.table(warehouse, "silver.animaux_suivi_clean").count()).isEqualTo(results.get(0).rowsOut());
        assertThat(Ingest.table(warehouse, "audit.cleaning").count()).isEqualTo(results.get(0).actions().size());
    }

    private QualityGate gate(QualityGateConfig thresholds, LocalDate runDate) {
        return new QualityGate(TestSpark.session(), new Warehouse(warehouse.toString()), thresholds, runDate);
    }

    @Test
    void failsOnTheSourceAboveTheQuarantineRatioAndRecordsEveryCheck() {
        assertThatThrownBy(() -> gate(new QualityGateConfig(0.05, null, 0.5), RUN).execute())
                .isInstanceOf(DatapilotException.class)
                .hasMessageContaining("source animaux: 2 of 8 rows in quarantine (25,00 %), above quality_gate.max_quarantine_ratio 5,00 %")
                .hasMessageContaining("source consultations: 2 of 10 rows")
                .hasMessageNotContaining("source proprietaires")
                .hasMessageContaining("--from quality_gate");
        List<Row> failed = Ingest.table(warehouse, "audit.quality_gate").where("NOT passed").collectAsList();
        assertThat(failed).extracting(row -> row.getString(row.fieldIndex("subject"))).containsExactlyInAnyOrder("animaux", "consultations");
    }

    @Test
    void passesWithinTheThresholdsAndARerunReplacesItsRows() {
        QualityGateConfig lenient = new QualityGateConfig(0.3, 10, 0.5);
        List<GateCheck> checks = gate(lenient, RUN).execute();
        assertThat(checks).allMatch(GateCheck::passed);
        assertThat(checks).extracting(GateCheck::check).contains("quarantine_ratio", "critical_alerts", "completeness");
        assertThat(checks).filteredOn(check -> check.check().equals("completeness")).extracting(GateCheck::subject)
                .containsExactly("bronze.animaux", "bronze.animaux_suivi", "bronze.consultations", "bronze.proprietaires");
        gate(lenient, RUN).execute();
        assertThat(Ingest.table(warehouse, "audit.quality_gate").where("_run_date = DATE'2024-06-30' AND passed").count())
                .isEqualTo(checks.size());
    }

    @Test
    void failsOnCriticalAlertsAndIncompleteTables() {
        assertThatThrownBy(() -> gate(new QualityGateConfig(1.0, 0, 1.0), RUN).execute())
                .hasMessageContaining("above quality_gate.max_critical_alerts 0")
                .hasMessageContaining("below quality_gate.min_completeness 100,00 %");
    }

    @Test
    void saysWhichStageToRunWhenTheAuditIsMissing() {
        assertThatThrownBy(() -> gate(new QualityGateConfig(null, null, null), LocalDate.of(2020, 1, 1)).execute())
                .hasMessageContaining("audit.ingest_runs has no rows for run date 2020-01-01")
                .hasMessageContaining("datapilot run --from ingest");
    }

    private io.datapilot.load.LoadStage load(LocalDate runDate) {
        return new io.datapilot.load.LoadStage(TestSpark.session(), config, new Warehouse(warehouse.toString()), runDate,
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void loadsTunedTypesThatHoldEveryValueAndVerifiesTheCounts() {
        List<io.datapilot.load.LoadStage.TableLoad> loads = load(RUN).execute();
        io.datapilot.load.LoadStage.TableLoad table = loads.get(0);
        assertThat(table.tuned()).isEqualTo("silver.animaux_suivi");
        assertThat(table.checks()).allMatch(io.datapilot.load.LoadStage.Check::ok).hasSize(5);
        org.apache.spark.sql.types.StructType tuned = Ingest.table(warehouse, "silver.animaux_suivi").schema();
        org.apache.spark.sql.types.StructType untuned = Ingest.table(warehouse, "silver.animaux_suivi_untuned").schema();
        assertThat(untuned.apply("poids_kg").dataType()).isEqualTo(org.apache.spark.sql.types.DataTypes.DoubleType);
        assertThat(tuned.apply("poids_kg").dataType()).isInstanceOf(org.apache.spark.sql.types.DecimalType.class);
        assertThat(tuned.fieldNames()[0]).as("the index column comes first, within Delta's statistics").isEqualTo(table.index().get(0));
        // every value equal after the round trip through the tuned types
        for (io.datapilot.load.TypeTuner.TunedColumn column : table.columns()) {
            long different = Ingest.table(warehouse, "silver.animaux_suivi_untuned").alias("u").join(
                    Ingest.table(warehouse, "silver.animaux_suivi").alias("t"), "_row_number")
                    .where(org.apache.spark.sql.functions.not(org.apache.spark.sql.functions.col("u.`" + column.column() + "`").cast("string")
                            .eqNullSafe(org.apache.spark.sql.functions.col("t.`" + column.column() + "`").cast(column.untuned()).cast("string"))))
                    .count();
            assertThat(different).as(column.column()).isZero();
        }
        assertThat(Ingest.table(warehouse, "audit.schema_report").count()).isEqualTo(table.columns().size());
        assertThat(Ingest.table(warehouse, "audit.load_verification").count()).isEqualTo(5);
        // a rerun of the same date gives the same table
        long version = Ingest.version(warehouse, "silver.animaux_suivi");
        load(RUN).execute();
        assertThat(Ingest.table(warehouse, "silver.animaux_suivi").count()).isEqualTo(table.rows());
        assertThat(Ingest.version(warehouse, "silver.animaux_suivi")).isGreaterThan(version);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void stopsBeforeWritingWhenNewDataWouldOverflowATunedType() {
        String tunedPath = warehouse.resolve("silver/animaux_suivi").toString();
        long version = Ingest.version(warehouse, "silver.animaux_suivi");
        io.datapilot.load.TypeTuner.TunedColumn weight = load(RUN).execute().get(0).columns().stream()
                .filter(column -> column.column().equals("poids_kg")).findFirst().orElseThrow();
        version = Ingest.version(warehouse, "silver.animaux_suivi");
        // a new run date whose clean rows hold a weight far beyond the tuned DECIMAL
        LocalDate next = RUN.plusDays(1);
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> clean = Ingest.table(warehouse, "silver.animaux_suivi_clean")
                .where("_run_date = DATE'2024-06-30'").withColumn("poids_kg", org.apache.spark.sql.functions.lit(123456789.5))
                .withColumn("_run_date", org.apache.spark.sql.functions.lit(java.sql.Date.valueOf(next)));
        io.datapilot.core.delta.DeltaIO.replaceRunDate(clean, warehouse.resolve("silver/animaux_suivi_clean").toString(), next, null, "test");
        assertThatThrownBy(() -> load(next).execute()).isInstanceOf(DatapilotException.class)
                .hasMessageContaining("Cannot load silver.animaux_suivi for run date 2024-07-01")
                .hasMessageContaining("poids_kg (" + weight.tunedSql()).hasMessageContaining("would not fit")
                .hasMessageContaining("nothing was written");
        assertThat(Ingest.version(warehouse, "silver.animaux_suivi")).isEqualTo(version);
        assertThat(io.delta.tables.DeltaTable.forPath(TestSpark.session(), tunedPath).toDF().where("_run_date = DATE'2024-07-01'").count())
                .isZero();
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void widensInPlaceOrRewritesTheTableWhenTheConfigAllowsItAndLosesNothing() {
        Warehouse store = new Warehouse(warehouse.toString());
        io.datapilot.core.config.LoadConfig stop = config.load();
        io.datapilot.core.config.PipelineConfig widening = config.withLoad(new io.datapilot.core.config.LoadConfig(stop.index(),
                stop.targetFileMb(), stop.compression(), "widen", stop.clustering()));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        LocalDate next = RUN.plusDays(1);
        // a real second run date, so that the load verification finds its files, bronze rows and cleaning
        Ingest.run(CONFIG, warehouse, next);
        Audit.of(TestSpark.session(), config).runDate(next).progressTo(quiet).execute();
        new io.datapilot.clean.CleanStage(TestSpark.session(), config, store, next, quiet).execute();
        String cleanPath = warehouse.resolve("silver/animaux_suivi_clean").toString();
        org.apache.spark.sql.types.StructType before = Ingest.table(warehouse, "silver.animaux_suivi").schema();
        assertThat(before.apply("nb_consultations").dataType()).isEqualTo(org.apache.spark.sql.types.DataTypes.ByteType);
        String text = java.util.Arrays.stream(before.fields()).filter(field -> field.metadata().contains("__CHAR_VARCHAR_TYPE_STRING")
                && !field.name().equals("identifiant_animal")).findFirst().orElseThrow().name();
        String required = java.util.Arrays.stream(before.fields()).filter(field -> !field.nullable() && !field.name().startsWith("_")
                && !List.of("identifiant_animal", "nb_consultations", text).contains(field.name())).findFirst().orElseThrow().name();
        List<String> runRows = rowsOf(RUN);
        java.util.Set<String> runFiles = filesOf(RUN);

        // 1. in place: a count beyond TINYINT, a longer text, a missing value in a NOT NULL column
        org.apache.spark.sql.Dataset<Row> clean = Ingest.table(warehouse, "silver.animaux_suivi_clean").where("_run_date = DATE'2024-07-01'")
                .withColumn("nb_consultations", org.apache.spark.sql.functions.lit(1000L))
                .withColumn(text, org.apache.spark.sql.functions.lit("x".repeat(200)))
                .withColumn(required, org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col("_row_number")
                        .equalTo(org.apache.spark.sql.functions.lit(2)), org.apache.spark.sql.functions.lit(null))
                        .otherwise(org.apache.spark.sql.functions.col(required)));
        io.datapilot.core.delta.DeltaIO.replaceRunDate(clean.localCheckpoint(), cleanPath, next, null, "test");
        assertThatThrownBy(() -> load(next).execute()).hasMessageContaining("nb_consultations (TINYINT")
                .hasMessageContaining("load.on_overflow: widen");
        long version = Ingest.version(warehouse, "silver.animaux_suivi");
        new io.datapilot.load.LoadStage(TestSpark.session(), widening, store, next, quiet).execute();
        org.apache.spark.sql.types.StructType inPlace = Ingest.table(warehouse, "silver.animaux_suivi").schema();
        assertThat(inPlace.apply("nb_consultations").dataType()).isEqualTo(org.apache.spark.sql.types.DataTypes.ShortType);
        assertThat(inPlace.apply(text).metadata().getString("__CHAR_VARCHAR_TYPE_STRING")).isEqualTo("varchar(255)");
        assertThat(inPlace.apply(required).nullable()).isTrue();
        assertThat(filesOf(RUN)).as("widened in place: the earlier run date's files are not rewritten").isEqualTo(runFiles);
        assertThat(rowsOf(RUN)).isEqualTo(runRows);
        assertThat(history(version)).contains("CHANGE COLUMN").doesNotContain("CREATE OR REPLACE TABLE");
        assertThat(Ingest.table(warehouse, "silver.animaux_suivi").where("_run_date = DATE'2024-07-01' AND nb_consultations = 1000")
                .count()).isEqualTo(clean.count());
        assertThat(Ingest.table(warehouse, "audit.schema_report").where("_run_date = DATE'2024-07-01' AND `column` = 'nb_consultations'")
                .first().<String>getAs("reason")).contains("élargi le 2024-07-01 (TINYINT NOT NULL → SMALLINT NOT NULL)");

        // 2. a rewrite: a weight beyond the tuned DECIMAL, which Delta 3.3 cannot widen in place
        String weight = before.apply("poids_kg").dataType().sql();
        List<String> nextRows = rowsOf(next);
        io.datapilot.core.delta.DeltaIO.replaceRunDate(Ingest.table(warehouse, "silver.animaux_suivi_clean")
                .where("_run_date = DATE'2024-07-01'").withColumn("poids_kg", org.apache.spark.sql.functions.lit(123456789.5))
                .localCheckpoint(), cleanPath, next, null, "test");
        version = Ingest.version(warehouse, "silver.animaux_suivi");
        new io.datapilot.load.LoadStage(TestSpark.session(), widening, store, next, quiet).execute();
        org.apache.spark.sql.types.DataType widened = Ingest.table(warehouse, "silver.animaux_suivi").schema().apply("poids_kg").dataType();
        assertThat(widened.sql()).isNotEqualTo(weight).startsWith("DECIMAL(");
        assertThat(((org.apache.spark.sql.types.DecimalType) widened).precision()).isGreaterThanOrEqualTo(10);
        assertThat(history(version)).contains("WRITE");
        assertThat(rowsOf(RUN)).as("every earlier value kept through the rewrite").isEqualTo(runRows);
        assertThat(Ingest.table(warehouse, "silver.animaux_suivi").where("_run_date = DATE'2024-07-01'").count()).isEqualTo(nextRows.size());
        assertThat(Ingest.table(warehouse, "silver.animaux_suivi").where("_run_date = DATE'2024-07-01' AND poids_kg = 123456789.5").count())
                .isEqualTo(nextRows.size());
        Row detail = io.delta.tables.DeltaTable.forPath(TestSpark.session(), warehouse.resolve("silver/animaux_suivi").toString()).detail()
                .first();
        java.util.Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
        assertThat(properties).as("NOT NULL kept as a constraint, CHECK constraints kept")
                .containsKey("delta.constraints.non_nul_identifiant_animal").containsKey("delta.constraints.non_negatif_poids_kg");
        // the index still comes first and every file of the table is compressed with the configured codec
        assertThat(Ingest.table(warehouse, "silver.animaux_suivi").schema().fieldNames()[0]).isEqualTo("identifiant_animal");
        assertThat(filesOf(RUN)).allMatch(file -> file.endsWith(".zstd.parquet"));
    }

    private List<String> rowsOf(LocalDate runDate) {
        return Ingest.table(warehouse, "silver.animaux_suivi").where("_run_date = DATE'" + runDate + "'").orderBy("_row_number")
                .collectAsList().stream().map(row -> {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < row.size(); i++) {
                        Object value = row.get(i);
                        // a wider type keeps the value: 3 as TINYINT or SMALLINT, 32.5 as DECIMAL(4,1) or DECIMAL(11,1)
                        line.append(value instanceof java.math.BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                                : String.valueOf(value)).append('|');
                    }
                    return line.toString();
                }).toList();
    }

    private java.util.Set<String> filesOf(LocalDate runDate) {
        return new java.util.TreeSet<>(Ingest.table(warehouse, "silver.animaux_suivi").where("_run_date = DATE'" + runDate + "'")
                .select(org.apache.spark.sql.functions.input_file_name()).as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    private List<String> history(long sinceVersion) {
        return io.delta.tables.DeltaTable.forPath(TestSpark.session(), warehouse.resolve("silver/animaux_suivi").toString()).history()
                .where("version > " + sinceVersion).select("operation").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void rejectsAnAppendThatBreaksAConstraintAndKeepsTheTable() {
        String tunedPath = warehouse.resolve("silver/animaux_suivi").toString();
        long version = Ingest.version(warehouse, "silver.animaux_suivi");
        long rows = Ingest.table(warehouse, "silver.animaux_suivi").count();
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> bad = Ingest.table(warehouse, "silver.animaux_suivi").limit(1)
                .withColumn("identifiant_animal", org.apache.spark.sql.functions.lit(null).cast("string"));
        assertThatThrownBy(() -> bad.write().format("delta").mode("append").save(tunedPath)).hasMessageContaining("identifiant_animal");
        assertThat(Ingest.version(warehouse, "silver.animaux_suivi")).isEqualTo(version);
        assertThat(Ingest.table(warehouse, "silver.animaux_suivi").count()).isEqualTo(rows);
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void timesTheQueriesOfBothTablesThroughTheCommandLine() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = io.datapilot.Datapilot.execute(new String[] {"benchmark-queries", "--config", CONFIG.toString(), "--warehouse",
                warehouse.toString(), "--run-date", RUN.toString(), "--runs", "1", "--warmups", "0"},
                new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()));
        assertThat(code).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("filtre sélectif sur identifiant_animal")
                .contains("agrégat par")
                // a few kilobytes: the times are measured and kept, but no speed-up is claimed from them
                .contains("No verdict for silver.animaux_suivi: table too small for the timings to mean anything")
                .contains("under load.timing_min_mb (64 MiB)").doesNotContainPattern("\\d×\\s");
        org.apache.spark.sql.Dataset<Row> timings = Ingest.table(warehouse, "governance.query_timings");
        assertThat(timings.where("variant = 'tuned'").count()).isEqualTo(timings.where("variant = 'untuned'").count()).isPositive();
        assertThat(timings.where("median_seconds <= 0 OR files_read > files_total * 2 OR rows < 0").count()).isZero();
        assertThat(timings.where("comparable OR run_date_bytes <= 0 OR run_date_bytes > table_bytes").count()).isZero();
    }

    @Test
    void timingsGetAVerdictFromTheConfiguredSizeOn() {
        io.datapilot.load.BenchmarkQueriesCommand.Verdict small = new io.datapilot.load.BenchmarkQueriesCommand.Verdict(12_000,
                config.load().timingMinBytes());
        assertThat(config.load().timingMinBytes()).as("load.timing_min_mb's default").isEqualTo(64L * 1024 * 1024);
        assertThat(small.comparable()).isFalse();
        assertThat(small.withheld()).startsWith("table too small for the timings to mean anything: 12 000 bytes");
        assertThat(new io.datapilot.load.BenchmarkQueriesCommand.Verdict(64L * 1024 * 1024, 64L * 1024 * 1024).comparable()).isTrue();
        assertThat(new io.datapilot.load.BenchmarkQueriesCommand.Verdict(12_000, 0).withheld()).isNull();
    }

    @Test
    @org.junit.jupiter.api.Order(7)
    void describesTheTunedTableAndWritesAnAccessibleReportWithItsWorkbookAndNotebook() throws Exception {
        Path reports = warehouse.getParent().resolve("reports-fr");
        for (String command : List.of("stats", "report")) {
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = io.datapilot.Datapilot.execute(new String[] {command, "--config", CONFIG.toString(), "--warehouse",
                    warehouse.toString(), "--reports-dir", reports.toString(), "--run-date", RUN.toString()},
                    new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(code).as(err.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
        }
        // the statistics in long format, for the tuned table, in one Delta table per analysis
        for (String table : io.datapilot.stats.StatsStage.TABLES) {
            assertThat(Ingest.table(warehouse, "gold." + table).columns()).as(table).contains("table", "_run_date");
        }
        org.apache.spark.sql.Dataset<Row> univariate = Ingest.table(warehouse, "gold.stats_univariate");
        assertThat(univariate.where("table = 'silver.animaux_suivi' AND column = 'poids_kg' AND statistic = 'mean'").count()).isOne();
        assertThat(Ingest.table(warehouse, "gold.stats_target").where("target = 'vaccine'").count()).isPositive();
        // a rerun of the same run date replaces the statistics
        long rows = univariate.count();
        io.datapilot.Datapilot.execute(new String[] {"stats", "--config", CONFIG.toString(), "--warehouse", warehouse.toString(),
                "--run-date", RUN.toString()}, new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()));
        assertThat(Ingest.table(warehouse, "gold.stats_univariate").count()).isEqualTo(rows);

        Path site = reports.resolve(RUN + "/site");
        assertThat(site.resolve("index.html")).content(java.nio.charset.StandardCharsets.UTF_8).contains("<html lang=\"fr\">")
                .contains("Tableau de bord").contains("Clinique vétérinaire des Tilleuls").contains("30/06/2024");
        assertThat(site.resolve("univarie.html")).content(java.nio.charset.StandardCharsets.UTF_8).contains("Distribution de Poids (kg)").contains("<code>poids_kg</code>")
                .contains("role=\"img\"");
        try (java.util.stream.Stream<Path> svgs = java.nio.file.Files.list(site.resolve("charts"))) {
            List<Path> charts = svgs.toList();
            assertThat(charts).as("only the charts, no checksum file").allMatch(chart -> chart.getFileName().toString().endsWith(".svg"));
            assertThat(charts).isNotEmpty();
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            for (Path chart : charts) {
                org.w3c.dom.Document svg = factory.newDocumentBuilder().parse(chart.toFile());
                assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).as(chart.toString()).isNotBlank();
                assertThat(svg.getElementsByTagName("desc").item(0).getTextContent()).as(chart.toString()).isNotBlank();
            }
        }
        assertThat(site.resolve("chargement.html")).content(java.nio.charset.StandardCharsets.UTF_8)
                .contains("silver.animaux_suivi : table trop petite pour que les temps aient un sens").contains("load.timing_min_mb")
                .as("no speed-up chart for a table too small to time").doesNotContain("fig-acceleration");
        // no train stage ran: the models page says so, the index has no best model, and the report is written all the same
        assertThat(site.resolve("modeles.html")).content(java.nio.charset.StandardCharsets.UTF_8)
                .contains("Aucun modèle n’a été entraîné pour l’exécution du 30/06/2024");
        assertThat(site.resolve("index.html")).content(java.nio.charset.StandardCharsets.UTF_8)
                .contains("aucun modèle n’a encore été entraîné").contains("href=\"modeles.html\"");
        // the documents people open, and nothing else: no Hadoop checksum file next to them
        for (Path written : List.of(reports, warehouse.getParent().resolve("reports"))) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(written)) {
                List<Path> all = files.filter(java.nio.file.Files::isRegularFile).toList();
                assertThat(all).as(written + " holds the audit or the site").isNotEmpty();
                assertThat(all).as("no .crc file in " + written).noneMatch(file -> file.getFileName().toString().endsWith(".crc"));
            }
        }
        io.datapilot.testing.SiteChecks.accessible(site);
        io.datapilot.testing.SiteChecks.validNotebook(site.resolve(io.datapilot.report.ReportStage.NOTEBOOK));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                site.resolve(io.datapilot.report.ReportStage.WORKBOOK).toFile())) {
            assertThat(workbook.getNumberOfSheets()).isGreaterThanOrEqualTo(15);
            org.apache.poi.ss.usermodel.Sheet numeric = java.util.stream.StreamSupport.stream(workbook.spliterator(), false)
                    .filter(sheet -> sheet.getSheetName().startsWith("Variables numériques")).findFirst().orElseThrow();
            // each variable as the client's label, then its technical name, then its figures as numbers
            org.apache.poi.ss.usermodel.Row header = numeric.getRow(0);
            int technical = -1;
            for (int cell = 0; cell < header.getLastCellNum(); cell++) {
                if (header.getCell(cell).getStringCellValue().endsWith("(nom technique)")) {
                    technical = cell;
                    break;
                }
            }
            assertThat(technical).as("a technical-name column").isPositive();
            assertThat(numeric.getRow(1).getCell(technical).getStringCellValue()).matches("[a-z0-9_]+");
            assertThat(numeric.getRow(1).getCell(technical + 1).getCellType()).as("numbers stay numbers")
                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(8)
    void writesTheReportInEnglishWhenConfigured() throws Exception {
        Path reports = warehouse.getParent().resolve("reports-en");
        io.datapilot.core.config.PipelineConfig english = new io.datapilot.core.config.PipelineConfig(config.project(), config.baseDir(),
                config.warehouse(), config.spark(), reports.toString(), config.sources(), config.dataset(), config.rgpd(), config.profile(),
                config.qualityGate(), config.clean(), config.load(), config.stats(), config.train(), config.governance(), config.watch(),
                new io.datapilot.core.config.ReportConfig(io.datapilot.core.config.ReportLocale.EN, "Clinic report"));
        io.datapilot.core.cli.GlobalOptions options = new io.datapilot.core.cli.GlobalOptions();
        options.runDate = RUN;
        try (io.datapilot.core.cli.RunContext context = new io.datapilot.core.cli.RunContext(options,
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()))) {
            context.useConfig(english);
            io.datapilot.report.ReportStage.outcome(context);
        }
        Path site = reports.resolve(RUN + "/site");
        assertThat(site.resolve("index.html")).content(java.nio.charset.StandardCharsets.UTF_8).contains("<html lang=\"en\">")
                .contains("<title>Dashboard – Clinic report</title>").contains("2024-06-30").contains("Skip to content");
        io.datapilot.testing.SiteChecks.accessible(site);
    }

    @Test
    @org.junit.jupiter.api.Order(9)
    void clustersByRunDateAndIndexWithLiquidClusteringThroughAWideningRewrite() {
        // the two cleaned run dates of the tests above, in a copy of the warehouse without the loaded tables
        Path copy = warehouse.getParent().resolve("warehouse-liquid");
        io.datapilot.core.fs.LocalFolders.copy(warehouse, copy, java.util.Set.of(warehouse.resolve("silver/animaux_suivi"),
                warehouse.resolve("silver/animaux_suivi_untuned")));
        io.datapilot.core.config.LoadConfig load = config.load();
        io.datapilot.core.config.PipelineConfig liquid = config.withLoad(new io.datapilot.core.config.LoadConfig(load.index(),
                load.targetFileMb(), load.compression(), "widen", "liquid"));
        Warehouse store = new Warehouse(copy.toString());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        String path = copy.resolve("silver/animaux_suivi").toString();
        LocalDate next = RUN.plusDays(1);
        long rows = new io.datapilot.load.LoadStage(TestSpark.session(), liquid, store, RUN, quiet).execute().get(0).rows();
        Row detail = io.delta.tables.DeltaTable.forPath(TestSpark.session(), path).detail().first();
        assertThat(detail.getList(detail.fieldIndex("partitionColumns"))).isEmpty();
        assertThat(detail.getList(detail.fieldIndex("clusteringColumns"))).containsExactly("_run_date", "identifiant_animal");
        assertThat(Ingest.table(copy, "silver.animaux_suivi").schema().fieldNames()).startsWith("identifiant_animal", "_run_date");
        assertThat(io.delta.tables.DeltaTable.forPath(TestSpark.session(), path).history().where("operation = 'OPTIMIZE'").count())
                .isPositive();

        // the second run date holds values beyond the first one's types (see the widening test): a rewrite, which
        // forgets the clustering, then the clustering set again; a rerun of the date replaces its rows
        new io.datapilot.load.LoadStage(TestSpark.session(), liquid, store, next, quiet).execute();
        long version = Ingest.version(copy, "silver.animaux_suivi");
        new io.datapilot.load.LoadStage(TestSpark.session(), liquid, store, next, quiet).execute();
        assertThat(Ingest.version(copy, "silver.animaux_suivi")).isGreaterThan(version);
        detail = io.delta.tables.DeltaTable.forPath(TestSpark.session(), path).detail().first();
        assertThat(detail.getList(detail.fieldIndex("clusteringColumns"))).containsExactly("_run_date", "identifiant_animal");
        assertThat(Ingest.table(copy, "silver.animaux_suivi").schema().apply("poids_kg").dataType().sql())
                .isEqualTo(Ingest.table(warehouse, "silver.animaux_suivi").schema().apply("poids_kg").dataType().sql());
        org.apache.spark.sql.Dataset<Row> tuned = Ingest.table(copy, "silver.animaux_suivi");
        assertThat(tuned.where("_run_date = DATE'2024-06-30'").count()).isEqualTo(rows);
        assertThat(tuned.count()).isEqualTo(Ingest.table(copy, "silver.animaux_suivi_clean").count());
        // every value the same as in the untuned table, both run dates, both directions
        org.apache.spark.sql.Dataset<Row> untuned = Ingest.table(copy, "silver.animaux_suivi_untuned");
        org.apache.spark.sql.Column[] asUntuned = java.util.Arrays.stream(untuned.schema().fields())
                .map(field -> org.apache.spark.sql.functions.col("`" + field.name() + "`").cast(field.dataType()).cast("string"))
                .toArray(org.apache.spark.sql.Column[]::new);
        assertThat(tuned.select(asUntuned).exceptAll(untuned.select(asUntuned)).count()).isZero();
        assertThat(untuned.select(asUntuned).exceptAll(tuned.select(asUntuned)).count()).isZero();
        assertThatThrownBy(() -> tuned.limit(1).withColumn("identifiant_animal", org.apache.spark.sql.functions.lit(null).cast("string"))
                .write().format("delta").mode("append").save(path)).hasMessageContaining("identifiant_animal");
        // the queries read the run date's files through the clustering columns' statistics (the join reads the table twice)
        List<io.datapilot.load.QueryBenchmark.Measure> measures = new io.datapilot.load.QueryBenchmark(TestSpark.session()).run(
                copy.resolve("silver/animaux_suivi_untuned").toString(), path, List.of("identifiant_animal"), next, 1, 0);
        assertThat(measures).hasSize(10).allSatisfy(measure -> assertThat(measure.filesRead()).as(measure.query())
                .isBetween(1L, 2 * measure.filesTotal()));

        // Delta cannot turn a clustered table into a partitioned one: refused, with the fix, nothing written
        io.datapilot.core.config.PipelineConfig zorder = config.withLoad(new io.datapilot.core.config.LoadConfig(load.index(),
                load.targetFileMb(), load.compression(), "widen", "zorder"));
        long before = Ingest.version(copy, "silver.animaux_suivi");
        assertThatThrownBy(() -> new io.datapilot.load.LoadStage(TestSpark.session(), zorder, store, RUN, quiet).execute())
                .isInstanceOf(DatapilotException.class).hasMessageContaining("load.clustering is zorder")
                .hasMessageContaining("clustered by liquid clustering").hasMessageContaining("Set load.clustering: liquid");
        assertThat(Ingest.version(copy, "silver.animaux_suivi")).isEqualTo(before);
    }
}
