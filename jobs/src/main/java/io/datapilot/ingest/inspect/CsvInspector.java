package io.datapilot.ingest.inspect;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.CsvOptions;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import io.datapilot.ingest.inspect.SourceInspection.OriginalColumn;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;

/** Header, encoding and separator of delimited text files, read with the parser Spark itself uses. */
final class CsvInspector implements FormatInspector {
    private static final int HEAD_BYTES = 1 << 20;
    private static final char[] SEPARATORS = {';', ',', '\t', '|'};

    @Override
    public SourceInspection inspect(SourceConfig source, String at, List<FileStatus> files, Configuration hadoop,
            ConfigProblems problems) throws IOException {
        CsvOptions csv = source.csv();
        Charset charset = null;
        Character separator = null;
        List<String> header = null;
        String headerFile = null;
        boolean usable = true;
        for (FileStatus file : files) {
            String name = file.getPath().toString();
            if (file.getLen() == 0) {
                problems.addData(at + ".path", "the file " + name + " is empty (0 bytes); export it again or remove it.");
                usable = false;
                continue;
            }
            byte[] head = FormatInspector.head(file, hadoop, HEAD_BYTES);
            Encodings.Decision decision = Encodings.decide(head, head.length >= file.getLen(), csv.encoding());
            if (decision.problem() != null) {
                problems.addData(at + ".csv.encoding", "the file " + name + " " + decision.problem());
                usable = false;
                continue;
            }
            String text = Encodings.decode(head, decision.charset());
            if (text.isBlank()) {
                problems.addData(at + ".path", "the file " + name + " holds only blank lines; export it again or remove it.");
                usable = false;
                continue;
            }
            char fileSeparator = CsvOptions.AUTO.equals(csv.separator()) ? detectSeparator(text, csv.quote().charAt(0))
                    : csv.separator().charAt(0);
            List<String[]> records = firstRecords(text, fileSeparator, csv, 2);
            List<String> fileHeader = new ArrayList<>();
            String[] first = records.get(0);
            for (int i = 0; i < first.length; i++) {
                fileHeader.add(csv.header() ? first[i] : "column_" + (i + 1));
            }
            if (csv.header() && records.size() < 2) {
                problems.addData(at + ".path", "the file " + name + " has a header line but no data rows;"
                        + " export it again with its data or remove it.");
                usable = false;
                continue;
            }
            if (header == null) {
                header = fileHeader;
                headerFile = name;
                charset = decision.charset();
                separator = fileSeparator;
            } else if (!header.equals(fileHeader) || separator != fileSeparator) {
                problems.addData(at + ".path", "the file " + name + " does not have the same columns as "
                        + headerFile + " (" + String.join(", ", fileHeader) + " instead of "
                        + String.join(", ", header) + "); files of one source must share their header.");
                usable = false;
            } else if (!charset.equals(decision.charset())) {
                problems.addData(at + ".csv.encoding", "the file " + name + " is " + decision.charset()
                        + " but " + headerFile + " is " + charset + "; files of one source must share their"
                        + " encoding: set csv.encoding explicitly or convert the files.");
                usable = false;
            }
        }
        if (!usable || header == null) {
            return null;
        }
        List<OriginalColumn> columns = header.stream().map(OriginalColumn::of).toList();
        return new SourceInspection(source, at, SourceFormat.CSV, files.stream().map(f -> f.getPath().toString()).toList(),
                columns, charset.name(), separator, source.csv().multiLine(), null, 0, -1);
    }

    /** The candidate separator found most often in the first line, outside quotes; ',' when none is. */
    static char detectSeparator(String text, char quote) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == quote) {
                quoted = !quoted;
            }
            for (int i = 0; i < SEPARATORS.length && !quoted; i++) {
                if (c == SEPARATORS[i]) {
                    counts[i]++;
                }
            }
        }
        int best = 1;
        for (int i = 0; i < SEPARATORS.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return SEPARATORS[best];
    }

    private static List<String[]> firstRecords(String text, char separator, CsvOptions csv, int count) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(separator);
        settings.getFormat().setQuote(csv.quote().charAt(0));
        settings.getFormat().setQuoteEscape(csv.escape().charAt(0));
        settings.getFormat().setComment(csv.comment() == null ? '\0' : csv.comment().charAt(0));
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setMaxCharsPerColumn(-1);
        settings.setMaxColumns(20_000);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setSkipEmptyLines(true);
        settings.setNullValue("");
        CsvParser parser = new CsvParser(settings);
        parser.beginParsing(new StringReader(text));
        List<String[]> records = new ArrayList<>();
        String[] record;
        while (records.size() < count && (record = parser.parseNext()) != null) {
            records.add(record);
        }
        parser.stopParsing();
        return records;
    }
}
