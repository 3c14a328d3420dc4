package io.datapilot.profile;

import java.util.List;

/**
 * Everything measured of one column. Statistics that do not apply to the column's type are null.
 *
 * @param count non-null values
 * @param empty empty strings ("")
 * @param blank strings of spaces only (not counted in {@code empty})
 * @param distinctApprox distinct count as reported to the dictionary (equal to the exact count since
 *     every value's frequency is computed)
 * @param distinctExact exact distinct count, from the frequency pass
 * @param quartiles first quartile, median, third quartile (exact from frequencies, or from the
 *     sample for nearly unique numeric columns)
 * @param averageLength mean length of the texts, in characters
 * @param numericText strings that read as numbers; {@code dateText}: that read as dates
 * @param invalidFormat values not matching the column's semantic format (e-mail, phone, postcode)
 * @param outliers values outside Tukey's fences (Q1 − 1.5 IQR, Q3 + 1.5 IQR) of the sample
 * @param future dates after the run date; {@code tooOld}: before the earliest sane date
 * @param valuesSeen the most frequent values, up to 200, for category checks
 * @param examples a few values, masked when the column is personal
 */
public record ColumnProfile(
        String column,
        String type,
        SemanticType semanticType,
        long rows,
        long count,
        long nulls,
        Long empty,
        Long blank,
        long distinctApprox,
        Long distinctExact,
        String min,
        String max,
        Double mean,
        Double stddev,
        Double skewness,
        Double kurtosis,
        List<Double> quartiles,
        Long zeros,
        Long negatives,
        Integer minLength,
        Integer maxLength,
        Integer minBytes,
        Integer maxBytes,
        Double averageLength,
        Long numericText,
        Long dateText,
        Long invalidFormat,
        Long outliers,
        Long future,
        Long tooOld,
        List<ValueCount> topValues,
        List<ValueCount> valuesSeen,
        List<String> examples,
        boolean personal) {

    public ColumnProfile {
        quartiles = quartiles == null ? null : List.copyOf(quartiles);
        topValues = topValues == null ? List.of() : List.copyOf(topValues);
        valuesSeen = valuesSeen == null ? List.of() : List.copyOf(valuesSeen);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** Share of rows with no value: null, or for text empty or blank. */
    public double missingShare() {
        long missing = nulls + (empty == null ? 0 : empty) + (blank == null ? 0 : blank);
        return rows == 0 ? 0 : (double) missing / rows;
    }

    public long distinct() {
        return distinctExact != null ? distinctExact : distinctApprox;
    }

    public boolean numeric() {
        return mean != null;
    }
}
