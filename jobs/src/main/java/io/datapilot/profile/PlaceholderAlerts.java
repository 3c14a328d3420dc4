package io.datapilot.profile;

import io.datapilot.core.text.Numbers;
import io.datapilot.profile.Alert.Kind;
import io.datapilot.profile.Alert.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Disguised missing values: texts, dates and numbers that stand for "no value" ({@code .}, {@code n/a},
 * {@code inconnu}, {@code 1900-01-01}, {@code 9999}...). Read from what the profile already holds: the
 * 200 most frequent values of each column (every value of a column with at most 200 distinct ones),
 * its minimum and maximum and its quartiles; no Spark job. The alert names the configuration line
 * that turns the values found into missing values ({@code clean.columns.<column>.placeholders}).
 *
 * <p>Look-alikes are told apart so that a real value never alerts: a code that is also a placeholder
 * ({@code NA}, {@code NR}, {@code nan}) and values made only of punctuation ({@code -}, {@code .}) are
 * real modalities when at least half of the column's other rows are written the same way (a column
 * of two-letter codes, of {@code +}/{@code -} signs), and the codes also when they are at least as
 * frequent as the median of the column's other values; a number is a sentinel only when it stands
 * out of the column's distribution (see {@link #standsOut}).
 */
final class PlaceholderAlerts {
    /** Texts that mean "no value" whatever the column: compared in their canonical form (no case, accent, extra space). */
    static final Set<String> WORDS = Set.of("n/a", "n.a.", "n.a", "#n/a", "null", "none", "inconnu", "inconnue", "unknown",
            "non renseigne", "non renseignee", "neant", "0000-00-00", "00/00/0000");
    /** Texts that mean "no value" but are also real codes (North America, Namibia, "not rated"). */
    static final Set<String> CODES = Set.of("na", "nr", "nan");
    /** Dates that stand for an unknown or open-ended date. */
    static final List<String> DATES = List.of("1900-01-01", "9999-12-31");
    /** Numbers that stand for an unknown value when they stand out of the column's distribution. */
    static final List<Double> SENTINELS = List.of(9999.0, 99999.0, 999999.0, -999.0, -9999.0);
    private static final Pattern SYMBOLS = Pattern.compile("[\\p{P}\\p{S}]+");
    /** How many interquartile ranges beyond the quartiles a sentinel must lie ("far out" in Tukey's terms). */
    private static final double FAR_OUT = 3.0;
    /** A repeated sentinel is this many times more frequent than any value of the same order of magnitude. */
    private static final int REPEATED = 5;
    private static final int MIN_REPEATS = 3;

    private PlaceholderAlerts() {}

    /** The placeholder alert of a column, if it holds any; the values it found are in {@code found}. */
    static List<Alert> of(String table, ColumnProfile column, Set<String> found) {
        Map<String, Long> values = new LinkedHashMap<>();
        String type = column.type();
        if (type.equals("string")) {
            for (String value : candidates(column)) {
                if (isTextPlaceholder(value, column)) {
                    values.put(value, countOf(column, value));
                }
            }
        } else if (type.equals("date") || type.startsWith("timestamp")) {
            for (String value : candidates(column)) {
                if (DATES.stream().anyMatch(value::startsWith)) {
                    values.put(value, countOf(column, value));
                }
            }
        } else if (column.numeric() && column.quartiles() != null && column.quartiles().size() == 3) {
            for (String value : candidates(column)) {
                Double number = number(value);
                long count = countOf(column, value);
                if (number != null && SENTINELS.contains(number) && standsOut(number, count, column)) {
                    // shown as written in the configuration: 9999, not 9999.0
                    values.put(plain(number), count);
                }
            }
        }
        if (values.isEmpty()) {
            return List.of();
        }
        found.addAll(values.keySet());
        return List.of(alert(table, column, values, "valeur(s) qui tiennent lieu de valeur manquante"));
    }

    /** One alert for the placeholder values of a column, with their counts and the configuration line that treats them. */
    static Alert alert(String table, ColumnProfile column, Map<String, Long> values, String what) {
        long known = values.values().stream().mapToLong(count -> Math.max(count, 1)).sum();
        boolean atLeast = values.containsValue(-1L);
        List<String> shown = values.entrySet().stream().map(entry -> "«" + entry.getKey() + "» ("
                + (entry.getValue() < 0 ? "au moins 1" : Numbers.count(entry.getValue())) + ")").toList();
        return new Alert(table, column.column(), Kind.PLACEHOLDER, known, column.count() == 0 ? 0 : (double) known / column.count(),
                String.join(" / ", shown), Severity.WARNING, null, (atLeast ? "Au moins " : "") + Numbers.count(known) + " " + what
                        + " : " + String.join(", ", shown) + ". Pour les traiter comme des valeurs manquantes : "
                        + configLine(column, values.keySet()) + " (appliqué aux tables que nettoie clean.tables).");
    }

    /** The line of the configuration that turns these values of the column into missing values. */
    static String configLine(ColumnProfile column, Iterable<String> values) {
        List<String> literals = new ArrayList<>();
        for (String value : values) {
            Double number = column.numeric() ? number(value) : null;
            literals.add(number != null ? plain(number) : column.type().equals("string") ? quoted(value) : quoted(value.substring(0,
                    Math.min(10, value.length()))));
        }
        return "clean.columns." + column.column() + ": { placeholders: [" + String.join(", ", literals) + "] }";
    }

    private static boolean isTextPlaceholder(String value, ColumnProfile column) {
        String canonical = QualityAlerts.canonical(value);
        if (WORDS.contains(canonical)) {
            return true;
        }
        boolean symbols = SYMBOLS.matcher(canonical).matches();
        if (!symbols && !CODES.contains(canonical)) {
            return false;
        }
        if (writtenLikeTheOthers(value, column)) {
            return false;
        }
        return symbols || !asFrequentAsTheOthers(value, column);
    }

    /** Whether at least half of the other rows seen have the value's shape: a column of codes or of symbols. */
    private static boolean writtenLikeTheOthers(String value, ColumnProfile column) {
        String shape = shape(value);
        long same = 0;
        long others = 0;
        for (ValueCount seen : column.valuesSeen()) {
            if (!seen.value().equals(value)) {
                others += seen.count();
                same += shape(seen.value()).equals(shape) ? seen.count() : 0;
            }
        }
        return others > 0 && 2 * same >= others;
    }

    private static boolean asFrequentAsTheOthers(String value, ColumnProfile column) {
        long count = countOf(column, value);
        long[] others = column.valuesSeen().stream().filter(seen -> !seen.value().equals(value)).mapToLong(ValueCount::count).sorted()
                .toArray();
        return others.length > 0 && count >= others[(others.length - 1) / 2];
    }

    /** Letters, digits and punctuation as classes: "NA" and "EU" share "AA", "-" and "+" share ".". */
    static String shape(String value) {
        StringBuilder shape = new StringBuilder();
        value.trim().codePoints().forEach(c -> shape.append(Character.isUpperCase(c) ? 'A' : Character.isLetter(c) ? 'a'
                : Character.isDigit(c) ? '9' : Character.isWhitespace(c) ? ' ' : '.'));
        return shape.toString();
    }

    /**
     * Whether a sentinel number stands out of its column: far out of the quartiles (beyond 3 IQR, or
     * 3 × |median| when the IQR is 0), or repeated at least 3 times and 5 times more often than every
     * other value of the same order of magnitude (a tenth to ten times it) seen in the column.
     */
    static boolean standsOut(double sentinel, long count, ColumnProfile column) {
        double q1 = column.quartiles().get(0);
        double median = column.quartiles().get(1);
        double q3 = column.quartiles().get(2);
        double spread = q3 > q1 ? q3 - q1 : Math.max(Math.abs(median), 1);
        if (sentinel > q3 + FAR_OUT * spread || sentinel < q1 - FAR_OUT * spread) {
            return true;
        }
        if (count < MIN_REPEATS) {
            return false;
        }
        long neighbours = 0;
        for (ValueCount seen : column.valuesSeen()) {
            Double other = number(seen.value());
            if (other != null && !SENTINELS.contains(other) && Math.abs(other) >= Math.abs(sentinel) / 10
                    && Math.abs(other) <= Math.abs(sentinel) * 10) {
                neighbours = Math.max(neighbours, seen.count());
            }
        }
        return count >= REPEATED * Math.max(neighbours, 1);
    }

    /** The values seen and the minimum and maximum (which a column of many distinct values may not list among them). */
    static List<String> candidates(ColumnProfile column) {
        List<String> values = new ArrayList<>(column.valuesSeen().stream().map(ValueCount::value).toList());
        for (String bound : new String[] {column.min(), column.max()}) {
            if (bound != null && !values.contains(bound)) {
                values.add(bound);
            }
        }
        return values;
    }

    /**
     * Rows holding the value: exact when it is among the values seen, 1 when it is not but the least
     * frequent value seen occurs once (values are seen by decreasing count), else -1 (at least one).
     */
    static long countOf(ColumnProfile column, String value) {
        for (ValueCount seen : column.valuesSeen()) {
            if (seen.value().equals(value)) {
                return seen.count();
            }
        }
        List<ValueCount> seen = column.valuesSeen();
        return seen.isEmpty() || seen.get(seen.size() - 1).count() <= 1 ? 1 : -1;
    }

    static Double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
