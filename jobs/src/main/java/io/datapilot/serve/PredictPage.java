package io.datapilot.serve;

import static io.datapilot.core.text.Html.escape;

import io.datapilot.core.text.Numbers;
import io.datapilot.ml.features.FeatureKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The prediction page of a target: a form generated from the model's fields (the client's labels
 * with units, the range or the choices of the training data as help, errors linked to their field),
 * then the prediction with its probability or interval, the main factors behind it and what the
 * model is and is not. Works without JavaScript; {@code predire.js} only keeps the page in place and
 * moves the focus.
 */
final class PredictPage {
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final int FACTORS_SHOWN = 5;

    private PredictPage() {}

    static String main(ServedModel model, String csrf, Map<String, String> typed, List<FieldError> errors, Explained result) {
        StringBuilder out = new StringBuilder(16_000);
        out.append("<p class=\"intro\">Le modèle « ").append(escape(model.modelLabel())).append(" », version ")
                .append(escape(model.version())).append(", prédit ").append(escape(model.targetLabel()))
                .append(" à partir des ").append(model.fields().size()).append(" variables ci-dessous. Un champ laissé vide est une valeur inconnue : "
                        + "le modèle prend alors la valeur médiane (ou une catégorie à part) des données d'entraînement.</p>\n");
        out.append("<section id=\"formulaire\" aria-labelledby=\"titre-formulaire\">\n<h2 id=\"titre-formulaire\">Les données de la prédiction</h2>\n");
        if (!errors.isEmpty()) {
            out.append("<div id=\"erreurs\" class=\"error-summary\" tabindex=\"-1\" role=\"alert\">\n<h3>")
                    .append(errors.size() == 1 ? "1 erreur empêche la prédiction" : errors.size() + " erreurs empêchent la prédiction")
                    .append("</h3>\n<ul>\n");
            for (FieldError error : errors) {
                Field field = model.field(error.field());
                out.append("<li><a href=\"#champ-").append(id(error.field())).append("\">").append(escape(field == null ? error.field() : field.labelWithUnit()))
                        .append(" : ").append(escape(error.message())).append("</a></li>\n");
            }
            out.append("</ul>\n</div>\n");
        }
        out.append("<form method=\"post\" action=\"/predire/").append(escape(model.target())).append("\" novalidate>\n")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(csrf)).append("\">\n");
        for (Field field : model.fields()) {
            field(out, field, typed.get(field.column()), errors.stream().filter(error -> error.field().equals(field.column())).findFirst().orElse(null));
        }
        out.append("<button type=\"submit\">Prédire</button>\n</form>\n</section>\n");
        out.append("<section id=\"resultat\" class=\"result\" tabindex=\"-1\" aria-live=\"polite\" aria-labelledby=\"titre-resultat\">\n")
                .append("<h2 id=\"titre-resultat\">Résultat</h2>\n");
        if (result == null) {
            out.append("<p>Remplissez le formulaire puis choisissez « Prédire » : le résultat s'affiche ici.</p>\n");
        } else {
            result(out, model, result);
        }
        out.append("</section>\n");
        explanation(out, model);
        return out.toString();
    }

    private static void field(StringBuilder out, Field field, String typed, FieldError error) {
        String id = "champ-" + id(field.column());
        String help = id + "-aide";
        String described = help + (error != null ? " " + id + "-erreur" : "");
        out.append("<div class=\"field").append(error != null ? " field-error" : "").append("\">\n<label for=\"").append(id).append("\">")
                .append(escape(field.labelWithUnit())).append("</label>\n");
        out.append("<p class=\"help\" id=\"").append(help).append("\">").append(escape(help(field))).append("</p>\n");
        if (error != null) {
            out.append("<p class=\"error\" id=\"").append(id).append("-erreur\">Erreur : ").append(escape(error.message())).append("</p>\n");
        }
        String invalid = error != null ? " aria-invalid=\"true\"" : "";
        String value = typed == null ? "" : typed;
        if (field.kind() == FeatureKind.CATEGORICAL || field.kind() == FeatureKind.BOOLEAN) {
            out.append("<select id=\"").append(id).append("\" name=\"").append(escape(field.column())).append("\" aria-describedby=\"")
                    .append(described).append('"').append(invalid).append(">\n");
            option(out, "", "Inconnu", value);
            for (String choice : field.kind() == FeatureKind.BOOLEAN ? List.of("oui", "non") : field.values()) {
                option(out, choice, choice, value);
            }
            out.append("</select>\n");
        } else {
            out.append("<input id=\"").append(id).append("\" name=\"").append(escape(field.column())).append("\" type=\"text\"")
                    .append(field.kind() == FeatureKind.NUMERIC ? " inputmode=\"decimal\"" : "")
                    .append(" autocomplete=\"off\" value=\"").append(escape(value)).append("\" aria-describedby=\"").append(described).append('"')
                    .append(invalid).append(">\n");
        }
        out.append("</div>\n");
    }

    private static void option(StringBuilder out, String value, String text, String selected) {
        out.append("<option value=\"").append(escape(value)).append('"').append(value.equals(selected) ? " selected" : "").append('>')
                .append(escape(text)).append("</option>\n");
    }

    private static String help(Field field) {
        return switch (field.kind()) {
            case NUMERIC -> "Un nombre (virgule décimale), de " + number(field.min()) + " à " + number(field.max())
                    + (field.reference() != null ? " ; médiane " + number(field.reference()) : "") + ".";
            case DATE -> "Une date JJ/MM/AAAA, du " + date(field.min()) + " au " + date(field.max())
                    + (field.reference() != null ? " ; médiane " + date(field.reference()) : "") + ".";
            case BOOLEAN -> "Oui ou non.";
            case CATEGORICAL -> field.values().size() + " valeurs possibles"
                    + (field.values().isEmpty() ? "" : " ; la plus fréquente : " + field.values().get(0)) + ".";
        };
    }

    private static void result(StringBuilder out, ServedModel model, Explained result) {
        out.append("<p class=\"prediction\">");
        if (model.classification()) {
            double probability = result.prediction().probabilities()[(int) result.prediction().value()];
            out.append(escape(model.targetLabel())).append(" : <strong>").append(escape(label(result.prediction().label())))
                    .append("</strong>, avec une probabilité de ").append(Numbers.percent(probability).replace(' ', '\u202F')).append(".</p>\n");
            out.append("<table>\n<caption>Probabilité de chaque classe</caption>\n<thead><tr><th scope=\"col\">Classe</th><th scope=\"col\">Probabilité</th></tr></thead>\n<tbody>\n");
            List<String> labels = model.scorer().labels();
            for (int i = 0; i < labels.size(); i++) {
                out.append("<tr><td>").append(escape(label(labels.get(i)))).append("</td><td class=\"num\">")
                        .append(Numbers.percent(result.prediction().probabilities()[i]).replace(' ', '\u202F')).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        } else {
            out.append(escape(model.targetLabel())).append(" : <strong>").append(decimal(result.prediction().value())).append("</strong>");
            if (Double.isFinite(result.low())) {
                out.append(" ; sur les lignes de test, 90 % des valeurs réelles tombaient entre ").append(decimal(result.low())).append(" et ")
                        .append(decimal(result.high())).append(" pour une telle prédiction");
            }
            out.append(".</p>\n");
        }
        out.append("<h3>Les principaux facteurs de cette prédiction</h3>\n");
        List<Explained.Factor> factors = result.factors();
        if (factors.isEmpty()) {
            out.append("<p>Toutes les valeurs données sont les valeurs typiques des données d'entraînement : aucun facteur ne s'écarte.</p>\n");
            return;
        }
        out.append("<p>Chaque variable est remplacée à son tour par sa valeur typique (médiane, ou valeur la plus fréquente) ; l'écart montre de combien "
                + (model.classification() ? "la probabilité de la classe prédite" : "la prédiction") + " change. Une attribution locale : elle "
                + "décrit ce modèle pour cette ligne, pas une cause dans le monde réel.</p>\n");
        out.append("<table>\n<caption>Facteurs classés par effet</caption>\n<thead><tr><th scope=\"col\">Variable</th><th scope=\"col\">Valeur donnée</th>"
                + "<th scope=\"col\">Valeur typique</th><th scope=\"col\">Effet</th></tr></thead>\n<tbody>\n");
        for (Explained.Factor factor : factors.subList(0, Math.min(FACTORS_SHOWN, factors.size()))) {
            out.append("<tr><td>").append(escape(factor.field().labelWithUnit())).append("</td><td>").append(escape(shown(factor.value())))
                    .append("</td><td>").append(escape(shown(factor.typical()))).append("</td><td class=\"num\">")
                    .append(model.classification() ? signed(factor.effect() * 100, " points") : signed(factor.effect(), "")).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void explanation(StringBuilder out, ServedModel model) {
        out.append("<section aria-labelledby=\"titre-modele\">\n<h2 id=\"titre-modele\">Comment ce modèle fonctionne, et ses limites</h2>\n<p>")
                .append(escape(ModelTexts.howItWorks(model))).append("</p>\n<p>").append(escape(ModelTexts.reliability(model))).append("</p>\n")
                .append("<p>Il a appris sur les données du ").append(escape(model.description().path("run_date").asText()))
                .append(" : des cas très différents de ceux-là (autre période, autre population) sont hors de son domaine. "
                        + "Une prédiction aide une personne à décider ; elle ne décide pas à sa place (RGPD, article 22). "
                        + "La <a href=\"/modeles/").append(escape(model.target())).append("\">fiche du modèle</a> détaille ses données, ses mesures et ses usages proscrits.</p>\n</section>\n");
    }

    /** A boolean target's classes as people say them. */
    private static String label(String label) {
        return switch (label) {
            case "true" -> "oui";
            case "false" -> "non";
            default -> label;
        };
    }

    static String id(String column) {
        return column.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String shown(Object value) {
        if (value instanceof Double number) {
            return decimal(number);
        } else if (value instanceof LocalDate date) {
            return FRENCH_DATE.format(date);
        } else if (value instanceof Boolean bool) {
            return bool ? "oui" : "non";
        }
        return String.valueOf(value);
    }

    /** French style: whole numbers and large ones without decimals, the others with two. */
    static String decimal(double value) {
        int decimals = value == Math.rint(value) || Math.abs(value) >= 1000 ? 0 : 2;
        return Numbers.decimal(value, decimals).replace(' ', '\u202F');
    }

    private static String signed(double value, String unit) {
        return (value > 0 ? "+" : value < 0 ? "−" : "") + decimal(Math.abs(value)) + unit;
    }

    private static String number(String text) {
        Double value = InputValidation.number(text);
        return value == null ? "?" : decimal(value);
    }

    private static String date(String text) {
        LocalDate date = InputValidation.date(text);
        return date == null ? "?" : FRENCH_DATE.format(date);
    }
}
