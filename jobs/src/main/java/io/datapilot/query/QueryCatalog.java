package io.datapilot.query;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.WarehouseTables;
import io.datapilot.core.fs.HadoopConfigs;
import io.datapilot.core.config.PipelineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        WarehouseTables.list(warehouse, HadoopConfigs.from(config)).forEach((name, path) -> {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + name.substring(0, name.indexOf('.')));
            spark.sql("CREATE TABLE IF NOT EXISTS " + name + " USING delta LOCATION '" + path.replace("'", "\\'") + "'");
            names.add(name);
        });
        return names;
    }

    /** The path of a table named {@code layer.table}, or a clear error listing the tables there are. */
    public static String path(PipelineConfig config, Warehouse warehouse, String name) {
        Map<String, String> tables = WarehouseTables.list(warehouse, HadoopConfigs.from(config));
        String path = tables.get(name.toLowerCase(Locale.ROOT));
        if (path == null) {
            throw new DatapilotException(ErrorKind.USAGE, "No table " + name + " in the warehouse " + warehouse.root()
                    + ". Tables are named layer.table; there are: " + (tables.isEmpty() ? "none (run `datapilot run` first)"
                    : String.join(", ", tables.keySet())) + ".");
        }
        return path;
    }
}
