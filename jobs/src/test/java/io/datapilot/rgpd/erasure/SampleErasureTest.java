package io.datapilot.rgpd.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import io.datapilot.Datapilot;
import io.datapilot.rgpd.SampleValues;
import io.datapilot.testing.OutputScanner;
import io.datapilot.testing.Sample;
import io.datapilot.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The right to erasure and the retention periods on a copy of the bundled sample's run: after
 * {@code datapilot erase}, no data file, no file of any {@code _delta_log} and no report holds the
 * person's identifier, e-mail or pseudonym; the same request again changes nothing; retention lists
 * before it deletes.
 */
@Tag("slow")
class SampleErasureTest {
    private static final String CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

    /** What a command printed, and its exit code. */
    private record Outcome(int code, String out) {}

    @Test
    void erasesOnePersonFromEveryFileAndTheSameRequestAgainIsANoOp(@TempDir Path folder) throws Exception {
        Path warehouse = copy(Sample.run().warehouse(), folder.resolve("warehouse"));
        Path reports = copy(Sample.run().reports(), folder.resolve("reports"));
        // the tests' ingestion takes the demo key from the configuration's own warehouse: the copy gets it too
        copy(io.datapilot.testing.Paths.root().resolve("warehouse/_keys"), warehouse.resolve("_keys"));
        SparkSession spark = TestSpark.session();
        // the smallest key is every statistics minimum of its files: the hardest person to erase from the logs
        String first = table(spark, warehouse, "bronze/clients").agg(org.apache.spark.sql.functions.min("id_client")).first().getString(0);
        Map<String, List<String>> customers = SampleValues.customers();
        String email = customers.get("email").get(customers.get("id_client").indexOf(first));
        String pseudonym = table(spark, warehouse, "bronze/clients").where(col("id_client").equalTo(first)).first().getAs("email");
        // a person with a quarantined row: their raw record is in audit.quarantine
        String quarantined = table(spark, warehouse, "audit/quarantine").where(col("source").equalTo("clients"))
                .selectExpr("get_json_object(raw_record, '$.id_client')").first().getString(0);
        long lines = table(spark, warehouse, "bronze/lignes_commandes").where(col("id_client").equalTo(first)).count();
        long clients = table(spark, warehouse, "bronze/clients").count();
        OutputScanner scanner = new OutputScanner(Set.of(email), List.of(first, pseudonym, quarantined));
        assertThat(scanner.scan(warehouse)).as("before the erasure").anyMatch(leak -> leak.contains("_delta_log"))
                .anyMatch(leak -> leak.contains("/bronze/clients/")).anyMatch(leak -> leak.contains("/audit/quarantine/"));
        assertThat(lines).isPositive();

        Outcome byEmail;
        Outcome byKey;
        spark.conf().set(CHECK, "false");
        try {
            byEmail = erase(warehouse, reports, "--subject-key", "email=" + email, "--request-id", "DPO-2026-001", "--received",
                    "2025-01-02", "--vacuum-hours", "0");
            byKey = erase(warehouse, reports, "--subject-key", "Identifiant client=" + quarantined, "--vacuum-hours", "0");
        } finally {
            spark.conf().set(CHECK, "true");
        }
        assertThat(byEmail.code()).as(byEmail.out()).isZero();
        assertThat(byKey.code()).as(byKey.out()).isZero();
        assertThat(byEmail.out()).contains("Request DPO-2026-001", "bronze.clients", "bronze.lignes_commandes", "silver.clients_360")
                .doesNotContain(email, first, pseudonym);
        assertThat(table(spark, warehouse, "bronze/clients").count()).isEqualTo(clients - 1);
        assertThat(table(spark, warehouse, "bronze/lignes_commandes").where(col("id_client").equalTo(first)).count()).isZero();
        assertThat(table(spark, warehouse, "audit/quarantine").where(col("raw_record").contains(quarantined)).count()).isZero();

        List<String> leaks = new ArrayList<>(scanner.scan(warehouse, reports));
        assertThat(leaks).as("files still holding the subjects' values").isEmpty();

        Dataset<Row> log = table(spark, warehouse, "governance/erasure_log");
        assertThat(log.where(col("request_id").equalTo("DPO-2026-001")).select("table_name").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList()).contains("bronze.clients", "bronze.lignes_commandes", "bronze.clients_360", "silver.clients_360",
                        "gold.ml_split");
        Row clientsLine = log.where(col("request_id").equalTo("DPO-2026-001").and(col("table_name").equalTo("bronze.clients"))).first();
        assertThat(clientsLine.<Long>getAs("rows_deleted")).isEqualTo(1L);
        assertThat(clientsLine.<Long>getAs("version_after")).isGreaterThan(clientsLine.<Long>getAs("version_before"));
        assertThat(clientsLine.<Integer>getAs("delay_days")).isPositive();
        assertThat(log.where(col("table_name").equalTo("audit.quarantine")).count()).isEqualTo(1);
        assertThat(scanner.scanText("erasure log", log.toJSON().collectAsList().toString())).isEmpty();
        assertThat(reports.resolve(Sample.RUN + "/" + ReportMarks.FILE)).content().contains("DPO-2026-001", "bronze.clients");

        long entries = log.count();
        long version = io.datapilot.core.delta.DeltaMaintenance.version(spark, warehouse.resolve("bronze/clients").toString());
        Outcome again = erase(warehouse, reports, "--subject-key", "email=" + email, "--request-id", "DPO-2026-001");
        assertThat(again.code()).as(again.out()).isZero();
        assertThat(again.out()).contains("already handled", "nothing to do");
        assertThat(table(spark, warehouse, "governance/erasure_log").count()).isEqualTo(entries);
        assertThat(io.datapilot.core.delta.DeltaMaintenance.version(spark, warehouse.resolve("bronze/clients").toString())).isEqualTo(version);
    }

    @Test
    void retentionListsExpiredRunDatesAndDeletesThemOnlyWithApply(@TempDir Path folder) throws Exception {
        Path warehouse = copy(Sample.run().warehouse(), folder.resolve("warehouse"));
        Path reports = copy(Sample.run().reports(), folder.resolve("reports"));
        SparkSession spark = TestSpark.session();
        long quarantine = table(spark, warehouse, "audit/quarantine").count();
        long clients = table(spark, warehouse, "bronze/clients").count();
        // the sample keeps audit.quarantine 90 days and every other table 395: 100 days later only the quarantine is out of date
        String later = Sample.RUN.plusDays(100).toString();
        Outcome dryRun = command("retention", warehouse, reports, "--run-date", later);
        assertThat(dryRun.code()).as(dryRun.out()).isZero();
        assertThat(dryRun.out()).contains("audit.quarantine: 90 days (audit.quarantine)", quarantine + " row(s) of 1 run date(s) to delete",
                "Dry run");
        assertThat(table(spark, warehouse, "audit/quarantine").count()).isEqualTo(quarantine);

        Outcome apply = command("retention", warehouse, reports, "--run-date", later, "--apply");
        assertThat(apply.code()).as(apply.out()).isZero();
        assertThat(table(spark, warehouse, "audit/quarantine").count()).isZero();
        assertThat(table(spark, warehouse, "bronze/clients").count()).isEqualTo(clients);
        Dataset<Row> log = table(spark, warehouse, "governance/retention_log").where(col("table_name").equalTo("audit.quarantine"));
        assertThat(log.select("mode", "rows_deleted").collectAsList()).extracting(Row::toString)
                .containsExactlyInAnyOrder("[dry-run," + quarantine + "]", "[apply," + quarantine + "]");
    }

    private static Outcome erase(Path warehouse, Path reports, String... options) {
        return command("erase", warehouse, reports, options);
    }

    private static Outcome command(String name, Path warehouse, Path reports, String... options) {
        List<String> arguments = new ArrayList<>(List.of(name, "--config", Sample.CONFIG.toString(), "--warehouse", warehouse.toString(),
                "--reports-dir", reports.toString()));
        if (!List.of(options).contains("--run-date")) {
            arguments.addAll(List.of("--run-date", Sample.RUN.toString()));
        }
        arguments.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Datapilot.execute(arguments.toArray(String[]::new), print, print);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8));
    }

    private static Dataset<Row> table(SparkSession spark, Path warehouse, String table) {
        return spark.read().format("delta").load(warehouse.resolve(table).toString());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
