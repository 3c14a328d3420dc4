package io.datapilot.ingest.inspect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import io.datapilot.core.text.Names;
import io.datapilot.ingest.inspect.SourceInspection.OriginalColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;

/**
 * Layout and fields of JSON files: one document per file (an array of objects) or one object per
 * line. Nested objects become paths ({@code adresse.ville}); a whole-document file is checked to
 * the end, so a syntax error is reported with its line instead of a half-read file.
 */
final class JsonInspector implements FormatInspector {
    static final int RECORDS_FOR_FIELDS = 10_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public SourceInspection inspect(SourceConfig source, String at, List<FileStatus> files, Configuration hadoop,
            ConfigProblems problems) throws IOException {
        Set<List<String>> fields = new LinkedHashSet<>();
        Boolean multiLine = source.json().multiLine();
        boolean usable = true;
        for (FileStatus file : files) {
            String name = file.getPath().toString();
            byte[] head = FormatInspector.head(file, hadoop, 64 * 1024);
            String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            if (text.isEmpty()) {
                problems.addData(at + ".path", "the file " + name + " is empty; export it again or remove it.");
                usable = false;
                continue;
            }
            boolean fileMultiLine = multiLine != null ? multiLine : isWholeDocument(text);
            if (multiLine == null) {
                multiLine = fileMultiLine;
            }
            try (InputStream in = file.getPath().getFileSystem(hadoop).open(file.getPath())) {
                int records = fileMultiLine ? readDocument(in, source, fields) : readLines(in, source, fields);
                if (records == 0) {
                    problems.addData(at + ".path", "the file " + name + " holds no JSON objects; export it again or remove it.");
                    usable = false;
                }
            } catch (JsonParseException e) {
                problems.addData(at + ".path", "the file " + name + " is not valid JSON at line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                        + e.getOriginalMessage() + ". Fix the file; if it holds one object per line, set json.multi_line: false.");
                usable = false;
            }
        }
        if (!usable) {
            return null;
        }
        return new SourceInspection(source, at, SourceFormat.JSON, files.stream().map(f -> f.getPath().toString()).toList(),
                fields.stream().map(OriginalColumn::new).toList(), "UTF-8", ',', multiLine, null, 0, -1);
    }

    /** A file is one document when it starts with '[' or when its first line is not a whole object. */
    private static boolean isWholeDocument(String text) {
        if (text.startsWith("[")) {
            return true;
        }
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        try {
            MAPPER.readTree(firstLine);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static int readDocument(InputStream in, SourceConfig source, Set<List<String>> fields) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            int records = 0;
            if (first == JsonToken.START_OBJECT) {
                collect(MAPPER.readTree(parser), List.of(), source, fields);
                records = 1;
            } else if (first == JsonToken.START_ARRAY) {
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token == null) {
                        throw new JsonParseException(parser, "unexpected end of file: the array is not closed");
                    }
                    if (records < RECORDS_FOR_FIELDS && token == JsonToken.START_OBJECT) {
                        collect(MAPPER.readTree(parser), List.of(), source, fields);
                    } else {
                        parser.skipChildren();
                    }
                    records++;
                }
            } else {
                throw new JsonParseException(parser, "expected an object or an array of objects");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonParseException(parser, "unexpected content after the end of the document");
            }
            return records;
        }
    }

    private static int readLines(InputStream in, SourceConfig source, Set<List<String>> fields) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int records = 0;
        String line;
        while (records < RECORDS_FOR_FIELDS && (line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            records++;
            try {
                collect(MAPPER.readTree(line), List.of(), source, fields);
            } catch (IOException e) {
                // a broken line is a bad row: ingestion quarantines it with its reason
            }
        }
        return records;
    }

    private static void collect(JsonNode node, List<String> prefix, SourceConfig source, Set<List<String>> fields) {
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            List<String> path = new ArrayList<>(prefix);
            path.add(entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                collect(value, path, source, fields);
            } else if (value.isArray() && isExploded(path, source)) {
                boolean objects = false;
                for (JsonNode element : value) {
                    if (element.isObject()) {
                        objects = true;
                        collect(element, path, source, fields);
                    }
                }
                if (!objects) {
                    fields.add(path);
                }
            } else {
                fields.add(path);
            }
        }
    }

    static boolean isExploded(List<String> path, SourceConfig source) {
        String dotted = String.join(".", path);
        String normalised = String.join("_", path.stream().map(part -> Names.normalise(part, 0)).toList());
        return source.json().explode().stream().anyMatch(name -> name.equals(dotted) || name.equals(normalised));
    }
}
