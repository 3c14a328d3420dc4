package io.datapilot.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Personal data: how detected columns are treated before the first write, where the
 * pseudonymisation key comes from, and what the register of processing (GDPR art. 30) says.
 *
 * @param columns treatments keyed by {@code source.column} (original or final column name)
 * @param keyEnv environment variable holding the pseudonymisation key
 * @param keyFile file holding the key, outside the project folder
 * @param demoKey allow creating a demo key in the warehouse when no key is given (sample only)
 * @param minConfidence detection confidence from which a finding is high-confidence and gets its category's
 *     default treatment (0.8 by default)
 * @param onUncertain what a low-confidence finding does: {@code report} (the column is left unchanged and the
 *     run prints the config lines that decide it) or {@code protect} (it gets the default treatment too)
 * @param retentionPolicy how long each table keeps its run dates, and the version retention of {@code VACUUM}
 *     (used by {@code datapilot retention} and {@code datapilot erase})
 */
public record RgpdConfig(
        String controller,
        String purpose,
        String legalBasis,
        List<String> peopleCategories,
        List<String> recipients,
        String transfers,
        String retention,
        List<String> securityMeasures,
        String accessControl,
        String erasureProcedure,
        String keyEnv,
        String keyFile,
        Boolean demoKey,
        Double minConfidence,
        OnUncertain onUncertain,
        Map<String, TreatmentConfig> columns,
        RetentionPolicy retentionPolicy) {

    public static final String DEFAULT_KEY_ENV = "DATAPILOT_PSEUDONYMISATION_KEY";
    public static final double DEFAULT_MIN_CONFIDENCE = 0.8;

    /** What happens to a column that only might be personal. */
    public enum OnUncertain {
        /** Left unchanged; the run says what it found and the config lines that treat or keep it. */
        REPORT,
        /** Treated by its category's default, like a high-confidence finding (keys still stop the run). */
        PROTECT
    }

    public RgpdConfig {
        peopleCategories = peopleCategories == null ? List.of() : List.copyOf(peopleCategories);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        securityMeasures = securityMeasures == null ? List.of() : List.copyOf(securityMeasures);
        keyEnv = keyEnv == null ? DEFAULT_KEY_ENV : keyEnv;
        demoKey = demoKey == null ? Boolean.FALSE : demoKey;
        minConfidence = minConfidence == null ? DEFAULT_MIN_CONFIDENCE : minConfidence;
        onUncertain = onUncertain == null ? OnUncertain.REPORT : onUncertain;
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        retentionPolicy = retentionPolicy == null ? RetentionPolicy.defaults() : retentionPolicy;
    }

    /**
     * Retention periods (docs/CONFIG.md, {@code rgpd.retention_policy}).
     *
     * @param days run dates kept, in days, keyed by {@code default}, a layer ({@code bronze}, {@code audit},
     *     {@code silver}, {@code gold}, {@code governance}) or a table ({@code audit.quarantine}); the most specific
     *     key wins, and a table without any key keeps every run date
     * @param vacuumHours how long {@code VACUUM} keeps the files of replaced versions (168 hours, Delta's safety
     *     default; the files of a deleted row stay readable by time travel until then)
     */
    public record RetentionPolicy(Map<String, Integer> days, Integer vacuumHours) {
        public static final int DEFAULT_VACUUM_HOURS = 168;
        public static final String DEFAULT_KEY = "default";

        public RetentionPolicy {
            days = days == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(days));
            vacuumHours = vacuumHours == null ? DEFAULT_VACUUM_HOURS : vacuumHours;
        }

        static RetentionPolicy defaults() {
            return new RetentionPolicy(null, null);
        }

        /** The days of run dates {@code layer.table} keeps, and the key that says so; empty when nothing is set. */
        public java.util.Optional<Map.Entry<String, Integer>> daysFor(String layer, String table) {
            for (String key : List.of(layer + "." + table, layer, DEFAULT_KEY)) {
                Integer value = days.get(key);
                if (value != null) {
                    return java.util.Optional.of(Map.entry(key, value));
                }
            }
            return java.util.Optional.empty();
        }
    }

    static RgpdConfig defaults() {
        return new RgpdConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    RgpdConfig withKeyFile(String resolved) {
        return new RgpdConfig(controller, purpose, legalBasis, peopleCategories, recipients, transfers, retention,
                securityMeasures, accessControl, erasureProcedure, keyEnv, resolved, demoKey, minConfidence, onUncertain, columns,
                retentionPolicy);
    }
}
