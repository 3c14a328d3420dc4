package io.datapilot.core.config;

import java.util.List;

/**
 * How to read JSON.
 *
 * @param multiLine true for one document per file (an array of objects), false for one object per
 *     line; detected from the first character of the file when absent
 * @param explode array columns to turn into one row per element (other arrays are kept as arrays)
 */
public record JsonOptions(Boolean multiLine, List<String> explode) {

    public JsonOptions {
        explode = explode == null ? List.of() : List.copyOf(explode);
    }

    static JsonOptions defaults() {
        return new JsonOptions(null, null);
    }
}
