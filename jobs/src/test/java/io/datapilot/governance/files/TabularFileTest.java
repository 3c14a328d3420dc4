package io.datapilot.governance.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularFileTest {
    @TempDir
    Path folder;

    @Test
    void readsSemicolonCsvWithBomKeyingCellsByNormalisedHeader() throws Exception {
        Path file = folder.resolve("plan.csv");
        Files.writeString(file, "\uFEFFLot;Tâche;Début prévu\nCadrage;#1 Lancement;01/09/2026\n\nDonnées;Ingestion;05/10/2026\n",
                StandardCharsets.UTF_8);
        TabularFile table = TabularFile.read(file);
        assertThat(table.headers()).containsExactly("Lot", "Tâche", "Début prévu");
        assertThat(table.keys()).containsExactly("lot", "tache", "debut_prevu");
        // the line starting with '#' is data, not a comment; the empty line 3 is skipped but keeps the numbering
        assertThat(table.lines()).extracting(TabularFile.Line::number).containsExactly(2, 4);
        assertThat(table.lines().get(0).value("tache")).isEqualTo("#1 Lancement");
        assertThat(table.lines().get(1).value("debut_prevu")).isEqualTo("05/10/2026");
    }

    @Test
    void readsCommaCsvWithQuotedCellsAndEmptyCellsAbsent() throws Exception {
        Path file = folder.resolve("plan.csv");
        Files.writeString(file, "task,budget,deliverable\n\"Modèle, dépense\",\"1 200,50\",\n", StandardCharsets.UTF_8);
        TabularFile.Line line = TabularFile.read(file).lines().get(0);
        assertThat(line.value("task")).isEqualTo("Modèle, dépense");
        assertThat(line.value("budget")).isEqualTo("1 200,50");
        assertThat(line.cells()).doesNotContainKey("deliverable");
    }

    @Test
    void readsWindows1252WhenTheFileIsNotUtf8() throws Exception {
        Path file = folder.resolve("export.csv");
        Files.write(file, "Tâche;Coût réel\nDonnées;1 500 €\n".getBytes(Charset.forName("windows-1252")));
        TabularFile table = TabularFile.read(file);
        assertThat(table.keys()).containsExactly("tache", "cout_reel");
        assertThat(table.lines().get(0).value("cout_reel")).isEqualTo("1 500 €");
    }

    @Test
    void readsXlsxDatesNumbersPercentagesAndBooleansAsCsvText() throws Exception {
        Path file = folder.resolve("plan.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Plan");
            Row header = sheet.createRow(0);
            String[] names = {"Tâche", "Début prévu", "Budget", "Avancement", "Jalon"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0%"));
            // row 2 left empty: the data starts on line 3
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("Ingestion");
            row.createCell(1).setCellValue(LocalDate.of(2026, 10, 5));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue(7000.5);
            row.createCell(3).setCellValue(0.45);
            row.getCell(3).setCellStyle(percent);
            row.createCell(4).setCellValue(true);
            workbook.write(out);
        }
        TabularFile table = TabularFile.read(file);
        assertThat(table.keys()).containsExactly("tache", "debut_prevu", "budget", "avancement", "jalon");
        TabularFile.Line line = table.lines().get(0);
        assertThat(line.number()).isEqualTo(3);
        assertThat(line.value("debut_prevu")).isEqualTo("2026-10-05");
        assertThat(CellValues.date(line.value("debut_prevu"))).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(line.value("budget")).isEqualTo("7000.5");
        assertThat(CellValues.number(line.value("avancement"))).isEqualTo(45.0);
        assertThat(CellValues.bool(line.value("jalon"))).isTrue();
    }

    @Test
    void refusesAMissingFileOrAnotherFormat() throws Exception {
        assertThatThrownBy(() -> TabularFile.read(folder.resolve("absent.csv"))).isInstanceOf(DatapilotException.class)
                .hasMessageStartingWith("Cannot read").hasMessageContaining("no such file");
        Path json = Files.writeString(folder.resolve("plan.json"), "{}");
        assertThatThrownBy(() -> TabularFile.read(json)).hasMessageContaining("only .csv and .xlsx");
    }
}
