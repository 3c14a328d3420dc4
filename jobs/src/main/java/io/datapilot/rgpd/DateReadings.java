package io.datapilot.rgpd;

import io.datapilot.core.text.Months;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates a sample of texts holds, however they are written ({@code 1980-05-12}, {@code 12/05/1980},
 * {@code 05/12/80} as spreadsheets show them, {@code 19800512}, {@code 12 mai 1980}, {@code May 12,
 * 1980}), and how many values carry a time of day. A time of day that is the same in every value
 * ({@code 22:00:00Z}: midnight in Paris stored in UTC) still makes a date; times that vary make events.
 *
 * @param dates the values read as dates
 * @param timed values with a time of day that varies from value to value
 */
record DateReadings(List<LocalDate> dates, int timed) {
    private static final Pattern TIME = Pattern.compile("[t ](\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)\\s*(?:z|[+-]\\d{2}:?\\d{2})?$");
    private static final Pattern YEAR_FIRST = Pattern.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})$");
    private static final Pattern DAY_OR_MONTH_FIRST = Pattern.compile("^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}|\\d{2})$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile("^(1er|\\d{1,2})\\s+([a-z]+)\\.?,?\\s+(\\d{4})$");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile("^([a-z]+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})$");
    private static final Map<String, Integer> MONTHS = Months.SPELLINGS;

    DateReadings {
        dates = List.copyOf(dates);
    }

    static DateReadings of(List<String> values, LocalDate runDate) {
        List<LocalDate> dates = new ArrayList<>();
        List<LocalDate> withTime = new ArrayList<>();
        Set<String> times = new HashSet<>();
        for (String value : values) {
            String text = plain(value);
            Matcher time = TIME.matcher(text);
            String clock = null;
            if (time.find()) {
                clock = time.group(1);
                text = text.substring(0, time.start()).trim();
            }
            Optional<LocalDate> date = date(text, runDate);
            if (date.isEmpty()) {
                continue;
            }
            if (clock == null || clock.matches("0{1,2}:00(:00([.,]0+)?)?")) {
                dates.add(date.get());
            } else {
                withTime.add(date.get());
                times.add(clock);
            }
        }
        if (times.size() == 1 && withTime.size() > 1) {
            dates.addAll(withTime);
            return new DateReadings(dates, 0);
        }
        return new DateReadings(dates, withTime.size());
    }

    private static Optional<LocalDate> date(String text, LocalDate runDate) {
        Matcher match = YEAR_FIRST.matcher(text);
        if (match.matches()) {
            return of(number(match, 1), number(match, 2), number(match, 3));
        }
        match = COMPACT.matcher(text);
        if (match.matches()) {
            return of(number(match, 1), number(match, 2), number(match, 3));
        }
        match = DAY_OR_MONTH_FIRST.matcher(text);
        if (match.matches()) {
            int year = year(match.group(3), runDate);
            int first = number(match, 1);
            int second = number(match, 2);
            // day first, as French files write it; month first when that cannot be a date
            return of(year, second, first).or(() -> of(year, first, second));
        }
        Matcher named = DAY_MONTH_NAME.matcher(text);
        if (named.matches() && MONTHS.containsKey(named.group(2))) {
            return of(number(named, 3), MONTHS.get(named.group(2)), named.group(1).equals("1er") ? 1 : number(named, 1));
        }
        named = MONTH_NAME_DAY.matcher(text);
        if (named.matches() && MONTHS.containsKey(named.group(1))) {
            return of(number(named, 3), MONTHS.get(named.group(1)), number(named, 2));
        }
        return Optional.empty();
    }

    /** A two-digit year is of this century unless that puts it after the run date ("80" → 1980, "05" → 2005). */
    private static int year(String digits, LocalDate runDate) {
        int year = Integer.parseInt(digits);
        if (digits.length() == 4) {
            return year;
        }
        int century = runDate.getYear() / 100 * 100;
        return century + year > runDate.getYear() ? century - 100 + year : century + year;
    }

    private static Optional<LocalDate> of(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int number(Matcher match, int group) {
        return Integer.parseInt(match.group(group));
    }

    private static String plain(String value) {
        return Months.withoutAccents(value.trim()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
