package io.datapilot.rgpd;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds personal columns from a sample of their values and from their names, French and English.
 *
 * <p>A finding is <b>high-confidence</b> ({@link #HIGH} and above) only when the content supports
 * it: a checksum or a strict pattern that most values pass (e-mail, phone, NIR, IBAN, card, IP), or
 * a name hint together with values of the right kind (postcodes, plausible ages for a birth date,
 * names of people, street addresses). A name hint alone, or content alone for kinds that ordinary
 * columns often share (postcodes, dates, names of places, addresses of shops), is a
 * <b>low-confidence</b> finding: reported, never treated by default. Dates with a time of day are
 * events, never birth dates. The detector only reads the bounded sample it is given and never
 * logs values.
 */
public final class PersonalDataDetector {
    /** From here a finding is high-confidence: its category's default treatment applies. */
    public static final double HIGH = 0.8;
    /** Below this nothing is reported. */
    public static final double REPORTED = 0.3;
    private static final double CERTAIN = 1.0;
    private static final double STRONG = 0.9;
    private static final double CONTENT_ONLY = 0.5;
    private static final double HINT_ONLY = 0.4;
    private static final double MOST = 0.8;
    private static final double HALF = 0.5;
    /** Full names of people without a hint in the column's name ("Jeanne Martin"): high, but below a hinted finding. */
    private static final double COMMON_NAMES_ONLY = 0.85;
    /** A generic name hint on values shaped like names, none of them common: low, raised by a first-name column beside it. */
    private static final double SHAPED_NAMES = 0.6;
    /** Share of common given or family names that supports a generic name hint. */
    private static final double SOME_COMMON_NAMES = 0.3;

    /** Name tokens (accents removed, snake_case parts) that suggest a category. */
    private static final Map<PersonalCategory, Set<String>> NAME_HINTS = new EnumMap<>(Map.of(
            PersonalCategory.EMAIL, Set.of("mail", "email", "courriel", "e_mail", "mel"),
            PersonalCategory.PHONE, Set.of("tel", "telephone", "phone", "mobile", "portable", "gsm", "fax", "cellulaire"),
            PersonalCategory.NIR, Set.of("nir", "secu", "ssn", "insee", "securite_sociale"),
            PersonalCategory.IBAN, Set.of("iban", "rib", "bic"),
            PersonalCategory.CARD, Set.of("carte_bancaire", "cb", "card", "pan", "credit_card", "numero_carte"),
            PersonalCategory.IP, Set.of("ip", "ip_address", "adresse_ip"),
            PersonalCategory.POSTCODE, Set.of("code_postal", "cp", "postcode", "zip", "zipcode", "postal_code"),
            PersonalCategory.BIRTH_DATE, Set.of("naissance", "birth", "birthdate", "birthday", "dob", "ddn", "date_naissance",
                    "ne_le", "nee_le", "ne_e_le", "date_of_birth"),
            PersonalCategory.NAME, Set.of("nom", "name", "prenom", "firstname", "lastname", "surname", "first_name", "last_name",
                    "nom_de_famille", "patronyme", "given_name", "family_name", "full_name", "fullname", "nom_complet"),
            PersonalCategory.ADDRESS, Set.of("adresse", "address", "rue", "street", "domicile", "residence")));
    /** Name hints that only people have: "nom" or "name" alone also name shops, airports, products. */
    private static final Set<String> PERSON_ONLY_NAME_HINTS = Set.of("prenom", "firstname", "lastname", "surname", "first_name",
            "last_name", "nom_de_famille", "patronyme", "given_name", "family_name", "full_name", "fullname", "nom_complet");
    /** Words that may qualify a generic name hint and still be about a person ("nom_client", "nom_du_patient"). */
    private static final Set<String> PERSON_WORDS = Set.of("nom", "name", "de", "du", "d", "la", "le", "l", "of", "the", "famille",
            "naissance", "usage", "jeune", "fille", "marital", "client", "cliente", "patient", "patiente", "proprietaire", "responsable",
            "contact", "salarie", "employe", "usager", "titulaire", "conseiller", "vendeur", "vendeuse", "owner", "customer", "user",
            "person", "personne", "epoux", "conjoint", "parent", "pere", "mere", "enfant", "eleve", "adherent", "beneficiaire",
            "assure", "locataire", "manager", "agent", "auteur", "author", "member", "membre", "student", "employee", "1", "2",
            "medecin", "docteur", "veterinaire", "infirmier", "infirmiere", "praticien", "avocat", "notaire", "technicien",
            "commercial", "interlocuteur", "referent", "signataire", "destinataire", "expediteur", "acheteur", "representant",
            "gerant", "directeur", "dirigeant", "collaborateur", "stagiaire", "candidat", "intervenant", "formateur", "enseignant",
            "professeur", "tuteur", "mandataire", "souscripteur", "emprunteur", "payeur", "debiteur", "sender", "recipient",
            "buyer", "seller", "doctor", "nurse", "teacher", "driver", "chauffeur", "livreur");
    private static final Pattern STREET = Pattern.compile("^\\d{1,4}(?:\\s*[-–]\\s*\\d{1,4})?\\s*(?:bis|ter|[a-d])?\\s*,?\\s*.*\\b(?:rue|ruelle|avenue|av|bd"
            + "|boulevard|faubourg|fbg|chauss[ée]e|cit[ée]|hameau|voie|chemin|all[ée]e|impasse|place|quai|route|cours|square|passage"
            + "|lieu-dit|r[ée]sidence|street|st|road|rd|lane|ln|drive"
            + "|dr|way|court|ct)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private PersonalDataDetector() {}

    /**
     * Detections of every column of one source, strongest first per column. A generic name hint
     * ("nom") on values shaped like names is confirmed when another column of the same source holds
     * given or family names by a hint only people have ("prenom", "last_name").
     */
    public static Map<String, List<Detection>> detectSource(Map<String, List<String>> columns, LocalDate runDate) {
        Map<String, List<Detection>> detections = new LinkedHashMap<>();
        columns.forEach((column, values) -> detections.put(column, detect(column, values, runDate)));
        boolean peopleNamed = detections.values().stream().flatMap(List::stream)
                .anyMatch(found -> found.category() == PersonalCategory.NAME && found.confidence() >= HIGH
                        && PERSON_ONLY_NAME_HINTS.stream().anyMatch(hint -> hasToken(found.column(), hint)));
        if (peopleNamed) {
            detections.replaceAll((column, found) -> found.stream()
                    .map(detection -> detection.category() == PersonalCategory.NAME && detection.nameHint()
                            && detection.confidence() < HIGH && detection.contentShare() >= MOST && !namesAThing(detection.column())
                            ? detection.withConfidence(STRONG, "another column of the source holds people's given or family names")
                            : detection)
                    .sorted((a, b) -> Double.compare(b.confidence(), a.confidence())).toList());
        }
        return detections;
    }

    /**
     * Detections for one column, strongest first (empty when nothing looks personal).
     *
     * @param values the column's sample as text (nulls allowed)
     */
    public static List<Detection> detect(String column, List<String> values, LocalDate runDate) {
        List<String> present = values.stream().filter(value -> value != null && !value.isBlank()).map(String::trim).toList();
        List<Detection> detections = new ArrayList<>();
        for (PersonalCategory category : PersonalCategory.values()) {
            boolean hinted = hasHint(column, category);
            Detection detection = switch (category) {
                case EMAIL -> patterned(column, category, hinted, present, Validators::isEmail);
                case NIR -> patterned(column, category, hinted, present, Validators::isNir);
                case IBAN -> patterned(column, category, hinted, present, Validators::isIban);
                case CARD -> patterned(column, category, hinted, present, Validators::isCard);
                case IP -> patterned(column, category, hinted, present, Validators::isIp);
                case PHONE -> phone(column, hinted, present);
                case POSTCODE -> postcode(column, hinted, present);
                case BIRTH_DATE -> birthDate(column, hinted, present, runDate);
                case NAME -> personName(column, hinted, present);
                case ADDRESS -> address(column, hinted, present);
            };
            if (detection != null && detection.confidence() >= REPORTED) {
                detections.add(detection);
            }
        }
        detections.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        return detections;
    }

    /** Kinds with a strict pattern or a checksum: most values passing it is enough. */
    private static Detection patterned(String column, PersonalCategory category, boolean hinted, List<String> present,
            Predicate<String> recogniser) {
        double share = share(present, recogniser);
        if (share >= MOST) {
            return found(column, category, hinted ? CERTAIN : STRONG, share, hinted, percent(share) + " of the values are valid "
                    + category.label() + (hinted ? ", and the column's name says so" : ""));
        }
        if (share >= HALF) {
            return found(column, category, hinted ? STRONG : CONTENT_ONLY, share, hinted, percent(share) + " of the values are valid "
                    + category.label() + (hinted ? ", and the column's name says so" : ", but not most of them"));
        }
        return hinted ? hintOnly(column, category, share) : null;
    }

    /** Numbers written as phone numbers ("06 12 34 56 78", "+33 6…") are phones; ten bare digits may be codes. */
    private static Detection phone(String column, boolean hinted, List<String> present) {
        double share = share(present, Validators::isFrenchPhone);
        double written = share(present, value -> Validators.isFrenchPhone(value) && !value.matches("\\d+"));
        if (share >= HALF && (hinted || written >= HALF)) {
            return found(column, PersonalCategory.PHONE, hinted && share >= MOST ? CERTAIN : STRONG, share, hinted,
                    percent(share) + " of the values are French phone numbers" + (hinted ? ", and the column's name says so"
                            : ", written as phone numbers"));
        }
        if (share >= HALF) {
            return found(column, PersonalCategory.PHONE, CONTENT_ONLY, share, false, percent(share)
                    + " of the values are ten digits starting like a phone number, without the spacing of one: codes look the same");
        }
        double loose = share(present, Validators::isLoosePhone);
        if (hinted && loose >= MOST) {
            return found(column, PersonalCategory.PHONE, STRONG, loose, true, percent(loose) + " of the values are 8 to 15 digits"
                    + " written like phone numbers (foreign, or without their leading 0), and the column's name says so");
        }
        return hinted ? hintOnly(column, PersonalCategory.PHONE, share) : null;
    }

    private static Detection postcode(String column, boolean hinted, List<String> present) {
        double share = share(present, Validators::isPostcode);
        if (hinted && share >= HALF) {
            return found(column, PersonalCategory.POSTCODE, share >= MOST ? STRONG : HIGH, share, true,
                    percent(share) + " of the values are French postcodes, and the column's name says so");
        }
        if (share >= MOST) {
            return found(column, PersonalCategory.POSTCODE, CONTENT_ONLY, share, false, percent(share)
                    + " of the values are five digits like French postcodes, but the column's name does not say so (codes,"
                    + " amounts and identifiers look the same)");
        }
        return hinted ? hintOnly(column, PersonalCategory.POSTCODE, share) : null;
    }

    /**
     * A birth date needs a name hint and plausible ages (0 to 120 years at the run date). Dates with
     * a time of day are events; dates alone, however old, are at most a low-confidence finding.
     */
    private static Detection birthDate(String column, boolean hinted, List<String> present, LocalDate runDate) {
        DateReadings readings = DateReadings.of(present, runDate);
        List<LocalDate> dates = readings.dates();
        int timed = readings.timed();
        double dateShare = present.isEmpty() ? 0 : (double) dates.size() / present.size();
        double timedShare = present.isEmpty() ? 0 : (double) timed / present.size();
        if (timedShare >= HALF) {
            return hinted ? found(column, PersonalCategory.BIRTH_DATE, HINT_ONLY, 0, true, "the column's name suggests birth dates,"
                    + " but " + percent(timedShare) + " of the values have a time of day, as events do") : null;
        }
        double plausible = dates.isEmpty() ? 0
                : (double) dates.stream().filter(date -> age(date, runDate) >= 0 && age(date, runDate) <= 120).count() / dates.size();
        if (hinted) {
            if (dateShare >= HALF && plausible >= MOST) {
                return found(column, PersonalCategory.BIRTH_DATE, CERTAIN, dateShare, true, "the column's name suggests birth dates and "
                        + percent(plausible) + " of its dates give ages from 0 to 120 years");
            }
            return found(column, PersonalCategory.BIRTH_DATE, HINT_ONLY, dateShare, true, "the column's name suggests birth dates, but"
                    + " only " + percent(dateShare * plausible) + " of the values are dates giving plausible ages");
        }
        if (dateShare < MOST) {
            return null;
        }
        double adults = (double) dates.stream().filter(date -> age(date, runDate) >= 16 && age(date, runDate) <= 110).count() / dates.size();
        int first = dates.stream().mapToInt(LocalDate::getYear).min().orElse(0);
        int last = dates.stream().mapToInt(LocalDate::getYear).max().orElse(0);
        if (adults >= 0.9 && last - first >= 20) {
            return found(column, PersonalCategory.BIRTH_DATE, CONTENT_ONLY, dateShare, false, "dates spread over " + (last - first)
                    + " years that could be adults' birth dates, but the column's name does not say so (hiring, contract or"
                    + " opening dates look the same)");
        }
        return null;
    }

    /**
     * A person-only hint ("prenom") with values shaped like names is enough; "nom" or "name" also
     * needs common given or family names among the values (shops, airports and products have names
     * too); without any hint, mostly common names ("Jeanne Martin") are needed.
     */
    private static Detection personName(String column, boolean hinted, List<String> present) {
        double shaped = share(present, PersonNames::hasShape);
        double common = share(present, value -> PersonNames.hasShape(value) && PersonNames.holdsCommonName(value));
        boolean personOnly = PERSON_ONLY_NAME_HINTS.stream().anyMatch(hint -> hasToken(column, hint));
        String figures = percent(shaped) + " of the values are shaped like names of people, " + percent(common) + " hold a common"
                + " given or family name";
        if (hinted && shaped >= MOST && (personOnly || common >= SOME_COMMON_NAMES && !namesAThing(column))) {
            return found(column, PersonalCategory.NAME, personOnly ? CERTAIN : STRONG, shaped, true,
                    "the column's name says it holds names; " + figures);
        }
        if (hinted) {
            return found(column, PersonalCategory.NAME, shaped >= MOST ? SHAPED_NAMES : HINT_ONLY, shaped, true,
                    "the column's name suggests names, but " + figures + ": names of places, shops or products look the same");
        }
        if (shaped >= MOST && common >= 2 * SOME_COMMON_NAMES) {
            return found(column, PersonalCategory.NAME, COMMON_NAMES_ONLY, shaped, false, figures);
        }
        if (shaped >= MOST && common >= SOME_COMMON_NAMES) {
            return found(column, PersonalCategory.NAME, CONTENT_ONLY, shaped, false, figures + ", without a hint in the column's name");
        }
        return null;
    }

    private static Detection address(String column, boolean hinted, List<String> present) {
        double share = share(present, value -> STREET.matcher(value).matches());
        if (hinted && share >= HALF) {
            return found(column, PersonalCategory.ADDRESS, CERTAIN, share, true,
                    percent(share) + " of the values are street addresses, and the column's name says so");
        }
        if (hinted) {
            return hintOnly(column, PersonalCategory.ADDRESS, share);
        }
        if (share >= MOST) {
            return found(column, PersonalCategory.ADDRESS, CONTENT_ONLY, share, false, percent(share)
                    + " of the values are street addresses, but the column's name does not say whose (shops' and offices'"
                    + " addresses are not personal)");
        }
        return null;
    }

    private static Detection hintOnly(String column, PersonalCategory category, double share) {
        return found(column, category, HINT_ONLY, share, true, "only the column's name suggests " + category.label() + " ("
                + percent(share) + " of the values look like it)");
    }

    private static Detection found(String column, PersonalCategory category, double confidence, double share, boolean hinted,
            String evidence) {
        return new Detection(column, category, round(confidence), round(share), hinted, evidence);
    }

    static boolean hasHint(String column, PersonalCategory category) {
        String name = column.toLowerCase(Locale.ROOT);
        List<String> tokens = Arrays.asList(name.split("_"));
        if (category == PersonalCategory.ADDRESS) {
            // a flattened "adresse.ville" is a city: only the last part says what the column holds
            tokens = List.of(tokens.get(tokens.size() - 1));
        }
        for (String hint : NAME_HINTS.get(category)) {
            if (hint.contains("_") ? name.contains(hint) : tokens.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    /** "nom_animal", "name_of_store": a generic name hint qualified by a word that is not about people. */
    private static boolean namesAThing(String column) {
        return Arrays.stream(column.toLowerCase(Locale.ROOT).split("_")).anyMatch(token -> !PERSON_WORDS.contains(token));
    }

    private static boolean hasToken(String column, String hint) {
        String name = column.toLowerCase(Locale.ROOT);
        return hint.contains("_") ? name.contains(hint) : Arrays.asList(name.split("_")).contains(hint);
    }

    private static int age(LocalDate date, LocalDate runDate) {
        return date.isAfter(runDate) ? -1 : Period.between(date, runDate).getYears();
    }

    private static double share(List<String> present, Predicate<String> test) {
        return present.isEmpty() ? 0 : (double) present.stream().filter(test).count() / present.size();
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
