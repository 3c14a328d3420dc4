package io.datapilot.core.delta;

import java.lang.reflect.RecordComponent;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Result records as a DataFrame: one column per record component, in snake_case, after a
 * {@code table} column, followed by the run columns. Not-a-number and infinite values become null
 * (Delta and analysts' tools read null as "not defined").
 */
public final class RecordRows {
    private RecordRows() {}

    public static <R extends Record> Dataset<Row> frame(SparkSession spark, Class<R> type, List<Tagged<R>> records, Timestamp at,
            Date runDate) {
        return frame(spark, type, records, at, runDate, true);
    }

    /** The records without the {@code table} column, for results that are not about one table each. */
    public static <R extends Record> Dataset<Row> untagged(SparkSession spark, Class<R> type, List<R> records, Timestamp at, Date runDate) {
        return frame(spark, type, records.stream().map(record -> new Tagged<>(null, record)).toList(), at, runDate, false);
    }

    private static <R extends Record> Dataset<Row> frame(SparkSession spark, Class<R> type, List<Tagged<R>> records, Timestamp at,
            Date runDate, boolean withTable) {
        RecordComponent[] components = type.getRecordComponents();
        int first = withTable ? 1 : 0;
        StructType schema = withTable ? new StructType().add("table", DataTypes.StringType) : new StructType();
        for (RecordComponent component : components) {
            schema = schema.add(io.datapilot.core.text.Names.snake(component.getName()), sparkType(component.getType()));
        }
        schema = schema.add("_computed_at", DataTypes.TimestampType).add("_run_date", DataTypes.DateType);
        List<Row> rows = new ArrayList<>();
        for (Tagged<R> tagged : records) {
            Object[] values = new Object[components.length + first + 2];
            if (withTable) {
                values[0] = tagged.table();
            }
            for (int i = 0; i < components.length; i++) {
                values[i + first] = value(components[i], tagged.record());
            }
            values[components.length + first] = at;
            values[components.length + first + 1] = runDate;
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema);
    }

    /** A record of the given table. */
    public record Tagged<R>(String table, R record) {}

    private static Object value(RecordComponent component, Object record) {
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            // the stages keep their row records package-private: their public accessors are not reachable from here otherwise
            accessor.setAccessible(true);
            Object value = accessor.invoke(record);
            if (value instanceof Double d && !Double.isFinite(d)) {
                return null;
            }
            if (value instanceof java.time.LocalDate date) {
                return Date.valueOf(date);
            }
            if (value instanceof java.time.Instant instant) {
                return Timestamp.from(instant);
            }
            return value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record, e);
        }
    }

    private static DataType sparkType(Class<?> type) {
        if (type == double.class || type == Double.class) {
            return DataTypes.DoubleType;
        }
        if (type == long.class || type == Long.class) {
            return DataTypes.LongType;
        }
        if (type == int.class || type == Integer.class) {
            return DataTypes.IntegerType;
        }
        if (type == boolean.class || type == Boolean.class) {
            return DataTypes.BooleanType;
        }
        if (type == String.class) {
            return DataTypes.StringType;
        }
        if (type == java.time.LocalDate.class) {
            return DataTypes.DateType;
        }
        if (type == java.time.Instant.class) {
            return DataTypes.TimestampType;
        }
        throw new IllegalArgumentException("No Spark type for " + type);
    }

}
