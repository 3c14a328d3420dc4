package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datapilot.ingest.IngestResult.RelationResult;
import io.datapilot.ingest.IngestResult.SourceResult;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set that is not the sample (a veterinary clinic), described only by its own config:
 * CSV with a BOM, a comma separator and a multi-line field; JSON lines with nested objects and a
 * broken line; a multi-line JSON lookup with a duplicated key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class ClinicIngestionTest {
    private static final Path CONFIG = Paths.resource("datasets/clinique/pipeline.yaml");
    private static final LocalDate RUN = LocalDate.of(2024, 6, 30);

    private Path warehouse;
    private IngestResult result;

    @BeforeAll
    void ingest(@TempDir Path folder) {
        warehouse = folder;
        result = Ingest.run(CONFIG, warehouse, RUN);
    }

    private SourceResult source(String name) {
        return result.sources().stream().filter(source -> source.source().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void conservesCountsPerSource() {
        assertThat(source("animaux")).extracting(SourceResult::rowsRead, SourceResult::rowsLoaded, SourceResult::rowsQuarantined)
                .containsExactly(8L, 6L, 2L);
        assertThat(source("consultations")).extracting(SourceResult::rowsRead, SourceResult::rowsLoaded, SourceResult::rowsQuarantined)
                .containsExactly(10L, 8L, 2L);
        assertThat(source("proprietaires")).extracting(SourceResult::rowsRead, SourceResult::rowsLoaded, SourceResult::rowsQuarantined)
                .containsExactly(5L, 5L, 0L);
        assertThat(Ingest.table(warehouse, "bronze.animaux").count()).isEqualTo(6);
        assertThat(Ingest.table(warehouse, "audit.quarantine").where("source = 'animaux'").count()).isEqualTo(2);
    }

    @Test
    void typesColumnsAndKeepsMultiLineFieldsAndNoByteOrderMark() {
        Dataset<Row> animals = Ingest.table(warehouse, "bronze.animaux");
        StructType schema = animals.schema();
        assertThat(schema.apply("identifiant_animal").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(schema.apply("date_de_naissance").dataType()).isEqualTo(DataTypes.DateType);
        assertThat(schema.apply("poids_kg").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(schema.apply("vaccine").dataType()).isEqualTo(DataTypes.BooleanType);
        assertThat(schema.apply("_row_number").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(schema.apply("_run_date").dataType()).isEqualTo(DataTypes.DateType);
        assertThat(schema.apply("poids_kg").metadata().getString("datapilot.original_name")).isEqualTo("Poids (kg)");
        Row coco = animals.where("identifiant_animal = 'A003'").first();
        assertThat(coco.<String>getAs("notes")).isEqualTo("Parle beaucoup,\nsurtout le matin");
        assertThat(coco.<String>getAs("nom_de_l_animal")).as("kept, with a justification").isEqualTo("Coco");
        assertThat(coco.<Date>getAs("date_de_naissance")).isEqualTo(Date.valueOf("2010-01-20"));
        assertThat(coco.<Double>getAs("poids_kg")).isEqualTo(0.4);
        assertThat(coco.<Boolean>getAs("vaccine")).isTrue();
        assertThat(coco.<Long>getAs("_row_number")).isEqualTo(3L);
        assertThat(coco.<String>getAs("_source_file")).endsWith("animaux.csv");
    }

    @Test
    void flattensNestedJsonAndReadsFrenchAmounts() {
        Dataset<Row> visits = Ingest.table(warehouse, "bronze.consultations");
        assertThat(visits.columns()).contains("veterinaire_nom", "veterinaire_ordre", "actes", "date_consultation");
        assertThat(visits.schema().apply("montant").dataType()).isEqualTo(DataTypes.createDecimalType(8, 2));
        assertThat(visits.schema().apply("veterinaire_ordre").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(visits.schema().apply("actes").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.StringType));
        Row detartrage = visits.where("id = 'V04'").first();
        assertThat(detartrage.<BigDecimal>getAs("montant")).isEqualByComparingTo("1120.00");
        // a person's name: pseudonymised by default, before the first write
        assertThat(detartrage.<String>getAs("veterinaire_nom")).matches("[0-9a-f]{64}");
        assertThat(detartrage.getList(detartrage.fieldIndex("actes"))).containsExactly("anesthésie", "détartrage");
    }

    @Test
    void quarantinesBadRowsWithFileRowNumberRawContentAndReason() {
        List<Row> quarantined = Ingest.table(warehouse, "audit.quarantine").orderBy("source", "row_number").collectAsList();
        assertThat(quarantined).extracting(row -> row.getAs("source") + "#" + row.getAs("row_number"))
                .containsExactly("animaux#4", "animaux#6", "consultations#6", "consultations#10");
        assertThat(quarantined.get(0).<String>getAs("reason")).isEqualTo("column poids_kg: expected a number written like 1 234,56 or 1234.56");
        assertThat(quarantined.get(0).<String>getAs("raw_record")).contains("\"poids_kg\":\"lourd\"");
        assertThat(quarantined.get(1).<String>getAs("reason")).contains("malformed record: wrong number of fields");
        // the animals' personal-looking columns are kept with a justification, so the line is kept as read
        assertThat(quarantined.get(1).<String>getAs("raw_record")).isEqualTo("A006,Félix,Chat,2016-02-29,5.1,P02");
        assertThat(quarantined.get(2).<String>getAs("reason")).isEqualTo("malformed JSON record");
        assertThat(quarantined.get(3).<String>getAs("reason")).contains("date_consultation").contains("yyyy-MM-dd");
        assertThat(quarantined).allSatisfy(row -> {
            assertThat(row.<String>getAs("file")).isNotBlank();
            assertThat(row.<String>getAs("location")).startsWith("record ");
            assertThat(row.<Date>getAs("_run_date")).isEqualTo(Date.valueOf(RUN));
        });
    }

    @Test
    void aggregatesTheFinerSourceToTheAnimalGrain() {
        Map<String, Row> byAnimal = Ingest.table(warehouse, "bronze.animaux_suivi").collectAsList().stream()
                .collect(Collectors.toMap(row -> row.getAs("identifiant_animal"), row -> row));
        assertThat(byAnimal).hasSize(6).containsKeys("A001", "A002", "A003", "A005", "A007", "A008");
        Row rex = byAnimal.get("A001");
        assertThat(rex.<Long>getAs("nb_consultations")).isEqualTo(3L);
        assertThat(rex.<BigDecimal>getAs("total_facture")).isEqualByComparingTo("168.50");
        assertThat(rex.<BigDecimal>getAs("facture_moyenne").doubleValue()).isCloseTo(56.1667, within(0.001));
        assertThat(rex.<Date>getAs("premiere_visite")).isEqualTo(Date.valueOf("2024-01-05"));
        assertThat(rex.<Date>getAs("derniere_visite")).isEqualTo(Date.valueOf("2024-06-01"));
        assertThat(rex.<String>getAs("premier_motif")).isEqualTo("Vaccin");
        assertThat(rex.<String>getAs("dernier_motif")).isEqualTo("Boiterie");
        assertThat(rex.<String>getAs("motif_frequent")).isEqualTo("Boiterie");
        assertThat(rex.<Long>getAs("nb_veterinaires")).isEqualTo(2L);
        assertThat(rex.<String>getAs("proprietaire_nom")).matches("[0-9a-f]{64}");
        // the owner's postcode is generalised to the département by default
        assertThat(rex.<String>getAs("proprietaire_adresse_code_postal")).isEqualTo("69");
        Row nemo = byAnimal.get("A005");
        assertThat(nemo.<Long>getAs("nb_consultations")).isZero();
        assertThat(nemo.<BigDecimal>getAs("total_facture")).isEqualByComparingTo("0");
        assertThat(nemo.<Object>getAs("facture_moyenne")).isNull();
        assertThat(nemo.<String>getAs("proprietaire_ville")).isEqualTo("Lille");
        assertThat(byAnimal.get("A008").<String>getAs("proprietaire_nom")).isNull();
    }

    @Test
    void countsKeysThatDoNotMatchInBothDirections() {
        RelationResult visits = relation("consultations");
        assertThat(visits).extracting(RelationResult::sourceRows, RelationResult::matchedRows, RelationResult::unmatchedRows,
                RelationResult::unmatchedKeys, RelationResult::nullKeyRows, RelationResult::baseRowsWithoutMatch)
                .containsExactly(8L, 5L, 2L, 1L, 1L, 3L);
        RelationResult owners = relation("proprietaires");
        assertThat(owners).extracting(RelationResult::sourceRows, RelationResult::sourceKeys, RelationResult::matchedRows,
                RelationResult::unmatchedRows, RelationResult::duplicateKeys, RelationResult::baseRowsWithoutMatch)
                .containsExactly(5L, 4L, 3L, 2L, 1L, 2L);
        Row written = Ingest.table(warehouse, "audit.join_report").where("source = 'consultations'").first();
        assertThat(written.<Long>getAs("unmatched_rows")).isEqualTo(2L);
        assertThat(written.<Long>getAs("base_rows")).isEqualTo(6L);
    }

    /** The audit works on a data set described only by its own configuration. */
    @Test
    void auditsTheClinicToo() throws Exception {
        Path reports = warehouse.resolve("../reports").normalize();
        io.datapilot.profile.AuditResult audit = io.datapilot.profile.Audit.of(io.datapilot.testing.TestSpark.session(),
                        io.datapilot.testing.Configs.load(CONFIG, warehouse, reports))
                .runDate(RUN).progressTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).execute();
        assertThat(audit.profiles()).extracting(io.datapilot.profile.TableProfile::table)
                .containsExactly("bronze.animaux", "bronze.consultations", "bronze.proprietaires", "bronze.animaux_suivi");
        assertThat(audit.alerts()).anySatisfy(alert -> {
            assertThat(alert.table()).isEqualTo("bronze.proprietaires");
            assertThat(alert.kind()).isEqualTo(io.datapilot.profile.Alert.Kind.DUPLICATE_LOOKUP_KEYS);
        });
        assertThat(audit.alerts()).anySatisfy(alert -> {
            assertThat(alert.table()).isEqualTo("bronze.consultations");
            assertThat(alert.kind()).isEqualTo(io.datapilot.profile.Alert.Kind.INVALID_DATE);
            assertThat(alert.column()).isEqualTo("date_consultation");
        });
        assertThat(audit.dictionary()).anySatisfy(entry -> {
            assertThat(entry.column()).isEqualTo("poids_kg");
            assertThat(entry.originalNames()).isEqualTo("Poids (kg)");
            assertThat(entry.unit()).isEqualTo("kg");
        });
        assertThat(audit.register().markdown("2024-06-30")).contains("| animaux | nom_de_l_animal |").contains("keep");
        for (String table : List.of("audit.column_profiles", "audit.quality_alerts", "audit.data_dictionary", "audit.volumetry")) {
            assertThat(Ingest.table(warehouse, table).count()).as(table).isPositive();
        }
        assertThat(reports.resolve("2024-06-30/audit/rapport_audit.md")).exists();
        assertThat(reports.resolve("2024-06-30/audit/registre_des_traitements.xlsx")).exists();
    }

    private RelationResult relation(String source) {
        return result.dataset().orElseThrow().relations().stream().filter(relation -> relation.source().equals(source))
                .findFirst().orElseThrow();
    }

    @Test
    void keepsOriginalNamesAndTypeOriginsForTheDataDictionary() {
        Map<String, Row> columns = Ingest.table(warehouse, "audit.column_origins").where("source = 'animaux'").collectAsList()
                .stream().collect(Collectors.toMap(row -> row.getAs("column"), row -> row));
        assertThat(columns.get("identifiant_animal").<String>getAs("original_name")).isEqualTo("Identifiant animal");
        assertThat(columns.get("poids_kg").<String>getAs("unit")).isEqualTo("kg");
        assertThat(columns.get("date_de_naissance").<String>getAs("type")).isEqualTo("date");
        assertThat(columns.get("date_de_naissance").<String>getAs("type_origin")).isEqualTo("detected");
        assertThat(columns.get("date_de_naissance").<String>getAs("formats")).isEqualTo("yyyy-M-d");
        assertThat(columns.get("proprietaire").<String>getAs("type_origin")).isEqualTo("detected");
    }
}
