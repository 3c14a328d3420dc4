package io.datapilot.rgpd;

import io.datapilot.core.text.Months;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a text looks like a person's name: its shape (one to four capitalised words of letters,
 * no digit, no word of a company, place or product) and whether it holds a common given or family
 * name (lists in {@code first-names.txt} and {@code surnames.txt} beside this class).
 */
final class PersonNames {
    private static final Set<String> FIRST_NAMES = load("first-names.txt");
    private static final Set<String> SURNAMES = load("surnames.txt");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’.-]*");
    /** Words that make a text a company, a place, a building or a product rather than a person. */
    private static final Set<String> NOT_A_PERSON = Set.of("sa", "sas", "sarl", "eurl", "sci", "inc", "ltd", "llc", "gmbh",
            "corp", "cie", "fils", "groupe", "group", "societe", "company", "international", "airport", "aeroport",
            "airfield", "airpark", "regional", "municipal", "county", "field", "intl", "ville", "city", "gare",
            "station", "port", "hotel", "magasin", "boutique", "store", "shop", "centre", "center", "rue", "avenue",
            "boulevard", "place", "lac", "lake", "mont", "mount", "river", "valley", "beach", "island", "park", "parc",
            "street", "road", "hopital", "hospital", "clinique", "ecole", "school", "universite", "university", "college",
            "bank", "banque", "restaurant", "cafe", "bar");

    /** Titles before a person's name, without their dot. */
    private static final Set<String> TITLES = Set.of("m", "mme", "mlle", "mr", "mrs", "ms", "miss", "dr", "docteur", "pr",
            "professeur", "me", "maitre", "sir", "madame", "monsieur", "mademoiselle");

    private PersonNames() {}

    /** One to four words of letters (any case, accents composed or not), none naming a company, place or product. */
    static boolean hasShape(String value) {
        String text = Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
        if (text.isEmpty() || text.length() > 60) {
            return false;
        }
        List<String> words = Arrays.asList(text.split("\\s+"));
        if (words.size() > 4) {
            return false;
        }
        for (String word : words) {
            if (!WORD.matcher(word).matches() || NOT_A_PERSON.contains(plain(word))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts with a title ("Dr Durand", "Mme Martin") or a common given name ("Jeanne Martin"), or every
     * word is a common name ("Martin", "Martin Jeanne").
     */
    static boolean holdsCommonName(String value) {
        List<String> words = Arrays.stream(value.trim().split("[\\s-]+")).map(PersonNames::plain).filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) {
            return false;
        }
        if (TITLES.contains(words.get(0)) && words.size() > 1 || FIRST_NAMES.contains(words.get(0))) {
            return true;
        }
        return words.stream().allMatch(word -> FIRST_NAMES.contains(word) || SURNAMES.contains(word));
    }

    /** Lower case, accents removed. */
    static String plain(String text) {
        return Months.withoutAccents(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z'-]", "");
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PersonNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cannot find " + resource + " beside " + PersonNames.class.getName());
            }
            Set<String> names = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    Arrays.stream(line.trim().split("\\s+")).filter(name -> !name.isEmpty()).forEach(names::add);
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
