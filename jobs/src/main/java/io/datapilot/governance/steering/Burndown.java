package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is left of each sprint's work, today. The governance stage keeps one row per sprint and run date, and that
 * history is the burndown chart's actual line.
 *
 * <pre>{@code
 * for (SprintRemaining sprint : Burndown.remaining(plan)) { ... sprint.remaining() ... }
 * }</pre>
 */
public final class Burndown {
    private Burndown() {}

    /** One row per sprint, by start date (then name); tasks without a sprint are in none. */
    public static List<SprintRemaining> remaining(ProjectPlan plan) {
        requireNonNull(plan, "plan is null");
        Map<String, List<PlanTask>> bySprint = new LinkedHashMap<>();
        for (PlanTask task : plan.tasks()) {
            if (task.sprint() != null) {
                bySprint.computeIfAbsent(task.sprint(), sprint -> new ArrayList<>()).add(task);
            }
        }
        List<SprintRemaining> sprints = new ArrayList<>();
        bySprint.forEach((sprint, tasks) -> sprints.add(new SprintRemaining(sprint,
                tasks.stream().map(PlanTask::plannedStart).min(Comparator.naturalOrder()).orElseThrow(),
                tasks.stream().map(PlanTask::plannedEnd).max(Comparator.naturalOrder()).orElseThrow(),
                tasks.stream().mapToDouble(PlanTask::plannedBudget).sum(),
                tasks.stream().mapToDouble(task -> task.plannedBudget() * (1 - task.percentComplete() / 100)).sum())));
        sprints.sort(Comparator.comparing(SprintRemaining::start).thenComparing(SprintRemaining::sprint));
        return sprints;
    }
}
