package io.datapilot.governance.logbook;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The technical logbook as an XLSX workbook: one sheet "Carnet de bord", the method's six columns first, dates as
 * date cells (dd/mm/yyyy), resolution links as hyperlinks, statuses in French.
 */
public final class LogbookWorkbook {
    public static final String SHEET = "Carnet de bord";
    public static final List<String> HEADERS = List.of("N°", "Date du problème", "Intitulé du problème technique", "Date de résolution",
            "URL de la source de résolution", "Description de la solution", "Catégorie", "Table / colonne", "Statut", "Occurrences",
            "Source");
    /** Column widths in characters: wide and wrapped for the label, the link and the solution. */
    private static final int[] WIDTHS = {6, 12, 50, 12, 40, 60, 16, 28, 10, 12, 10};

    private LogbookWorkbook() {}

    public static byte[] write(List<LogbookEntry> entries) {
        requireNonNull(entries, "entries is null");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(SHEET);
            Row header = sheet.createRow(0);
            for (int column = 0; column < HEADERS.size(); column++) {
                Cell cell = header.createCell(column);
                cell.setCellValue(HEADERS.get(column));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(column, WIDTHS[column] * 256);
            }
            for (int i = 0; i < entries.size(); i++) {
                row(workbook, sheet.createRow(i + 1), entries.get(i), styles);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, entries.size()), 0, HEADERS.size() - 1));
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the logbook workbook: " + e.getMessage(), e);
        }
    }

    private static void row(XSSFWorkbook workbook, Row row, LogbookEntry entry, Styles styles) {
        number(row.createCell(0), entry.index(), styles);
        date(row.createCell(1), entry.problemDate(), styles);
        text(row.createCell(2), entry.label(), styles.wrapped);
        date(row.createCell(3), entry.resolutionDate(), styles);
        Cell link = row.createCell(4);
        if (entry.resolutionUrl() != null) {
            link.setCellValue(entry.resolutionUrl());
            Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
            hyperlink.setAddress(entry.resolutionUrl());
            link.setHyperlink(hyperlink);
            link.setCellStyle(styles.link);
        }
        text(row.createCell(5), entry.solution(), styles.wrapped);
        text(row.createCell(6), entry.category(), styles.top);
        text(row.createCell(7), where(entry), styles.wrapped);
        text(row.createCell(8), entry.isOpen() ? "ouvert" : "résolu", styles.top);
        number(row.createCell(9), entry.occurrences(), styles);
        text(row.createCell(10), entry.fromTeam() ? "équipe" : "pipeline", styles.top);
    }

    private static void number(Cell cell, int value, Styles styles) {
        cell.setCellValue(value);
        cell.setCellStyle(styles.top);
    }

    private static String where(LogbookEntry entry) {
        if (entry.table() == null) {
            return entry.column();
        }
        return entry.column() == null ? entry.table() : entry.table() + "." + entry.column();
    }

    private static void date(Cell cell, LocalDate date, Styles styles) {
        if (date != null) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        }
    }

    private static void text(Cell cell, String value, CellStyle style) {
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    /** The workbook's cell styles, made once: a workbook holds at most 64 000 of them. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle top;
        final CellStyle wrapped;
        final CellStyle date;
        final CellStyle link;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            top = workbook.createCellStyle();
            top.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = workbook.createCellStyle();
            wrapped.cloneStyleFrom(top);
            wrapped.setWrapText(true);
            date = workbook.createCellStyle();
            date.cloneStyleFrom(top);
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Font blue = workbook.createFont();
            blue.setUnderline(Font.U_SINGLE);
            blue.setColor(IndexedColors.BLUE.getIndex());
            link = workbook.createCellStyle();
            link.cloneStyleFrom(wrapped);
            link.setFont(blue);
        }
    }
}
