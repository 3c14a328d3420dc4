package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.datapilot.core.config.SourceFormat;
import io.datapilot.ingest.IngestResult.SourceResult;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import io.datapilot.testing.Sample;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bundled sample, ingested with conf/pipeline.yaml and checked against its ground truth: the
 * ingestion of the sample's shared run (no later stage writes the bronze tables or the quarantine).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class SampleIngestionTest {
    private static final Path SAMPLE = Paths.root().resolve("data/sample");
    private Path warehouse;
    private IngestResult result;

    @BeforeAll
    void ingest() {
        Sample.Run run = Sample.run();
        warehouse = run.warehouse();
        result = run.ingest();
    }

    @Test
    void quarantinesExactlyTheRowsTheGroundTruthMarkedAsMalformed() throws IOException {
        Set<String> expected = groundTruth("anomalies.csv").stream()
                .filter(fields -> fields[4].equals("quarantine"))
                .map(fields -> fields[0] + "#" + fields[1]).collect(Collectors.toSet());
        Set<String> quarantined = Ingest.table(warehouse, "audit.quarantine").collectAsList().stream()
                .map(row -> row.getAs("source") + "#" + row.getAs("row_number")).collect(Collectors.toSet());
        assertThat(quarantined).isEqualTo(expected).isNotEmpty();
        for (SourceResult source : result.sources()) {
            assertThat(source.rowsRead()).isEqualTo(source.rowsLoaded() + source.rowsQuarantined());
            assertThat(Ingest.table(warehouse, "bronze." + source.source()).count()).isEqualTo(source.rowsLoaded());
        }
    }

    @Test
    void readsFrenchAmountsAndDatesExactly() throws IOException {
        Set<Long> quarantinedLines = Ingest.table(warehouse, "audit.quarantine").where("source = 'lignes_commandes'")
                .collectAsList().stream().map(row -> row.<Long>getAs("row_number")).collect(Collectors.toSet());
        BigDecimal expectedTotal = BigDecimal.ZERO;
        Map<Integer, Long> expectedPerYear = new TreeMap<>();
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(';');
        settings.setHeaderExtractionEnabled(true);
        settings.setMaxCharsPerColumn(-1);
        try (Reader reader = Files.newBufferedReader(SAMPLE.resolve("lignes_commandes.csv"), Charset.forName("windows-1252"))) {
            CsvParser parser = new CsvParser(settings);
            parser.beginParsing(reader);
            String[] record;
            long number = 0;
            while ((record = parser.parseNext()) != null) {
                number++;
                if (quarantinedLines.contains(number)) {
                    continue;
                }
                String amount = record[12].replace(" ", "").replace("\u00A0", "").replace(',', '.');
                expectedTotal = expectedTotal.add(new BigDecimal(amount));
                expectedPerYear.merge(Integer.parseInt(record[3].substring(6, 10)), 1L, Long::sum);
            }
        }
        Dataset<Row> lines = Ingest.table(warehouse, "bronze.lignes_commandes");
        BigDecimal total = lines.agg(org.apache.spark.sql.functions.sum("montant_ttc_eur")).first().getDecimal(0);
        assertThat(total).isEqualByComparingTo(expectedTotal);
        Map<Integer, Long> perYear = lines.groupBy(org.apache.spark.sql.functions.year(
                        org.apache.spark.sql.functions.col("date_de_commande")).alias("year")).count().collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getInt(0), row -> row.getLong(1), (a, b) -> a, TreeMap::new));
        assertThat(perYear).isEqualTo(expectedPerYear);
    }

    @Test
    void leavesNullExactlyWhereTheGroundTruthRemovedAValue() throws IOException {
        Map<String, Set<String>> missingByColumn = groundTruth("missing_cells.csv").stream()
                .collect(Collectors.groupingBy(fields -> fields[0] + "." + fields[2],
                        Collectors.mapping(fields -> fields[1], Collectors.toSet())));
        for (String column : List.of("clients.email", "clients.telephone", "clients.date_de_naissance",
                "clients.depenses_annee_suivante", "lignes_commandes.remise_pct", "lignes_commandes.mode_de_paiement")) {
            String[] parts = column.split("\\.");
            Set<String> nullRows = Ingest.table(warehouse, "bronze." + parts[0]).where(parts[1] + " IS NULL").collectAsList()
                    .stream().map(row -> String.valueOf(row.<Long>getAs("_row_number"))).collect(Collectors.toSet());
            Set<String> loadedMissing = new HashSet<>(missingByColumn.get(column));
            loadedMissing.retainAll(loadedRows(parts[0]));
            assertThat(nullRows).as(column).isEqualTo(loadedMissing);
        }
    }

    @Test
    void typesTheSampleAsItsConfigurationAndContentSay() {
        Dataset<Row> customers = Ingest.table(warehouse, "bronze.clients");
        // personal data treated as conf/pipeline.yaml says, before the first write
        assertThat(customers.schema().apply("date_de_naissance").dataType()).as("generalised to the year").isEqualTo(DataTypes.IntegerType);
        assertThat(customers.columns()).doesNotContain("nom", "prenom", "adresse");
        assertThat(customers.where("email IS NOT NULL AND NOT email RLIKE '^[0-9a-f]{64}$'").count()).isZero();
        assertThat(customers.where("telephone IS NOT NULL AND NOT telephone RLIKE '^[*+. ]*[0-9]{2}$'").count()).isZero();
        assertThat(customers.where("length(code_postal) > 3").count()).isZero();
        assertThat(customers.schema().apply("date_d_inscription").dataType()).isEqualTo(DataTypes.DateType);
        assertThat(customers.schema().apply("code_postal").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(customers.schema().apply("carte_fidelite").dataType()).isEqualTo(DataTypes.BooleanType);
        assertThat(customers.schema().apply("depenses_annee_suivante").dataType()).isEqualTo(DataTypes.createDecimalType(12, 2));
        assertThat(customers.where("code_postal LIKE '0%'").count()).as("départements 01 to 09").isPositive();
        assertThat(customers.where("year(date_d_inscription) < 2015 OR year(date_d_inscription) > 2024").count()).isZero();
        Dataset<Row> lines = Ingest.table(warehouse, "bronze.lignes_commandes");
        assertThat(lines.schema().apply("date_de_commande").dataType()).isEqualTo(DataTypes.TimestampType);
        assertThat(lines.schema().apply("date_de_livraison").dataType()).isEqualTo(DataTypes.DateType);
        assertThat(lines.schema().apply("id_client").dataType()).isEqualTo(DataTypes.StringType);
        Dataset<Row> shops = Ingest.table(warehouse, "bronze.magasins");
        assertThat(shops.schema().apply("adresse_code_postal").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(shops.schema().apply("date_ouverture").dataType()).isEqualTo(DataTypes.DateType);
        assertThat(result.sources()).extracting(SourceResult::format)
                .containsExactly(SourceFormat.XLSX, SourceFormat.CSV, SourceFormat.JSON);
    }

    @Test
    void buildsOneRowPerLoadedCustomerWithTheirOrdersAndShop() {
        Dataset<Row> dataset = Ingest.table(warehouse, "bronze.clients_360");
        assertThat(dataset.count()).isEqualTo(Ingest.table(warehouse, "bronze.clients").count());
        assertThat(dataset.columns()).contains("nb_commandes", "chiffre_affaires", "derniere_commande", "categorie_preferee",
                "magasin_adresse_ville", "resilie", "depenses_annee_suivante");
        // duplicated customer rows (kept for the cleaning stage) each carry their customer's orders
        long ordersInDataset = dataset.dropDuplicates("id_client").agg(org.apache.spark.sql.functions.sum("nb_lignes"))
                .first().getLong(0);
        assertThat(ordersInDataset).isEqualTo(result.dataset().orElseThrow().relations().get(0).matchedRows());
        long unknownShop = groundTruth("anomalies.csv", "clients", "unknown_key");
        assertThat(result.dataset().orElseThrow().relations().get(1).baseRowsWithoutMatch()).isEqualTo(unknownShop);
    }

    private Set<String> loadedRows(String source) {
        return Ingest.table(warehouse, "bronze." + source).select("_row_number").collectAsList().stream()
                .map(row -> String.valueOf(row.getLong(0))).collect(Collectors.toSet());
    }

    private long groundTruth(String file, String source, String kind) {
        try {
            Set<String> quarantined = Ingest.table(warehouse, "audit.quarantine").collectAsList().stream()
                    .map(row -> row.getAs("source") + "#" + row.getAs("row_number")).collect(Collectors.toSet());
            return groundTruth(file).stream()
                    .filter(fields -> fields[0].equals(source) && fields[3].equals(kind))
                    .filter(fields -> !quarantined.contains(fields[0] + "#" + fields[1])).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String[]> groundTruth(String file) throws IOException {
        return Files.readAllLines(SAMPLE.resolve("ground_truth").resolve(file), StandardCharsets.UTF_8).stream()
                .skip(1).map(line -> line.split(";", -1)).toList();
    }
}
