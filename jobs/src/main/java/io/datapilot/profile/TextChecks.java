package io.datapilot.profile;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.replace;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/** Cheap checks on text values, used by the aggregate pass on every row. */
final class TextChecks {
    private TextChecks() {}

    /** The text read as a number, French or English way (spaces and a decimal comma allowed), or null. */
    static Column asNumber(Column text) {
        Column bare = replace(replace(replace(text, lit(" "), lit("")), lit("\u00A0"), lit("")), lit("\u202F"), lit(""));
        return replace(bare, lit(","), lit(".")).cast(DataTypes.DoubleType);
    }
}
