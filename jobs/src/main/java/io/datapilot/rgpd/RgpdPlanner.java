package io.datapilot.rgpd;

import io.datapilot.core.config.RgpdConfig;
import io.datapilot.core.config.RgpdConfig.OnUncertain;
import io.datapilot.core.config.TreatmentConfig;
import io.datapilot.core.config.TreatmentConfig.Treatment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides each personal column's treatment: the configuration's when it names the column, else
 * the detected category's default (pseudonymise, generalise, or drop for NIR, IBAN and cards) on a
 * high-confidence finding only. Low-confidence findings are left unchanged and listed with the
 * config lines that decide them, unless {@code rgpd.on_uncertain: protect}.
 */
public final class RgpdPlanner {
    private RgpdPlanner() {}

    /**
     * What ingestion does with one source's personal columns.
     *
     * @param treatments column → treatment, for the columns that are changed or kept by decision
     * @param uncertain low-confidence findings left unchanged (with {@code on_uncertain: report})
     */
    public record Decisions(Map<String, ColumnTreatment> treatments, List<Detection> uncertain) {
        public Decisions {
            treatments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(treatments));
            uncertain = List.copyOf(uncertain);
        }
    }

    /**
     * @param columns the source's final column names, in order
     * @param resolve final name of a column reference (original or final name), or null
     * @param detections strongest detection per column
     */
    public static Decisions plan(RgpdConfig rgpd, String source, List<String> columns, Function<String, String> resolve,
            Map<String, Detection> detections) {
        Map<String, TreatmentConfig> declared = declared(rgpd, source, resolve);
        Map<String, ColumnTreatment> plan = new LinkedHashMap<>();
        List<Detection> uncertain = new ArrayList<>();
        for (String column : columns) {
            Detection detection = detections.get(column);
            TreatmentConfig configured = declared.get(column);
            PersonalCategory category = detection == null ? null : detection.category();
            if (configured != null) {
                plan.put(column, new ColumnTreatment(source, column, category, detection == null ? 1 : detection.confidence(),
                        configured.treatment(), configured.to(), configured.justification(), "config"));
            } else if (detection != null && (detection.confidence() >= rgpd.minConfidence() || rgpd.onUncertain() == OnUncertain.PROTECT)) {
                String decidedBy = detection.confidence() >= rgpd.minConfidence() ? "default" : "default (on_uncertain: protect)";
                plan.put(column, new ColumnTreatment(source, column, category, detection.confidence(),
                        category.defaultTreatment(), category.defaultTarget(), null, decidedBy));
            } else if (detection != null) {
                uncertain.add(detection);
            }
        }
        return new Decisions(plan, uncertain);
    }

    /**
     * Why a treatment cannot be applied to a column the data set relies on (a key, a join column
     * or a target), or null when it can. Only a declared {@code keep} or {@code pseudonymise} may
     * touch such a column: pseudonyms stay unique and joinable; a default treatment is a guess, and
     * a guess never changes a key.
     */
    public static String conflict(ColumnTreatment treatment, String role) {
        boolean declared = "config".equals(treatment.decidedBy());
        if (declared && (treatment.treatment() == Treatment.KEEP || treatment.treatment() == Treatment.PSEUDONYMISE)) {
            return null;
        }
        String what = treatment.source() + "." + treatment.column();
        String why = declared ? "rgpd.columns[\"" + what + "\"] asks to " + verb(treatment.treatment())
                : "it looks like " + treatment.category().label() + " (confidence " + treatment.confidence() + ") and would be "
                        + treatment.describe();
        String risk = role.contains("target") ? "and a target changed this way changes what the models learn"
                : "and a key changed this way can merge rows or break joins";
        return "Cannot treat " + what + " as personal data: " + why + ", but it is " + role + ", " + risk
                + ". Declare it in rgpd.columns: \"" + what + "\": { treatment: keep, justification:"
                + " \"...why it is not personal or must stay in clear...\" }, or \"" + what + "\": { treatment: pseudonymise }"
                + " (pseudonyms stay unique and joinable).";
    }

    private static String verb(Treatment treatment) {
        return switch (treatment) {
            case PSEUDONYMISE -> "pseudonymise";
            case MASK -> "mask";
            case GENERALISE -> "generalise";
            case DROP -> "drop";
            case KEEP -> "keep";
        };
    }

    private static Map<String, TreatmentConfig> declared(RgpdConfig rgpd, String source, Function<String, String> resolve) {
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
        return declared;
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
