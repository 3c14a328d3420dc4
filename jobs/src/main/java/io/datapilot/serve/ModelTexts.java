package io.datapilot.serve;

import io.datapilot.core.text.Numbers;

/** Plain-language words about a model, for the people who use its predictions. */
final class ModelTexts {
    private ModelTexts() {}

    static String howItWorks(ServedModel model) {
        String kind = model.description().path("model").asText();
        String what = model.classification() ? "la classe la plus probable" : "une valeur";
        return switch (kind) {
            case "lasso", "ridge", "elastic_net" -> "Ce modèle linéaire calcule " + what + " comme une somme pondérée des variables "
                    + "(mises à la même échelle) : chaque variable pousse la prédiction toujours dans le même sens, d'autant plus que son poids est grand.";
            case "logistic_regression" -> "Ce modèle linéaire (régression logistique) fait une somme pondérée des variables, mises à la même échelle, "
                    + "et la change en probabilité de chaque classe.";
            case "decision_tree" -> "Cet arbre de décision pose une suite de questions simples sur les variables (« la valeur dépasse-t-elle tel seuil ? ») "
                    + "et donne la réponse apprise pour les cas d'entraînement arrivés au même endroit.";
            case "random_forest" -> "Cette forêt aléatoire fait la moyenne de nombreux arbres de décision, chacun appris sur un tirage des données : "
                    + "plus stable qu'un arbre seul, elle reste limitée aux valeurs vues à l'entraînement.";
            case "gradient_boosting" -> "Ce modèle additionne des arbres de décision appris l'un après l'autre, chacun corrigeant l'erreur des précédents.";
            case "knn" -> "Ce modèle cherche les cas d'entraînement les plus proches (les « plus proches voisins ») de celui-ci, variables mises à la même "
                    + "échelle, et donne " + (model.classification() ? "la classe majoritaire parmi eux" : "la moyenne de leurs valeurs") + ".";
            case "mlp" -> "Ce réseau de neurones (perceptron multicouche) combine les variables en couches successives : précis parfois, "
                    + "il est difficile à interpréter, d'où l'attribution locale ci-dessus.";
            default -> "Ce modèle donne " + what + " à partir des variables du formulaire.";
        };
    }

    static String reliability(ServedModel model) {
        var metrics = model.description().path("metrics");
        String metric = model.description().path("primary_metric").asText();
        double mean = metrics.path("cv_mean").asDouble(Double.NaN);
        double std = metrics.path("cv_std").asDouble(Double.NaN);
        double test = metrics.path("test").path(metric).asDouble(Double.NaN);
        String name = switch (metric) {
            case "accuracy" -> "taux de bonnes réponses";
            case "f1" -> "F1 macro";
            case "rmse" -> "erreur quadratique moyenne (RMSE)";
            case "mae" -> "erreur absolue moyenne";
            case "r2" -> "R²";
            default -> metric;
        };
        boolean ratio = metric.equals("accuracy") || metric.startsWith("weighted") || metric.equals("f1") || metric.endsWith("auc");
        return "Sa fiabilité mesurée : " + name + " de " + value(mean, ratio) + " (± " + value(std, ratio) + " selon les plis de la validation croisée), "
                + value(test, ratio) + " sur les lignes de test qu'il n'avait pas vues. Il se trompe donc parfois : gardez un regard critique.";
    }

    private static String value(double value, boolean ratio) {
        if (!Double.isFinite(value)) {
            return "?";
        }
        return ratio ? Numbers.percent(value).replace(' ', '\u202F') : PredictPage.decimal(value);
    }
}
