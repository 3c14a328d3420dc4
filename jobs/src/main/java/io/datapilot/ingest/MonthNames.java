package io.datapilot.ingest;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;

import io.datapilot.core.text.Months;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Dates written with a month name, in English or French ({@code Jun 12 1998}, {@code June 12, 1998},
 * {@code 12 janv. 2024}, {@code 1er mars 2024}), turned into numeric dates by Spark column
 * expressions, so that a strict numeric java.time pattern reads them without a per-row function.
 *
 * <p>Spark parses month names with an English locale only, and case-sensitively. Here a date pattern
 * with {@code MMM} or {@code MMMM} reads any month name or usual abbreviation of either language: the
 * text is lower-cased, its accents removed, dots, commas, dashes and slashes become spaces,
 * {@code 1er} becomes {@code 1}, its first word is replaced by the month's number, and the
 * pattern gets the same treatment ({@code MMMM d, yyyy} → {@code ~M d yyyy}). A first word that is
 * not a month leaves no date: the value fails to parse, as {@code 12 foo 2024} should.
 */
final class MonthNames {
    /** Every accepted spelling once accents and dots are removed, with its month number. */
    static final Map<String, Integer> MONTHS = Months.SPELLINGS;

    private static final String ACCENTED = "àâäáéèêëíîïóôöúûüùÿç";
    private static final String PLAIN = "aaaaeeeeiiiooouuuuyc";
    private static final String SEPARATORS = ".,-/";
    /**
     * Written before the month's number in the text and the pattern, so that the number is read as
     * the month only where the pattern has the month ({@code 12 Jun 1998} is no {@code MMMM d yyyy}).
     */
    private static final char MARK = '~';

    private MonthNames() {}


    /** Whether a date pattern has a month written as text ({@code MMM} or {@code MMMM}, outside quotes). */
    static boolean inPattern(String format) {
        return format.replaceAll("'[^']*'", "").contains("MMM");
    }

    /**
     * The numeric pattern that reads the text {@link #numericText} makes: {@code MMM}/{@code MMMM}
     * become {@code ~M}, separators become single spaces, quoted literals are normalised like the text.
     */
    static String numericPattern(String format) {
        StringBuilder pattern = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '\'') {
                int end = format.indexOf('\'', i + 1);
                String literal = end < 0 ? format.substring(i + 1) : format.substring(i + 1, end);
                String normalised = separatorsToSpaces(Months.withoutAccents(literal.toLowerCase(Locale.ROOT)));
                pattern.append(literal.isEmpty() ? "''" : normalised.isBlank() ? normalised : "'" + normalised + "'");
                i = end < 0 ? format.length() : end + 1;
            } else if (format.startsWith("MMM", i)) {
                pattern.append(MARK).append('M');
                while (i < format.length() && format.charAt(i) == 'M') {
                    i++;
                }
            } else {
                pattern.append(SEPARATORS.indexOf(c) >= 0 ? ' ' : c);
                i++;
            }
        }
        return pattern.toString().trim().replaceAll("\\s+", " ");
    }

    /** {@code 12 Janv. 2024} → {@code 12 ~1 2024}; null when the first word is not a month. */
    static Column numericText(Column text) {
        Column plain = translate(lower(text), ACCENTED + SEPARATORS, PLAIN + " ".repeat(SEPARATORS.length()));
        Column spaced = trim(regexp_replace(regexp_replace(plain, "\\s+", " "), "\\b1er\\b", "1"));
        Column word = regexp_extract(spaced, "^[^a-z]*([a-z]+)", 1);
        Column month = functions.element_at(monthMap(), word);
        return functions.when(month.isNotNull(), regexp_replace(spaced, lit("^([^a-z]*)[a-z]+"), concat(lit("$1" + MARK), month)));
    }

    private static Column monthMap() {
        List<Column> entries = new ArrayList<>();
        MONTHS.forEach((spelling, month) -> {
            entries.add(lit(spelling));
            entries.add(lit(String.valueOf(month)));
        });
        return functions.map(entries.toArray(Column[]::new));
    }

    private static String separatorsToSpaces(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            result.append(SEPARATORS.indexOf(c) >= 0 ? ' ' : c);
        }
        return result.toString();
    }
}
