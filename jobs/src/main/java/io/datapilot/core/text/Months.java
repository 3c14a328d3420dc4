package io.datapilot.core.text;

import java.util.LinkedHashMap;
import java.util.Map;

/** Month names in French and English, full and abbreviated, lower case without accents or dots. */
public final class Months {
    /** Every accepted spelling with its month number ({@code janv} → 1, {@code august} → 8). */
    public static final Map<String, Integer> SPELLINGS = spellings();

    private Months() {}

    private static Map<String, Integer> spellings() {
        String[][] spellings = {
                {"janvier", "janv", "jan", "january"},
                {"fevrier", "fevr", "fev", "feb", "february"},
                {"mars", "mar", "march"},
                {"avril", "avr", "apr", "april"},
                {"mai", "may"},
                {"juin", "jun", "june"},
                {"juillet", "juil", "juill", "jul", "july"},
                {"aout", "aou", "aug", "august"},
                {"septembre", "sept", "sep", "september"},
                {"octobre", "oct", "october"},
                {"novembre", "nov", "november"},
                {"decembre", "dec", "december"}};
        Map<String, Integer> months = new LinkedHashMap<>();
        for (int month = 0; month < spellings.length; month++) {
            for (String spelling : spellings[month]) {
                months.put(spelling, month + 1);
            }
        }
        return java.util.Collections.unmodifiableMap(months);
    }

    /** Text without its accents ({@code Févr. é} → {@code Fevr. e}), composed or not. */
    public static String withoutAccents(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
