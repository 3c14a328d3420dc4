package io.datapilot.governance.steering;

import io.datapilot.core.text.Numbers;
import io.datapilot.governance.steering.SteeringAlert.Level;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The steering's alerts. The SPI and CPI thresholds are the contract's, so missing one is critical; a late task is a
 * warning, a late milestone critical (a date promised to the client has passed); a task planned later than its
 * baseline is a warning.
 */
final class SteeringAlerts {
    static final String PROJECT = "projet";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private SteeringAlerts() {}

    static List<SteeringAlert> of(ProjectFigures project, List<TaskFigures> tasks, LocalDate statusDate, double spiMin, double cpiMin) {
        List<SteeringAlert> alerts = new ArrayList<>();
        Double spi = project.schedulePerformanceIndex();
        if (spi != null && spi < spiMin) {
            alerts.add(new SteeringAlert(Level.CRITICAL, PROJECT, "SPI du projet de " + Numbers.decimal(spi, 2) + " au "
                    + statusDate.format(FRENCH_DATE) + ", sous le seuil de " + Numbers.decimal(spiMin, 2) + " : le travail fait vaut "
                    + euros(project.earnedValue()) + " contre " + euros(project.plannedValue()) + " prévus à cette date."));
        }
        Double cpi = project.costPerformanceIndex();
        if (cpi != null && cpi < cpiMin) {
            alerts.add(new SteeringAlert(Level.CRITICAL, PROJECT, "CPI du projet de " + Numbers.decimal(cpi, 2) + ", sous le seuil de "
                    + Numbers.decimal(cpiMin, 2) + " : le travail fait vaut " + euros(project.earnedValue()) + " pour "
                    + euros(project.actualCost()) + " dépensés ; coût estimé à terme " + euros(project.estimateAtCompletion())
                    + " pour un budget de " + euros(project.budgetAtCompletion()) + "."));
        }
        for (TaskFigures figures : tasks) {
            PlanTask task = figures.task();
            String subject = task.lot() + " / " + task.task();
            if (figures.late()) {
                alerts.add(new SteeringAlert(task.milestone() ? Level.CRITICAL : Level.WARNING, subject, (task.milestone() ? "Jalon" : "Tâche")
                        + " « " + task.task() + " » en retard : fin prévue le " + task.plannedEnd().format(FRENCH_DATE) + ", avancement de "
                        + Numbers.decimal(task.percentComplete(), 0) + " % au " + statusDate.format(FRENCH_DATE) + "."));
            }
            if (figures.slipped()) {
                alerts.add(new SteeringAlert(Level.WARNING, subject, "« " + task.task() + " » a glissé par rapport à la référence : début "
                        + days(figures.startSlippageDays()) + ", fin " + days(figures.endSlippageDays()) + " (fin de référence le "
                        + task.baselineEnd().format(FRENCH_DATE) + ", fin prévue le " + task.plannedEnd().format(FRENCH_DATE) + ")."));
            }
        }
        return alerts;
    }

    private static String euros(Double amount) {
        return amount == null ? "–" : Numbers.decimal(amount, 0) + " €";
    }

    private static String days(long days) {
        return (days > 0 ? "+" : days < 0 ? "−" : "") + Math.abs(days) + " j";
    }
}
