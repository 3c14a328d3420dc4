package io.datapilot.ingest.inspect;

import com.github.pjfanning.xlsx.StreamingReader;
import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import io.datapilot.core.config.XlsxOptions;
import io.datapilot.ingest.inspect.SourceInspection.OriginalColumn;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * Sheet and header row of Excel workbooks, read with a streaming reader so that a large workbook
 * is never loaded whole.
 */
final class XlsxInspector implements FormatInspector {

    /** Where the table starts and ends in the sheet (0-based, end inclusive; -1 when open). */
    record Area(int firstRow, int firstColumn, int lastRow, int lastColumn) {
        static Area parse(String range) {
            String[] corners = range.toUpperCase(java.util.Locale.ROOT).split(":");
            CellReference start = new CellReference(corners[0]);
            if (corners.length == 1) {
                return new Area(start.getRow(), start.getCol(), -1, -1);
            }
            CellReference end = new CellReference(corners[1]);
            return new Area(start.getRow(), start.getCol(), end.getRow(), end.getCol());
        }
    }

    @Override
    public SourceInspection inspect(SourceConfig source, String at, List<FileStatus> files, Configuration hadoop,
            ConfigProblems problems) throws IOException {
        XlsxOptions xlsx = source.xlsx();
        Area area = Area.parse(xlsx.range());
        List<String> header = null;
        String headerFile = null;
        String sheetName = null;
        long rows = 0;
        boolean usable = true;
        for (FileStatus file : files) {
            String name = file.getPath().toString();
            if (file.getLen() == 0) {
                problems.addData(at + ".path", "the workbook " + name + " is empty (0 bytes); export it again or remove it.");
                usable = false;
                continue;
            }
            Table table;
            try (InputStream in = file.getPath().getFileSystem(hadoop).open(file.getPath());
                    Workbook workbook = StreamingReader.builder().rowCacheSize(100).bufferSize(8192).open(in)) {
                table = readHeader(workbook, xlsx, area);
            } catch (IOException | RuntimeException e) {
                problems.addData(at + ".path", "the file " + name + " cannot be read as an Excel (.xlsx) workbook: "
                        + e.getMessage() + ". Check that it is an .xlsx file (not .xls or .csv renamed),"
                        + " not password-protected, and not damaged.");
                usable = false;
                continue;
            }
            if (table.problem() != null) {
                problems.addData(table.problemKey().equals("sheet") ? at + ".xlsx.sheet" : at + ".xlsx.range",
                        "the workbook " + name + " " + table.problem());
                usable = false;
            } else if (header == null) {
                header = table.header();
                headerFile = name;
                sheetName = table.sheet();
                rows += table.rows();
            } else if (!header.equals(table.header())) {
                problems.addData(at + ".path", "the workbook " + name + " does not have the same columns as "
                        + headerFile + "; workbooks of one source must share their header.");
                usable = false;
            } else {
                rows += table.rows();
            }
        }
        if (!usable || header == null) {
            return null;
        }
        return new SourceInspection(source, at, SourceFormat.XLSX, files.stream().map(f -> f.getPath().toString()).toList(),
                header.stream().map(OriginalColumn::of).toList(), null, ',', false, sheetName,
                area.firstRow() + (xlsx.header() ? 2 : 1), rows);
    }

    /** A sheet's header and its number of data rows (rows present in the sheet below the header). */
    private record Table(String sheet, List<String> header, long rows, String problemKey, String problem) {
        static Table problem(String sheet, String key, String problem) {
            return new Table(sheet, null, 0, key, problem);
        }
    }

    private static Table readHeader(Workbook workbook, XlsxOptions xlsx, Area area) {
        List<String> sheets = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            sheets.add(workbook.getSheetName(i));
        }
        String wanted = xlsx.sheet() == null ? (sheets.isEmpty() ? null : sheets.get(0)) : xlsx.sheet();
        if (wanted == null || !sheets.contains(wanted)) {
            return Table.problem(null, "sheet", "has no sheet \"" + xlsx.sheet() + "\"; its sheets are: "
                    + String.join(", ", sheets) + ". Set xlsx.sheet to one of them.");
        }
        Sheet sheet = workbook.getSheet(wanted);
        DataFormatter formatter = new DataFormatter();
        List<String> header = null;
        boolean hasData = false;
        long rows = 0;
        for (Row row : sheet) {
            int index = row.getRowNum();
            if (index < area.firstRow()) {
                continue;
            }
            if (area.lastRow() >= 0 && index > area.lastRow()) {
                break;
            }
            List<String> cells = cells(row, area, formatter);
            if (header == null) {
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (index != area.firstRow() && xlsx.header()) {
                    return Table.problem(wanted, "range", "has no header in row " + (area.firstRow() + 1)
                            + " of sheet \"" + wanted + "\" (the first filled row is " + (index + 1)
                            + "); set xlsx.range to the header's top-left cell, as "
                            + CellReference.convertNumToColString(area.firstColumn()) + (index + 1) + ".");
                }
                header = xlsx.header() ? trimTrailingBlanks(cells) : numbered(trimTrailingBlanks(cells).size());
                if (xlsx.header()) {
                    continue;
                }
            }
            // every row present in the sheet is a row for spark-excel, blank or not
            rows++;
            hasData |= cells.stream().anyMatch(cell -> !cell.isBlank());
        }
        if (header == null) {
            return Table.problem(wanted, "range", "has nothing from cell " + new CellReference(area.firstRow(), area.firstColumn()).formatAsString()
                    + " of sheet \"" + wanted + "\" on; check xlsx.range and xlsx.sheet.");
        }
        if (!hasData) {
            return Table.problem(wanted, "range", "has a header row (row " + (area.firstRow() + 1) + " of sheet \""
                    + wanted + "\") but no data rows below it; export it again with its data or fix xlsx.range.");
        }
        return new Table(wanted, header, rows, null, null);
    }

    private static List<String> cells(Row row, Area area, DataFormatter formatter) {
        int last = area.lastColumn() >= 0 ? area.lastColumn() : Math.max(row.getLastCellNum() - 1, area.firstColumn());
        List<String> cells = new ArrayList<>();
        for (int column = area.firstColumn(); column <= last; column++) {
            Cell cell = row.getCell(column);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
        }
        return cells;
    }

    private static List<String> trimTrailingBlanks(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        return new ArrayList<>(cells.subList(0, end));
    }

    private static List<String> numbered(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("column_" + i);
        }
        return names;
    }
}
