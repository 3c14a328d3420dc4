package io.datapilot.rgpd;

import io.datapilot.core.config.RgpdConfig;
import io.datapilot.core.report.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The register of processing (registre des traitements, GDPR art. 30) of the project, from the
 * configuration and what ingestion detected and did, with the status of each checkpoint.
 */
public final class ProcessingRegister {

    /** A personal column as ingestion recorded it (audit.personal_data). */
    public record PersonalColumn(String source, String column, String category, double confidence, String treatment,
            String justification, String decidedBy) {}

    /** A checkpoint and whether it holds. */
    public record Checkpoint(String name, boolean met, String evidence) {}

    private final String project;
    private final RgpdConfig rgpd;
    private final List<PersonalColumn> columns;

    public ProcessingRegister(String project, RgpdConfig rgpd, List<PersonalColumn> columns) {
        this.project = project;
        this.rgpd = rgpd;
        this.columns = List.copyOf(columns);
    }

    public List<Checkpoint> checkpoints() {
        List<PersonalColumn> treated = columns.stream().filter(column -> !column.treatment().startsWith("none")).toList();
        long dropped = treated.stream().filter(column -> column.treatment().equals("drop")).count();
        long clear = treated.stream().filter(column -> column.treatment().equals("keep")).count();
        long unjustified = treated.stream().filter(column -> column.treatment().equals("keep")
                && (column.justification() == null || column.justification().isBlank())).count();
        long pseudonymised = treated.stream().filter(column -> column.treatment().equals("pseudonymise")).count();
        List<Checkpoint> checkpoints = new ArrayList<>();
        checkpoints.add(new Checkpoint("Minimisation", !treated.isEmpty() && unjustified == 0,
                dropped + " colonne(s) personnelle(s) supprimée(s) à l'ingestion ; " + clear
                        + " conservée(s) en clair, chacune avec une justification écrite"));
        checkpoints.add(new Checkpoint("Pseudonymisation", unjustified == 0 && (pseudonymised > 0 || treated.isEmpty()),
                pseudonymised + " colonne(s) pseudonymisée(s) par HMAC-SHA-256 avant la première écriture ; clé hors du dépôt"));
        checkpoints.add(new Checkpoint("Durée de conservation définie", filled(rgpd.retention()), orMissing(rgpd.retention())));
        checkpoints.add(new Checkpoint("Contrôle des accès", filled(rgpd.accessControl()), orMissing(rgpd.accessControl())));
        checkpoints.add(new Checkpoint("Procédure d'effacement (art. 17)", filled(rgpd.erasureProcedure()),
                orMissing(rgpd.erasureProcedure())));
        return checkpoints;
    }

    public List<Table> tables() {
        List<List<String>> register = new ArrayList<>();
        register.add(List.of("Traitement", project));
        register.add(List.of("Responsable du traitement", orMissing(rgpd.controller())));
        register.add(List.of("Finalité", orMissing(rgpd.purpose())));
        register.add(List.of("Base légale", orMissing(rgpd.legalBasis())));
        register.add(List.of("Catégories de personnes", joined(rgpd.peopleCategories())));
        register.add(List.of("Catégories de données", String.join(", ", columns.stream()
                .filter(column -> !column.treatment().startsWith("none")).map(PersonalColumn::category).distinct().toList())));
        register.add(List.of("Destinataires", joined(rgpd.recipients())));
        register.add(List.of("Transferts hors UE", orMissing(rgpd.transfers())));
        register.add(List.of("Durée de conservation", orMissing(rgpd.retention())));
        register.add(List.of("Mesures de sécurité", joined(rgpd.securityMeasures())));
        List<List<String>> data = new ArrayList<>();
        for (PersonalColumn column : columns) {
            data.add(List.of(column.source(), column.column(), column.category() == null ? "" : column.category(),
                    String.format(java.util.Locale.FRANCE, "%.2f", column.confidence()), column.treatment(),
                    column.justification() == null ? "" : column.justification(), column.decidedBy() == null ? "" : column.decidedBy()));
        }
        List<List<String>> status = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints()) {
            status.add(List.of(checkpoint.name(), checkpoint.met() ? "conforme" : "À TRAITER", checkpoint.evidence()));
        }
        return List.of(
                new Table("Registre", List.of("Rubrique", "Contenu"), register),
                new Table("Données personnelles", List.of("Source", "Colonne", "Catégorie", "Confiance", "Traitement",
                        "Justification", "Décidé par"), data),
                new Table("Points de contrôle", List.of("Point de contrôle", "Statut", "Éléments"), status));
    }

    public String markdown(String runDate) {
        List<Table> tables = tables();
        return "# Registre des traitements (RGPD, article 30)\n\n"
                + "Projet : " + project + " — date d'exécution : " + runDate + ". Généré à partir de la configuration (section"
                + " `rgpd`) et des détections de l'ingestion. Les données pseudonymisées restent des données personnelles.\n\n"
                + "## Fiche du traitement\n\n" + tables.get(0).markdown()
                + "\n## Colonnes personnelles et traitements\n\n" + tables.get(1).markdown()
                + "\n## Points de contrôle\n\n" + tables.get(2).markdown();
    }

    private static boolean filled(String text) {
        return text != null && !text.isBlank();
    }

    private static String orMissing(String text) {
        return filled(text) ? text : "non renseigné (à compléter dans la section rgpd de la configuration)";
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? orMissing(null) : String.join(" ; ", values);
    }
}
