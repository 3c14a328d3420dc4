package io.datapilot.ingest.read;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;

import io.datapilot.core.text.Names;
import io.datapilot.ingest.SourcePlan;
import io.datapilot.ingest.SourcePlan.PlannedColumn;
import io.datapilot.ingest.inspect.SourceInspection.OriginalColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads JSON (every scalar as text, so that numbers and dates are parsed like CSV values) or
 * Parquet (values keep their types), explodes the arrays the configuration names into one row per
 * element, and flattens nested objects: {@code adresse.ville} becomes {@code adresse_ville}.
 */
final class NestedReader implements RawReader {
    private final boolean json;

    NestedReader(boolean json) {
        this.json = json;
    }

    @Override
    public RawSource read(SparkSession spark, SourcePlan plan) {
        Dataset<Row> scanned;
        if (json) {
            scanned = spark.read().format("json")
                    .option("primitivesAsString", true)
                    .option("multiLine", plan.inspection().multiLine())
                    .option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", RawSource.CORRUPT)
                    .load(RawReader.files(plan));
        } else {
            scanned = spark.read().parquet(RawReader.files(plan));
        }
        Dataset<Row> rows = RawReader.withPosition(scanned);
        Map<List<String>, String> exploded = new LinkedHashMap<>();
        for (String reference : json ? plan.source().json().explode() : List.<String>of()) {
            List<String> path = arrayPath(rows.schema(), reference, exploded);
            if (path != null) {
                String temporary = "_exploded_" + exploded.size();
                rows = rows.withColumn(temporary, explode_outer(pathColumn(path, exploded)));
                exploded.put(path, temporary);
            }
        }
        Map<List<String>, Column> leaves = new LinkedHashMap<>();
        StructType schema = rows.schema();
        flatten(schema, List.of(), null, exploded, leaves);
        for (Map.Entry<List<String>, String> entry : exploded.entrySet()) {
            DataType type = schema.apply(entry.getValue()).dataType();
            if (type instanceof StructType struct) {
                flatten(struct, entry.getKey(), col(entry.getValue()), exploded, leaves);
            } else {
                leaves.put(entry.getKey(), col(entry.getValue()));
            }
        }
        SourcePlan full = planWithFoundColumns(plan, leaves.keySet());
        return new RawSource(full, select(rows, full, leaves));
    }

    private static Dataset<Row> select(Dataset<Row> rows, SourcePlan full, Map<List<String>, Column> leaves) {
        List<Column> columns = new ArrayList<>();
        for (PlannedColumn column : full.columns()) {
            Column leaf = leaves.get(column.original().path());
            columns.add((leaf == null ? lit(null).cast(DataTypes.StringType) : leaf).alias(column.name()));
        }
        for (String meta : List.of(RawSource.CORRUPT, RawSource.FILE, RawSource.BLOCK, RawSource.PARTITION, RawSource.SEQUENCE)) {
            if (List.of(rows.columns()).contains(meta)) {
                columns.add(col(meta));
            }
        }
        return rows.select(columns.toArray(Column[]::new));
    }

    /** The plan plus any field Spark found that the inspection of the first records did not. */
    private static SourcePlan planWithFoundColumns(SourcePlan plan, Set<List<String>> found) {
        Set<List<String>> known = new HashSet<>();
        plan.columns().forEach(column -> known.add(column.original().path()));
        List<PlannedColumn> columns = new ArrayList<>(plan.columns());
        Set<String> taken = new HashSet<>(plan.names());
        for (List<String> path : found) {
            if (!known.contains(path)) {
                String name = Names.unique(SourcePlan.normalisedPath(path), taken);
                columns.add(new PlannedColumn(new OriginalColumn(path), name, columns.size() + 1, null));
            }
        }
        return new SourcePlan(plan.inspection(), columns);
    }

    private static void flatten(StructType struct, List<String> prefix, Column parent,
            Map<List<String>, String> exploded, Map<List<String>, Column> leaves) {
        for (StructField field : struct.fields()) {
            if (prefix.isEmpty() && (field.name().startsWith("_exploded_") || isBookkeeping(field.name()))) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(field.name());
            if (exploded.containsKey(path)) {
                continue;
            }
            Column column = parent == null ? col("`" + field.name().replace("`", "``") + "`") : parent.getField(field.name());
            if (field.dataType() instanceof StructType nested) {
                flatten(nested, path, column, exploded, leaves);
            } else {
                leaves.put(path, column);
            }
        }
    }

    private static boolean isBookkeeping(String name) {
        return name.equals(RawSource.CORRUPT) || name.equals(RawSource.FILE) || name.equals(RawSource.BLOCK)
                || name.equals(RawSource.PARTITION) || name.equals(RawSource.SEQUENCE);
    }

    /** The path of the array a configuration reference names (dotted original or normalised). */
    private static List<String> arrayPath(StructType schema, String reference, Map<List<String>, String> exploded) {
        List<List<String>> arrays = new ArrayList<>();
        collectArrays(schema, List.of(), arrays);
        exploded.forEach((path, temporary) -> {
            DataType type = schema.apply(temporary).dataType();
            if (type instanceof StructType struct) {
                collectArrays(struct, path, arrays);
            }
        });
        for (List<String> path : arrays) {
            if (String.join(".", path).equals(reference) || SourcePlan.normalisedPath(path).equals(reference)) {
                return exploded.containsKey(path) ? null : path;
            }
        }
        return null;
    }

    private static void collectArrays(StructType struct, List<String> prefix, List<List<String>> out) {
        for (StructField field : struct.fields()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(field.name());
            if (field.dataType() instanceof ArrayType) {
                out.add(path);
            } else if (field.dataType() instanceof StructType nested) {
                collectArrays(nested, path, out);
            }
        }
    }

    private static Column pathColumn(List<String> path, Map<List<String>, String> exploded) {
        for (int length = path.size() - 1; length > 0; length--) {
            String temporary = exploded.get(path.subList(0, length));
            if (temporary != null) {
                Column column = col(temporary);
                for (String part : path.subList(length, path.size())) {
                    column = column.getField(part);
                }
                return column;
            }
        }
        Column column = col("`" + path.get(0).replace("`", "``") + "`");
        for (String part : path.subList(1, path.size())) {
            column = column.getField(part);
        }
        return column;
    }
}
