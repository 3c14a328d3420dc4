package io.datapilot.rgpd;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.config.TreatmentConfig.Treatment;

/**
 * The treatment a personal column of a source receives, and why.
 *
 * @param category what it holds (null when the configuration declares it without detection)
 * @param confidence detection confidence (1 when declared in the configuration)
 * @param to generalisation target ({@code year}, {@code age_band}, {@code departement})
 * @param decidedBy {@code config} or {@code default}
 */
public record ColumnTreatment(String source, String column, PersonalCategory category, double confidence,
        Treatment treatment, String to, String justification, String decidedBy) {

    public ColumnTreatment {
        requireNonNull(source, "source is null");
        requireNonNull(column, "column is null");
        requireNonNull(treatment, "treatment is null");
    }

    public boolean writesClearValues() {
        return treatment == Treatment.KEEP;
    }

    public String describe() {
        String what = switch (treatment) {
            case PSEUDONYMISE -> "pseudonymised (HMAC-SHA-256)";
            case MASK -> "masked";
            case GENERALISE -> "generalised to " + to;
            case DROP -> "dropped";
            case KEEP -> "kept in clear: " + justification;
        };
        return what + " (" + decidedBy + ")";
    }
}
