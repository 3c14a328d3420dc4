package io.datapilot.core.config;

import java.util.Locale;
import java.util.Optional;

/** File formats a source can be read from. */
public enum SourceFormat {
    CSV,
    XLSX,
    JSON,
    PARQUET;

    /** The format a file name suggests, when the config does not say. */
    public static Optional<SourceFormat> fromFileName(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
            return Optional.of(XLSX);
        }
        if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSON);
        }
        if (lower.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
