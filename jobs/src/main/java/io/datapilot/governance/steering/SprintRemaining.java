package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The work of one sprint and what is left of it, measured in budget euros (a plan has no story points).
 *
 * @param start the earliest planned start of its tasks
 * @param end the latest planned end of its tasks
 * @param total Σ budget of its tasks (€)
 * @param remaining Σ budget × (1 − % complete / 100) (€)
 */
public record SprintRemaining(String sprint, LocalDate start, LocalDate end, double total, double remaining) {

    public SprintRemaining {
        requireNonNull(sprint, "sprint is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }
}
