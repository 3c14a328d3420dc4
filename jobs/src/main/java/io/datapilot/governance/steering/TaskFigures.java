package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

/**
 * The earned-value figures of one task at the status date (formulas in {@link EarnedValue}).
 *
 * @param plannedValue PV: the budgeted cost of the work scheduled to date, by the baseline (€)
 * @param earnedValue EV: the budgeted cost of the work done, budget × % complete (€)
 * @param actualCost AC: what the work has cost to date (€)
 * @param scheduleVariance SV = EV − PV (€; negative: behind schedule)
 * @param costVariance CV = EV − AC (€; negative: over budget)
 * @param schedulePerformanceIndex SPI = EV / PV; null when PV is 0 (the task was not due to start)
 * @param costPerformanceIndex CPI = EV / AC; null when AC is 0
 * @param startSlippageDays planned start − baseline start, in days (positive: starts later than signed off)
 * @param endSlippageDays planned end − baseline end, in days (positive: ends later than signed off)
 * @param late the status date is past the planned end and the task is not complete
 */
public record TaskFigures(PlanTask task, double plannedValue, double earnedValue, double actualCost, double scheduleVariance,
        double costVariance, Double schedulePerformanceIndex, Double costPerformanceIndex, long startSlippageDays, long endSlippageDays,
        boolean late) {

    public TaskFigures {
        requireNonNull(task, "task is null");
    }

    /** Planned later than the baseline, at its start or its end. */
    public boolean slipped() {
        return startSlippageDays > 0 || endSlippageDays > 0;
    }
}
