package io.datapilot.rgpd;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.instr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.TimestampType;

/** The Spark expressions of each treatment, applied to a parsed value or to its raw text. */
public final class Treatments {
    private Treatments() {}

    /** A pseudonymising Spark function for this key (the key is not part of any plan text). */
    public static UserDefinedFunction pseudonymiser(PseudonymisationKey key) {
        return functions.udf(new Pseudonymiser(key), DataTypes.StringType).withName("pseudonymise");
    }

    /**
     * The treated value, or null for {@code DROP} (the caller leaves the column out).
     *
     * @param pseudonymise null when no key was needed
     */
    public static Column value(Column parsed, DataType type, ColumnTreatment treatment, UserDefinedFunction pseudonymise,
            LocalDate runDate) {
        return switch (treatment.treatment()) {
            case KEEP -> parsed;
            case DROP -> null;
            case PSEUDONYMISE -> pseudonymise.apply(parsed.cast(DataTypes.StringType));
            case MASK -> mask(parsed.cast(DataTypes.StringType), treatment.category());
            case GENERALISE -> generalise(parsed, type, treatment.to(), runDate);
        };
    }

    /** What of a bad row's raw text may go to the quarantine: the same protection as the value, or nothing. */
    public static Column raw(Column text, ColumnTreatment treatment, UserDefinedFunction pseudonymise) {
        return switch (treatment.treatment()) {
            case KEEP -> text;
            case PSEUDONYMISE -> pseudonymise.apply(text);
            case MASK -> mask(text, treatment.category());
            case GENERALISE, DROP -> lit(null).cast(DataTypes.StringType);
        };
    }

    /** Most of the text hidden: c***@example.com for an e-mail, ** ** ** ** 34 for a phone, a*****z otherwise. */
    static Column mask(Column text, PersonalCategory category) {
        Column generic = concat(substring(text, 1, 1), functions.call_function("repeat", lit("*"), greatest(length(text).minus(2), lit(1))),
                substring(text, -1, 1));
        if (category == PersonalCategory.EMAIL) {
            return when(instr(text, "@").gt(0), concat(substring(text, 1, 1), lit("***@"), substring_index(text, "@", -1)))
                    .otherwise(generic);
        }
        if (category == PersonalCategory.PHONE) {
            Column cut = length(text).minus(2);
            return when(length(text).gt(2), concat(regexp_replace(text.substr(lit(1), cut), "\\d", "*"),
                    text.substr(cut.plus(1), lit(2)))).otherwise(generic);
        }
        return generic;
    }

    static Column generalise(Column parsed, DataType type, String to, LocalDate runDate) {
        if ("departement".equals(to)) {
            Column code = type instanceof NumericType ? lpad(parsed.cast(DataTypes.StringType), 5, "0") : functions.trim(parsed);
            Column two = substring(code, 1, 2);
            return when(two.equalTo("20"), when(code.lt("20200"), lit("2A")).otherwise(lit("2B")))
                    .when(two.isin("97", "98"), substring(code, 1, 3))
                    .otherwise(two);
        }
        Column date = type instanceof DateType || type instanceof TimestampType ? parsed.cast(DataTypes.DateType)
                : functions.to_date(parsed);
        if ("age_band".equals(to)) {
            Column age = floor(months_between(lit(java.sql.Date.valueOf(runDate)), date).divide(12));
            Column band = floor(age.divide(10)).multiply(10);
            return when(age.isNotNull(), concat(band.cast(DataTypes.StringType), lit("-"), band.plus(9).cast(DataTypes.StringType)));
        }
        return year(date);
    }
}
