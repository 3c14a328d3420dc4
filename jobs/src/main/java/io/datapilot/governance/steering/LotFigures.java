package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

/**
 * The earned-value figures of one lot: the sums of its tasks' (indices from the sums, not averaged).
 *
 * @param budgetAtCompletion BAC: the sum of the lot's budgets (€)
 * @param schedulePerformanceIndex EV / PV; null when PV is 0
 * @param costPerformanceIndex EV / AC; null when AC is 0
 */
public record LotFigures(String lot, double budgetAtCompletion, double plannedValue, double earnedValue, double actualCost,
        double scheduleVariance, double costVariance, Double schedulePerformanceIndex, Double costPerformanceIndex) {

    public LotFigures {
        requireNonNull(lot, "lot is null");
    }

    static LotFigures of(String lot, double budget, double plannedValue, double earnedValue, double actualCost) {
        return new LotFigures(lot, budget, plannedValue, earnedValue, actualCost, earnedValue - plannedValue, earnedValue - actualCost,
                Ratio.of(earnedValue, plannedValue), Ratio.of(earnedValue, actualCost));
    }
}
