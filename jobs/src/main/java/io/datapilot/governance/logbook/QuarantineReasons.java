package io.datapilot.governance.logbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one reason of {@code audit.quarantine} (an element of its {@code reasons} column) into a code and a column
 * that stay the same from one run date to the next. The reasons are sentences written by ingestion
 * ({@code RowParser}) and cleaning ({@code Cleaner}); some hold values of the run (a fence
 * {@code hors de [2 ; 90]}, an expected format), which would make every run a new incident if the reason were the key.
 *
 * <pre>{@code
 * QuarantineReasons.code("column age: expected a whole number")   // "unreadable_value"
 * QuarantineReasons.column("column age: expected a whole number") // "age"
 * }</pre>
 */
public final class QuarantineReasons {
    public static final String EXCEL_ERROR = "excel_error";
    public static final String UNREADABLE_VALUE = "unreadable_value";
    public static final String TYPE_MISMATCH = "type_mismatch";
    public static final String MALFORMED_RECORD = "malformed_record";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String OUTLIER = "outlier";
    public static final String IMPOSSIBLE_VALUE = "impossible_value";
    public static final String OTHER = "other";

    private static final Pattern INGEST_COLUMN = Pattern.compile("^column (.+?): ");
    private static final Pattern CLEAN_COLUMN = Pattern.compile("^valeur (?:aberrante|négative impossible) dans (.+?)(?: \\(hors de .*)?$");

    private QuarantineReasons() {}

    /** The reason's code: one of the constants of this class ({@link #OTHER} for a sentence not known here). */
    public static String code(String reason) {
        String text = reason == null ? "" : reason.trim();
        if (text.startsWith("column ")) {
            if (text.contains(": Excel error value")) {
                return EXCEL_ERROR;
            }
            if (text.contains(": value does not fit ")) {
                return TYPE_MISMATCH;
            }
            if (text.contains(": expected ")) {
                return UNREADABLE_VALUE;
            }
        }
        if (text.startsWith("malformed JSON record")) {
            return MALFORMED_JSON;
        }
        if (text.startsWith("malformed record")) {
            return MALFORMED_RECORD;
        }
        if (text.startsWith("valeur aberrante dans ")) {
            return OUTLIER;
        }
        if (text.startsWith("valeur négative impossible dans ")) {
            return IMPOSSIBLE_VALUE;
        }
        return OTHER;
    }

    /** The column the reason names, or null when it is about the whole record. */
    public static String column(String reason) {
        String text = reason == null ? "" : reason.trim();
        Matcher ingest = INGEST_COLUMN.matcher(text);
        if (ingest.find()) {
            return ingest.group(1);
        }
        Matcher clean = CLEAN_COLUMN.matcher(text);
        return clean.matches() ? clean.group(1) : null;
    }
}
