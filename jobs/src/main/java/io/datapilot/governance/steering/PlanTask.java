package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One task (or milestone) of the project plan, as {@link PlanReader} read it.
 *
 * @param line the task's line in the plan file (the header is line 1), named in messages
 * @param lot the work package the task belongs to
 * @param task the task's name, unique within its lot
 * @param sprint the sprint it is planned in (for example {@code S3}); null when the plan has none
 * @param ownerRole the role responsible for it (for example "data engineer"); null when not given
 * @param plannedStart the first day of the task in the current plan
 * @param plannedEnd the last day of the task in the current plan (inclusive; equal to the start for a one-day task or a milestone)
 * @param baselineStart the first day in the baseline, the plan signed off at the start; the planned start when not given
 * @param baselineEnd the last day in the baseline; the planned end when not given
 * @param percentComplete the share of the work done, 0 to 100
 * @param plannedBudget the budget of the task (€), its budget at completion
 * @param actualCost what the task has cost to date (€)
 * @param milestone a milestone: its planned value is all or nothing at its date
 * @param deliverable what the task delivers; null when not given
 */
public record PlanTask(int line, String lot, String task, String sprint, String ownerRole, LocalDate plannedStart, LocalDate plannedEnd,
        LocalDate baselineStart, LocalDate baselineEnd, double percentComplete, double plannedBudget, double actualCost, boolean milestone,
        String deliverable) {

    public PlanTask {
        requireNonNull(lot, "lot is null");
        requireNonNull(task, "task is null");
        requireNonNull(plannedStart, "plannedStart is null");
        requireNonNull(plannedEnd, "plannedEnd is null");
        baselineStart = baselineStart == null ? plannedStart : baselineStart;
        baselineEnd = baselineEnd == null ? plannedEnd : baselineEnd;
    }
}
