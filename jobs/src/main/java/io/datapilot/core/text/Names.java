package io.datapilot.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns column headers into ASCII snake_case names that every engine accepts.
 *
 * <p>{@code "Prénom du client"} → {@code prenom_du_client}, {@code "Montant TTC (€)"} →
 * {@code montant_ttc_eur}, {@code "customerId"} → {@code customer_id}, an empty header at position
 * 3 → {@code column_3}; duplicates get {@code _2}, {@code _3}...
 */
public final class Names {
    private Names() {}

    /** Key columns as the tables name them: names already in snake_case stay, original headers are normalised. */
    public static java.util.List<String> columns(java.util.List<String> key) {
        return key.stream().map(name -> name.matches("[a-z][a-z0-9_]*") ? name : normalise(name, 0)).toList();
    }

    /** Normalises one header; {@code position} (1-based) names headers that have no letters. */
    public static String normalise(String header, int position) {
        String text = header == null ? "" : header.replace("\uFEFF", "");
        text = text.replace("€", " eur ").replace("%", " pct ").replace("œ", "oe").replace("Œ", "OE")
                .replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss").replace("°", " ").replace("№", " n ")
                .replace("&", " and ").replace("£", " gbp ").replace("$", " usd ");
        // split camelCase before lower-casing: customerId -> customer_Id
        text = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        text = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (text.isEmpty()) {
            return "column_" + position;
        }
        return Character.isDigit(text.charAt(0)) ? "c_" + text : text;
    }

    /** Normalises all headers of one table and makes the names unique, keeping their order. */
    public static List<String> normaliseAll(List<String> headers) {
        List<String> names = new ArrayList<>(headers.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            names.add(unique(normalise(headers.get(i), i + 1), taken));
        }
        return names;
    }

    /** {@code name}, or {@code name_2}, {@code name_3}... the first that is not taken; marks it taken. */
    public static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int suffix = 2; !taken.add(candidate); suffix++) {
            candidate = name + "_" + suffix;
        }
        return candidate;
    }

    /** A column name for Spark SQL: in backticks, a backtick inside doubled ({@code `prix (€)`}). */
    public static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** {@code regParam} → {@code reg_param}: a Java or Spark identifier as a snake_case name. */
    public static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
