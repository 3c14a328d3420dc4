package io.datapilot.profile;

import io.datapilot.rgpd.Validators;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a sample and a name say of a column's meaning, finished with the pass's statistics: an
 * identifier is nearly unique, a category has few values, an amount has a currency unit or a name
 * like montant/prix, free text is long with spaces.
 */
final class SemanticHint {
    private static final double SHARE = 0.8;
    private static final Set<String> IDENTIFIER_WORDS = Set.of("id", "identifiant", "code", "ref", "reference", "num",
            "numero", "key", "cle", "uuid", "siren", "siret");
    private static final Set<String> AMOUNT_WORDS = Set.of("montant", "prix", "price", "amount", "ca", "chiffre", "revenu",
            "depense", "depenses", "salaire", "cout", "tarif", "total", "facture", "eur", "euros", "ttc", "ht", "spend", "cost");
    private static final Set<String> CURRENCIES = Set.of("EUR", "€", "USD", "$", "GBP", "£", "CHF");

    private final StructField field;
    private final double emailShare;
    private final double phoneShare;
    private final double maskedPhoneShare;
    private final double postcodeShare;
    private final double pseudonymShare;
    private final double averageLength;
    private final double spaceShare;

    private SemanticHint(StructField field, List<String> sample) {
        this.field = field;
        List<String> present = sample.stream().filter(Objects::nonNull).filter(value -> !value.isBlank()).toList();
        this.emailShare = share(present, Validators::isEmail);
        this.phoneShare = share(present, Validators::isFrenchPhone);
        this.maskedPhoneShare = share(present, value -> value.matches("^[*+ .]*\\*[* .]*\\d{2}$"));
        this.postcodeShare = share(present, Validators::isPostcode);
        this.pseudonymShare = share(present, value -> value.matches("^[0-9a-f]{64}$"));
        this.averageLength = present.stream().mapToInt(String::length).average().orElse(0);
        this.spaceShare = share(present, value -> value.trim().contains(" "));
    }

    static SemanticHint of(StructField field, List<String> sample) {
        return new SemanticHint(field, sample);
    }

    /** The regular expression the column's values should match, when its meaning has a format. */
    String formatPattern() {
        if (!(field.dataType() instanceof StringType)) {
            return null;
        }
        if (emailShare >= SHARE) {
            return Validators.EMAIL_PATTERN;
        }
        if (phoneShare >= SHARE) {
            return Validators.FRENCH_PHONE_PATTERN;
        }
        if (postcodeShare >= SHARE) {
            return Validators.POSTCODE_PATTERN;
        }
        return null;
    }

    SemanticType decide(ColumnProfile profile, boolean key) {
        DataType type = field.dataType();
        if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
            return SemanticType.NESTED;
        }
        if (profile.count() == 0) {
            return SemanticType.EMPTY;
        }
        if (type instanceof BooleanType) {
            return SemanticType.BOOLEAN;
        }
        if (type instanceof DateType) {
            return SemanticType.DATE;
        }
        if (!(type instanceof StringType) && !(type instanceof IntegralType) && !(type instanceof DecimalType)
                && !(type instanceof DoubleType) && !(type instanceof FloatType)) {
            return SemanticType.TIMESTAMP;
        }
        boolean nearlyUnique = profile.distinct() >= 0.95 * profile.count() && profile.count() >= 100;
        boolean identifierName = hasWord(IDENTIFIER_WORDS);
        if (type instanceof StringType) {
            if (pseudonymShare >= SHARE) {
                return SemanticType.PSEUDONYM;
            }
            if (emailShare >= SHARE) {
                return SemanticType.EMAIL;
            }
            if (phoneShare >= SHARE || maskedPhoneShare >= SHARE) {
                return SemanticType.PHONE;
            }
            if (postcodeShare >= SHARE) {
                return SemanticType.POSTCODE;
            }
            if (key || identifierName || nearlyUnique && spaceShare < 0.5) {
                return SemanticType.IDENTIFIER;
            }
            if (averageLength > 40 || spaceShare >= 0.5 && profile.distinct() > 50) {
                return SemanticType.FREE_TEXT;
            }
            return SemanticType.CATEGORICAL;
        }
        if (type instanceof IntegralType && (key || identifierName && nearlyUnique)) {
            return SemanticType.IDENTIFIER;
        }
        String unit = field.metadata().contains("datapilot.unit") ? field.metadata().getString("datapilot.unit") : null;
        if (unit != null && CURRENCIES.contains(unit.toUpperCase(Locale.ROOT)) || hasWord(AMOUNT_WORDS)) {
            return SemanticType.AMOUNT;
        }
        return type instanceof IntegralType ? SemanticType.DISCRETE : SemanticType.CONTINUOUS;
    }

    private boolean hasWord(Set<String> words) {
        return Arrays.stream(field.name().toLowerCase(Locale.ROOT).split("_")).anyMatch(words::contains);
    }

    private static double share(List<String> values, Predicate<String> test) {
        return values.isEmpty() ? 0 : (double) values.stream().filter(test).count() / values.size();
    }
}
