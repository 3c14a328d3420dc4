package io.datapilot.governance.files;

import static java.util.Objects.requireNonNull;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small table the team keeps by hand (project plan, logbook entries, opportunities): a CSV file
 * (separator {@code ;} or {@code ,} detected from the header, UTF-8 with or without BOM, else
 * windows-1252) or the first sheet of an XLSX workbook, header on the first line. Read on the driver
 * without Spark: these files have tens or hundreds of lines, and the governance stage must not pay a
 * job for them.
 *
 * <pre>{@code
 * TabularFile plan = TabularFile.read(Path.of("conf/plan_projet.csv"));
 * for (TabularFile.Line line : plan.lines()) { String task = line.value("tache"); }
 * }</pre>
 *
 * @param file where it was read from (named in every message)
 * @param headers the header cells as written
 * @param lines the non-empty lines after the header, with their line number in the file (header = 1)
 */
public record TabularFile(String file, List<String> headers, List<Line> lines) {

    public TabularFile {
        requireNonNull(file, "file is null");
        headers = List.copyOf(headers);
        lines = List.copyOf(lines);
    }

    /**
     * One line: its number in the file (1 is the header) and its cells by header key ({@link #key}).
     * Empty cells are absent, so {@link #value} gives null for them.
     */
    public record Line(int number, Map<String, String> cells) {
        public Line {
            cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }

        public String value(String key) {
            return cells.get(key);
        }
    }

    /** A header as code compares it: lower case, without accents, spaces and punctuation as {@code _}. */
    public static String key(String header) {
        String plain = Normalizer.normalize(header.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** The header keys, in the file's order. */
    public List<String> keys() {
        return headers.stream().map(TabularFile::key).toList();
    }

    public static TabularFile read(Path path) {
        requireNonNull(path, "path is null");
        if (!Files.isRegularFile(path)) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot read " + path + ": no such file. Check the path in the"
                    + " configuration (relative paths start from base_dir).");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                return xlsx(path);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                return csv(path);
            }
        } catch (IOException e) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot read " + path + ": " + e.getMessage() + ".", e);
        }
        throw new DatapilotException(ErrorKind.CONFIG, "Cannot read " + path + ": only .csv and .xlsx files are read here; save the"
                + " table in one of these formats.");
    }

    private static TabularFile csv(Path path) throws IOException {
        String text = decode(Files.readAllBytes(path));
        String firstLine = text.lines().findFirst().orElse("");
        char separator = count(firstLine, ';') >= count(firstLine, ',') && count(firstLine, ';') > 0 ? ';'
                : count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(separator);
        settings.getFormat().setLineSeparator("\n");
        // univocity skips lines starting with '#' as comments by default: a task named "#3 …" would vanish silently
        settings.getFormat().setComment('\0');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setMaxCharsPerColumn(100_000);
        settings.setSkipEmptyLines(false);
        settings.setEmptyValue("");
        CsvParser parser = new CsvParser(settings);
        List<String> headers = null;
        List<Line> lines = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            parser.beginParsing(reader);
            String[] cells;
            while ((cells = parser.parseNext()) != null) {
                int number = (int) parser.getContext().currentLine();
                if (headers == null) {
                    headers = headerOf(cells);
                    continue;
                }
                line(headers, number, java.util.Arrays.asList(cells), lines);
            }
        } finally {
            parser.stopParsing();
        }
        return new TabularFile(path.toString(), headers == null ? List.of() : headers, lines);
    }

    private static TabularFile xlsx(Path path) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        // XSSFWorkbook directly: WorkbookFactory finds its providers through META-INF/services, and the one that the
        // spark-excel jar carries lists only the .xls provider, so the factory refuses every .xlsx ("neither an OLE2
        // stream, nor an OOXML stream")
        try (InputStream in = Files.newInputStream(path);
                Workbook workbook = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? new XSSFWorkbook(in)
                        : WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = null;
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
                    cells.add(text(row.getCell(column), formatter));
                }
                if (headers == null) {
                    if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                        headers = headerOf(cells.toArray(String[]::new));
                    }
                    continue;
                }
                line(headers, row.getRowNum() + 1, cells, lines);
            }
            return new TabularFile(path.toString(), headers == null ? List.of() : headers, lines);
        }
    }

    /** An XLSX cell as the text a CSV would hold: dates as ISO dates, numbers without grouping. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double number = cell.getNumericCellValue();
            // a cell shown as "45 %" holds 0.45: read as the CSV's "45 %" so that one column means one thing in both formats
            if (cell.getCellStyle() != null && cell.getCellStyle().getDataFormatString().contains("%")) {
                return plain(number * 100) + " %";
            }
            return plain(number);
        }
        if (type == CellType.BOOLEAN) {
            return Boolean.toString(cell.getBooleanCellValue());
        }
        return formatter.formatCellValue(cell);
    }

    private static String plain(double number) {
        double rounded = Math.abs(number - Math.rint(number)) < 1e-9 ? Math.rint(number) : number;
        return rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15 ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    private static List<String> headerOf(String[] cells) {
        List<String> headers = new ArrayList<>();
        for (String cell : cells) {
            headers.add(cell == null ? "" : cell.replace("\uFEFF", "").trim());
        }
        while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
            headers.remove(headers.size() - 1);
        }
        return headers;
    }

    private static void line(List<String> headers, int number, List<String> cells, List<Line> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(headers.size(), cells.size()); i++) {
            String cell = cells.get(i);
            if (cell != null && !cell.isBlank() && !headers.get(i).isEmpty()) {
                values.put(key(headers.get(i)), cell.trim());
            }
        }
        if (!values.isEmpty()) {
            lines.add(new Line(number, values));
        }
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            // French exports from Excel are windows-1252 when they are not UTF-8
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static int count(String text, char wanted) {
        return (int) text.chars().filter(c -> c == wanted).count();
    }
}
