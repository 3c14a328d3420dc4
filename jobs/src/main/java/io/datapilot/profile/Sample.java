package io.datapilot.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private double[] numbers(String column) {
        return values(column).stream().filter(Objects::nonNull).mapToDouble(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }).filter(value -> !Double.isNaN(value)).sorted().toArray();
    }

    /** Mean of the sample's numbers (0 without any): the shift of the power sums. */
    double mean(String column) {
        double[] numbers = numbers(column);
        return numbers.length == 0 ? 0 : Arrays.stream(numbers).average().orElse(0);
    }

    /** Quartiles of the sample's numbers, interpolated as Spark's percentile does, or null. */
    List<Double> quartiles(String column) {
        double[] numbers = numbers(column);
        if (numbers.length == 0) {
            return null;
        }
        return List.of(percentile(numbers, 0.25), percentile(numbers, 0.5), percentile(numbers, 0.75));
    }

    /** Tukey's fences (Q1 − 1.5 IQR, Q3 + 1.5 IQR) from the sample, or null without numbers. */
    double[] fences(String column) {
        List<Double> quartiles = quartiles(column);
        if (quartiles == null) {
            return null;
        }
        double spread = quartiles.get(2) - quartiles.get(0);
        return new double[] {quartiles.get(0) - 1.5 * spread, quartiles.get(2) + 1.5 * spread};
    }

    /** Whether nine values in ten of the sample are different (an identifier or a fine measure). */
    boolean nearlyUnique(String column) {
        List<String> present = values(column).stream().filter(Objects::nonNull).toList();
        return present.size() >= 100 && new HashSet<>(present).size() >= 0.9 * present.size();
    }

    private static double percentile(double[] sorted, double fraction) {
        double position = fraction * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
