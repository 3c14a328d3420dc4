package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Earned-value management of the project plan at a status date (PMI, <i>Practice Standard for Earned Value
 * Management</i>). The status date is taken at the end of its day: a task planned on that day is due in full.
 *
 * <p>Per task, with budget B, baseline from S to E (inclusive days), status date D and % complete P:
 * <ul>
 *   <li>PV (planned value) = B × elapsed / duration, duration = E − S + 1 days, elapsed = D − S + 1 days kept between
 *       0 and duration: linear over the <b>baseline</b>, 0 before it, B after it. A milestone's PV is all or nothing:
 *       B from its baseline date on, 0 before;</li>
 *   <li>EV (earned value) = B × P / 100; AC (actual cost) = the cost to date;</li>
 *   <li>SV = EV − PV, CV = EV − AC, SPI = EV / PV, CPI = EV / AC (null when the divisor is 0);</li>
 *   <li>slippage in days = planned − baseline, for the start and for the end; late when D is after the planned
 *       end and P &lt; 100.</li>
 * </ul>
 * Per lot and for the project, PV, EV, AC and BAC (the budgets) are sums and the indices come from the sums. For
 * the project, EAC = BAC / CPI, ETC = EAC − AC, VAC = BAC − EAC, planned share = PV / BAC, complete share = EV / BAC.
 *
 * <pre>{@code
 * Steering steering = EarnedValue.compute(plan, LocalDate.of(2026, 12, 15), 0.9, 0.9);
 * }</pre>
 */
public final class EarnedValue {
    private EarnedValue() {}

    /**
     * @param spiMin below this project SPI an alert is raised
     * @param cpiMin below this project CPI an alert is raised
     */
    public static Steering compute(ProjectPlan plan, LocalDate statusDate, double spiMin, double cpiMin) {
        requireNonNull(plan, "plan is null");
        requireNonNull(statusDate, "statusDate is null");
        List<TaskFigures> tasks = plan.tasks().stream().map(task -> figures(task, statusDate)).toList();
        Map<String, List<TaskFigures>> byLot = new LinkedHashMap<>();
        for (TaskFigures figures : tasks) {
            byLot.computeIfAbsent(figures.task().lot(), lot -> new ArrayList<>()).add(figures);
        }
        List<LotFigures> lots = byLot.entrySet().stream()
                .map(lot -> LotFigures.of(lot.getKey(), budget(lot.getValue()), sum(lot.getValue(), TaskFigures::plannedValue),
                        sum(lot.getValue(), TaskFigures::earnedValue), sum(lot.getValue(), TaskFigures::actualCost)))
                .toList();
        ProjectFigures project = ProjectFigures.of(budget(tasks), sum(tasks, TaskFigures::plannedValue), sum(tasks, TaskFigures::earnedValue),
                sum(tasks, TaskFigures::actualCost));
        return new Steering(plan.file(), statusDate, tasks, lots, project, SteeringAlerts.of(project, tasks, statusDate, spiMin, cpiMin));
    }

    static TaskFigures figures(PlanTask task, LocalDate statusDate) {
        double planned = plannedValue(task, statusDate);
        double earned = task.plannedBudget() * task.percentComplete() / 100;
        double actual = task.actualCost();
        boolean late = statusDate.isAfter(task.plannedEnd()) && task.percentComplete() < 100;
        return new TaskFigures(task, planned, earned, actual, earned - planned, earned - actual, Ratio.of(earned, planned),
                Ratio.of(earned, actual), ChronoUnit.DAYS.between(task.baselineStart(), task.plannedStart()),
                ChronoUnit.DAYS.between(task.baselineEnd(), task.plannedEnd()), late);
    }

    /** The budget share of the baseline's days elapsed at the end of the status date. */
    static double plannedValue(PlanTask task, LocalDate statusDate) {
        if (task.milestone()) {
            return statusDate.isBefore(task.baselineEnd()) ? 0 : task.plannedBudget();
        }
        long duration = ChronoUnit.DAYS.between(task.baselineStart(), task.baselineEnd()) + 1;
        long elapsed = Math.max(0, Math.min(duration, ChronoUnit.DAYS.between(task.baselineStart(), statusDate) + 1));
        return task.plannedBudget() * elapsed / duration;
    }

    private static double budget(List<TaskFigures> tasks) {
        return tasks.stream().mapToDouble(figures -> figures.task().plannedBudget()).sum();
    }

    private static double sum(List<TaskFigures> tasks, java.util.function.ToDoubleFunction<TaskFigures> value) {
        return tasks.stream().mapToDouble(value).sum();
    }
}
