package io.datapilot.core.config;

import java.util.List;

/**
 * How the load stage writes the tuned tables.
 *
 * @param index columns to cluster the tuned table by (Z-order); default: the key of the table
 * @param targetFileMb size of the files {@code OPTIMIZE} writes: small enough for a selective filter
 *     to skip most of them
 * @param compression Parquet codec of the tuned table's files (the untuned table keeps Spark's
 *     default, snappy): one of {@link #CODECS}
 * @param onOverflow what to do when new data does not fit the types the tuned table has from earlier
 *     run dates: {@code stop} (nothing written, the fix printed) or {@code widen} (wider types chosen
 *     from all the data, then the load goes on)
 * @param clustering how the tuned table is clustered by its index: {@code zorder} (partitioned by run
 *     date, {@code OPTIMIZE … ZORDER BY}) or {@code liquid} ({@code CLUSTER BY (_run_date, index)},
 *     not partitioned, {@code OPTIMIZE} clusters incrementally)
 * @param timingMinMb size of a run date's untuned data (MiB) below which the query timings are
 *     measured and kept but give no verdict: on a small table Spark's fixed cost per query dominates
 */
public record LoadConfig(List<String> index, Integer targetFileMb, String compression, String onOverflow, String clustering,
        Integer timingMinMb) {
    public static final List<String> CODECS = List.of("zstd", "snappy", "gzip", "lz4", "uncompressed");
    public static final List<String> OVERFLOW_POLICIES = List.of("stop", "widen");
    public static final List<String> CLUSTERINGS = List.of("zorder", "liquid");
    /** Liquid clustering takes at most four columns, the run date being one. */
    public static final int LIQUID_INDEX_MAX = 3;
    /** One default file's worth of data: below it, data skipping has little to skip and fixed costs decide the times. */
    public static final int DEFAULT_TIMING_MIN_MB = 64;

    public LoadConfig {
        index = index == null ? List.of() : List.copyOf(index);
        targetFileMb = targetFileMb == null ? 64 : targetFileMb;
        compression = compression == null ? "zstd" : compression;
        onOverflow = onOverflow == null ? "stop" : onOverflow;
        clustering = clustering == null ? "zorder" : clustering;
        timingMinMb = timingMinMb == null ? DEFAULT_TIMING_MIN_MB : timingMinMb;
    }

    public LoadConfig(List<String> index, Integer targetFileMb, String compression, String onOverflow, String clustering) {
        this(index, targetFileMb, compression, onOverflow, clustering, null);
    }

    /** {@link #timingMinMb} in bytes. */
    public long timingMinBytes() {
        return timingMinMb * 1024L * 1024L;
    }

    public boolean liquid() {
        return clustering.equals("liquid");
    }

    public boolean widens() {
        return onOverflow.equals("widen");
    }

    static LoadConfig defaults() {
        return new LoadConfig(null, null, null, null, null, null);
    }
}
