package io.datapilot.report;

import java.util.Locale;
import java.util.function.Function;

/** How the governance pages write their cells: shares as percentages, dates in the report's format, codes in words. */
final class CellFormats {
    private final Formats formats;
    private final Texts texts;

    CellFormats(Formats formats, Texts texts) {
        this.formats = formats;
        this.texts = texts;
    }

    Function<Object, String> text() {
        return String::valueOf;
    }

    /** Any value read from a table, as {@link Formats#cell} writes it. */
    Function<Object, String> cell() {
        return formats::cell;
    }

    Function<Object, String> share() {
        return value -> formats.percent(((Number) value).doubleValue());
    }

    /** A change of a share, in percentage points, signed. */
    Function<Object, String> points() {
        return value -> signedPoints(((Number) value).doubleValue());
    }

    Function<Object, String> number(int decimals) {
        return value -> formats.number(((Number) value).doubleValue(), decimals);
    }

    /** A performance index (SPI, CPI) with its two decimals always written: 1,00 reads as "on plan", 1 does not. */
    Function<Object, String> index() {
        return value -> index(((Number) value).doubleValue());
    }

    String index(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        java.text.NumberFormat format = formats.numberFormat(2);
        format.setMinimumFractionDigits(2);
        return format.format(value);
    }

    Function<Object, String> money() {
        return value -> euros(((Number) value).doubleValue());
    }

    /** A code (a status, a band) in words: the text {@code <prefix>.<code in lower case>}, the code itself when unknown. */
    Function<Object, String> words(String prefix) {
        return value -> word(prefix, String.valueOf(value));
    }

    String word(String prefix, String code) {
        String key = prefix + "." + code.toLowerCase(Locale.ROOT);
        return texts.has(key) ? texts.get(key) : code;
    }

    String euros(double value) {
        return formats.number(value, 0) + "\u00A0€";
    }

    String signedPoints(double change) {
        if (!Double.isFinite(change)) {
            return "–";
        }
        String digits = formats.number(Math.abs(change) * 100, 1);
        String sign = change > 0.0005 ? "+" : change < -0.0005 ? "\u2212" : "";
        return texts.get("governance.points", sign + digits);
    }
}
