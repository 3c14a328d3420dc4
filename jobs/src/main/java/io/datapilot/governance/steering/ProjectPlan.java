package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The project plan: its tasks in the file's order.
 *
 * @param file where it was read from
 */
public record ProjectPlan(String file, List<PlanTask> tasks) {

    public ProjectPlan {
        requireNonNull(file, "file is null");
        tasks = List.copyOf(tasks);
    }
}
