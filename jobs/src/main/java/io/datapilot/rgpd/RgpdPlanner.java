package io.datapilot.rgpd;

import io.datapilot.core.config.RgpdConfig;
import io.datapilot.core.config.TreatmentConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides each personal column's treatment: the configuration's when it names the column, else
 * the detected category's safe default (pseudonymise, generalise, or drop for NIR, IBAN and cards).
 */
public final class RgpdPlanner {
    private RgpdPlanner() {}

    /**
     * @param columns the source's final column names, in order
     * @param resolve final name of a column reference (original or final name), or null
     * @param detections strongest detection per column, when above the minimum confidence
     */
    public static Map<String, ColumnTreatment> plan(RgpdConfig rgpd, String source, List<String> columns,
            Function<String, String> resolve, Map<String, Detection> detections) {
        Map<String, TreatmentConfig> declared = new LinkedHashMap<>();
        rgpd.columns().forEach((reference, treatment) -> {
            int dot = reference.indexOf('.');
            if (dot > 0 && reference.substring(0, dot).equals(source) && treatment != null && treatment.treatment() != null) {
                String column = resolve.apply(reference.substring(dot + 1));
                if (column != null) {
                    declared.put(column, treatment);
                }
            }
        });
        Map<String, ColumnTreatment> plan = new LinkedHashMap<>();
        for (String column : columns) {
            Detection detection = detections.get(column);
            TreatmentConfig configured = declared.get(column);
            PersonalCategory category = detection == null ? null : detection.category();
            if (configured != null) {
                plan.put(column, new ColumnTreatment(source, column, category, detection == null ? 1 : detection.confidence(),
                        configured.treatment(), configured.to(), configured.justification(), "config"));
            } else if (detection != null && detection.confidence() >= rgpd.minConfidence()) {
                plan.put(column, new ColumnTreatment(source, column, category, detection.confidence(),
                        category.defaultTreatment(), category.defaultTarget(), null, "default"));
            }
        }
        return plan;
    }

    /** The strongest detection of each column (none for columns that do not look personal). */
    public static Map<String, Detection> strongest(Map<String, List<Detection>> detections) {
        Map<String, Detection> strongest = new LinkedHashMap<>();
        detections.forEach((column, found) -> {
            if (!found.isEmpty()) {
                strongest.put(column, found.get(0));
            }
        });
        return strongest;
    }
}
