package io.datapilot.governance.steering;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Named plan fixtures for the steering tests. */
final class Plans {
    private Plans() {}

    /** The bundled sample case's plan, conf/plan_projet.csv. */
    static Path sample() {
        return Path.of(System.getProperty("datapilot.root", ".."), "conf", "plan_projet.csv");
    }

    static PlanTask task(String lot, String name, String sprint, LocalDate start, LocalDate end, double percent, double budget, double cost) {
        return new PlanTask(2, lot, name, sprint, null, start, end, null, null, percent, budget, cost, false, null);
    }

    static PlanTask baselined(String name, LocalDate start, LocalDate end, LocalDate baselineStart, LocalDate baselineEnd, double percent,
            double budget) {
        return new PlanTask(2, "Lot", name, null, null, start, end, baselineStart, baselineEnd, percent, budget, 0, false, null);
    }

    static PlanTask milestone(String name, LocalDate date, double percent, double budget) {
        return new PlanTask(2, "Lot", name, null, null, date, date, null, null, percent, budget, 0, true, null);
    }

    static ProjectPlan plan(PlanTask... tasks) {
        return new ProjectPlan("plan.csv", List.of(tasks));
    }
}
