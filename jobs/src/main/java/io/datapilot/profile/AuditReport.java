package io.datapilot.profile;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.report.Table;
import io.datapilot.core.text.Numbers;
import io.datapilot.profile.Alert.Severity;
import io.datapilot.rgpd.ProcessingRegister;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The audit's documents in Markdown: the report itself and the data dictionary. */
final class AuditReport {
    private AuditReport() {}

    static Table dictionaryTable(List<DictionaryEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (DictionaryEntry e : entries) {
            rows.add(List.of(e.table(), e.column(), text(e.originalNames()), e.type(), e.semanticType(), e.description(),
                    text(e.unit()), e.nullable() ? "oui" : "non", Numbers.percent(e.missingShare()), Numbers.count(e.distinct()),
                    e.examples(), text(e.min()), text(e.max()), e.maxLengthChars() == null ? "" : e.maxLengthChars() + " / " + e.maxLengthBytes(),
                    e.personal() ? "oui" + (e.personalCategory() == null ? "" : " (" + e.personalCategory() + ")") : "non",
                    text(e.rgpdTreatment()), text(e.alerts()), text(e.sourceFiles())));
        }
        return new Table("Dictionnaire", List.of("Table", "Colonne", "Nom d'origine", "Type", "Type sémantique", "Description",
                "Unité", "Nullable", "Manquants", "Distinctes", "Exemples", "Min", "Max", "Longueur max (car. / octets)",
                "Personnelle", "Traitement RGPD", "Alertes", "Fichiers sources"), rows);
    }

    static String dictionaryMarkdown(List<DictionaryEntry> entries, LocalDate runDate) {
        StringBuilder text = new StringBuilder("# Dictionnaire de données\n\nDate d'exécution : " + runDate
                + ". Une ligne par colonne ; les exemples des colonnes personnelles sont masqués.\n");
        String current = null;
        List<List<String>> rows = new ArrayList<>();
        for (DictionaryEntry e : entries) {
            if (!e.table().equals(current)) {
                flush(text, current, rows);
                current = e.table();
                rows = new ArrayList<>();
            }
            rows.add(List.of(e.column(), text(e.originalNames()), e.type(), e.semanticType(), e.description(),
                    Numbers.percent(e.missingShare()), Numbers.count(e.distinct()),
                    e.personal() ? "oui (" + text(e.rgpdTreatment()) + ")" : "non", text(e.alerts())));
        }
        flush(text, current, rows);
        return text.toString();
    }

    private static void flush(StringBuilder text, String table, List<List<String>> rows) {
        if (table == null) {
            return;
        }
        text.append("\n## ").append(table).append("\n\n").append(new Table(table, List.of("Colonne", "Nom d'origine", "Type",
                "Type sémantique", "Description", "Manquants", "Distinctes", "Personnelle", "Alertes"), rows).markdown());
    }

    static String markdown(PipelineConfig config, LocalDate runDate, List<TableProfile> profiles, List<Alert> alerts,
            List<VolumeAudit> volumes, ProcessingRegister register) {
        StringBuilder text = new StringBuilder();
        text.append("# Rapport d'audit des données\n\n").append("Projet : ").append(config.project().name())
                .append(". Date d'exécution : ").append(runDate).append(".\n\n");
        long critical = alerts.stream().filter(alert -> alert.severity() == Severity.CRITICAL).count();
        long warnings = alerts.stream().filter(alert -> alert.severity() == Severity.WARNING).count();
        text.append("## Chiffres clés\n\n");
        text.append("- ").append(profiles.size()).append(" tables auditées, ")
                .append(Numbers.count(profiles.stream().mapToLong(TableProfile::rows).sum())).append(" lignes, ")
                .append(profiles.stream().mapToInt(profile -> profile.columns().size()).sum()).append(" colonnes.\n");
        text.append("- ").append(alerts.size()).append(" alertes qualité : ").append(critical).append(" critique(s), ")
                .append(warnings).append(" avertissement(s), ").append(alerts.size() - critical - warnings).append(" information(s).\n");
        long met = register.checkpoints().stream().filter(ProcessingRegister.Checkpoint::met).count();
        text.append("- RGPD : ").append(met).append(" point(s) de contrôle conforme(s) sur ").append(register.checkpoints().size())
                .append(".\n\n");

        text.append("## Volumétrie et stockage\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (VolumeAudit volume : volumes) {
            rows.add(List.of(volume.table(), Numbers.count(volume.rows()), String.valueOf(volume.columns()),
                    VolumeAudit.size(volume.diskBytes()), volume.sourceBytes() == null ? "" : VolumeAudit.size(volume.sourceBytes()),
                    VolumeAudit.size(volume.memoryBytes()), volume.growth() == null ? "première mesure" : Numbers.percent(volume.growth()),
                    volume.volumeClass(), volume.recommendation()));
        }
        text.append(new Table("Volumétrie", List.of("Table", "Lignes", "Colonnes", "Sur disque (Delta)", "Fichiers sources",
                "En mémoire (estimation)", "Évolution", "Volume", "Stockage recommandé"), rows).markdown());
        text.append("\nRaisons :\n\n");
        for (VolumeAudit volume : volumes) {
            text.append("- **").append(volume.table()).append("** : ").append(String.join(" ; ", volume.reasons())).append(".\n");
        }

        text.append("\n## Alertes qualité\n\n");
        List<List<String>> alertRows = new ArrayList<>();
        for (Alert alert : alerts) {
            alertRows.add(List.of(severity(alert.severity()), alert.table(), text(alert.column()), alert.kind().key(),
                    Numbers.count(alert.count()), alert.message(), text(alert.example())));
        }
        text.append(new Table("Alertes", List.of("Gravité", "Table", "Colonne", "Type", "Lignes", "Constat", "Exemple"),
                alertRows).markdown());

        text.append("\n## Données personnelles (RGPD)\n\n");
        List<List<String>> checkpoints = new ArrayList<>();
        for (ProcessingRegister.Checkpoint checkpoint : register.checkpoints()) {
            checkpoints.add(List.of(checkpoint.name(), checkpoint.met() ? "conforme" : "À TRAITER", checkpoint.evidence()));
        }
        text.append(new Table("RGPD", List.of("Point de contrôle", "Statut", "Éléments"), checkpoints).markdown());
        text.append("\nDétail : registre_des_traitements.md ; colonnes : dictionnaire_de_donnees.md.\n");
        return text.toString();
    }

    private static String severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "critique";
            case WARNING -> "avertissement";
            case INFO -> "information";
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
