package io.datapilot.core.config;

import java.util.List;

/**
 * How the load stage writes the tuned tables.
 *
 * @param index columns to cluster the tuned table by (Z-order); default: the key of the table
 * @param targetFileMb size of the files {@code OPTIMIZE} writes: small enough for a selective filter
 *     to skip most of them
 */
public record LoadConfig(List<String> index, Integer targetFileMb) {

    public LoadConfig {
        index = index == null ? List.of() : List.copyOf(index);
        targetFileMb = targetFileMb == null ? 64 : targetFileMb;
    }

    static LoadConfig defaults() {
        return new LoadConfig(null, null);
    }
}
