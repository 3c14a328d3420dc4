package io.datapilot.governance.register;

import io.datapilot.core.config.RgpdConfig;
import io.datapilot.core.report.Table;
import io.datapilot.rgpd.ProcessingRegister;
import io.datapilot.rgpd.ProcessingRegister.PersonalColumn;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The register of processing (GDPR art. 30) completed with what the runs did: the tables that hold
 * personal data, their retention period and when it was last applied, the erasure requests handled and
 * their delays, the access control — each checkpoint {@code conforme} or {@code à traiter} with its
 * evidence. Pure: the governance stage reads the facts ({@link RegisterFacts}) and writes the result.
 */
public final class CompletedRegister {
    /** A retention period not applied for longer than this is not applied (the nightly DAG applies it every day). */
    static final int RETENTION_STALE_DAYS = 31;

    private final ProcessingRegister base;
    private final RgpdConfig rgpd;
    private final RegisterFacts facts;
    private final LocalDate runDate;

    public CompletedRegister(String project, RgpdConfig rgpd, RegisterFacts facts, LocalDate runDate) {
        this.base = new ProcessingRegister(project, rgpd, facts.columns());
        this.rgpd = rgpd;
        this.facts = facts;
        this.runDate = runDate;
    }

    public List<RegisterCheckpoint> checkpoints() {
        List<RegisterCheckpoint> checkpoints = new ArrayList<>();
        checkpoints.add(filled("art. 30.1.a", "Responsable du traitement", rgpd.controller(), "rgpd.controller"));
        checkpoints.add(filled("art. 30.1.b", "Finalité du traitement", rgpd.purpose(), "rgpd.purpose"));
        checkpoints.add(filled("art. 6", "Base légale", rgpd.legalBasis(), "rgpd.legal_basis"));
        long personal = facts.columns().stream().filter(column -> !column.treatment().startsWith("none")).count();
        checkpoints.add(RegisterCheckpoint.of("art. 30.1.c", "Catégories de personnes et de données", !rgpd.peopleCategories().isEmpty(),
                (rgpd.peopleCategories().isEmpty() ? "catégories de personnes à renseigner dans rgpd.people_categories"
                        : String.join(" ; ", rgpd.peopleCategories())) + " ; " + personal + " colonne(s) personnelle(s) détectée(s) ou déclarée(s)"));
        checkpoints.add(RegisterCheckpoint.of("art. 30.1.d", "Destinataires", !rgpd.recipients().isEmpty(),
                rgpd.recipients().isEmpty() ? "à renseigner dans rgpd.recipients" : String.join(" ; ", rgpd.recipients())));
        checkpoints.add(filled("art. 30.1.e", "Transferts hors de l'Union européenne", rgpd.transfers(), "rgpd.transfers"));
        List<String> without = facts.tables().stream().filter(table -> table.retentionDays() == null).map(PersonalTable::table).toList();
        checkpoints.add(RegisterCheckpoint.of("art. 30.1.f", "Délais d'effacement", filledText(rgpd.retention()) && without.isEmpty(),
                (filledText(rgpd.retention()) ? rgpd.retention() : "rgpd.retention à renseigner") + " ; "
                        + (without.isEmpty() ? "chaque table contenant des données personnelles a une durée (rgpd.retention_policy.days)"
                                : "sans durée de conservation dans rgpd.retention_policy.days : " + String.join(", ", without))));
        checkpoints.add(RegisterCheckpoint.of("art. 30.1.g", "Mesures de sécurité", !rgpd.securityMeasures().isEmpty(),
                rgpd.securityMeasures().isEmpty() ? "à renseigner dans rgpd.security_measures" : String.join(" ; ", rgpd.securityMeasures())));
        base.checkpoints().stream().filter(checkpoint -> checkpoint.name().equals("Minimisation")
                || checkpoint.name().equals("Pseudonymisation")).forEach(checkpoint -> checkpoints.add(RegisterCheckpoint.of(
                        checkpoint.name().equals("Minimisation") ? "art. 5.1.c" : "art. 32.1.a", checkpoint.name(), checkpoint.met(),
                        checkpoint.evidence())));
        checkpoints.add(retentionApplied());
        checkpoints.add(filled("art. 17", "Procédure d'effacement", rgpd.erasureProcedure(), "rgpd.erasure_procedure"));
        checkpoints.add(erasureDelays());
        checkpoints.add(filled("art. 32", "Contrôle des accès", rgpd.accessControl(), "rgpd.access_control"));
        return checkpoints;
    }

    private RegisterCheckpoint retentionApplied() {
        Optional<LocalDate> last = facts.lastRetention();
        boolean set = !rgpd.retentionPolicy().days().isEmpty();
        long age = last.map(date -> ChronoUnit.DAYS.between(date, runDate)).orElse(Long.MAX_VALUE);
        String evidence = !set ? "aucune durée dans rgpd.retention_policy.days : rien ne peut être appliqué"
                : last.isEmpty() ? "jamais appliquée : lancer datapilot retention --apply (la tâche retention du DAG nocturne le fait)"
                        : "dernière application le " + last.get() + (age > RETENTION_STALE_DAYS ? ", il y a " + age
                                + " jours : plus d'un mois, relancer datapilot retention --apply" : "");
        return RegisterCheckpoint.of("art. 5.1.e", "Conservation appliquée", set && age <= RETENTION_STALE_DAYS, evidence);
    }

    private RegisterCheckpoint erasureDelays() {
        List<ErasureRequest> late = facts.erasures().stream().filter(request -> request.delayDays() > ErasureRequest.MAX_DELAY_DAYS).toList();
        String evidence = facts.erasures().isEmpty() ? "aucune demande d'effacement reçue"
                : facts.erasures().size() + " demande(s) traitée(s), délai maximal " + facts.erasures().stream()
                        .mapToInt(ErasureRequest::delayDays).max().orElse(0) + " jour(s)" + (late.isEmpty() ? ""
                                : " ; au-delà d'un mois : " + String.join(", ", late.stream().map(ErasureRequest::requestId).toList())
                                        + " (motiver la prolongation auprès de la personne, art. 12.3)");
        return RegisterCheckpoint.of("art. 12.3", "Demandes d'effacement traitées sous un mois", late.isEmpty(), evidence);
    }

    private static RegisterCheckpoint filled(String article, String name, String text, String key) {
        return RegisterCheckpoint.of(article, name, filledText(text), filledText(text) ? text : "à renseigner dans " + key);
    }

    private static boolean filledText(String text) {
        return text != null && !text.isBlank();
    }

    /** The register's sections as tables: the sheet, the personal columns, the tables, the requests, the checkpoints. */
    public List<Table> tables() {
        List<Table> tables = new ArrayList<>(base.tables().subList(0, 2));
        List<List<String>> held = new ArrayList<>();
        for (PersonalTable table : facts.tables()) {
            held.add(List.of(table.table(), table.columns(), table.retentionDays() == null ? "non définie" : table.retentionDays() + " jours",
                    table.rule() == null ? "" : table.rule(), table.lastApplied() == null ? "jamais" : table.lastApplied()));
        }
        tables.add(new Table("Tables contenant des données personnelles", List.of("Table", "Colonnes personnelles",
                "Durée de conservation", "Règle", "Dernière application"), held));
        List<List<String>> requests = new ArrayList<>();
        for (ErasureRequest request : facts.erasures()) {
            requests.add(List.of(request.requestId(), String.valueOf(request.receivedOn()), String.valueOf(request.handledOn()),
                    request.delayDays() + " j", String.valueOf(request.rowsDeleted()), String.valueOf(request.tables()), request.status()));
        }
        tables.add(new Table("Demandes d'effacement", List.of("Demande", "Reçue le", "Traitée le", "Délai", "Lignes supprimées", "Tables",
                "Statut"), requests));
        List<List<String>> status = new ArrayList<>();
        for (RegisterCheckpoint checkpoint : checkpoints()) {
            status.add(List.of(checkpoint.article(), checkpoint.name(), checkpoint.met() ? "conforme" : "À TRAITER", checkpoint.evidence()));
        }
        tables.add(new Table("Points de contrôle", List.of("Article", "Point de contrôle", "Statut", "Éléments"), status));
        return tables;
    }

    public String markdown(String project) {
        List<Table> tables = tables();
        long missing = checkpoints().stream().filter(checkpoint -> !checkpoint.met()).count();
        return "# Registre des traitements (RGPD, article 30), complété par les exécutions\n\n"
                + "Projet : " + project + " — date d'exécution : " + runDate + ". " + (missing == 0 ? "Tous les points de contrôle sont conformes."
                        : missing + " point(s) de contrôle à traiter.") + " Les données pseudonymisées restent des données personnelles.\n\n"
                + "## Fiche du traitement\n\n" + tables.get(0).markdown()
                + "\n## Colonnes personnelles et traitements\n\n" + tables.get(1).markdown()
                + "\n## Tables contenant des données personnelles\n\n" + tables.get(2).markdown()
                + "\n## Demandes d'effacement\n\n" + (facts.erasures().isEmpty() ? "Aucune demande.\n" : tables.get(3).markdown())
                + "\n## Points de contrôle\n\n" + tables.get(4).markdown();
    }
}
