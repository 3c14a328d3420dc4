package io.datapilot.ml.knn;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The parameters the KNN estimators and models share, made for each owner (Spark finds a stage's
 * parameters through its public methods returning a {@link Param}, and copies them by name), and
 * the schema checks they share.
 */
final class KnnParams {
    private KnnParams() {}

    static final int DEFAULT_K = 5;

    static IntParam k(String uid) {
        return new IntParam(uid, "k", "number of neighbours (> 0)", ParamValidators.gt(0));
    }

    static Param<String> distance(String uid) {
        return new Param<>(uid, "distance", "distance between rows: euclidean or manhattan",
                ParamValidators.inArray(List.of("euclidean", "manhattan")));
    }

    static Param<String> weighting(String uid) {
        return new Param<>(uid, "weighting", "weight of a neighbour's vote: uniform (1) or distance (1/distance; only the"
                + " neighbours at distance 0 vote if there are any)", ParamValidators.inArray(List.of("uniform", "distance")));
    }

    static Param<String> column(String uid, String name, String doc) {
        return new Param<>(uid, name, doc);
    }

    static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Checks that the features column is a vector column. */
    static void checkFeatures(StructType schema, String featuresColumn) {
        DataType type = field(schema, featuresColumn, "features").dataType();
        if (!type.equals(SQLDataTypes.VectorType())) {
            throw new DatapilotException(ErrorKind.CONFIG, "Invalid features column '" + featuresColumn + "': it is " + type.simpleString()
                    + ", k nearest neighbours need a vector column; assemble the feature columns with a VectorAssembler first");
        }
    }

    /** Checks that the label column is numeric. */
    static void checkLabel(StructType schema, String labelColumn) {
        DataType type = field(schema, labelColumn, "label").dataType();
        if (!(type instanceof NumericType)) {
            throw new DatapilotException(ErrorKind.CONFIG, "Invalid label column '" + labelColumn + "': it is " + type.simpleString()
                    + ", k nearest neighbours need numeric labels; index text labels with a StringIndexer first");
        }
    }

    /** The schema with {@code added} appended, refusing an output column that already exists. */
    static StructType append(StructType schema, List<StructField> added) {
        List<String> names = Arrays.asList(schema.fieldNames());
        StructType result = schema;
        for (StructField field : added) {
            if (names.contains(field.name())) {
                throw new DatapilotException(ErrorKind.CONFIG, "Cannot add the output column '" + field.name()
                        + "': the input already has a column of that name; choose another output column name");
            }
            result = result.add(field);
        }
        return result;
    }

    private static StructField field(StructType schema, String name, String role) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new DatapilotException(ErrorKind.CONFIG, "Cannot find the " + role + " column '" + name + "': the input has "
                    + String.join(", ", schema.fieldNames()) + "; set the " + role + " column of the KNN stage");
        }
        return schema.apply(name);
    }
}
