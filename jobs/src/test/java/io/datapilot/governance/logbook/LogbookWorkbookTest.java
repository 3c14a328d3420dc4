package io.datapilot.governance.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class LogbookWorkbookTest {
    private static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);
    private static final String URL = "https://example.org/docs/INCIDENTS.md#valeurs-manquantes-missing";

    @Test
    void writesTheMethodsColumnsWithDateCellsAndLinks() throws IOException {
        List<LogbookEntry> entries = List.of(
                new LogbookEntry(1, MONDAY, "Valeurs manquantes dans clients.email", MONDAY.plusDays(2), URL, "Compléter la source.",
                        "quality_alert", "clients", "email", "resolved", 2, MONDAY.plusDays(1), "pipeline", "quality_alert:missing:clients:email"),
                new LogbookEntry(2, MONDAY, "Cluster indisponible", null, null, null, "infrastructure", null, null, "open", 1, MONDAY,
                        "equipe", LogbookEntry.teamKey(MONDAY, "Cluster indisponible")));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(LogbookWorkbook.write(entries)))) {
            XSSFSheet sheet = workbook.getSheet("Carnet de bord");
            assertThat(texts(sheet.getRow(0))).containsExactly("N°", "Date du problème", "Intitulé du problème technique",
                    "Date de résolution", "URL de la source de résolution", "Description de la solution", "Catégorie", "Table / colonne",
                    "Statut", "Occurrences", "Source");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K3");

            Row resolved = sheet.getRow(1);
            assertThat(resolved.getCell(0).getNumericCellValue()).isEqualTo(1);
            Cell problemDate = resolved.getCell(1);
            assertThat(problemDate.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(problemDate)).isTrue();
            assertThat(problemDate.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(problemDate.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MONDAY);
            assertThat(resolved.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MONDAY.plusDays(2));
            assertThat(resolved.getCell(4).getHyperlink().getAddress()).isEqualTo(URL);
            assertThat(resolved.getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat(texts(resolved).subList(6, 11)).containsExactly("quality_alert", "clients.email", "résolu", "2", "pipeline");

            Row open = sheet.getRow(2);
            assertThat(open.getCell(3).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(open.getCell(4).getHyperlink()).isNull();
            assertThat(texts(open).subList(8, 11)).containsExactly("ouvert", "1", "équipe");
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return texts;
    }
}
