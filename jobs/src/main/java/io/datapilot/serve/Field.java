package io.datapilot.serve;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.datapilot.ml.features.FeatureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feature of a served model as its form and its API see it, read from {@code model.json}: the
 * client's label and unit, the allowed values (by frequency, the first being the most frequent) or
 * the range of the rows the model learnt from, and the value that stands for "typical" in the
 * explanation of a prediction (the training median, or the most frequent label).
 *
 * @param min lowest value seen, as text (a number or yyyy-MM-dd); null when none was seen
 * @param max highest value seen, as text
 * @param reference the typical value: median (number, date as yyyy-MM-dd, boolean as 0/1 median) or most frequent label
 */
public record Field(String column, FeatureKind kind, String label, String unit, List<String> values, String min, String max,
        String reference) {

    public Field {
        requireNonNull(column, "column is null");
        requireNonNull(kind, "kind is null");
        label = label == null || label.isBlank() ? column : label;
        values = values == null ? List.of() : List.copyOf(values);
    }

    static Field of(JsonNode node) {
        FeatureKind kind = FeatureKind.valueOf(node.path("kind").asText().toUpperCase(Locale.ROOT));
        List<String> values = new ArrayList<>();
        node.path("values").forEach(value -> values.add(value.asText()));
        String reference = kind == FeatureKind.CATEGORICAL ? (values.isEmpty() ? null : values.get(0)) : text(node.get("median"));
        return new Field(node.path("column").asText(), kind, text(node.get("label")), text(node.get("unit")), values,
                text(node.get("min")), text(node.get("max")), reference);
    }

    /** The label with its unit, as people read it: "Surface (m²)". */
    public String labelWithUnit() {
        return withUnit(label, unit);
    }

    /** A label and its unit, unless the label already ends with one in brackets (the client's "Prix (€)"). */
    static String withUnit(String label, String unit) {
        return unit == null || unit.isBlank() || label.strip().endsWith(")") ? label : label + " (" + unit + ")";
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
