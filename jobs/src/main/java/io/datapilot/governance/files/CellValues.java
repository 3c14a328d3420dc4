package io.datapilot.governance.files;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The values of a hand-kept table as people write them in France and elsewhere: numbers
 * {@code 1 234,56}, {@code 1234.56} or {@code 45 %}; dates {@code 31/12/2024} or {@code 2024-12-31};
 * booleans {@code oui}/{@code non}. Each method gives null for text it cannot read, so that the
 * caller names the line and the column in its message.
 */
public final class CellValues {
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern GROUPED = Pattern.compile("[-−+]?[0-9]{1,3}([ \u00A0\u202F][0-9]{3})+([,.][0-9]+)?");
    private static final Pattern PLAIN = Pattern.compile("[-−+]?[0-9]+([,.][0-9]+)?|[-−+]?[0-9]*[.][0-9]+([eE][-+]?[0-9]+)?");
    private static final Set<String> TRUE = Set.of("oui", "o", "vrai", "true", "yes", "y", "x", "1");
    private static final Set<String> FALSE = Set.of("non", "n", "faux", "false", "no", "0");
    // French typography puts a no-break space (or a narrow one) before % and €, which \\s and trim() do not match
    private static final String SPACES = "[\\s\u00A0\u202F]";

    private CellValues() {}

    /** A number; a trailing {@code %} or {@code €} and grouping spaces are allowed. */
    public static Double number(String text) {
        if (text == null) {
            return null;
        }
        String plain = strip(strip(text).replaceAll(SPACES + "*(%|€|EUR)$", ""));
        if (!GROUPED.matcher(plain).matches() && !PLAIN.matcher(plain).matches()) {
            return null;
        }
        String normalised = plain.replaceAll("[ \u00A0\u202F]", "").replace(',', '.').replace('−', '-');
        try {
            return Double.valueOf(normalised);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date {@code dd/MM/yyyy} (or {@code d/M/yyyy}) or {@code yyyy-MM-dd} (an XLSX date cell reads as the latter). */
    public static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        // a time after the date (an export's "31/12/2024 00:00", an ISO "2024-12-31T00:00") is dropped
        String day = strip(text).split("[ T\u00A0]", 2)[0];
        for (DateTimeFormatter format : new DateTimeFormatter[] {FRENCH_DATE, ISO_DATE}) {
            try {
                return LocalDate.parse(day, format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    /** {@code oui}/{@code non} (and their English and 0/1 forms); null for anything else. */
    public static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        String lower = strip(text).toLowerCase(Locale.ROOT);
        return TRUE.contains(lower) ? Boolean.TRUE : FALSE.contains(lower) ? Boolean.FALSE : null;
    }

    private static String strip(String text) {
        return text.replaceAll("^" + SPACES + "+|" + SPACES + "+$", "");
    }
}
