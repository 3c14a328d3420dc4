package io.datapilot.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the Excel fixtures of {@code src/test/resources} (committed; run this main to write them
 * again after a change): {@code datasets/stock/inventaire.xlsx} and {@code bad/corrompu.xlsx}.
 */
public final class WorkbookFixtures {
    private WorkbookFixtures() {}

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "jobs/src/test/resources");
        writeInventory(resources.resolve("datasets/stock/inventaire.xlsx"));
        Files.write(resources.resolve("bad/corrompu.xlsx"), "PK\u0003\u0004 ceci n'est pas un classeur".getBytes());
    }

    /**
     * A stock workbook: a notes sheet first, then "Stock" with two title rows, the header at B3,
     * French date cells and one Excel built-in short date, a text in a number column, an error
     * cell, an empty cell, and a column outside the configured range (G).
     */
    static void writeInventory(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle frenchDate = workbook.createCellStyle();
            frenchDate.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle excelDate = workbook.createCellStyle();
            excelDate.setDataFormat((short) 14);
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("Inventaire trimestriel, ne pas modifier");
            Sheet sheet = workbook.createSheet("Stock");
            sheet.createRow(0).createCell(1).setCellValue("Inventaire au 31/03/2024");
            String[] header = {"Référence", "Désignation", "Date d'entrée", "Quantité", "Prix HT (€)"};
            Row headerRow = sheet.createRow(2);
            for (int i = 0; i < header.length; i++) {
                headerRow.createCell(1 + i).setCellValue(header[i]);
            }
            headerRow.createCell(6).setCellValue("Hors plage");
            Object[][] rows = {
                {"R-001", "Vis inox 4×40", LocalDate.of(2024, 1, 15), 1200.0, 0.12},
                {"R-002", "Écrou M8", LocalDate.of(2023, 12, 31), 800.0, 0.05},
                {"R-003", "Cheville à frapper", LocalDate.of(2024, 2, 29), "douze", 0.3},
                {"R-004", "Perceuse sans fil", LocalDate.of(2022, 6, 1), 3.0, FormulaError.DIV0},
                {"R-005", "Mèche béton Ø8", LocalDate.of(2024, 3, 5), 45.0, null},
                {"R-006", "Niveau laser", LocalDate.of(2021, 11, 20), 2.0, 1249.9},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(3 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(1 + c);
                    if (value instanceof String text) {
                        cell.setCellValue(text);
                    } else if (value instanceof Double number) {
                        cell.setCellValue(number);
                    } else if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(r == 5 ? excelDate : frenchDate);
                    } else if (value instanceof FormulaError error) {
                        cell.setCellErrorValue(error.getCode());
                    }
                }
                row.createCell(6).setCellValue("ignoré");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }
}
