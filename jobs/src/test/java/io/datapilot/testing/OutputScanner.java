package io.datapilot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Looks for known personal values in everything a run wrote: Parquet files (data and Delta
 * checkpoints) read value by value, Delta logs and every text file as text, workbooks entry by
 * entry.
 */
public final class OutputScanner {
    private final Set<String> tokens;
    private final List<String> phrases;

    /**
     * @param tokens values matched as whole tokens (e-mails, phone digits, names)
     * @param phrases values matched anywhere (addresses, phones as written)
     */
    public OutputScanner(Set<String> tokens, List<String> phrases) {
        this.tokens = Set.copyOf(tokens);
        this.phrases = List.copyOf(phrases);
    }

    /** Every leak found, as "file: value". */
    public List<String> scan(Path... roots) throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".parquet")) {
                        scanParquet(file, leaks);
                    } else if (name.endsWith(".xlsx")) {
                        scanWorkbook(file, leaks);
                    } else {
                        scanText(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1), leaks);
                        scanText(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8), leaks);
                    }
                }
            }
        }
        return leaks;
    }

    public List<String> scanText(String where, String text) {
        List<String> leaks = new ArrayList<>();
        scanText(where, text, leaks);
        return leaks;
    }

    private void scanParquet(Path file, List<String> leaks) {
        var table = TestSpark.session().read().parquet(file.toString());
        List<Column> text = new ArrayList<>();
        for (StructField field : table.schema().fields()) {
            text.add(functions.to_json(functions.struct(functions.col("`" + field.name() + "`"))).cast(DataTypes.StringType));
        }
        for (Row row : table.select(functions.concat_ws("\n", text.toArray(Column[]::new))).collectAsList()) {
            scanText(file.toString(), row.getString(0), leaks);
        }
    }

    private void scanWorkbook(Path file, List<String> leaks) throws IOException {
        // the central directory, not the stream: POI's streaming writer leaves entry sizes to data descriptors
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    scanText(file + "!" + entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8), leaks);
                }
            }
        }
    }

    private void scanText(String where, String text, List<String> leaks) {
        for (String token : text.split("[\\s\"{}\\[\\],:;|<>()«»/=]+")) {
            if (tokens.contains(token)) {
                leaks.add(where + ": " + token);
            }
        }
        String compact = text.replaceAll("[\\s.]", "");
        for (String phrase : phrases) {
            if (text.contains(phrase) || phrase.matches("[0-9+ .]+") && compact.contains(phrase.replaceAll("[\\s.]", ""))) {
                leaks.add(where + ": " + phrase);
            }
        }
    }
}
