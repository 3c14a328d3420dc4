package io.datapilot.ml;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.text.Numbers;
import io.datapilot.ml.Explanations.Detail;
import io.datapilot.ml.Explanations.Group;
import io.datapilot.ml.TargetTraining.ModelResult;
import io.datapilot.ml.TargetTraining.Result;
import java.util.Comparator;
import java.util.List;

/**
 * The model card, in Markdown next to the model (ethics: transparency, responsibility,
 * intelligibility, reliability, security): intended use and the uses it must not serve, data and
 * period, features and the sensitive attributes left out, metrics with their spread over the folds,
 * what weighs in the model, metrics per group of the sensitive attribute, owner and date.
 */
final class ModelCard {
    /** The groups of the sensitive attribute and their disparity ratios. */
    record Fairness(String column, List<Group> groups, double metricRatio, double rateRatio, double threshold) {
        boolean warns() {
            return Double.isFinite(metricRatio) && metricRatio < threshold || Double.isFinite(rateRatio) && rateRatio < threshold;
        }
    }

    private ModelCard() {}

    static String markdown(Result result, ModelDescription.Context context, PipelineConfig config, List<Detail> importances,
            Fairness fairness) {
        ModelResult chosen = result.chosen();
        String target = result.target().column();
        String label = context.label().apply(context.table(), target);
        StringBuilder md = new StringBuilder();
        md.append("# Fiche du modèle : ").append(label).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Cible", label + " (`" + target + "`), " + (result.target().task() == Task.REGRESSION ? "régression" : "classification")
                + " — " + result.target().decision());
        row(md, "Modèle retenu", chosen.kind().label() + " (`" + chosen.kind().key() + "`), paramètres " + chosen.bestCombination().text());
        row(md, "Version", context.version() + " (date d'exécution " + context.runDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ")");
        row(md, "Données", context.table() + ", version Delta " + context.tableVersion() + " : " + Numbers.count(result.target().used())
                + " lignes avec une cible (" + Numbers.count(result.trainRows()) + " d'entraînement, " + Numbers.count(result.testRows())
                + " de test), " + Numbers.count(result.target().withoutTarget()) + " sans cible écartées");
        row(md, "Responsable", config.rgpd().controller() == null ? config.project().name() : config.rgpd().controller());
        md.append('\n');
        md.append("## Usage prévu\n\n").append(config.project().description() == null ? "Prévoir " + label + " à partir des données du jeu "
                + context.dataset() + "." : config.project().description()).append("\n\n");
        md.append("## Usages exclus et limites\n\n");
        md.append("- Ne pas l'utiliser pour prendre seul une décision produisant des effets juridiques ou affectant une personne de"
                + " façon significative (RGPD, art. 22) : une personne examine chaque cas et peut s'écarter de la prédiction.\n");
        md.append("- Ne pas l'appliquer à une autre population, une autre période ou d'autres sources que celles de l'entraînement"
                + " sans le réentraîner et le réévaluer ; ne pas en tirer de lien de cause à effet.\n");
        md.append("- Ses erreurs sont celles mesurées sur les lignes de test ci-dessous ; une entrée hors des plages vues à"
                + " l'entraînement (model.json, features) est moins fiable.\n\n");
        md.append("## Variables\n\n");
        md.append("Utilisées : ").append(String.join(", ", result.selection().features().stream()
                .map(feature -> context.label().apply(context.table(), feature.column())).toList())).append(".\n\n");
        md.append("Écartées, avec la raison :\n\n");
        result.selection().exclusions().stream().filter(exclusion -> !exclusion.column().startsWith("_"))
                .forEach(exclusion -> md.append("- ").append(context.label().apply(context.table(), exclusion.column())).append(" : ")
                        .append(exclusion.reason()).append('\n'));
        md.append("\nLes données personnelles (attributs sensibles compris) ne sont jamais des variables du modèle.\n\n");
        md.append("## Performances\n\n");
        md.append("Métrique principale : ").append(result.metric()).append(" (").append(result.metricReason()).append(").")
                .append(" Validation croisée à ").append(context.folds()).append(" plis sur les lignes"
                + " d'entraînement (moyenne ± écart-type sur les plis), puis score sur les lignes de test.\n\n");
        md.append("| Modèle | Meilleurs paramètres | CV moyenne | CV écart-type | Test |\n|---|---|---|---|---|\n");
        for (ModelResult model : result.models()) {
            md.append("| ").append(model.kind().label()).append(model == chosen ? " (retenu)" : "").append(" | ")
                    .append(model.bestCombination().text()).append(" | ").append(Numbers.decimal(model.bestMean(), 4)).append(" | ")
                    .append(Numbers.decimal(model.bestStd(), 4)).append(" | ").append(Numbers.decimal(model.test().get(result.metric()), 4))
                    .append(" |\n");
        }
        md.append('\n');
        if (!importances.isEmpty()) {
            boolean coefficients = importances.get(0).section().equals("coefficient");
            md.append("## ").append(coefficients ? "Coefficients standardisés (les plus forts)" : "Importance des variables (arbres)")
                    .append("\n\n| Variable | ").append(coefficients ? "Coefficient" : "Importance").append(" |\n|---|---|\n");
            importances.stream().sorted(Comparator.comparingDouble((Detail detail) -> -Math.abs(detail.value()))).limit(15)
                    .forEach(detail -> md.append("| ").append(detail.item()).append(detail.item2().isEmpty() ? "" : " (" + detail.item2() + ")")
                            .append(" | ").append(Numbers.decimal(detail.value(), 4)).append(" |\n"));
            md.append('\n');
        } else {
            md.append("## Importance des variables\n\nCe modèle (").append(chosen.kind().label()).append(") n'a ni coefficients ni"
                    + " importances d'arbre : voir l'importance par permutation dans le rapport quand elle est calculée.\n\n");
        }
        md.append("## Équité\n\n");
        if (fairness == null) {
            md.append("Aucun attribut sensible n'est configuré (train.fairness.by) : les métriques par groupe ne sont pas calculées.\n\n");
        } else {
            md.append("Par groupe de ").append(context.label().apply(context.table(), fairness.column())).append(", sur les lignes de test :\n\n")
                    .append("| Groupe | Lignes | ").append(result.target().task() == Task.REGRESSION ? "RMSE" : "Exactitude")
                    .append(result.target().classes() == 2 ? " | Part prédite « " + result.target().labels().get(1) + " »" : "")
                    .append(" |\n|---|---|---").append(result.target().classes() == 2 ? "|---" : "").append("|\n");
            for (Group group : fairness.groups()) {
                md.append("| ").append(group.group()).append(" | ").append(Numbers.count(group.rows())).append(" | ")
                        .append(Numbers.decimal(group.metric(), 4))
                        .append(result.target().classes() == 2 ? " | " + Numbers.percent(group.positiveRate()) : "").append(" |\n");
            }
            md.append("\nRapport de disparité (pire groupe / meilleur groupe) : ").append(Numbers.decimal(fairness.metricRatio(), 2));
            if (Double.isFinite(fairness.rateRatio())) {
                md.append(" ; sur la part prédite : ").append(Numbers.decimal(fairness.rateRatio(), 2));
            }
            md.append(" (seuil ").append(Numbers.decimal(fairness.threshold(), 2)).append(").\n\n");
            if (fairness.warns()) {
                md.append("**Attention** : un rapport est sous le seuil ; le modèle traite les groupes différemment. Examinez les"
                        + " données et les variables avant tout usage.\n\n");
            }
        }
        md.append("## Sécurité et données personnelles\n\n");
        md.append("Le modèle apprend sur des données pseudonymisées ou généralisées avant la première écriture ; son dossier (warehouse/models)"
                + " ne contient aucune valeur personnelle en clair. Accès : ").append(config.rgpd().accessControl() == null
                ? "celui de l'entrepôt" : config.rgpd().accessControl()).append(".\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }
}
