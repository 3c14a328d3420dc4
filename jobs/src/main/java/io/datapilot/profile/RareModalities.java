package io.datapilot.profile;

import io.datapilot.core.config.AlertsConfig;
import io.datapilot.core.text.Numbers;
import io.datapilot.core.text.Similarity;
import io.datapilot.profile.Alert.Kind;
import io.datapilot.profile.Alert.Severity;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Modalities of a categorical column with few modalities ({@code profile.alerts.rare_max_modalities})
 * that are much rarer than the others. A lone value at least 20 times rarer than every other
 * modality (one {@code x} among hundreds of {@code male} and {@code female}) is probably a code for a
 * missing value: a placeholder alert. Modalities whose share is below {@code profile.alerts.rare_modality}
 * get a rare-modality alert (to group, or to check). Values that are a case, accent or typing variant of
 * another modality are left to the category alerts; personal columns are not examined (their values
 * would be shown).
 */
final class RareModalities {
    /** A lone value is a placeholder when every other modality is at least this many times more frequent. */
    static final int LONE_RATIO = 20;

    private RareModalities() {}

    static List<Alert> of(String table, ColumnProfile column, AlertsConfig thresholds, Set<String> placeholders) {
        List<ValueCount> values = column.valuesSeen().stream().filter(value -> !placeholders.contains(value.value())).toList();
        boolean complete = column.valuesSeen().size() >= column.distinct();
        if (column.semanticType() != SemanticType.CATEGORICAL || column.personal() || !complete || values.size() < 2
                || column.distinct() > thresholds.rareMaxModalities()) {
            return List.of();
        }
        List<ValueCount> byCount = values.stream().sorted(Comparator.comparingLong(ValueCount::count)).toList();
        ValueCount rarest = byCount.get(0);
        if (byCount.size() >= 3 && byCount.get(1).count() >= LONE_RATIO * rarest.count() && !variantOfAnother(rarest, values)) {
            return List.of(PlaceholderAlerts.alert(table, column, Map.of(rarest.value(), rarest.count()), "valeur isolée, au moins "
                    + LONE_RATIO + " fois plus rare que chacune des " + (byCount.size() - 1) + " autres modalités (code de valeur"
                    + " manquante ?)"));
        }
        Map<String, Long> rare = new LinkedHashMap<>();
        for (ValueCount value : byCount) {
            if ((double) value.count() / column.count() < thresholds.rareModality() && !variantOfAnother(value, values)) {
                rare.put(value.value(), value.count());
            }
        }
        if (rare.isEmpty() || rare.size() == values.size()) {
            return List.of();
        }
        long rows = rare.values().stream().mapToLong(Long::longValue).sum();
        List<String> shown = rare.entrySet().stream().limit(5).map(entry -> "«" + entry.getKey() + "» (" + Numbers.count(entry.getValue())
                + ")").toList();
        return List.of(new Alert(table, column.column(), Kind.RARE_MODALITY, rows, (double) rows / column.count(),
                String.join(" / ", shown) + (rare.size() > 5 ? " …" : ""), Severity.INFO, Numbers.percent(thresholds.rareModality()),
                rare.size() + " modalité(s) rare(s), chacune sous " + Numbers.percent(thresholds.rareModality()) + " des valeurs : "
                        + String.join(", ", shown) + (rare.size() > 5 ? " …" : "") + ". À regrouper (par exemple en « autre »)"
                        + " ou à vérifier."));
    }

    /** Whether the value is another modality written differently: the category variant and typo alerts report it. */
    private static boolean variantOfAnother(ValueCount rare, List<ValueCount> values) {
        String form = QualityAlerts.canonical(rare.value());
        for (ValueCount other : values) {
            if (other == rare || other.count() < rare.count()) {
                continue;
            }
            String otherForm = QualityAlerts.canonical(other.value());
            boolean typo = form.length() >= 4 && Similarity.distanceBetween(form, otherForm) <= Math.max(2, form.length() / 5);
            if (otherForm.equals(form) || typo) {
                return true;
            }
        }
        return false;
    }
}
