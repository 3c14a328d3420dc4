package io.datapilot.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.ingest.IngestCheck;
import io.datapilot.testing.Paths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

    @Test
    void writesTheSameCaseForTheSameSeedAndAnotherForAnotherSeed(@TempDir Path first, @TempDir Path second, @TempDir Path other)
            throws IOException {
        SampleGenerator.into(first).rows(2_000).seed(7).execute();
        SampleGenerator.into(second).rows(2_000).seed(7).execute();
        SampleGenerator.into(other).rows(2_000).seed(8).execute();
        for (String file : List.of("lignes_commandes.csv", "magasins.json", "ground_truth/missing_cells.csv", "ground_truth/anomalies.csv")) {
            assertThat(Files.readAllBytes(first.resolve(file))).as(file).isEqualTo(Files.readAllBytes(second.resolve(file)));
        }
        assertThat(Files.readAllBytes(first.resolve("lignes_commandes.csv"))).isNotEqualTo(Files.readAllBytes(other.resolve("lignes_commandes.csv")));
    }

    @Test
    void writesAFrenchExportAndAGroundTruthThatAgree(@TempDir Path folder) throws IOException {
        SampleGenerator.Summary summary = SampleGenerator.into(folder).rows(3_000).seed(11).execute();
        List<String> lines = Files.readAllLines(folder.resolve("lignes_commandes.csv"), Charset.forName("windows-1252"));
        assertThat(lines.get(0)).startsWith("N° commande;N° ligne;N° client;Date de commande").contains("Montant TTC (€)");
        assertThat(lines).hasSize(3_001);
        assertThat(summary.orderLines()).isEqualTo(3_000);
        assertThat(lines.stream().skip(1).filter(line -> line.matches(".*;\\d{1,3}[ \u00A0]\\d{3},\\d{2};.*")).count())
                .as("amounts of a thousand euros and more, grouped the French way").isPositive();
        assertThat(new String(Files.readAllBytes(folder.resolve("lignes_commandes.csv")), StandardCharsets.ISO_8859_1)).contains("\r\n");

        JsonNode truth = new ObjectMapper().readTree(folder.resolve("ground_truth/summary.json").toFile());
        assertThat(truth.get("order_lines").asLong()).isEqualTo(3_000);
        assertThat(truth.at("/missing_cells/clients/revenu_annuel_estime_eur/mechanism").asText()).isEqualTo("MNAR");
        assertThat(truth.at("/missing_cells/clients/telephone/mechanism").asText()).isEqualTo("MAR");
        assertThat(truth.at("/anomalies/lignes_commandes/negative_quantity").asLong()).isPositive();
        List<String> anomalies = Files.readAllLines(folder.resolve("ground_truth/anomalies.csv"));
        for (String anomaly : anomalies.subList(1, anomalies.size())) {
            String[] fields = anomaly.split(";", -1);
            if (fields[0].equals("lignes_commandes") && fields[3].equals("negative_quantity")) {
                String line = lines.get(Integer.parseInt(fields[1]));
                assertThat(line.split(";")[9]).as("record " + fields[1]).startsWith("-");
            }
        }
        try (InputStream in = Files.newInputStream(folder.resolve("clients.xlsx")); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet customers = workbook.getSheet("Clients");
            assertThat(customers.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Identifiant client");
            assertThat(customers.getLastRowNum() + 1 - 4).isEqualTo(summary.customerRows());
        }
    }

    @Test
    void writesAConfigurationThatValidatesWithoutChange(@TempDir Path folder) throws IOException {
        SampleGenerator.into(folder).rows(500).seed(3).execute();
        IngestCheck.Checked checked = IngestCheck.check(folder.resolve("pipeline.yaml"));
        assertThat(checked.plan().sources()).containsKeys("clients", "lignes_commandes", "magasins");
        assertThat(checked.config().warehouse()).isEqualTo(folder.resolve("warehouse").toString());
        // the governance files of the case come with it, and the team's files read as they are
        assertThat(checked.config().governance().plan()).isEqualTo(folder.resolve("plan_projet.csv").toString());
        io.datapilot.governance.GovernanceInputs.check(checked.config());
    }

    @Test
    void theBundledConfigurationIsTheTemplateOfTheGenerator() throws IOException {
        assertThat(Files.readString(Paths.root().resolve("conf/pipeline.yaml")))
                .isEqualTo(SampleGenerator.renderConfig("..", "data/sample/", "conf/"));
    }
}
