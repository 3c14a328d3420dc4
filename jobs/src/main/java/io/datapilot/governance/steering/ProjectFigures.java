package io.datapilot.governance.steering;

/**
 * The earned-value figures of the whole project at the status date (formulas in {@link EarnedValue}).
 *
 * @param budgetAtCompletion BAC: the sum of the budgets (€)
 * @param plannedValue PV (€)
 * @param earnedValue EV (€)
 * @param actualCost AC (€)
 * @param scheduleVariance SV = EV − PV (€)
 * @param costVariance CV = EV − AC (€)
 * @param schedulePerformanceIndex SPI = EV / PV; null when PV is 0
 * @param costPerformanceIndex CPI = EV / AC; null when AC is 0
 * @param estimateAtCompletion EAC = BAC / CPI, the cost to expect if the cost efficiency so far holds; null without a CPI or
 *     when it is 0
 * @param estimateToComplete ETC = EAC − AC; null without an EAC
 * @param varianceAtCompletion VAC = BAC − EAC (negative: over budget at the end); null without an EAC
 * @param plannedShare PV / BAC, 0 to 1: the share of the work that should be done; null when BAC is 0
 * @param completeShare EV / BAC, 0 to 1: the share of the work done; null when BAC is 0
 */
public record ProjectFigures(double budgetAtCompletion, double plannedValue, double earnedValue, double actualCost, double scheduleVariance,
        double costVariance, Double schedulePerformanceIndex, Double costPerformanceIndex, Double estimateAtCompletion,
        Double estimateToComplete, Double varianceAtCompletion, Double plannedShare, Double completeShare) {

    static ProjectFigures of(double budget, double plannedValue, double earnedValue, double actualCost) {
        Double costIndex = Ratio.of(earnedValue, actualCost);
        Double estimate = costIndex == null || costIndex == 0 ? null : budget / costIndex;
        return new ProjectFigures(budget, plannedValue, earnedValue, actualCost, earnedValue - plannedValue, earnedValue - actualCost,
                Ratio.of(earnedValue, plannedValue), costIndex, estimate, estimate == null ? null : estimate - actualCost,
                estimate == null ? null : budget - estimate, Ratio.of(plannedValue, budget), Ratio.of(earnedValue, budget));
    }
}
