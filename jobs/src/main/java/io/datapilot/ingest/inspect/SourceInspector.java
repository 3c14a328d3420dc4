package io.datapilot.ingest.inspect;

import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;

/**
 * Checks every source's files before Spark starts: they exist, are not empty, decode, and have a
 * header; reports problems into the same list as the configuration checks.
 */
public final class SourceInspector {
    private SourceInspector() {}

    /** Inspections of the usable sources, by source name, in configuration order. */
    public static Map<String, SourceInspection> inspectAll(PipelineConfig config, Configuration hadoop,
            ConfigProblems problems) {
        Map<String, SourceInspection> inspections = new LinkedHashMap<>();
        for (int i = 0; i < config.sources().size(); i++) {
            SourceConfig source = config.sources().get(i);
            if (source == null || source.path() == null || source.effectiveFormat() == null || source.name() == null) {
                continue;
            }
            String at = "sources[" + i + "]";
            SourceInspection inspection = inspect(source, at, hadoop, problems);
            if (inspection != null) {
                inspections.put(source.name(), inspection);
            }
        }
        return inspections;
    }

    static SourceInspection inspect(SourceConfig source, String at, Configuration hadoop, ConfigProblems problems) {
        try {
            List<FileStatus> files = SourceFiles.list(source.path(), hadoop);
            if (files.isEmpty()) {
                problems.add(at + ".path", "no file matches " + source.path() + "; check the path"
                        + " (relative paths are resolved against base_dir, itself relative to the configuration file).");
                return null;
            }
            return inspector(source.effectiveFormat()).inspect(source, at, files, hadoop, problems);
        } catch (IOException e) {
            problems.addData(at + ".path", "cannot read " + source.path() + ": " + e.getMessage()
                    + ". Check that the files exist and that this user may read them.");
            return null;
        }
    }

    private static FormatInspector inspector(SourceFormat format) {
        return switch (format) {
            case CSV -> new CsvInspector();
            case XLSX -> new XlsxInspector();
            case JSON -> new JsonInspector();
            case PARQUET -> new ParquetInspector();
        };
    }
}
