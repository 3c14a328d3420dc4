package io.datapilot.rgpd.erasure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.delta.DeltaMaintenance;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The subject's values where they are plain values rather than rows: the audit's profiles and
 * dictionary (minimum, maximum, examples, most frequent values), the statistics' modalities. The rows
 * that hold one get it replaced by {@value ValuePattern#ERASED} in every text, list or nested text
 * column ({@code UPDATE}), then the table is vacuumed like a deletion.
 */
final class Redaction {
    private Redaction() {}

    /** What redacting one table did. */
    record Redacted(String table, long rows, long versionBefore, long versionAfter, DeltaMaintenance.Result maintenance) {}

    static List<Redacted> redact(SparkSession spark, Map<String, String> tables, ValuePattern values, int vacuumHours, String setting) {
        List<Redacted> redacted = new ArrayList<>();
        if (values.isEmpty()) {
            return redacted;
        }
        UserDefinedFunction holds = functions.udf(values.holder(), DataTypes.BooleanType).withName("erasure_holds");
        UserDefinedFunction redact = functions.udf(values.redactor(), DataTypes.StringType).withName("erasure_redact");
        tables.forEach((name, path) -> {
            Dataset<Row> table = spark.read().format("delta").load(path);
            Map<String, Column> set = new LinkedHashMap<>();
            for (StructField field : table.schema().fields()) {
                if (holdsText(field.dataType())) {
                    set.put(field.name(), redacted(col("`" + field.name() + "`"), field.dataType(), redact));
                }
            }
            if (set.isEmpty()) {
                return;
            }
            Column condition = holds.apply(to_json(struct(set.keySet().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new))));
            long rows = table.where(condition).count();
            if (rows == 0) {
                return;
            }
            long before = DeltaMaintenance.version(spark, path);
            DeltaTable.forPath(spark, path).update(condition, set);
            long after = DeltaMaintenance.version(spark, path);
            redacted.add(new Redacted(name, rows, before, after, DeltaMaintenance.finish(spark, path, vacuumHours, setting)));
        });
        return redacted;
    }

    private static boolean holdsText(DataType type) {
        if (type instanceof StructType struct) {
            return java.util.Arrays.stream(struct.fields()).anyMatch(field -> holdsText(field.dataType()));
        }
        return type == DataTypes.StringType || type instanceof ArrayType array && holdsText(array.elementType());
    }

    private static Column redacted(Column value, DataType type, UserDefinedFunction redact) {
        if (type == DataTypes.StringType) {
            return redact.apply(value);
        }
        if (type instanceof ArrayType array && holdsText(array.elementType())) {
            return functions.transform(value, element -> redacted(element, array.elementType(), redact));
        }
        if (type instanceof StructType struct && holdsText(struct)) {
            Column[] fields = java.util.Arrays.stream(struct.fields())
                    .map(field -> redacted(value.getField(field.name()), field.dataType(), redact).as(field.name())).toArray(Column[]::new);
            return when(value.isNull(), functions.lit(null).cast(struct)).otherwise(struct(fields));
        }
        return value;
    }
}
