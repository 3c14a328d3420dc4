package io.datapilot.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The first rows of a table as text, bounded, for semantic types and examples. */
final class Sample {
    private final Map<String, List<String>> values;

    private Sample(Map<String, List<String>> values) {
        this.values = values;
    }

    static Sample of(Dataset<Row> table, List<StructField> fields, int rows) {
        List<Column> text = new ArrayList<>();
        for (StructField field : fields) {
            Column value = col(Profiler.quoted(field.name()));
            boolean nested = field.dataType() instanceof ArrayType || field.dataType() instanceof StructType
                    || field.dataType() instanceof MapType;
            text.add((nested ? to_json(value) : value.cast(DataTypes.StringType)).alias(field.name()));
        }
        List<Row> collected = table.select(text.toArray(Column[]::new)).limit(rows).collectAsList();
        Map<String, List<String>> values = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            List<String> column = new ArrayList<>(collected.size());
            for (Row row : collected) {
                column.add(row.isNullAt(i) ? null : row.getString(i));
            }
            values.put(fields.get(i).name(), column);
        }
        return new Sample(values);
    }

    List<String> values(String column) {
        return values.getOrDefault(column, List.of());
    }
}
