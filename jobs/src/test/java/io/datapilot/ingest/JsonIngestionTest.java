package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.ingest.IngestResult.SourceResult;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON document (an array of nested objects) with an array exploded into one row per element. */
class JsonIngestionTest {

    @Test
    void explodesTheConfiguredArrayAndFlattensItsObjects(@TempDir Path folder, @TempDir Path warehouse) throws Exception {
        Path config = folder.resolve("pipeline.yaml");
        Files.writeString(config, """
                sources:
                  - name: horaires
                    path: %s
                    json: { explode: [horaires] }
                    columns:
                      adresse.code_postal: { type: string }
                rgpd: { demo_key: true }
                """.formatted(Paths.root().resolve("data/sample/magasins.json")));
        IngestResult result = Ingest.run(config, warehouse, LocalDate.of(2025, 1, 6));
        SourceResult shops = result.sources().get(0);
        assertThat(shops.rowsRead()).isEqualTo(13 * 6);
        assertThat(shops.rowsQuarantined()).isZero();
        Dataset<Row> table = Ingest.table(warehouse, "bronze.horaires");
        assertThat(table.columns()).contains("id_magasin", "adresse_ville", "geo_lat", "horaires_jour", "horaires_ouverture",
                "services", "responsable_email").doesNotContain("horaires");
        assertThat(table.schema().apply("services").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.StringType));
        assertThat(table.schema().apply("effectif").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(table.schema().apply("date_ouverture").dataType()).isEqualTo(DataTypes.DateType);
        List<Row> nice = table.where("id_magasin = 'M09'").orderBy("horaires_jour").collectAsList();
        assertThat(nice).hasSize(6).allSatisfy(row -> {
            assertThat(row.<String>getAs("adresse_code_postal")).as("generalised by default").isEqualTo("06");
            assertThat(row.<String>getAs("horaires_ouverture")).isEqualTo("10:00");
            assertThat(row.<Long>getAs("_row_number")).as("the element of the document").isEqualTo(9L);
        });
        assertThat(nice).extracting(row -> row.getAs("horaires_jour"))
                .containsExactly("jeudi", "lundi", "mardi", "mercredi", "samedi", "vendredi");
    }
}
