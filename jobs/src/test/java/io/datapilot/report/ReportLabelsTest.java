package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.Datapilot;
import io.datapilot.core.cli.GlobalOptions;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.ReportConfig;
import io.datapilot.core.config.ReportLocale;
import io.datapilot.testing.Configs;
import io.datapilot.testing.Paths;
import io.datapilot.testing.SiteChecks;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The whole pipeline through the command line on weather stations described by a minimal
 * configuration (only sources and data set): the report, its charts, workbook and notebook name the
 * variables by the client's headers with their units, and keep the technical names at hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class ReportLabelsTest {
    private static final Path CONFIG = Paths.resource("datasets/meteo/pipeline.yaml");
    private static final LocalDate RUN = LocalDate.of(2024, 3, 31);
    private Path warehouse;
    private Path reports;

    @BeforeAll
    void runThePipeline(@TempDir Path folder) {
        warehouse = folder.resolve("warehouse");
        reports = folder.resolve("reports");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Datapilot.execute(new String[] {"run", "--skip", "query_timing", "--config", CONFIG.toString(), "--warehouse",
                warehouse.toString(), "--reports-dir", reports.toString(), "--run-date", RUN.toString()},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void showsTheClientsHeadersWithUnitsInChartsAndTablesAndTheTechnicalNamesBesideThem() throws Exception {
        Path site = reports.resolve(RUN + "/site");
        String univariate = Files.readString(site.resolve("univarie.html"), StandardCharsets.UTF_8);
        assertThat(univariate).contains("<h3>Distribution de Température moyenne annuelle (°C)</h3>")
                .contains("<h3>Distribution de Moyenne de Température max (°C) – releves</h3>")
                .contains("<h3>Fréquence des modalités de Catégorie de station</h3>")
                .contains("<code>temperature_moyenne_annuelle</code>")
                // the numeric summary names each variable, its technical name under it
                .contains("<th scope=\"row\">Altitude (m) <code class=\"technical\">altitude_m</code></th>")
                .contains("Humidité la plus forte (%) <code class=\"technical\">humidite_max</code>")
                .doesNotContain("Distribution de temperature_max_moyenne");
        String bivariate = Files.readString(site.resolve("bivarie.html"), StandardCharsets.UTF_8);
        assertThat(bivariate).contains("Somme de Précipitations (mm) – releves <code class=\"technical\">pluie_totale</code>");

        Document histogram = svg(site, "Distribution de Température moyenne annuelle (°C)");
        assertThat(texts(histogram)).contains("Température moyenne annuelle (°C)");
        Document heatmap = svg(site, "Corrélations de Pearson");
        assertThat(heatmap.getElementsByTagName("desc").item(0).getTextContent()).doesNotContain("_");
        assertThat(texts(heatmap)).contains("Altitude (m)", "Somme de Précipitations (mm) – releves");

        String dictionary = Files.readString(site.resolve("dictionnaire.html"), StandardCharsets.UTF_8);
        assertThat(dictionary).contains("<th scope=\"col\">Nom technique</th>")
                .contains("<th scope=\"row\">Température moyenne annuelle (°C)</th><td>temperature_moyenne_annuelle</td>");

        try (XSSFWorkbook workbook = new XSSFWorkbook(site.resolve(ReportStage.WORKBOOK).toFile())) {
            Sheet numeric = sheet(workbook, "Variables numériques");
            assertThat(cells(numeric.getRow(0))).startsWith("Colonne", "Colonne (nom technique)");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i <= numeric.getLastRowNum(); i++) {
                rows.add(cells(numeric.getRow(i)).subList(0, 2));
            }
            assertThat(rows).contains(List.of("Température moyenne annuelle (°C)", "temperature_moyenne_annuelle"),
                    List.of("Moyenne de Température max (°C) – releves", "temperature_max_moyenne"));
            assertThat(cells(sheet(workbook, "Fréquences").getRow(0))).startsWith("Colonne", "Colonne (nom technique)");
        }
        String notebook = Files.readString(site.resolve(ReportStage.NOTEBOOK), StandardCharsets.UTF_8);
        assertThat(notebook).contains("Distribution de Température moyenne annuelle (°C)")
                .contains("Altitude (m) (<code>altitude_m</code>)")
                .contains("SELECT column, statistic, value FROM gold.stats_univariate");
        SiteChecks.accessible(site);
        SiteChecks.validNotebook(site.resolve(ReportStage.NOTEBOOK));
    }

    @Test
    void keepsTheClientsWordsInAnEnglishReport() throws Exception {
        Path english = reports.resolve("en");
        PipelineConfig config = Configs.load(CONFIG, warehouse, english);
        config = new PipelineConfig(config.project(), config.baseDir(), config.warehouse(), config.spark(), config.reportsDir(),
                config.sources(), config.dataset(), config.rgpd(), config.profile(), config.qualityGate(), config.clean(), config.load(),
                config.stats(), config.train(), config.governance(), config.watch(), new ReportConfig(ReportLocale.EN, null));
        GlobalOptions options = new GlobalOptions();
        options.runDate = RUN;
        try (RunContext context = new RunContext(options, new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()))) {
            context.useConfig(config);
            ReportStage.outcome(context);
        }
        Path site = english.resolve(RUN + "/site");
        String univariate = Files.readString(site.resolve("univarie.html"), StandardCharsets.UTF_8);
        assertThat(univariate).contains("Température moyenne annuelle (°C)").contains("Mean of Température max (°C) – releves")
                .contains("Catégorie de station");
        assertThat(Files.readString(site.resolve("dictionnaire.html"), StandardCharsets.UTF_8))
                .contains("<th scope=\"col\">Technical name</th>");
        SiteChecks.accessible(site);
    }

    private static Document svg(Path site, String title) throws Exception {
        try (Stream<Path> files = Files.list(site.resolve("charts"))) {
            for (Path file : files.toList()) {
                Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
                if (svg.getElementsByTagName("title").item(0).getTextContent().startsWith(title)) {
                    return svg;
                }
            }
        }
        throw new AssertionError("No chart titled " + title + " in " + site.resolve("charts"));
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        org.w3c.dom.NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static Sheet sheet(XSSFWorkbook workbook, String prefix) {
        for (Sheet sheet : workbook) {
            if (sheet.getSheetName().startsWith(prefix)) {
                return sheet;
            }
        }
        throw new AssertionError("No sheet starting with " + prefix);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (Cell cell : row) {
            cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue())
                    : cell.getStringCellValue());
        }
        return cells;
    }
}
