package io.datapilot.profile;

import io.datapilot.core.text.Numbers;
import java.util.List;
import java.util.Locale;

/** One row of the data dictionary: what a column is, where it comes from, how good and how personal it is. */
public record DictionaryEntry(String table, int position, String column, String originalNames, String sourceFiles, String type,
        String semanticType, String description, String unit, boolean nullable, double missingShare, long distinct,
        String examples, String min, String max, Integer maxLengthChars, Integer maxLengthBytes, boolean personal,
        String personalCategory, String rgpdTreatment, String alerts) {

    static DictionaryEntry of(String table, int position, ColumnProfile profile, ColumnOrigin origin, List<Alert> alerts) {
        String description = origin != null && origin.description() != null ? origin.description() : describe(profile, origin);
        boolean personal = profile.personal() || origin != null && origin.personalCategory() != null;
        return new DictionaryEntry(table, position, profile.column(), origin == null ? null : origin.originalNames(),
                origin == null ? null : origin.files(), profile.type(), profile.semanticType().label(), description,
                origin == null ? null : origin.unit(), profile.nulls() > 0, profile.missingShare(), profile.distinct(),
                String.join(" ; ", profile.examples()), personal ? null : profile.min(), personal ? null : profile.max(),
                profile.maxLength(), profile.maxBytes(), personal, origin == null ? null : origin.personalCategory(),
                origin == null ? null : origin.treatment(),
                String.join(", ", alerts.stream().map(alert -> alert.kind().key()).distinct().toList()));
    }

    /** A description generated from the profile, in French, when the configuration gives none. */
    static String describe(ColumnProfile profile, ColumnOrigin origin) {
        String unit = origin != null && origin.unit() != null ? " en " + origin.unit() : "";
        return switch (profile.semanticType()) {
            case IDENTIFIER -> "Identifiant (" + Numbers.count(profile.distinct()) + " valeurs distinctes).";
            case PSEUDONYM -> "Valeur pseudonymisée (HMAC-SHA-256) : permet les rapprochements, pas la lecture.";
            case CATEGORICAL -> "Catégorie à " + Numbers.count(profile.distinct()) + " modalités"
                    + (profile.topValues().isEmpty() ? "" : ", la plus fréquente : « " + profile.topValues().get(0).value() + " »") + ".";
            case BOOLEAN -> "Oui/non.";
            case AMOUNT, CONTINUOUS, DISCRETE -> (profile.semanticType() == SemanticType.AMOUNT ? "Montant" : "Nombre") + unit
                    + " de " + number(profile.min()) + " à " + number(profile.max()) + ", moyenne " + Numbers.decimal(profile.mean(), 2) + ".";
            case DATE, TIMESTAMP -> "Date du " + frenchDate(profile.min()) + " au " + frenchDate(profile.max()) + ".";
            case FREE_TEXT -> "Texte libre (" + Numbers.decimal(profile.averageLength() == null ? 0 : profile.averageLength(), 0)
                    + " caractères en moyenne).";
            case EMAIL, PHONE, POSTCODE -> capitalise(profile.semanticType().label()) + ".";
            case NESTED -> "Structure imbriquée (liste ou objet).";
            case EMPTY -> "Colonne vide.";
        };
    }

    private static String number(String text) {
        try {
            return Numbers.decimal(Double.parseDouble(text), text.contains(".") ? 2 : 0);
        } catch (NumberFormatException | NullPointerException e) {
            return String.valueOf(text);
        }
    }

    static String frenchDate(String iso) {
        if (iso == null || iso.length() < 10) {
            return String.valueOf(iso);
        }
        return iso.substring(8, 10) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4);
    }

    private static String capitalise(String text) {
        return text.substring(0, 1).toUpperCase(Locale.FRENCH) + text.substring(1);
    }
}
