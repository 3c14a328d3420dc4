package io.datapilot.profile;

import static org.apache.spark.sql.functions.ascii;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/** Cheap checks on text values, used by the aggregate pass on every row. */
final class TextChecks {
    private TextChecks() {}

    /** The text read as a number, French or English way (spaces and a decimal comma allowed), or null. */
    static Column asNumber(Column text) {
        // only text starting like a number is cast: a failed cast costs an exception inside Spark
        Column first = ascii(text);
        Column numberLike = first.between(48, 57).or(first.isin(43, 45, 46));
        Column bare = replace(replace(replace(text, lit(" "), lit("")), lit("\u00A0"), lit("")), lit("\u202F"), lit(""));
        return when(numberLike, replace(bare, lit(","), lit(".")).cast(DataTypes.DoubleType));
    }
}
