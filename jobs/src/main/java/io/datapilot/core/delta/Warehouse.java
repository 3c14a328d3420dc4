package io.datapilot.core.delta;

import static java.util.Objects.requireNonNull;

/**
 * Where each table lives: {@code <root>/<layer>/<name>}, a Delta table per folder.
 *
 * <p>The root is a local folder or any Hadoop URI ({@code s3a://bucket/dp}, {@code hdfs://nn/dp}).
 */
public record Warehouse(String root) {

    /** The layers of the data flow, in order. */
    public enum Layer {
        /** One typed table per source, plus the integrated data set, as ingested. */
        BRONZE,
        /** What ingestion and later stages record about the run: quarantine, counts, joins. */
        AUDIT,
        SILVER,
        GOLD,
        GOVERNANCE;

        public String folder() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Warehouse {
        requireNonNull(root, "root is null");
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String table(Layer layer, String name) {
        return root + "/" + layer.folder() + "/" + name;
    }

    /** The name analysts use for a table: {@code bronze.clients} or {@code audit.quarantine}. */
    public static String displayName(Layer layer, String name) {
        return layer.folder() + "." + name;
    }
}
