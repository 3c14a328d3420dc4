package io.datapilot.report;

import io.datapilot.core.config.ReportLocale;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and dates of the report in its locale. French: {@code 1 234,56} (narrow no-break space
 * between thousands, as French typography and the Imprimerie nationale have it), {@code 31/12/2024},
 * {@code 12,5 %}; English: {@code 1,234.56}, {@code 2024-12-31}, {@code 12.5%}.
 */
public final class Formats {
    public static final char NARROW_NO_BREAK_SPACE = '\u202F';

    private final ReportLocale locale;

    public Formats(ReportLocale locale) {
        this.locale = locale;
    }

    public ReportLocale locale() {
        return locale;
    }

    public Locale javaLocale() {
        return locale == ReportLocale.EN ? Locale.UK : Locale.FRANCE;
    }

    /** For chart axes and labels. */
    public NumberFormat numberFormat(int maxDecimals) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (locale == ReportLocale.EN) {
            symbols.setGroupingSeparator(',');
            symbols.setDecimalSeparator('.');
        } else {
            symbols.setGroupingSeparator(NARROW_NO_BREAK_SPACE);
            symbols.setDecimalSeparator(',');
        }
        symbols.setMinusSign('\u2212');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMaximumFractionDigits(maxDecimals);
        return format;
    }

    public String count(long value) {
        return numberFormat(0).format(value);
    }

    /** With at most {@code decimals} decimals (trailing zeros dropped). */
    public String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        double rounded = Math.abs(value) < 0.5 * Math.pow(10, -decimals) ? 0 : value;
        return numberFormat(decimals).format(rounded);
    }

    /** Few significant decimals for large values, more for small ones. */
    public String number(double value) {
        double magnitude = Math.abs(value);
        return number(value, magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3);
    }

    public String percent(double ratio) {
        if (!Double.isFinite(ratio)) {
            return "–";
        }
        String digits = number(ratio * 100, Math.abs(ratio) < 0.01 && ratio != 0 ? 2 : 1);
        return locale == ReportLocale.EN ? digits + "%" : digits + NARROW_NO_BREAK_SPACE + "%";
    }

    public String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "–";
        }
        return p < 0.001 ? "< " + number(0.001, 3) : number(p, 3);
    }

    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern(locale == ReportLocale.EN ? "yyyy-MM-dd" : "dd/MM/yyyy"));
    }

    public String bytes(long bytes) {
        String[] units = {"o", "ko", "Mo", "Go", "To"};
        String[] english = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return number(value, unit == 0 ? 0 : 1) + "\u00A0" + (locale == ReportLocale.EN ? english[unit] : units[unit]);
    }

    public String yesNo(boolean value) {
        return locale == ReportLocale.EN ? (value ? "yes" : "no") : (value ? "oui" : "non");
    }

    /** Any value read from a Delta table. */
    public String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return count(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return number(decimal.doubleValue(), Math.max(0, decimal.scale()));
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof Date date) {
            return date(date.toLocalDate());
        }
        if (value instanceof Timestamp timestamp) {
            return date(timestamp.toLocalDateTime().toLocalDate()) + " "
                    + timestamp.toLocalDateTime().format(DateTimeFormatter.ofPattern("HH:mm"));
        }
        if (value instanceof Boolean flag) {
            return yesNo(flag);
        }
        return value.toString();
    }
}
