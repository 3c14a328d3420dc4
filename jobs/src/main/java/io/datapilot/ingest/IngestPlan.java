package io.datapilot.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything ingestion needs to know before reading data: the columns of each source, the data set
 * with resolved references, and which columns are one logical column (same name in several
 * sources, or joined together) and so must share a type.
 */
public record IngestPlan(io.datapilot.core.config.PipelineConfig config, Map<String, SourcePlan> sources,
        Optional<DatasetPlan> dataset, List<List<ColumnRef>> sharedColumns) {

    public IngestPlan {
        sources = new LinkedHashMap<>(sources);
        sharedColumns = List.copyOf(sharedColumns);
    }

    /** A column of a source. */
    public record ColumnRef(String source, String column) {}
}
