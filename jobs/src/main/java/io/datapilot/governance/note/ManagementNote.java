package io.datapilot.governance.note;

import io.datapilot.core.text.Numbers;
import io.datapilot.governance.commitments.CommitmentStatus;
import io.datapilot.governance.drift.DriftRow;
import io.datapilot.governance.kpi.ModelKpi;
import io.datapilot.governance.kpi.QualityKpi;
import io.datapilot.governance.kpi.QualityKpis;
import io.datapilot.governance.logbook.LogbookEntry;
import io.datapilot.governance.scoring.ScoredItem;
import io.datapilot.governance.scoring.Scoring;
import io.datapilot.governance.steering.ProjectFigures;
import io.datapilot.governance.steering.Steering;
import io.datapilot.governance.steering.SteeringAlert;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one-page note to management (Markdown): overall status, key figures, alerts, risks and the
 * decisions needed, each drawn from the run's governance figures. French, like the report's default:
 * it is written for the client's management. The report shows the same file as a page.
 */
public final class ManagementNote {
    public static final String FILE = "note_direction.md";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** At most this many lines per list: a note is read in a minute; the pages hold the rest. */
    private static final int LIST_LIMIT = 6;

    /** What the note is written from. */
    public record Inputs(String project, LocalDate runDate, List<QualityKpi> quality, List<ModelKpi> models, List<DriftRow> drift,
            List<CommitmentStatus> commitments, List<LogbookEntry> logbook, Optional<Scoring> opportunities, Optional<Steering> steering,
            double runSeconds, int failedStages) {}

    /** The overall status: the worst of the commitments, the steering and the run. */
    public enum Status {
        CONFORME("conforme"),
        A_SURVEILLER("à surveiller"),
        ALERTE("alerte");

        public final String label;

        Status(String label) {
            this.label = label;
        }
    }

    private ManagementNote() {}

    public static Status status(Inputs inputs) {
        boolean breach = inputs.commitments().stream().anyMatch(CommitmentStatus::breached) || inputs.failedStages() > 0
                || inputs.steering().map(s -> s.alerts().stream().anyMatch(a -> a.level() == SteeringAlert.Level.CRITICAL)).orElse(false);
        if (breach) {
            return Status.ALERTE;
        }
        boolean warning = inputs.commitments().stream().anyMatch(c -> CommitmentStatus.WARNING.equals(c.status()))
                || inputs.steering().map(s -> !s.alerts().isEmpty()).orElse(false)
                || inputs.drift().stream().anyMatch(d -> "significant".equals(d.band()));
        return warning ? Status.A_SURVEILLER : Status.CONFORME;
    }

    public static String markdown(Inputs inputs) {
        StringBuilder note = new StringBuilder();
        note.append("# Note à la direction – ").append(inputs.project()).append(" – ").append(date(inputs.runDate())).append("\n\n");
        note.append("**Statut global : ").append(status(inputs).label).append(".** ").append(summary(inputs)).append("\n\n");
        note.append("## Chiffres clés\n\n| Indicateur | Valeur |\n|---|---|\n");
        figures(inputs).forEach(row -> note.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n"));
        note.append("\n## Alertes\n\n");
        list(note, alerts(inputs), "Aucune alerte sur cette date d'exécution.");
        note.append("\n## Risques\n\n");
        list(note, risks(inputs), "Aucun risque nouveau relevé par la chaîne.");
        note.append("\n## Décisions attendues\n\n");
        list(note, decisions(inputs), "Aucune décision n'est attendue : la chaîne et le projet suivent leurs engagements.");
        note.append("\n_Note produite automatiquement par datapilot à partir des tables governance.* du ")
                .append(date(inputs.runDate())).append(" ; le détail est dans les pages Gouvernance et Pilotage du rapport._\n");
        return note.toString();
    }

    private static String summary(Inputs inputs) {
        long breaches = inputs.commitments().stream().filter(CommitmentStatus::breached).count();
        long warnings = inputs.commitments().stream().filter(c -> CommitmentStatus.WARNING.equals(c.status())).count();
        String commitments = inputs.commitments().isEmpty() ? "Aucun engagement contractuel n'est suivi."
                : inputs.commitments().size() + " engagements suivis : " + breaches + " non tenu" + (breaches > 1 ? "s" : "") + ", "
                        + warnings + " en limite.";
        String plan = inputs.steering().map(steering -> " Projet : " + percent(steering.project().completeShare()) + " réalisé pour "
                + percent(steering.project().plannedShare()) + " prévu.").orElse(" Le pilotage du projet n'est pas configuré"
                + " (governance.plan).");
        return commitments + plan;
    }

    private static List<String[]> figures(Inputs inputs) {
        List<String[]> rows = new ArrayList<>();
        OptionalDouble score = QualityKpis.overall(inputs.quality());
        Double change = inputs.quality().stream().filter(kpi -> QualityKpi.ALL.equals(kpi.table())).map(QualityKpi::scoreChange)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        rows.add(new String[] {"Score de qualité des données", score.isPresent() ? Numbers.percent(score.getAsDouble())
                + (change == null ? " (première mesure)" : " (" + signed(change * 100, 2) + " pt depuis la date précédente)") : "non mesuré"});
        for (ModelKpi model : inputs.models()) {
            if (model.chosen()) {
                rows.add(new String[] {"Modèle retenu pour " + model.target(), model.modelLabel() + ", " + model.metric() + " sur le test "
                        + (model.test() == null ? "–" : Numbers.decimal(model.test(), 3)) + ", dérive : " + driftLabel(model.drift())});
            }
        }
        inputs.steering().ifPresent(steering -> {
            ProjectFigures project = steering.project();
            rows.add(new String[] {"Indice de performance des délais (SPI)", ratio(project.schedulePerformanceIndex())});
            rows.add(new String[] {"Indice de performance des coûts (CPI)", ratio(project.costPerformanceIndex())});
            rows.add(new String[] {"Budget prévu (BAC) / estimation à terminaison (EAC)", euros(project.budgetAtCompletion()) + " / "
                    + (project.estimateAtCompletion() == null ? "–" : euros(project.estimateAtCompletion()))});
        });
        long open = inputs.logbook().stream().filter(LogbookEntry::isOpen).count();
        rows.add(new String[] {"Carnet de bord", open + " incident" + (open > 1 ? "s" : "") + " ouvert" + (open > 1 ? "s" : "") + " sur "
                + inputs.logbook().size()});
        rows.add(new String[] {"Durée de la chaîne (étapes avant la gouvernance)", Numbers.decimal(inputs.runSeconds(), 1) + " s"});
        return rows;
    }

    private static List<String> alerts(Inputs inputs) {
        List<String> alerts = new ArrayList<>();
        if (inputs.failedStages() > 0) {
            alerts.add(inputs.failedStages() + " étape(s) en échec sur cette date : voir le carnet de bord.");
        }
        for (CommitmentStatus commitment : inputs.commitments()) {
            if (commitment.breached() || CommitmentStatus.WARNING.equals(commitment.status())) {
                alerts.add((commitment.breached() ? "Engagement non tenu" : "Engagement en limite") + " : "
                        + (commitment.description() == null ? commitment.name() : commitment.description()) + " (mesuré "
                        + commitment.measuredText() + ", promis " + commitment.operator() + " " + commitment.threshold() + ").");
            }
        }
        inputs.steering().ifPresent(steering -> steering.alerts().stream()
                .sorted(java.util.Comparator.comparing(SteeringAlert::level).reversed())
                .forEach(alert -> alerts.add((alert.level() == SteeringAlert.Level.CRITICAL ? "Critique" : "Attention") + " – "
                        + alert.subject() + " : " + alert.message())));
        return alerts;
    }

    private static List<String> risks(Inputs inputs) {
        List<String> risks = new ArrayList<>();
        inputs.drift().stream().filter(d -> "significant".equals(d.band()) || "moderate".equals(d.band()))
                .forEach(d -> risks.add("Dérive " + driftLabel(d.band()) + " de " + d.variable() + " pour " + d.target() + " (PSI "
                        + Numbers.decimal(d.psi(), 3) + ") : le modèle voit des données différentes de la date précédente."));
        long critical = inputs.logbook().stream().filter(e -> e.isOpen() && "gate_failure".equals(e.category())).count();
        if (critical > 0) {
            risks.add(critical + " contrôle(s) de la barrière qualité en échec : les données suivantes peuvent être incomplètes.");
        }
        long quarantine = inputs.logbook().stream().filter(e -> e.isOpen() && "quarantine".equals(e.category())).count();
        if (quarantine > 0) {
            risks.add(quarantine + " motif(s) de quarantaine ouverts : des lignes sources sont écartées (voir le carnet de bord).");
        }
        inputs.commitments().stream().filter(c -> CommitmentStatus.NO_DATA.equals(c.status()))
                .forEach(c -> risks.add("Engagement non mesurable sur cette date : " + (c.description() == null ? c.name()
                        : c.description()) + "."));
        return risks;
    }

    private static List<String> decisions(Inputs inputs) {
        List<String> decisions = new ArrayList<>();
        inputs.commitments().stream().filter(CommitmentStatus::breached)
                .forEach(c -> decisions.add("Valider un plan d'action pour l'engagement « " + (c.description() == null ? c.name()
                        : c.description()) + " », ou le renégocier avec le client."));
        inputs.steering().ifPresent(steering -> {
            ProjectFigures project = steering.project();
            Double spi = project.schedulePerformanceIndex();
            Double cpi = project.costPerformanceIndex();
            // the steering raised these alerts against governance.spi_min and cpi_min
            if (projectAlert(steering, "SPI")) {
                decisions.add("Arbitrer le planning : replanifier les lots en retard ou renforcer l'équipe (SPI " + ratio(spi) + ").");
            }
            if (projectAlert(steering, "CPI") && project.estimateAtCompletion() != null) {
                decisions.add("Arbitrer le budget : l'estimation à terminaison est de " + euros(project.estimateAtCompletion())
                        + " pour un budget de " + euros(project.budgetAtCompletion()) + " (CPI " + ratio(cpi) + ").");
            }
        });
        inputs.models().stream().filter(m -> m.chosen() && "significant".equals(m.drift()))
                .forEach(m -> decisions.add("Décider du réentraînement ou du retrait du modèle de " + m.target()
                        + " : ses données ont fortement dérivé."));
        inputs.opportunities().ifPresent(scoring -> {
            List<ScoredItem> first = scoring.items().stream().filter(item -> item.rank() <= 3).toList();
            if (!first.isEmpty()) {
                decisions.add("Valider les prochains cas d'usage selon la grille d'opportunités : " + String.join(", ",
                        first.stream().map(item -> item.name() + " (" + Numbers.decimal(item.score(), 1) + "/100"
                                + (item.grade() == null ? "" : ", " + item.grade()) + ")").toList()) + ".");
            }
        });
        return decisions;
    }

    private static boolean projectAlert(Steering steering, String index) {
        return steering.alerts().stream().anyMatch(alert -> alert.subject().equals("projet") && alert.message().startsWith(index));
    }

    private static void list(StringBuilder note, List<String> items, String none) {
        if (items.isEmpty()) {
            note.append(none).append("\n");
            return;
        }
        items.stream().limit(LIST_LIMIT).forEach(item -> note.append("- ").append(item).append("\n"));
        if (items.size() > LIST_LIMIT) {
            note.append("- … et ").append(items.size() - LIST_LIMIT).append(" autre(s), dans les pages du rapport.\n");
        }
    }

    private static String driftLabel(String band) {
        return switch (band == null ? "" : band) {
            case "stable" -> "stable";
            case "moderate" -> "modérée";
            case "significant" -> "forte";
            default -> "sans référence (première date)";
        };
    }

    private static String date(LocalDate date) {
        return date.format(FRENCH_DATE);
    }

    private static String percent(Double share) {
        return share == null ? "–" : Numbers.percent(share);
    }

    private static String ratio(Double value) {
        return value == null ? "–" : Numbers.decimal(value, 2);
    }

    private static String euros(double value) {
        return Numbers.decimal(value, 0) + " €";
    }

    private static String signed(double value, int decimals) {
        return (value > 0 ? "+" : value < 0 ? "−" : "") + Numbers.decimal(Math.abs(value), decimals);
    }
}
