package io.datapilot.query;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.fs.HadoopConfigs;
import io.datapilot.core.config.PipelineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Makes every Delta table of the warehouse queryable by name ({@code silver.clients_360}): one
 * database per layer, one external table per folder, in the session's catalog (in memory by
 * default; persistent when the configuration's {@code spark} section sets a Hive metastore).
 */
public final class QueryCatalog {
    private QueryCatalog() {}

    /** Registers the tables and returns their names, {@code layer.table}. */
    public static List<String> register(SparkSession spark, PipelineConfig config, Warehouse warehouse) {
        List<String> names = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            Path folder = new Path(warehouse.table(layer, ""));
            try {
                FileSystem fs = folder.getFileSystem(HadoopConfigs.from(config));
                if (!fs.exists(folder)) {
                    continue;
                }
                FileStatus[] children = fs.listStatus(folder);
                Arrays.sort(children);
                for (FileStatus child : children) {
                    if (!child.isDirectory() || !fs.exists(new Path(child.getPath(), "_delta_log"))) {
                        continue;
                    }
                    String name = layer.folder() + "." + child.getPath().getName();
                    spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.folder());
                    spark.sql("CREATE TABLE IF NOT EXISTS " + name + " USING delta LOCATION '" + child.getPath().toString()
                            .replace("'", "\\'") + "'");
                    names.add(name);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return names;
    }

    /** The path of a table named {@code layer.table}, or a clear error listing the tables there are. */
    public static String path(SparkSession spark, PipelineConfig config, Warehouse warehouse, String name) {
        List<String> known = register(spark, config, warehouse);
        if (!known.contains(name.toLowerCase(Locale.ROOT))) {
            throw new DatapilotException(ErrorKind.USAGE, "No table " + name + " in the warehouse " + warehouse.root()
                    + ". Tables are named layer.table; there are: " + (known.isEmpty() ? "none (run `datapilot run` first)"
                    : String.join(", ", known)) + ".");
        }
        String[] parts = name.toLowerCase(Locale.ROOT).split("\\.", 2);
        return warehouse.table(Layer.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1]);
    }
}
