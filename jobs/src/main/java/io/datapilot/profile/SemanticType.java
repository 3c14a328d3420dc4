package io.datapilot.profile;

import java.util.Locale;

/** What a column means, beyond its storage type. */
public enum SemanticType {
    IDENTIFIER("identifiant"),
    CATEGORICAL("catégorielle"),
    BOOLEAN("booléenne"),
    DISCRETE("numérique discrète"),
    CONTINUOUS("numérique continue"),
    AMOUNT("montant"),
    DATE("date"),
    TIMESTAMP("date et heure"),
    FREE_TEXT("texte libre"),
    EMAIL("e-mail"),
    PHONE("téléphone"),
    POSTCODE("code postal"),
    PSEUDONYM("pseudonyme"),
    NESTED("structure imbriquée"),
    EMPTY("vide");

    private final String label;

    SemanticType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
