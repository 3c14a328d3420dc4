package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * The project's steering at a status date: the figures of each task, lot and of the project, and the alerts.
 *
 * @param file the plan it was computed from
 * @param lots in the order of their first task in the plan
 */
public record Steering(String file, LocalDate statusDate, List<TaskFigures> tasks, List<LotFigures> lots, ProjectFigures project,
        List<SteeringAlert> alerts) {

    public Steering {
        requireNonNull(file, "file is null");
        requireNonNull(statusDate, "statusDate is null");
        requireNonNull(project, "project is null");
        tasks = List.copyOf(tasks);
        lots = List.copyOf(lots);
        alerts = List.copyOf(alerts);
    }
}
