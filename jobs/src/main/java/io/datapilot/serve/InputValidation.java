package io.datapilot.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.datapilot.core.text.Numbers;
import io.datapilot.ml.features.FeatureKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the input of one prediction against the model's fields before the scorer sees it: every
 * field present (null when unknown: the model then uses the training median or the extra category),
 * no unknown field, the right type, a finite number, a value inside the range the model learnt from,
 * a known category. All problems are returned at once, one per field, in French.
 *
 * <p>The API takes JSON values (numbers, {@code true}/{@code false}, dates as {@code 2024-12-31});
 * the form takes text in French formats ({@code 1 234,56}, {@code 31/12/2024}, oui / non).
 */
public final class InputValidation {
    // strict: 31/02/2024 is an error, not 29/02/2024
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern FRENCH_NUMBER = Pattern.compile("[-−+]?[0-9]{1,3}([  \u202F][0-9]{3})+(,[0-9]+)?|[-−+]?[0-9]+([,.][0-9]+)?");
    private static final Set<String> TRUE = Set.of("oui", "vrai", "true", "1");
    private static final Set<String> FALSE = Set.of("non", "faux", "false", "0");

    /** A row ready for the scorer, or the problems that keep it from being one. */
    public record Result(Map<String, Object> row, List<FieldError> errors) {
        public Result {
            row = row == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row));
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private InputValidation() {}

    /** One JSON object of the API; {@code prefix} names its place in a batch ({@code [3].}). */
    public static Result json(ServedModel model, JsonNode input, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null || !input.isObject()) {
            errors.add(new FieldError(prefix.isEmpty() ? "(body)" : prefix.substring(0, prefix.length() - 1),
                    "un objet JSON est attendu, avec un champ par variable du modèle (" + columns(model) + ")"));
            return new Result(null, errors);
        }
        Map<String, Object> row = new HashMap<>();
        for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (model.field(name) == null) {
                errors.add(new FieldError(prefix + name, "champ inconnu du modèle de " + model.target() + " ; les champs sont : " + columns(model)));
            }
        }
        for (Field field : model.fields()) {
            String name = prefix + field.column();
            JsonNode value = input.get(field.column());
            if (value == null) {
                errors.add(new FieldError(name, missing(field)));
            } else if (!value.isNull()) {
                Object parsed = jsonValue(field, value, name, errors);
                if (parsed != null) {
                    row.put(field.column(), parsed);
                }
            }
        }
        return new Result(errors.isEmpty() ? row : null, errors);
    }

    /** The fields of the HTML form, as typed. An empty field is a missing value, which the model imputes. */
    public static Result form(ServedModel model, Map<String, String> input) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> row = new HashMap<>();
        for (Field field : model.fields()) {
            String text = input.get(field.column());
            if (text == null || text.isBlank()) {
                continue;
            }
            Object parsed = textValue(field, text.strip(), field.column(), errors);
            if (parsed != null) {
                row.put(field.column(), parsed);
            }
        }
        return new Result(errors.isEmpty() ? row : null, errors);
    }

    private static Object jsonValue(Field field, JsonNode value, String name, List<FieldError> errors) {
        switch (field.kind()) {
            case NUMERIC -> {
                if (!value.isNumber()) {
                    errors.add(new FieldError(name, "un nombre est attendu (JSON, point décimal), pas " + describe(value)));
                    return null;
                }
                return inRange(field, value.doubleValue(), name, errors);
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    errors.add(new FieldError(name, "true ou false est attendu, pas " + describe(value)));
                    return null;
                }
                return value.booleanValue();
            }
            case DATE -> {
                if (!value.isTextual()) {
                    errors.add(new FieldError(name, "une date est attendue, en texte AAAA-MM-JJ (2024-12-31), pas " + describe(value)));
                    return null;
                }
                try {
                    return dateInRange(field, LocalDate.parse(value.asText()), name, errors);
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(name, "date illisible « " + shortened(value.asText()) + " » : la forme attendue est AAAA-MM-JJ (2024-12-31)"));
                    return null;
                }
            }
            default -> {
                if (!value.isTextual()) {
                    errors.add(new FieldError(name, "une valeur en texte est attendue, parmi " + choices(field) + ", pas " + describe(value)));
                    return null;
                }
                return category(field, value.asText(), name, errors);
            }
        }
    }

    private static Object textValue(Field field, String text, String name, List<FieldError> errors) {
        switch (field.kind()) {
            case NUMERIC -> {
                if (!FRENCH_NUMBER.matcher(text).matches()) {
                    errors.add(new FieldError(name, "« " + shortened(text) + " » n'est pas un nombre : écrivez par exemple 1 234,5"));
                    return null;
                }
                String plain = text.replaceAll("[  \u202F]", "").replace(',', '.').replace('−', '-');
                return inRange(field, Double.parseDouble(plain), name, errors);
            }
            case BOOLEAN -> {
                String lower = text.toLowerCase(Locale.ROOT);
                if (TRUE.contains(lower)) {
                    return true;
                } else if (FALSE.contains(lower)) {
                    return false;
                }
                errors.add(new FieldError(name, "choisissez oui ou non"));
                return null;
            }
            case DATE -> {
                try {
                    LocalDate date = text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
                    return dateInRange(field, date, name, errors);
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(name, "date illisible « " + shortened(text) + " » : écrivez-la JJ/MM/AAAA, par exemple 31/12/2024"));
                    return null;
                }
            }
            default -> {
                return category(field, text, name, errors);
            }
        }
    }

    private static Object inRange(Field field, double number, String name, List<FieldError> errors) {
        if (!Double.isFinite(number)) {
            errors.add(new FieldError(name, "nombre trop grand (au-delà de 1,8 × 10^308)"));
            return null;
        }
        Double min = number(field.min());
        Double max = number(field.max());
        if (min != null && max != null && (number < min || number > max)) {
            errors.add(new FieldError(name, "hors de l'intervalle des données d'entraînement, " + Numbers.decimal(min, decimals(field))
                    + " à " + Numbers.decimal(max, decimals(field)) + " : le modèle n'a pas appris de telles valeurs"));
            return null;
        }
        return number;
    }

    private static Object dateInRange(Field field, LocalDate date, String name, List<FieldError> errors) {
        LocalDate min = date(field.min());
        LocalDate max = date(field.max());
        if (min != null && max != null && (date.isBefore(min) || date.isAfter(max))) {
            errors.add(new FieldError(name, "hors de la période des données d'entraînement, du " + FRENCH_DATE.format(min) + " au "
                    + FRENCH_DATE.format(max) + " : le modèle n'a pas appris de telles dates"));
            return null;
        }
        return date;
    }

    private static Object category(Field field, String text, String name, List<FieldError> errors) {
        if (!field.values().contains(text)) {
            errors.add(new FieldError(name, "valeur inconnue « " + shortened(text) + " » : les valeurs possibles sont " + choices(field)));
            return null;
        }
        return text;
    }

    private static String missing(Field field) {
        return "champ manquant : donnez une valeur, ou null si elle est inconnue (le modèle prend alors "
                + (field.kind() == FeatureKind.CATEGORICAL ? "une catégorie à part)" : "la médiane d'entraînement)");
    }

    private static String describe(JsonNode value) {
        JsonNodeType type = value.getNodeType();
        return switch (type) {
            case STRING -> "le texte « " + shortened(value.asText()) + " »";
            case BOOLEAN -> "le booléen " + value.asText();
            case NUMBER -> "le nombre " + value.asText();
            case ARRAY -> "une liste";
            case OBJECT -> "un objet";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String choices(Field field) {
        List<String> values = field.values();
        String shown = String.join(", ", values.subList(0, Math.min(values.size(), 20)));
        return values.size() > 20 ? shown + "… (" + values.size() + " valeurs, voir GET /api/models/{cible})" : shown;
    }

    private static String columns(ServedModel model) {
        return String.join(", ", model.fields().stream().map(Field::column).toList());
    }

    static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static int decimals(Field field) {
        return field.min() != null && (field.min().contains(".") || (field.max() != null && field.max().contains("."))) ? 2 : 0;
    }

    static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            // a timestamp's range comes as "2024-12-31 10:00:00"
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
