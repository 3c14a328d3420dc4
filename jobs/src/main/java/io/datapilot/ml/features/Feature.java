package io.datapilot.ml.features;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * A column given to a model, and how the model sees it.
 *
 * <p>Spark types are only touched by {@link #of}: the local scorer, which runs without Spark on its
 * class path, uses this record too.
 */
public record Feature(String column, FeatureKind kind) {

    public Feature {
        requireNonNull(column, "column is null");
        requireNonNull(kind, "kind is null");
        if (column.isBlank()) {
            throw new IllegalArgumentException("Invalid feature: the column name is blank");
        }
    }

    /** The feature for a column of a Spark type: numbers, booleans, dates and timestamps, text. */
    public static Feature of(String column, DataType type) {
        requireNonNull(type, "type is null");
        FeatureKind kind;
        if (type instanceof NumericType) {
            kind = FeatureKind.NUMERIC;
        } else if (type instanceof BooleanType) {
            kind = FeatureKind.BOOLEAN;
        } else if (type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType) {
            kind = FeatureKind.DATE;
        } else if (type instanceof StringType) {
            kind = FeatureKind.CATEGORICAL;
        } else {
            throw new IllegalArgumentException("Cannot use column '" + column + "' of type " + type.simpleString()
                    + " as a feature: only numbers, booleans, dates, timestamps and text are supported;"
                    + " convert it or leave it out of the feature list");
        }
        return new Feature(column, kind);
    }
}
