package io.datapilot.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator injected, cell by cell, so that tests and benchmarks can measure how much of
 * it later stages detect and repair. Written as a stream: {@code missing_cells.csv},
 * {@code anomalies.csv}, and counts in {@code summary.json}.
 *
 * <p>Row numbers are those ingestion gives ({@code _row_number}): the sheet row for the workbook,
 * the record number (1 = first data record) for CSV and JSON. Column names are the configured ones.
 */
final class GroundTruth implements AutoCloseable {
    private final Path directory;
    private final BufferedWriter missing;
    private final BufferedWriter anomalies;
    private final Map<String, Map<String, Long>> missingCounts = new TreeMap<>();
    private final Map<String, Map<String, String>> mechanisms = new TreeMap<>();
    private final Map<String, Map<String, Long>> anomalyCounts = new TreeMap<>();
    private final Map<String, Long> expectedQuarantine = new TreeMap<>();

    GroundTruth(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.missing = Files.newBufferedWriter(directory.resolve("missing_cells.csv"), StandardCharsets.UTF_8);
        this.anomalies = Files.newBufferedWriter(directory.resolve("anomalies.csv"), StandardCharsets.UTF_8);
        missing.write("source;row_number;column;mechanism\n");
        anomalies.write("source;row_number;column;kind;expected_outcome\n");
    }

    /** A cell left empty on purpose: MCAR, MAR or MNAR. */
    void missing(String source, long row, String column, String mechanism) {
        write(missing, source + ';' + row + ';' + column + ';' + mechanism + '\n');
        missingCounts.computeIfAbsent(source, key -> new TreeMap<>()).merge(column, 1L, Long::sum);
        mechanisms.computeIfAbsent(source, key -> new TreeMap<>()).put(column, mechanism);
    }

    /** A value that is wrong on purpose; {@code quarantine} rows must not reach the bronze table. */
    void anomaly(String source, long row, String column, String kind, boolean quarantine) {
        write(anomalies, source + ';' + row + ';' + column + ';' + kind + ';' + (quarantine ? "quarantine" : "load") + '\n');
        anomalyCounts.computeIfAbsent(source, key -> new TreeMap<>()).merge(kind, 1L, Long::sum);
        if (quarantine) {
            expectedQuarantine.merge(source, 1L, Long::sum);
        }
    }

    void writeSummary(Map<String, Object> facts) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>(facts);
        Map<String, Object> missingSummary = new TreeMap<>();
        missingCounts.forEach((source, columns) -> {
            Map<String, Object> perColumn = new TreeMap<>();
            columns.forEach((column, count) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("count", count);
                entry.put("mechanism", mechanisms.get(source).get(column));
                perColumn.put(column, entry);
            });
            missingSummary.put(source, perColumn);
        });
        summary.put("missing_cells", missingSummary);
        summary.put("anomalies", anomalyCounts);
        summary.put("expected_quarantine", expectedQuarantine);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("summary.json").toFile(), summary);
    }

    private static void write(BufferedWriter writer, String line) {
        try {
            writer.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        missing.close();
        anomalies.close();
    }
}
