package io.datapilot.report;

import java.util.Locale;
import java.util.Map;

/** Units as French metric style writes them: {@code EUR} → €, {@code pct} → %, {@code m2} → m², {@code degC} → °C. */
final class Units {
    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("eur", "€"), Map.entry("euro", "€"),
            Map.entry("euros", "€"), Map.entry("keur", "k€"), Map.entry("usd", "$"), Map.entry("gbp", "£"), Map.entry("pct", "%"),
            Map.entry("percent", "%"), Map.entry("pourcent", "%"), Map.entry("m2", "m²"), Map.entry("km2", "km²"),
            Map.entry("cm2", "cm²"), Map.entry("m3", "m³"), Map.entry("cm3", "cm³"), Map.entry("degc", "°C"),
            Map.entry("deg c", "°C"), Map.entry("celsius", "°C"), Map.entry("°c", "°C"), Map.entry("degf", "°F"));

    private Units() {}

    /** The unit to show, or null when there is none. */
    static String display(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String written = unit.strip();
        return SYMBOLS.getOrDefault(written.toLowerCase(Locale.ROOT), written);
    }
}
