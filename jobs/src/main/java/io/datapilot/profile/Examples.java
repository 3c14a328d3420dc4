package io.datapilot.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A few example values of a column, masked for personal columns (even pseudonymised ones). */
final class Examples {
    private static final int COUNT = 3;

    private Examples() {}

    static List<String> of(List<String> sample, boolean personal) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : sample) {
            if (value != null && !value.isBlank()) {
                distinct.add(value.length() > 60 ? value.substring(0, 57) + "…" : value);
            }
            if (distinct.size() == COUNT) {
                break;
            }
        }
        List<String> examples = new ArrayList<>();
        distinct.forEach(value -> examples.add(personal ? mask(value) : value));
        return examples;
    }

    /** The first character and the length: enough to see the shape, nothing to recognise. */
    static String mask(String value) {
        return value.isEmpty() ? value : value.charAt(0) + "•••• (" + value.length() + " caractères)";
    }
}
