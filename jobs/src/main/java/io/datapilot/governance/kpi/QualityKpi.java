package io.datapilot.governance.kpi;

/**
 * One line of {@code governance.quality_kpis}: the quality of a column (or, with a null column, of a
 * whole table; with table {@code *}, of the whole run), each dimension a share from 0 to 1, null where it
 * does not apply.
 *
 * @param completeness share of the rows with a value ({@code 1 − missing_share} of the profile)
 * @param validity share of the values that are well formed and plausible: {@code 1 − (invalid format +
 *     future dates + dates too old) / values}
 * @param uniqueness for a key column, distinct values / values; for a table, {@code 1 − duplicate keys / rows};
 *     null for other columns (repeated values are normal there)
 * @param consistency {@code 1 −} the largest share of rows of the column flagged by a consistency alert (mixed
 *     types, category variants, possible typos, placeholders, unmatched keys)
 * @param freshnessDays days from the most recent date of the column (of the table: of any of its date columns)
 *     to the run date; informative, not part of the score
 * @param score the mean of the dimensions that apply (completeness, validity, consistency, uniqueness); for a
 *     table, the mean of its columns' scores; for the run, the mean of its tables'
 * @param previousScore the same line's score on the previous run date, if any
 */
public record QualityKpi(String table, String column, Long rows, Double completeness, Double validity, Double uniqueness,
        Double consistency, Long freshnessDays, Double score, Double previousScore, Double scoreChange) {

    /** The table name of the run's overall line. */
    public static final String ALL = "*";
}
