package io.datapilot.governance.steering;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.governance.GovernanceTables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steering figures of the run date as tables: {@code governance.steering_tasks} (the plan's tasks
 * with their earned value and slippage; what the Gantt chart draws), {@code governance.steering_project}
 * (the project's totals), {@code governance.steering_alerts} and {@code governance.burndown} (the work
 * left per sprint on each run date: the burndown's actual line is this table's history). The status
 * date is the run date.
 */
public final class SteeringTables {
    public static final String TASKS = "steering_tasks";
    public static final String PROJECT = "steering_project";
    public static final String ALERTS = "steering_alerts";
    public static final String BURNDOWN = "burndown";

    /** A task of the plan and its figures, flat. */
    public record TaskRow(int line, String lot, String task, String sprint, String ownerRole, LocalDate plannedStart, LocalDate plannedEnd,
            LocalDate baselineStart, LocalDate baselineEnd, double percentComplete, double plannedBudget, double actualCost, boolean milestone,
            String deliverable, double plannedValue, double earnedValue, double scheduleVariance, double costVariance,
            Double schedulePerformanceIndex, Double costPerformanceIndex, long startSlippageDays, long endSlippageDays, boolean late) {}

    /** The project's totals at the status date, with the plan file they come from. */
    public record ProjectRow(String file, LocalDate statusDate, int tasks, double budgetAtCompletion, double plannedValue,
            double earnedValue, double actualCost, double scheduleVariance, double costVariance, Double schedulePerformanceIndex,
            Double costPerformanceIndex, Double estimateAtCompletion, Double estimateToComplete, Double varianceAtCompletion,
            Double plannedShare, Double completeShare, double spiMin, double cpiMin) {}

    public record AlertRow(String level, String subject, String message) {}

    private SteeringTables() {}

    /** The steering of the run date, or empty when no plan is configured (the pages then say so). */
    public static Optional<Steering> write(GovernanceTables tables, PipelineConfig config) {
        if (config.governance().plan() == null) {
            List.of(TASKS, PROJECT, ALERTS, BURNDOWN).forEach(tables::clear);
            return Optional.empty();
        }
        ProjectPlan plan = PlanReader.read(Path.of(config.governance().plan()));
        Steering steering = EarnedValue.compute(plan, tables.runDate(), config.governance().spiMin(), config.governance().cpiMin());
        List<TaskRow> tasks = new ArrayList<>();
        for (TaskFigures figures : steering.tasks()) {
            PlanTask task = figures.task();
            tasks.add(new TaskRow(task.line(), task.lot(), task.task(), task.sprint(), task.ownerRole(), task.plannedStart(), task.plannedEnd(),
                    task.baselineStart(), task.baselineEnd(), task.percentComplete(), task.plannedBudget(), task.actualCost(), task.milestone(),
                    task.deliverable(), figures.plannedValue(), figures.earnedValue(), figures.scheduleVariance(), figures.costVariance(),
                    figures.schedulePerformanceIndex(), figures.costPerformanceIndex(), figures.startSlippageDays(),
                    figures.endSlippageDays(), figures.late()));
        }
        tables.write(TASKS, TaskRow.class, tasks);
        ProjectFigures project = steering.project();
        tables.write(PROJECT, ProjectRow.class, List.of(new ProjectRow(plan.file(), steering.statusDate(), tasks.size(),
                project.budgetAtCompletion(), project.plannedValue(), project.earnedValue(), project.actualCost(), project.scheduleVariance(),
                project.costVariance(), project.schedulePerformanceIndex(), project.costPerformanceIndex(), project.estimateAtCompletion(),
                project.estimateToComplete(), project.varianceAtCompletion(), project.plannedShare(), project.completeShare(),
                config.governance().spiMin(), config.governance().cpiMin())));
        tables.write(ALERTS, AlertRow.class, steering.alerts().stream()
                .map(alert -> new AlertRow(alert.level().name().toLowerCase(java.util.Locale.ROOT), alert.subject(), alert.message()))
                .toList());
        tables.write(BURNDOWN, SprintRemaining.class, Burndown.remaining(plan));
        return Optional.of(steering);
    }
}
