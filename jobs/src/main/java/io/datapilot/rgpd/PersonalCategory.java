package io.datapilot.rgpd;

import io.datapilot.core.config.TreatmentConfig.Treatment;
import java.util.Locale;

/** Kinds of personal data datapilot recognises, with the treatment applied when the config says nothing. */
public enum PersonalCategory {
    EMAIL("adresse e-mail", Treatment.PSEUDONYMISE, null),
    PHONE("numéro de téléphone", Treatment.PSEUDONYMISE, null),
    NIR("numéro de sécurité sociale (NIR)", Treatment.DROP, null),
    IBAN("IBAN", Treatment.DROP, null),
    CARD("numéro de carte de paiement", Treatment.DROP, null),
    IP("adresse IP", Treatment.PSEUDONYMISE, null),
    POSTCODE("code postal", Treatment.GENERALISE, "departement"),
    BIRTH_DATE("date de naissance", Treatment.GENERALISE, "year"),
    NAME("nom ou prénom", Treatment.PSEUDONYMISE, null),
    ADDRESS("adresse postale", Treatment.PSEUDONYMISE, null);

    private final String label;
    private final Treatment defaultTreatment;
    private final String defaultTarget;

    PersonalCategory(String label, Treatment defaultTreatment, String defaultTarget) {
        this.label = label;
        this.defaultTreatment = defaultTreatment;
        this.defaultTarget = defaultTarget;
    }

    /** French label, as the register and the dictionary show it. */
    public String label() {
        return label;
    }

    public Treatment defaultTreatment() {
        return defaultTreatment;
    }

    public String defaultTarget() {
        return defaultTarget;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
