package io.datapilot.core.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One input: files of one format and one grain. */
public record SourceConfig(
        String name,
        String description,
        SourceFormat format,
        String path,
        String grain,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> key,
        CsvOptions csv,
        XlsxOptions xlsx,
        JsonOptions json,
        NumberFormat numberFormat,
        List<String> dateFormats,
        List<String> nullValues,
        Map<String, ColumnConfig> columns,
        Double maxBadRowsRatio,
        Integer detectSampleRows) {

    /** {@code key: auto}: rows get a generated key, {@link #GENERATED_KEY}, from their file and row number. */
    public static final String AUTO_KEY = "auto";
    /** The generated key's column: file name and row number ({@code meteo.csv:1}), stable across reruns of the same files. */
    public static final String GENERATED_KEY = "id_ligne";
    /** Column metadata marking the generated key: later stages leave it out of duplicates, features and statistics. */
    public static final String GENERATED_KEY_METADATA = "datapilot.generated_key";
    public static final double DEFAULT_MAX_BAD_ROWS_RATIO = 0.01;
    public static final int DEFAULT_DETECT_SAMPLE_ROWS = 10_000;
    /**
     * Texts read as "no value" by default: pandas' usual markers and the French "non communiqué".
     * "NC" and "-" are left out on purpose (a department code, a real value in some exports).
     */
    public static final List<String> DEFAULT_NULL_VALUES =
            List.of("", "NA", "N/A", "n/a", "NULL", "null", "NaN", "nan", "n.c.", "N.C.");

    public SourceConfig {
        // nulls stay: the validator names the entries that could not be read
        key = key == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(key));
        csv = csv == null ? CsvOptions.defaults() : csv;
        xlsx = xlsx == null ? XlsxOptions.defaults() : xlsx;
        json = json == null ? JsonOptions.defaults() : json;
        numberFormat = numberFormat == null ? NumberFormat.AUTO : numberFormat;
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
        nullValues = nullValues == null ? DEFAULT_NULL_VALUES : List.copyOf(nullValues);
        // keep the YAML order: it is the order people read and expect in outputs
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        maxBadRowsRatio = maxBadRowsRatio == null ? DEFAULT_MAX_BAD_ROWS_RATIO : maxBadRowsRatio;
        detectSampleRows = detectSampleRows == null ? DEFAULT_DETECT_SAMPLE_ROWS : detectSampleRows;
    }

    /** Whether the rows get a generated key ({@code key: auto}, or no key on the data set's base source). */
    public boolean generatedKey() {
        return key.size() == 1 && AUTO_KEY.equalsIgnoreCase(key.get(0));
    }

    /** The key's columns: the declared ones, or the generated key's column. */
    @Override
    public List<String> key() {
        return generatedKey() ? List.of(GENERATED_KEY) : key;
    }

    SourceConfig withGeneratedKey() {
        return new SourceConfig(name, description, format, path, grain, List.of(AUTO_KEY), csv, xlsx, json,
                numberFormat, dateFormats, nullValues, columns, maxBadRowsRatio, detectSampleRows);
    }

    /** The declared format, or the one the file extension suggests (null when neither). */
    public SourceFormat effectiveFormat() {
        if (format != null) {
            return format;
        }
        return path == null ? null : SourceFormat.fromFileName(path).orElse(null);
    }

    SourceConfig withPath(String resolvedPath) {
        return new SourceConfig(name, description, format, resolvedPath, grain, key, csv, xlsx, json,
                numberFormat, dateFormats, nullValues, columns, maxBadRowsRatio, detectSampleRows);
    }
}
