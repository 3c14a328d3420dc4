package io.datapilot.governance.steering;

import static io.datapilot.governance.steering.Plans.plan;
import static io.datapilot.governance.steering.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurndownTest {

    @Test
    void sumsBudgetAndRemainingWorkPerSprintOverItsTasksWindow() {
        LocalDate monday = LocalDate.of(2026, 10, 5);
        ProjectPlan plan = plan(task("Données", "B", "S2", monday.plusDays(14), monday.plusDays(25), 0, 2000, 0),
                task("Données", "A", "S1", monday, monday.plusDays(11), 100, 1000, 900),
                task("Modèles", "C", "S1", monday.plusDays(2), monday.plusDays(13), 25, 4000, 1500),
                task("Cadrage", "hors sprint", null, monday.minusDays(30), monday.minusDays(1), 50, 9999, 0));
        List<SprintRemaining> sprints = Burndown.remaining(plan);
        assertThat(sprints).containsExactly(new SprintRemaining("S1", monday, monday.plusDays(13), 5000, 3000),
                new SprintRemaining("S2", monday.plusDays(14), monday.plusDays(25), 2000, 2000));
    }

    @Test
    void theSamplePlanHasSixSprintsInOrder() {
        List<SprintRemaining> sprints = Burndown.remaining(PlanReader.read(Plans.sample()));
        assertThat(sprints).extracting(SprintRemaining::sprint).containsExactly("S1", "S2", "S3", "S4", "S5", "S6");
        assertThat(sprints.get(0).remaining()).isZero();
        assertThat(sprints.get(5).remaining()).isEqualTo(sprints.get(5).total());
    }
}
