package io.datapilot.rgpd.erasure;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The subject's values as one pattern, each matched as a whole token (not inside a longer identifier),
 * for the tables and files that hold them as plain values: a profile's minimum, an example, a most
 * frequent value. Also the Spark functions that find and replace them (the values stay out of plans).
 */
final class ValuePattern implements Serializable {
    private static final long serialVersionUID = 1L;
    /** What replaces an erased value. */
    static final String ERASED = "[effacé]";

    private final Set<String> values;
    private transient Pattern pattern;

    ValuePattern(Set<String> values) {
        this.values = values.stream().filter(value -> value.length() >= FileScan.MIN_LENGTH).collect(Collectors.toUnmodifiableSet());
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    Pattern pattern() {
        if (pattern == null) {
            String alternatives = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                    .collect(Collectors.joining("|"));
            pattern = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])");
        }
        return pattern;
    }

    boolean holds(String text) {
        return text != null && !values.isEmpty() && pattern().matcher(text).find();
    }

    String redact(String text) {
        return text == null || values.isEmpty() ? text : pattern().matcher(text).replaceAll(ERASED);
    }

    /** Whether a text holds a value (a Spark function). */
    org.apache.spark.sql.api.java.UDF1<String, Boolean> holder() {
        return this::holds;
    }

    /** The text with every value replaced (a Spark function). */
    org.apache.spark.sql.api.java.UDF1<String, String> redactor() {
        return this::redact;
    }
}
