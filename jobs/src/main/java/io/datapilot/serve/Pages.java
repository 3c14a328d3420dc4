package io.datapilot.serve;

import static io.datapilot.core.text.Html.escape;

import io.datapilot.core.config.RgpdConfig;
import java.util.List;

/** The application's own pages other than the prediction form: home, login, RGPD notice, model card, errors. */
final class Pages {
    private Pages() {}

    static String home(List<String> runDates, ModelRegistry.Snapshot snapshot, Layout.Viewer viewer) {
        StringBuilder out = new StringBuilder(8_000);
        out.append("<p class=\"intro\">Le tableau de bord du projet : les rapports de chaque exécution du pipeline et les modèles en service.</p>\n");
        out.append("<section aria-labelledby=\"titre-rapports\">\n<h2 id=\"titre-rapports\">Rapports</h2>\n");
        if (runDates.isEmpty()) {
            out.append("<p>Aucun rapport encore : lancez le pipeline (<code>scripts/datapilot run</code>).</p>\n");
        } else {
            out.append("<p>La synthèse de chaque rapport est publique ; ses pages détaillées demandent une connexion.</p>\n<ul>\n");
            for (int i = 0; i < runDates.size(); i++) {
                String date = runDates.get(i);
                out.append("<li><a href=\"/rapport/").append(escape(date)).append("/index.html\">Rapport du ").append(escape(french(date)))
                        .append(i == 0 ? " (le plus récent)" : "").append("</a></li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</section>\n<section aria-labelledby=\"titre-modeles\">\n<h2 id=\"titre-modeles\">Modèles en service</h2>\n");
        if (snapshot.models().isEmpty()) {
            out.append("<p>Aucun modèle chargé : la phase train du pipeline n'en a pas encore enregistré.</p>\n");
        } else if (!viewer.may(Role.VIEWER)) {
            out.append("<p>").append(snapshot.models().size()).append(" modèle(s) en service ; <a href=\"/connexion\">connectez-vous</a> pour les voir.</p>\n");
        } else {
            out.append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"legende-modeles\">\n<table>\n")
                    .append("<caption id=\"legende-modeles\">Un modèle par cible : le meilleur de la validation croisée, réentraîné sur toutes les lignes</caption>\n")
                    .append("<thead><tr><th scope=\"col\">Cible</th><th scope=\"col\">Modèle</th><th scope=\"col\">Version</th>")
                    .append("<th scope=\"col\">Fiche</th><th scope=\"col\">Prédire</th></tr></thead>\n<tbody>\n");
            for (ServedModel model : snapshot.models().values()) {
                out.append("<tr><td>").append(escape(model.targetLabel())).append("</td><td>").append(escape(model.modelLabel())).append("</td><td>")
                        .append(escape(model.version())).append("</td><td><a href=\"/modeles/").append(escape(model.target())).append("\">Fiche du modèle <span class=\"visually-hidden\">")
                        .append(escape(model.target())).append("</span></a></td><td>");
                if (viewer.may(Role.ANALYST)) {
                    out.append("<a href=\"/predire/").append(escape(model.target())).append("\">Prédire <span class=\"visually-hidden\">")
                            .append(escape(model.target())).append("</span></a>");
                } else {
                    out.append("réservé aux analystes");
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n</div>\n");
        }
        out.append("</section>\n");
        return out.toString();
    }

    static String login(String csrf, String next, String message) {
        StringBuilder out = new StringBuilder(2_000);
        out.append("<p class=\"intro\">Les pages détaillées, les prédictions et l'API demandent un compte ; un administrateur les crée avec "
                + "<code>datapilot serve --add-user NOM --role viewer|analyst|admin</code>.</p>\n");
        if (message != null) {
            out.append("<div id=\"erreurs\" class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><p>").append(escape(message)).append("</p></div>\n");
        }
        out.append("<form method=\"post\" action=\"/connexion\">\n<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(csrf)).append("\">\n")
                .append("<input type=\"hidden\" name=\"suite\" value=\"").append(escape(next)).append("\">\n")
                .append("<div class=\"field\">\n<label for=\"nom\">Nom d'utilisateur</label>\n<input id=\"nom\" name=\"nom\" type=\"text\" autocomplete=\"username\" required>\n</div>\n")
                .append("<div class=\"field\">\n<label for=\"mot-de-passe\">Mot de passe</label>\n")
                .append("<input id=\"mot-de-passe\" name=\"mot_de_passe\" type=\"password\" autocomplete=\"current-password\" required>\n</div>\n")
                .append("<button type=\"submit\">Se connecter</button>\n</form>\n");
        return out.toString();
    }

    static String rgpd(RgpdConfig rgpd, ModelRegistry.Snapshot snapshot, String project) {
        StringBuilder out = new StringBuilder(6_000);
        out.append("<p class=\"intro\">Ce que fait cette application des données personnelles, et vos droits (RGPD, articles 13 à 22).</p>\n");
        section(out, "responsable", "Responsable du traitement", value(rgpd.controller(), "le responsable du projet " + project));
        section(out, "finalite", "Finalité", value(rgpd.purpose(), "aider les équipes à décider, par des prédictions statistiques"));
        section(out, "base", "Base légale", value(rgpd.legalBasis(), "à préciser par le responsable (rgpd.legal_basis)"));
        StringBuilder data = new StringBuilder();
        for (ServedModel model : snapshot.models().values()) {
            data.append(model.targetLabel()).append(" : ").append(String.join(", ", model.fields().stream().map(Field::labelWithUnit).toList())).append(". ");
        }
        section(out, "donnees", "Données traitées", (data.isEmpty() ? "Aucun modèle en service. " : "Les variables saisies pour chaque prédiction — " + data)
                + "Les valeurs saisies servent au seul calcul de la prédiction : elles ne sont ni enregistrées ni écrites dans les journaux. "
                + "Les données personnelles directes (nom, courriel, téléphone, date de naissance…) ne sont jamais des variables des modèles.");
        section(out, "destinataires", "Destinataires", rgpd.recipients().isEmpty() ? "Les utilisateurs habilités de l'application." : String.join(", ", rgpd.recipients()));
        section(out, "conservation", "Durée de conservation", value(rgpd.retention(), "à préciser par le responsable (rgpd.retention)")
                + " Les comptes de l'application sont conservés tant que leur titulaire en a l'usage ; la session s'arrête après 30 minutes sans activité.");
        section(out, "droits", "Vos droits", "Vous pouvez demander l'accès à vos données, leur rectification, leur effacement, la limitation du traitement, "
                + "vous opposer au traitement, et introduire une réclamation auprès de la CNIL (cnil.fr). Pour exercer vos droits : "
                + value(rgpd.erasureProcedure(), "adressez-vous au responsable du traitement ci-dessus") + ".");
        section(out, "article-22", "Décision automatisée (article 22)", "Les prédictions de cette application sont une aide à la décision : aucune décision "
                + "produisant des effets juridiques ou vous affectant de manière significative n'est prise sur leur seul fondement. Une personne examine "
                + "chaque cas, peut s'écarter de la prédiction, et vous pouvez demander cette intervention humaine, exprimer votre point de vue et contester "
                + "la décision. La page de chaque prédiction explique les principaux facteurs qui l'ont produite, et la fiche de chaque modèle ses limites.");
        return out.toString();
    }

    static String card(ServedModel model) {
        if (model.card() == null) {
            return "<p>Ce modèle n'a pas de fiche (model_card.md) : entraînez-le de nouveau pour l'écrire.</p>\n";
        }
        return "<p class=\"intro\">Version " + escape(model.version()) + ", en service.</p>\n" + Markdown.html(model.card());
    }

    static String error(String message) {
        return "<p>" + escape(message) + "</p>\n<p><a href=\"/\">Retour au tableau de bord</a></p>\n";
    }

    private static void section(StringBuilder out, String id, String heading, String text) {
        out.append("<section aria-labelledby=\"").append(id).append("\">\n<h2 id=\"").append(id).append("\">").append(escape(heading))
                .append("</h2>\n<p>").append(escape(text)).append("</p>\n</section>\n");
    }

    private static String value(String configured, String fallback) {
        return configured == null || configured.isBlank() ? fallback : configured;
    }

    static String french(String isoDate) {
        return isoDate.length() == 10 ? isoDate.substring(8) + "/" + isoDate.substring(5, 7) + "/" + isoDate.substring(0, 4) : isoDate;
    }
}
