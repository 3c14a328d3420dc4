package io.datapilot.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes the documents people read (Markdown, Excel) into the reports folder, on any Hadoop file system. */
public final class ReportFiles {
    private final String folder;
    private final Configuration hadoop;

    public ReportFiles(String folder, Configuration hadoop) {
        this.folder = folder;
        this.hadoop = hadoop;
    }

    public String path(String name) {
        return folder + "/" + name;
    }

    public String writeText(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One sheet per table: bold header, frozen first row, filters, readable column widths. */
    public String writeWorkbook(String name, List<Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(table.title().length() > 31 ? table.title().substring(0, 31) : table.title());
                Row top = sheet.createRow(0);
                for (int c = 0; c < table.headers().size(); c++) {
                    Cell cell = top.createCell(c);
                    cell.setCellValue(table.headers().get(c));
                    cell.setCellStyle(header);
                }
                int[] widths = new int[table.headers().size()];
                for (int c = 0; c < widths.length; c++) {
                    widths[c] = table.headers().get(c).length();
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<String> values = table.rows().get(r);
                    for (int c = 0; c < values.size() && c < widths.length; c++) {
                        String value = values.get(c) == null ? "" : values.get(c);
                        Cell cell = row.createCell(c);
                        cell.setCellValue(value);
                        if (value.length() > 60) {
                            cell.setCellStyle(wrapped);
                        }
                        widths[c] = Math.max(widths[c], Math.min(value.length(), 60));
                    }
                }
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, (widths[c] + 2) * 256);
                }
                sheet.createFreezePane(0, 1);
                if (!table.rows().isEmpty()) {
                    sheet.setAutoFilter(new CellRangeAddress(0, table.rows().size(), 0, widths.length - 1));
                }
            }
            workbook.write(bytes);
            return write(name, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path(name), e);
        }
    }

    private String write(String name, byte[] content) {
        Path path = new Path(path(name));
        try (OutputStream out = path.getFileSystem(hadoop).create(path, true)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage()
                    + ". Check that the reports folder (reports_dir) is writable.", e);
        }
        return path.toString();
    }
}
