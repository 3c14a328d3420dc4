package io.datapilot.rgpd;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognisers of personal values by their content, with the checksums that tell a real number
 * from a look-alike: NIR control key (97 − number mod 97), IBAN ISO 7064 mod 97-10, Luhn for cards.
 */
public final class Validators {
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
    private static final Pattern FRENCH_PHONE = Pattern.compile("^(?:(?:\\+|00)33[\\s.-]?(?:\\(0\\))?|0)[1-9](?:[\\s.-]?\\d{2}){4}$");
    private static final Pattern NIR = Pattern.compile("^([12378])(\\d{2})(\\d{2})(\\d{2}|2A|2B)(\\d{3})(\\d{3})(\\d{2})$");
    private static final Pattern IBAN = Pattern.compile("^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$");
    private static final Pattern LOOSE_PHONE = Pattern.compile("^\\+?[\\d][\\d\\s.()/-]{6,24}$");
    private static final Pattern CARD = Pattern.compile("^\\d{13,19}$");
    private static final Pattern IPV4 = Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    /** Eight groups of one to four hexadecimal digits, or fewer around one "::" ("10:00:00" is a time, not an address). */
    private static final Pattern IPV6 = Pattern.compile("^(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}$"
            + "|^(?=.*::)(?!.*::.*::)(?:[0-9A-Fa-f]{1,4}(?::|$)|:){2,8}$");
    private static final Pattern POSTCODE = Pattern.compile("^((0[1-9]|[1-8]\\d|9[0-5])\\d{3}|(97[1-6]|98[0-9])\\d{2})$");

    /** The same patterns for Spark's {@code rlike} (Java regular expressions). */
    public static final String EMAIL_PATTERN = EMAIL.pattern();
    public static final String FRENCH_PHONE_PATTERN = FRENCH_PHONE.pattern();
    public static final String POSTCODE_PATTERN = POSTCODE.pattern();

    private Validators() {}

    public static boolean isEmail(String value) {
        return EMAIL.matcher(value.trim()).matches();
    }

    /**
     * Any phone number once the column's name says it holds phones: 8 to 15 digits with the usual
     * separators and an optional "+", as foreign numbers and numbers read from spreadsheet cells
     * (which lose their leading 0) are written.
     */
    public static boolean isLoosePhone(String value) {
        String trimmed = value.trim();
        if (!LOOSE_PHONE.matcher(trimmed).matches()) {
            return false;
        }
        long digits = trimmed.chars().filter(Character::isDigit).count();
        return digits >= 8 && digits <= 15;
    }

    public static boolean isFrenchPhone(String value) {
        return FRENCH_PHONE.matcher(value.trim()).matches();
    }

    /** A French social security number (13 digits + 2-digit key), spaces allowed, Corsica as 2A/2B. */
    public static boolean isNir(String value) {
        String compact = value.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        var match = NIR.matcher(compact);
        if (!match.matches()) {
            return false;
        }
        int month = Integer.parseInt(match.group(3));
        if (!(month >= 1 && month <= 12 || month >= 20 && month <= 42 || month >= 50 && month <= 99)) {
            return false;
        }
        String number = compact.substring(0, 13).replace("2A", "19").replace("2B", "18");
        long key = Long.parseLong(compact.substring(13));
        return 97 - new BigInteger(number).mod(BigInteger.valueOf(97)).longValue() == key;
    }

    /** An IBAN whose ISO 7064 check (mod 97 = 1) holds. */
    public static boolean isIban(String value) {
        String compact = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!IBAN.matcher(compact).matches()) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** A payment card number whose Luhn check holds. */
    public static boolean isCard(String value) {
        String compact = value.replaceAll("[\\s-]", "");
        if (!CARD.matcher(compact).matches()) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = compact.length() - 1; i >= 0; i--) {
            int digit = compact.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    public static boolean isIp(String value) {
        String trimmed = value.trim();
        return IPV4.matcher(trimmed).matches() || IPV6.matcher(trimmed).matches();
    }

    /** A French postcode: five digits starting with a département code (01–95, 971–976, 98x). */
    public static boolean isPostcode(String value) {
        return POSTCODE.matcher(value.trim()).matches();
    }

    /** A date that could be the birth date of a living customer: between 110 and 10 years before the run date. */
    public static boolean isPlausibleBirthDate(LocalDate date, LocalDate runDate) {
        return !date.isBefore(runDate.minusYears(110)) && !date.isAfter(runDate.minusYears(10));
    }
}
