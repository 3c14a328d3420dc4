package io.datapilot.core.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the name a user probably meant ("did you mean ...?"). */
public final class Similarity {
    private Similarity() {}

    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        // close in spelling, or one name inside the other ("identifiant" for "identifiant_animal")
        return candidates.stream()
                .filter(candidate -> {
                    String lower = candidate.toLowerCase(Locale.ROOT);
                    return distance(wanted, lower) <= Math.max(2, wanted.length() / 3)
                            || wanted.length() >= 3 && (lower.contains(wanted) || wanted.contains(lower));
                })
                .min(Comparator.comparingInt(candidate -> distance(wanted, candidate.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein edit distance. */
    public static int distanceBetween(String a, String b) {
        return distance(a, b);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** "did you mean "x"? " or nothing. */
    public static String suggestion(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(found -> "did you mean \"" + found + "\"? ").orElse("");
    }
}
