package io.datapilot.ingest.inspect;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import java.util.List;

/**
 * What the inspection learnt of a source before any Spark work: its files, its columns as written
 * in the files, and the reading settings it resolved ({@code auto} encoding, separator...).
 *
 * @param yamlPath where the source is in the configuration, for messages ({@code sources[1]})
 * @param columns columns in file order; nested JSON/Parquet fields as paths
 * @param encoding resolved encoding (CSV)
 * @param separator resolved separator (CSV)
 * @param multiLine resolved JSON layout (one document per file)
 * @param sheet resolved sheet name (XLSX)
 * @param firstDataRow 1-based spreadsheet row of the first data row (XLSX), for messages
 * @param expectedRows data rows counted in the files without Spark, or -1 when not counted (XLSX
 *     only: spark-excel skips a workbook it fails to read instead of failing, so its row count is
 *     checked against this one)
 */
public record SourceInspection(
        SourceConfig source,
        String yamlPath,
        SourceFormat format,
        List<String> files,
        List<OriginalColumn> columns,
        String encoding,
        char separator,
        boolean multiLine,
        String sheet,
        int firstDataRow,
        long expectedRows) {

    public SourceInspection {
        requireNonNull(source, "source is null");
        files = List.copyOf(files);
        columns = List.copyOf(columns);
    }

    public String name() {
        return source.name();
    }

    /** A column as the file names it: one element, or the path of a nested field. */
    public record OriginalColumn(List<String> path) {
        public OriginalColumn {
            path = List.copyOf(path);
        }

        public static OriginalColumn of(String name) {
            return new OriginalColumn(List.of(name));
        }

        public String display() {
            return String.join(".", path);
        }
    }
}
