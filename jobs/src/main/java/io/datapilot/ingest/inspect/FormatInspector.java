package io.datapilot.ingest.inspect;

import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.SourceConfig;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;

/** Reads what one format needs to know before Spark reads the data: columns and settings. */
interface FormatInspector {

    /**
     * Inspects the files of a source.
     *
     * @param at YAML path of the source, for problems
     * @return the inspection, or null when a problem makes the source unusable (already added)
     */
    SourceInspection inspect(SourceConfig source, String at, List<FileStatus> files, Configuration hadoop,
            ConfigProblems problems) throws IOException;

    /** Up to {@code limit} first bytes of a file. */
    static byte[] head(FileStatus file, Configuration hadoop, int limit) throws IOException {
        try (var in = file.getPath().getFileSystem(hadoop).open(file.getPath())) {
            return in.readNBytes(limit);
        }
    }
}
