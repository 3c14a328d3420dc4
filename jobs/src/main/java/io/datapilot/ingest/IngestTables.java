package io.datapilot.ingest;

import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;

/** Names of the tables ingestion writes. */
public final class IngestTables {
    public static final String QUARANTINE = "quarantine";
    public static final String RUNS = "ingest_runs";
    public static final String JOINS = "join_report";
    public static final String COLUMNS = "column_origins";
    public static final String PERSONAL_DATA = "personal_data";

    public static final String SOURCE_FILE = "_source_file";
    public static final String ROW_NUMBER = "_row_number";
    public static final String INGESTED_AT = "_ingested_at";

    private IngestTables() {}

    public static String bronze(Warehouse warehouse, String name) {
        return warehouse.table(Layer.BRONZE, name);
    }

    public static String audit(Warehouse warehouse, String name) {
        return warehouse.table(Layer.AUDIT, name);
    }
}
