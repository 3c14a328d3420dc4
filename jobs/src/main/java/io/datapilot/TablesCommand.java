package io.datapilot;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.WarehouseTables;
import io.datapilot.core.fs.HadoopConfigs;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.FractionalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datapilot tables}: every Delta table of the warehouse with its version, rows, files and
 * size; with {@code --checksums}, a fingerprint of its content that two runs can compare.
 */
@Command(name = "tables", description = "List the warehouse's Delta tables: version, rows, files, size (and, with"
        + " --checksums, a fingerprint of each table's content to compare two warehouses).")
public final class TablesCommand extends DatapilotCommand {
    /**
     * Columns that measure the run rather than the data (when — every {@code _..._at} column — and
     * how long it ran, how many Spark jobs, files and bytes on disk or read): left out of the
     * checksum, so that two runs on the same data compare equal.
     */
    static final Set<String> RUN_MEASURES = Set.of("duration_ms", "spark_jobs", "disk_bytes", "memory_bytes_estimate", "median_seconds",
            "min_seconds", "max_seconds", "files_read", "files_total", "bytes_read", "table_bytes", "run_date_bytes", "training_seconds");

    static boolean runMeasure(String column) {
        return RUN_MEASURES.contains(column) || column.startsWith("_") && column.endsWith("_at");
    }

    @Option(names = "--json", description = "Print JSON (one object per table).")
    boolean json;

    @Option(names = "--checksums", description = "Also read every table once to compute its content checksum.")
    boolean checksums;

    /** One table of the warehouse. */
    public record TableInfo(String table, long version, long rows, long files, long bytes, String checksum) {}

    @Override
    protected boolean oneShot() {
        return true;
    }

    @Override
    protected int run(RunContext context) {
        List<TableInfo> tables = list(context.spark(), context.warehouse(), HadoopConfigs.from(context.config()), checksums);
        if (json) {
            try {
                context.out().println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tables));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
        ConsoleTable table = ConsoleTable.of("table", "version", "rows", "files", "size", "checksum");
        for (TableInfo info : tables) {
            table.row(info.table(), info.version(), Numbers.count(info.rows()), Numbers.count(info.files()),
                    Numbers.decimal(info.bytes() / 1024.0, 1) + " Kio", info.checksum() == null ? "" : info.checksum());
        }
        context.out().println("Delta tables of " + context.warehouse().root());
        context.out().print(table.render());
        return 0;
    }

    public static List<TableInfo> list(SparkSession spark, Warehouse warehouse, org.apache.hadoop.conf.Configuration hadoop,
            boolean withChecksums) {
        List<TableInfo> tables = new ArrayList<>();
        WarehouseTables.list(warehouse, hadoop).forEach((name, path) -> tables.add(info(spark, name, path, withChecksums)));
        return tables;
    }

    private static TableInfo info(SparkSession spark, String name, String path, boolean withChecksum) {
        Snapshot snapshot = DeltaLog.forTable(spark, path).update(false, scala.Option.empty(), scala.Option.empty());
        Dataset<Row> data = spark.read().format("delta").load(path);
        List<Column> hashed = new ArrayList<>();
        for (StructField field : data.schema().fields()) {
            if (!runMeasure(field.name())) {
                hashed.add(comparable(col("`" + field.name() + "`"), field.dataType()));
            }
        }
        Row totals = withChecksum && !hashed.isEmpty()
                ? data.agg(count(lit(1)), sum(xxhash64(hashed.toArray(Column[]::new)).cast("decimal(38,0)"))).first()
                : data.agg(count(lit(1))).first();
        String checksum = withChecksum && !hashed.isEmpty() ? (totals.isNullAt(1) ? "0" : totals.getDecimal(1).toPlainString()) : null;
        return new TableInfo(name, snapshot.version(), totals.getLong(0), snapshot.numOfFiles(), snapshot.sizeInBytes(), checksum);
    }

    /** Decimals rounded to 6 places: sums of doubles depend on the order tasks add them in. */
    private static Column comparable(Column value, DataType type) {
        if (type instanceof FractionalType && !(type instanceof org.apache.spark.sql.types.DecimalType)) {
            return round(value, 6);
        }
        if (type instanceof ArrayType array && array.elementType() instanceof FractionalType) {
            return transform(value, element -> round(element, 6));
        }
        if (type instanceof StructType || type instanceof MapType || type instanceof ArrayType) {
            return to_json(value);
        }
        return value;
    }
}
