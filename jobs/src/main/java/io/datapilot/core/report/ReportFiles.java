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

    public String folder() {
        return folder;
    }

    public String path(String name) {
        return folder + "/" + name;
    }

    public String writeText(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One sheet per table: bold header, frozen first row, filters, readable column widths. */
    public String writeWorkbook(String name, List<Table> tables) {
        return writeSheets(name, tables.stream().map(table -> new Sheet(table.title(), table.headers(),
                table.rows().stream().map(row -> List.<Object>copyOf(row.stream().map(v -> v == null ? "" : v).toList())).toList()))
                .toList());
    }

    /** A sheet of typed values: numbers stay numbers (sortable, summable), dates are dates, null is an empty cell. */
    public record Sheet(String title, List<String> headers, List<List<Object>> rows) {}

    public String writeSheets(String name, List<Sheet> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            for (Sheet table : sheets) {
                org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet(table.title().length() > 31
                        ? table.title().substring(0, 31) : table.title());
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
                    List<Object> values = table.rows().get(r);
                    for (int c = 0; c < values.size() && c < widths.length; c++) {
                        Object value = values.get(c);
                        Cell cell = row.createCell(c);
                        String text;
                        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
                            cell.setCellValue(number.doubleValue());
                            text = number.toString();
                        } else if (value instanceof Boolean flag) {
                            cell.setCellValue(flag);
                            text = flag.toString();
                        } else if (value instanceof java.sql.Date day) {
                            cell.setCellValue(day.toLocalDate());
                            cell.setCellStyle(date);
                            text = "31/12/2024";
                        } else if (value == null || value instanceof Number) {
                            text = "";
                        } else {
                            text = value.toString();
                            cell.setCellValue(text);
                            if (text.length() > 60) {
                                cell.setCellStyle(wrapped);
                            }
                        }
                        widths[c] = Math.max(widths[c], Math.min(text.length(), 60));
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

    /** Local folders without Hadoop's hidden .crc files next to each document: people open these folders. */
    private org.apache.hadoop.fs.FileSystem fileSystem(Path path) throws IOException {
        org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(hadoop);
        return fs instanceof org.apache.hadoop.fs.ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    /** A file of the folder, replaced whole. */
    public String write(String name, byte[] content) {
        Path path = new Path(path(name));
        try (OutputStream out = fileSystem(path).create(path, true)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage()
                    + ". Check that the reports folder (reports_dir) is writable.", e);
        }
        return path.toString();
    }
}
