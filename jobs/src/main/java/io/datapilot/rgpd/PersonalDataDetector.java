package io.datapilot.rgpd;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds personal columns from a sample of their values and from their names, French and English.
 *
 * <p>The confidence is the share of non-empty sample values the category's recogniser accepts;
 * a name hint alone gives 0.6, and adds 0.3 to a content match. The detector only reads the sample
 * it is given (bounded); it never logs values.
 */
public final class PersonalDataDetector {
    private static final double NAME_ONLY = 0.6;
    private static final double NAME_BONUS = 0.3;
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"));

    /** Name tokens (accents removed, snake_case parts) that suggest a category. */
    private static final Map<PersonalCategory, Set<String>> NAME_HINTS = new EnumMap<>(Map.of(
            PersonalCategory.EMAIL, Set.of("mail", "email", "courriel", "e_mail"),
            PersonalCategory.PHONE, Set.of("tel", "telephone", "phone", "mobile", "portable", "gsm", "fax"),
            PersonalCategory.NIR, Set.of("nir", "secu", "ssn", "insee"),
            PersonalCategory.IBAN, Set.of("iban", "rib", "bic"),
            PersonalCategory.CARD, Set.of("carte_bancaire", "cb", "card", "pan"),
            PersonalCategory.IP, Set.of("ip", "ip_address", "adresse_ip"),
            PersonalCategory.POSTCODE, Set.of("code_postal", "cp", "postcode", "zip", "zipcode", "postal_code"),
            PersonalCategory.BIRTH_DATE, Set.of("naissance", "birth", "birthdate", "dob", "date_naissance", "ne_le"),
            PersonalCategory.NAME, Set.of("nom", "prenom", "name", "firstname", "lastname", "surname", "first_name",
                    "last_name", "nom_de_famille", "patronyme"),
            PersonalCategory.ADDRESS, Set.of("adresse", "address", "rue", "street", "domicile")));

    private PersonalDataDetector() {}

    /**
     * Detections for one column, strongest first (empty when nothing looks personal).
     *
     * @param values the column's sample as text (nulls allowed)
     */
    public static List<Detection> detect(String column, List<String> values, LocalDate runDate) {
        List<String> present = values.stream().filter(value -> value != null && !value.isBlank()).toList();
        Map<PersonalCategory, Predicate<String>> recognisers = new EnumMap<>(PersonalCategory.class);
        recognisers.put(PersonalCategory.EMAIL, Validators::isEmail);
        recognisers.put(PersonalCategory.PHONE, Validators::isFrenchPhone);
        recognisers.put(PersonalCategory.NIR, Validators::isNir);
        recognisers.put(PersonalCategory.IBAN, Validators::isIban);
        recognisers.put(PersonalCategory.CARD, Validators::isCard);
        recognisers.put(PersonalCategory.IP, Validators::isIp);
        recognisers.put(PersonalCategory.POSTCODE, Validators::isPostcode);
        recognisers.put(PersonalCategory.BIRTH_DATE, value -> parseDate(value).map(date -> Validators.isPlausibleBirthDate(date, runDate)).orElse(false));
        List<Detection> detections = new ArrayList<>();
        for (PersonalCategory category : PersonalCategory.values()) {
            boolean hinted = hasHint(column, category);
            Predicate<String> recogniser = recognisers.get(category);
            double share = recogniser == null || present.isEmpty() ? 0
                    : (double) present.stream().filter(recogniser).count() / present.size();
            // names and addresses have no pattern: only their column names tell
            double confidence = hinted ? Math.min(1, Math.max(NAME_ONLY, share + NAME_BONUS)) : contentOnly(category, share);
            if (confidence > 0) {
                detections.add(new Detection(column, category, round(confidence), round(share), hinted));
            }
        }
        detections.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        return detections;
    }

    /** Content alone: postcodes and birth-like dates are common in non-personal columns, so they count less. */
    private static double contentOnly(PersonalCategory category, double share) {
        if (share < 0.5) {
            return 0;
        }
        return switch (category) {
            case POSTCODE, BIRTH_DATE -> share * 0.7;
            default -> share;
        };
    }

    static boolean hasHint(String column, PersonalCategory category) {
        String name = column.toLowerCase(java.util.Locale.ROOT);
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

    private static Optional<LocalDate> parseDate(String value) {
        String text = value.trim();
        if (text.length() > 10) {
            text = text.substring(0, 10);
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        return Optional.empty();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
