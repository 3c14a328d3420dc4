package io.datapilot.core.delta;

import io.datapilot.core.delta.Warehouse.Layer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The Delta tables a warehouse holds, found by listing its layer folders (no Spark job). */
public final class WarehouseTables {
    private WarehouseTables() {}

    /** {@code layer.table} → location, layer by layer, tables in name order. */
    public static Map<String, String> list(Warehouse warehouse, Configuration hadoop) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (Layer layer : Layer.values()) {
            Path folder = new Path(warehouse.table(layer, ""));
            try {
                FileSystem fs = folder.getFileSystem(hadoop);
                if (!fs.exists(folder)) {
                    continue;
                }
                FileStatus[] children = fs.listStatus(folder);
                Arrays.sort(children);
                for (FileStatus child : children) {
                    if (child.isDirectory() && fs.exists(new Path(child.getPath(), "_delta_log"))) {
                        tables.put(Warehouse.displayName(layer, child.getPath().getName()), child.getPath().toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return tables;
    }
}
