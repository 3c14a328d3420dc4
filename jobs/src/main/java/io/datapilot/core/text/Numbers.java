package io.datapilot.core.text;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;

/**
 * Formats numbers and durations for the console, the French way: {@code 1 234 567}, {@code 3,5 s},
 * {@code 0,42 %}. The console uses a plain space to group digits so that any terminal and log
 * viewer shows it; HTML reports use the typographic narrow no-break space instead.
 */
public final class Numbers {
    public static final char GROUPING = ' ';

    private Numbers() {}

    public static String count(long value) {
        return pattern("#,##0").format(value);
    }

    public static String decimal(double value, int decimals) {
        return pattern(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)).format(value);
    }

    public static String percent(double ratio) {
        return decimal(ratio * 100, ratio != 0 && Math.abs(ratio) < 0.001 ? 3 : 2) + " %";
    }

    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return decimal(millis / 1000.0, 1) + " s";
        }
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    private static DecimalFormat pattern(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator(GROUPING);
        symbols.setDecimalSeparator(',');
        return new DecimalFormat(pattern, symbols);
    }
}
