package io.datapilot.governance.risk;

import io.datapilot.core.config.GovernanceConfig.RiskConfig;
import io.datapilot.core.state.ServeState;
import io.datapilot.core.text.Numbers;
import io.datapilot.governance.risk.RiskFacts.PersonalColumn;
import io.datapilot.governance.risk.RiskFacts.QualityAlert;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The risks the run's facts show, each with a fixed id and a documented rule for its likelihood and impact
 * (docs/CONFIG.md, "Risk map"). A rule that finds nothing gives no risk: the history then shows the risk closed.
 *
 * <pre>
 * R-PERSO          personal columns present                   2 × 3
 * R-PERSO-DOUTE    possibly personal columns left unchanged   3 × 3
 * R-CLAIR          personal columns kept in clear (keep)      3 × 3
 * R-QUAL-CRIT      critical quality alerts                    3 × 4, 4 × 4 from 2 alerts
 * R-QUAL-ALERTE    warning quality alerts                     3 × 2, 4 × 2 from 2 alerts
 * R-PORTE-QUALITE  failed checks of the quality gate          3 × 3
 * R-ETAPE-ECHEC    failed stages                              4 × 3
 * R-CLE-DEMO       pseudonymised with the demo key            3 × 4
 * R-HTTP           web application without HTTPS             3 × 4 on a network address, 2 × 3 behind a proxy,
 *                                                             1 × 3 on this machine only, 2 × 3 when not known
 * R-EQUITE-target  disparity ratio below min_ratio            3 × 3, 4 × 3 below three quarters of it
 * </pre>
 *
 * Texts name tables, columns and config keys, never a value of the data.
 */
final class DerivedRisks {
    private static final int LISTED = 8;

    private DerivedRisks() {}

    static List<Risk> of(RiskFacts facts, String owner) {
        List<Risk> risks = new ArrayList<>();
        personal(facts, owner).ifPresent(risks::add);
        doubtful(facts, owner).ifPresent(risks::add);
        clear(facts, owner).ifPresent(risks::add);
        alerts(facts, owner, "critical").ifPresent(risks::add);
        alerts(facts, owner, "warning").ifPresent(risks::add);
        gate(facts, owner).ifPresent(risks::add);
        stages(facts, owner).ifPresent(risks::add);
        demoKey(facts, owner).ifPresent(risks::add);
        http(facts.serve(), owner).ifPresent(risks::add);
        for (RiskFacts.Fairness fairness : facts.fairness()) {
            if (fairness.ratio() < facts.minRatio()) {
                risks.add(fairness(fairness, facts.minRatio(), owner));
            }
        }
        return risks;
    }

    /** A target whose model is less accurate for some groups: likelier as the ratio falls below three quarters of the threshold. */
    private static Risk fairness(RiskFacts.Fairness fairness, double minRatio, String owner) {
        return Risk.derived(RiskConfig.FAIRNESS_PREFIX + fairness.target(), "ethics", "Écart de performance du modèle de "
                + fairness.target() + " entre les groupes de l'attribut sensible", fairness.ratio() < minRatio * 0.75 ? 4 : 3, 3, owner,
                "Lire la fiche du modèle (models/…/model_card.md), rééquilibrer les données ou les classes (train.balance), revoir les"
                        + " variables ; ne pas utiliser le modèle pour décider seul tant que l'écart demeure.",
                "Rapport de disparité " + Numbers.decimal(fairness.ratio(), 2) + " sous le seuil train.fairness.min_ratio de "
                        + Numbers.decimal(minRatio, 2) + " (" + fairness.groups() + " groupes, gold.model_details).");
    }

    private static Optional<Risk> personal(RiskFacts facts, String owner) {
        List<PersonalColumn> columns = facts.personal().stream().filter(column -> !column.untreated()).toList();
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> byTreatment = new TreeMap<>();
        columns.forEach(column -> byTreatment.merge(column.treatment(), 1, Integer::sum));
        List<String> counts = byTreatment.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey()).toList();
        return Optional.of(Risk.derived("R-PERSO", "rgpd", "Données personnelles présentes dans les sources", 2, 3, owner,
                "Tenir le registre des traitements à jour (rgpd.purpose, rgpd.retention…), vérifier le traitement de chaque colonne"
                        + " (rgpd.columns), restreindre l'accès à l'entrepôt ; les pseudonymes restent des données personnelles.",
                columns.size() + " colonne(s) personnelle(s) dans audit.personal_data (" + String.join(", ", counts) + ") : "
                        + names(columns.stream().map(PersonalColumn::reference).toList()) + "."));
    }

    private static Optional<Risk> doubtful(RiskFacts facts, String owner) {
        return ifAny(facts.personal().stream().filter(PersonalColumn::untreated).map(PersonalColumn::reference).toList(),
                columns -> Risk.derived("R-PERSO-DOUTE", "rgpd", "Colonnes peut-être personnelles laissées en clair", 3, 3, owner,
                        "Décider de chaque colonne dans rgpd.columns (un traitement, ou keep avec sa justification), ou traiter toutes"
                                + " les colonnes douteuses avec rgpd.on_uncertain: protect.",
                        columns.size() + " détection(s) de faible confiance non traitée(s) : " + names(columns) + "."));
    }

    private static Optional<Risk> clear(RiskFacts facts, String owner) {
        List<PersonalColumn> kept = facts.personal().stream().filter(column -> "keep".equals(column.treatment())).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = kept.stream().map(column -> column.reference() + " (justification : « "
                + (column.justification() == null ? "aucune" : column.justification()) + " »)").toList();
        return Optional.of(Risk.derived("R-CLAIR", "rgpd", "Données personnelles conservées en clair", 3, 3, owner,
                "Revoir chaque justification avec le DPO ; pseudonymiser, généraliser ou supprimer dans rgpd.columns[\"source.colonne\"]"
                        + " toute valeur qui n'est pas nécessaire en clair ; les valeurs en clair figurent aussi dans les statistiques du"
                        + " _delta_log.",
                kept.size() + " colonne(s) au traitement keep : " + names(reasons) + "."));
    }

    private static Optional<Risk> alerts(RiskFacts facts, String owner, String severity) {
        List<QualityAlert> alerts = facts.alerts().stream().filter(alert -> severity.equals(alert.severity())).toList();
        if (alerts.isEmpty()) {
            return Optional.empty();
        }
        boolean critical = severity.equals("critical");
        List<String> subjects = alerts.stream().map(alert -> alert.subject() + " (" + alert.kind() + ")").distinct().toList();
        return Optional.of(Risk.derived(critical ? "R-QUAL-CRIT" : "R-QUAL-ALERTE", "quality", critical
                ? "Alertes de qualité critiques sur les données" : "Alertes de qualité à surveiller sur les données",
                alerts.size() >= 2 ? 4 : 3, critical ? 4 : 2, owner,
                "Traiter chaque alerte à la source ou dans clean.columns (imputation, valeurs aberrantes), suivre les entrées"
                        + " du carnet de bord ; quality_gate.max_critical_alerts arrête la chaîne avant l'entraînement.",
                alerts.size() + " alerte(s) " + (critical ? "critique(s)" : "d'avertissement") + " dans audit.quality_alerts : "
                        + names(subjects) + "."));
    }

    private static Optional<Risk> gate(RiskFacts facts, String owner) {
        return ifAny(facts.failedChecks(), checks -> Risk.derived("R-PORTE-QUALITE", "quality", "Porte qualité non franchie", 3, 3, owner,
                "Corriger les données ou la source en cause, puis relancer la date ; ne revoir les seuils quality_gate.* qu'avec"
                        + " le métier.",
                checks.size() + " contrôle(s) échoué(s) dans audit.quality_gate : " + names(checks) + "."));
    }

    private static Optional<Risk> stages(RiskFacts facts, String owner) {
        return ifAny(facts.failedStages(), stages -> Risk.derived("R-ETAPE-ECHEC", "project", "Étapes de la chaîne en échec : résultats"
                + " incomplets", 4, 3, owner, "Lire le message de l'étape dans governance.run_kpis et le carnet de bord, corriger, puis"
                        + " relancer avec `datapilot run --from <étape> --run-date <date>`.",
                stages.size() + " étape(s) en échec dans governance.run_kpis : " + names(stages) + "."));
    }

    /** The risk of what was found, or none when nothing was. */
    private static <T> Optional<Risk> ifAny(List<T> found, Function<List<T>, Risk> risk) {
        return found.isEmpty() ? Optional.empty() : Optional.of(risk.apply(found));
    }

    private static Optional<Risk> demoKey(RiskFacts facts, String owner) {
        return facts.demoKey().map(file -> Risk.derived("R-CLE-DEMO", "security", "Pseudonymisation avec la clé de démonstration", 3, 4,
                owner, "Générer une clé (`openssl rand -hex 32`), la donner par la variable DATAPILOT_PSEUDONYMISATION_KEY (rgpd.key_env)"
                        + " ou rgpd.key_file hors du dossier du projet, mettre rgpd.demo_key à false, puis réingérer : la clé de"
                        + " démonstration est rangée dans l'entrepôt, à côté des pseudonymes qu'elle permet de recalculer.",
                "rgpd.demo_key est vrai, ni la variable de clé ni rgpd.key_file ne sont donnés, et la clé de démonstration existe : "
                        + file + "."));
    }

    private static Optional<Risk> http(Optional<ServeState> serve, String owner) {
        String title = "Application web servie sans HTTPS";
        String mitigation = "Démarrer `datapilot serve --keystore FICHIER.p12` (mot de passe dans DATAPILOT_KEYSTORE_PASSWORD), ou"
                + " derrière un proxy inverse TLS avec --behind-proxy ; garder --host 127.0.0.1 sinon.";
        if (serve.isEmpty()) {
            return Optional.of(Risk.derived("R-HTTP", "security", title, 2, 3, owner, mitigation, "Réglages du serveur non connus : "
                    + ServeState.FILE + " absent de l'entrepôt (datapilot serve n'a pas démarré sur cet entrepôt, ou sur une autre machine)."));
        }
        ServeState state = serve.get();
        String started = "dernier démarrage le " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm 'UTC'")
                .format(state.startedAt().atOffset(java.time.ZoneOffset.UTC)) + ", adresse " + state.host() + ", port " + state.port();
        if (state.https()) {
            return Optional.empty();
        }
        if (state.behindProxy()) {
            return Optional.of(Risk.derived("R-HTTP", "security", title, 2, 3, owner, mitigation, "HTTP derrière un proxy inverse"
                    + " (--behind-proxy) : le chiffrement dépend du proxy (" + started + ")."));
        }
        if (state.localOnly()) {
            return Optional.of(Risk.derived("R-HTTP", "security", title, 1, 3, owner, mitigation, "HTTP, ouvert à cette machine"
                    + " seulement (" + started + ")."));
        }
        return Optional.of(Risk.derived("R-HTTP", "security", title, 3, 4, owner, mitigation, "HTTP sur une adresse du réseau, sans"
                + " proxy : mots de passe et jetons circulent en clair (" + started + ")."));
    }

    /** The first names of a list, then how many others: a table of hundreds of columns stays one readable line. */
    static String names(List<String> names) {
        if (names.size() <= LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED)) + " et " + (names.size() - LISTED) + " autre(s)";
    }
}
