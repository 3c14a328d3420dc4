package io.datapilot.rgpd.erasure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One way the subject's rows are recognised: values of some columns, together (a key of several
 * columns is matched as a whole). The values are the ones stored in the tables (pseudonyms for a
 * pseudonymised column).
 *
 * @param origin how these values were found, for the erasure's report (never the values)
 * @param table the only table it applies to ({@code layer.name}), or null for every table with the columns
 */
record Identity(List<String> columns, Set<String> tuples, String origin, String table) {
    /** Separates the values of a key of several columns (a character no identifier holds). */
    static final String SEPARATOR = "\u001f";
    /** The column where ingestion keeps a quarantined row's raw values, as JSON keyed by final column names. */
    static final String RAW_RECORD = "raw_record";

    Identity(List<String> columns, Set<String> tuples, String origin) {
        this(columns, tuples, origin, null);
    }

    Identity {
        columns = List.copyOf(columns);
        tuples = Set.copyOf(tuples);
    }

    static String tuple(List<String> values) {
        return String.join(SEPARATOR, values);
    }

    /** The condition that finds the subject's rows in a table with this schema, or empty when it has none of the columns. */
    Optional<Column> condition(StructType schema) {
        List<String> names = List.of(schema.fieldNames());
        if (names.containsAll(columns)) {
            return Optional.of(matcher(columns.stream().map(name -> col("`" + name + "`").cast(DataTypes.StringType)).toList()));
        }
        if (names.contains(RAW_RECORD)) {
            return Optional.of(matcher(columns.stream().map(name -> get_json_object(col(RAW_RECORD), "$['" + name + "']")).toList()));
        }
        return Optional.empty();
    }

    private Column matcher(List<Column> values) {
        Column all = lit(true);
        for (Column value : values) {
            all = all.and(value.isNotNull());
        }
        Column tuple = values.size() == 1 ? values.get(0) : concat_ws(SEPARATOR, values.toArray(Column[]::new));
        return functions.coalesce(functions.udf(new SubjectMatcher(tuples), DataTypes.BooleanType).withName("erasure_subject")
                .apply(when(all, tuple)), lit(false));
    }

    /**
     * The condition that finds the subject's rows of a table through any of these identities, or empty when the table
     * holds none of them.
     *
     * @param table {@code layer.name}
     */
    static Optional<Column> any(List<Identity> identities, String table, StructType schema) {
        List<Column> conditions = new ArrayList<>();
        identities.stream().filter(identity -> identity.table() == null || identity.table().equals(table))
                .forEach(identity -> identity.condition(schema).ifPresent(conditions::add));
        return conditions.stream().reduce(Column::or);
    }
}
