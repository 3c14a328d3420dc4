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
 * @param minConfidence detection confidence from which a column is treated as personal
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
        Map<String, TreatmentConfig> columns) {

    public static final String DEFAULT_KEY_ENV = "DATAPILOT_PSEUDONYMISATION_KEY";

    public RgpdConfig {
        peopleCategories = peopleCategories == null ? List.of() : List.copyOf(peopleCategories);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        securityMeasures = securityMeasures == null ? List.of() : List.copyOf(securityMeasures);
        keyEnv = keyEnv == null ? DEFAULT_KEY_ENV : keyEnv;
        demoKey = demoKey == null ? Boolean.FALSE : demoKey;
        minConfidence = minConfidence == null ? 0.5 : minConfidence;
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
    }

    static RgpdConfig defaults() {
        return new RgpdConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    RgpdConfig withKeyFile(String resolved) {
        return new RgpdConfig(controller, purpose, legalBasis, peopleCategories, recipients, transfers, retention,
                securityMeasures, accessControl, erasureProcedure, keyEnv, resolved, demoKey, minConfidence, columns);
    }
}
