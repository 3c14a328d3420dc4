package io.datapilot.ingest;

import io.datapilot.core.config.RelationKind;
import io.datapilot.core.config.SourceFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What an ingestion run read, loaded and set aside, per source and for the data set. */
public record IngestResult(LocalDate runDate, List<SourceResult> sources, Optional<DatasetResult> dataset) {

    public IngestResult {
        sources = List.copyOf(sources);
    }

    /** Counts of one source: {@code rowsRead == rowsLoaded + rowsQuarantined}. */
    public record SourceResult(String source, SourceFormat format, int files, int columns, long rowsRead,
            long rowsLoaded, long rowsQuarantined, double maxBadRowsRatio, List<ReasonCount> topReasons,
            Duration duration) {
        public SourceResult {
            topReasons = List.copyOf(topReasons);
            if (rowsRead != rowsLoaded + rowsQuarantined) {
                throw new IllegalStateException("Counts of " + source + " are not conserved: read " + rowsRead
                        + ", loaded " + rowsLoaded + ", quarantined " + rowsQuarantined);
            }
        }

        public double badRowsRatio() {
            return rowsRead == 0 ? 0 : (double) rowsQuarantined / rowsRead;
        }

        public boolean exceedsRatio() {
            return badRowsRatio() > maxBadRowsRatio;
        }
    }

    /** How many bad rows gave one reason. */
    public record ReasonCount(String reason, long rows) {}

    /** The integrated data set and how each related source joined it. */
    public record DatasetResult(String name, long rows, int columns, long baseRows, List<RelationResult> relations) {
        public DatasetResult {
            relations = List.copyOf(relations);
        }
    }

    /**
     * How a related source met the base entity's keys.
     *
     * @param unmatchedRows source rows whose key is not a base key (not in the data set, counted here)
     * @param baseRowsWithoutMatch base rows that no source row matches
     * @param duplicateKeys lookup keys found more than once (the first row by row number is used)
     */
    public record RelationResult(String source, RelationKind kind, long sourceRows, long sourceKeys, long matchedRows,
            long unmatchedRows, long unmatchedKeys, long nullKeyRows, long baseRowsWithoutMatch, long duplicateKeys) {}
}
