package io.datapilot.governance.steering;

import static io.datapilot.governance.steering.Plans.baselined;
import static io.datapilot.governance.steering.Plans.milestone;
import static io.datapilot.governance.steering.Plans.plan;
import static io.datapilot.governance.steering.Plans.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datapilot.governance.steering.SteeringAlert.Level;
import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EarnedValueTest {
    private static final Offset<Double> CENT = within(0.005);
    private static final LocalDate DAY_1 = LocalDate.of(2026, 3, 2);

    /**
     * The fence of the published exercise "Earned Value Exercise" (Rita Mulcahy, <i>PMP Exam Prep</i>, p. 210; as
     * reproduced at https://studylib.net/doc/5898152/earned-value-exercise): four sides built one after the other, one
     * day and $1,000 each; at the end of day 3, side 1 is complete for $1,000, side 2 complete for $1,200, side 3 half
     * done for $600, side 4 not started. Published: PV 3,000, EV 2,500, AC 2,800, BAC 4,000, CV −300, CPI 0.893,
     * SV −500, SPI 0.833, EAC 4,479, ETC 1,679, VAC −479. The exercise computes EAC from the CPI rounded to 0.893
     * (4,000 / 0.893 = 4,479.3); from the exact CPI (2,500 / 2,800) it is 4,480, hence ETC 1,680 and VAC −480 here.
     */
    @Test
    void reproducesThePublishedFenceExercise() {
        ProjectPlan fence = plan(task("Clôture", "Côté 1", null, DAY_1, DAY_1, 100, 1000, 1000),
                task("Clôture", "Côté 2", null, DAY_1.plusDays(1), DAY_1.plusDays(1), 100, 1000, 1200),
                task("Clôture", "Côté 3", null, DAY_1.plusDays(2), DAY_1.plusDays(2), 50, 1000, 600),
                task("Clôture", "Côté 4", null, DAY_1.plusDays(3), DAY_1.plusDays(3), 0, 1000, 0));
        ProjectFigures project = EarnedValue.compute(fence, DAY_1.plusDays(2), 0.9, 0.9).project();
        assertThat(project.plannedValue()).isEqualTo(3000, CENT);
        assertThat(project.earnedValue()).isEqualTo(2500, CENT);
        assertThat(project.actualCost()).isEqualTo(2800, CENT);
        assertThat(project.budgetAtCompletion()).isEqualTo(4000, CENT);
        assertThat(project.costVariance()).isEqualTo(-300, CENT);
        assertThat(project.scheduleVariance()).isEqualTo(-500, CENT);
        assertThat(project.costPerformanceIndex()).isEqualTo(0.893, within(0.0005));
        assertThat(project.schedulePerformanceIndex()).isEqualTo(0.833, within(0.0005));
        assertThat(project.estimateAtCompletion()).isEqualTo(4480, CENT);
        assertThat(project.estimateToComplete()).isEqualTo(1680, CENT);
        assertThat(project.varianceAtCompletion()).isEqualTo(-480, CENT);
        assertThat(project.plannedShare()).isEqualTo(0.75, CENT);
        assertThat(project.completeShare()).isEqualTo(0.625, CENT);
    }

    @Test
    void plannedValueGrowsLinearlyOverTheBaselineNotThePlan() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        // planned ten days later than the baseline: PV still follows the baseline's 1–10 January
        PlanTask task = baselined("Tâche", start.plusDays(10), start.plusDays(19), start, start.plusDays(9), 0, 1000);
        assertThat(EarnedValue.plannedValue(task, start.minusDays(1))).isZero();
        assertThat(EarnedValue.plannedValue(task, start)).isEqualTo(100, CENT);
        assertThat(EarnedValue.plannedValue(task, start.plusDays(4))).isEqualTo(500, CENT);
        assertThat(EarnedValue.plannedValue(task, start.plusDays(9))).isEqualTo(1000, CENT);
        assertThat(EarnedValue.plannedValue(task, start.plusDays(60))).isEqualTo(1000, CENT);
        TaskFigures figures = EarnedValue.figures(task, start.plusDays(4));
        assertThat(figures.startSlippageDays()).isEqualTo(10);
        assertThat(figures.endSlippageDays()).isEqualTo(10);
        assertThat(figures.slipped()).isTrue();
    }

    @Test
    void aMilestoneIsPlannedAllOrNothingAtItsDate() {
        PlanTask milestone = milestone("Validation", LocalDate.of(2026, 12, 11), 0, 500);
        assertThat(EarnedValue.plannedValue(milestone, LocalDate.of(2026, 12, 10))).isZero();
        assertThat(EarnedValue.plannedValue(milestone, LocalDate.of(2026, 12, 11))).isEqualTo(500);
        assertThat(EarnedValue.plannedValue(milestone, LocalDate.of(2027, 1, 1))).isEqualTo(500);
    }

    @Test
    void beforeTheStartNothingIsPlannedAndTheIndicesAreUndefined() {
        ProjectPlan plan = plan(task("Lot", "A", null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), 0, 3000, 0));
        Steering steering = EarnedValue.compute(plan, LocalDate.of(2026, 8, 15), 0.9, 0.9);
        ProjectFigures project = steering.project();
        assertThat(project.plannedValue()).isZero();
        assertThat(project.schedulePerformanceIndex()).isNull();
        assertThat(project.costPerformanceIndex()).as("no cost yet").isNull();
        assertThat(project.estimateAtCompletion()).isNull();
        assertThat(project.estimateToComplete()).isNull();
        assertThat(steering.tasks().get(0).late()).isFalse();
        assertThat(steering.alerts()).isEmpty();
    }

    @Test
    void afterTheEndEverythingIsPlannedAndUnfinishedTasksAreLate() {
        ProjectPlan plan = plan(task("Lot", "A", null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), 100, 3000, 3000),
                task("Lot", "B", null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), 50, 1000, 500));
        Steering steering = EarnedValue.compute(plan, LocalDate.of(2026, 12, 1), 0.9, 0.9);
        assertThat(steering.project().plannedValue()).isEqualTo(4000, CENT);
        assertThat(steering.project().schedulePerformanceIndex()).isEqualTo(3500 / 4000.0, CENT);
        assertThat(steering.tasks()).extracting(TaskFigures::late).containsExactly(false, true);
        assertThat(steering.tasks().get(1).costPerformanceIndex()).isEqualTo(1.0, CENT);
    }

    @Test
    void costIndexIsNullWhenNothingWasSpent() {
        TaskFigures figures = EarnedValue.figures(task("Lot", "A", null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), 40, 1000, 0),
                LocalDate.of(2026, 9, 5));
        assertThat(figures.earnedValue()).isEqualTo(400, CENT);
        assertThat(figures.costPerformanceIndex()).isNull();
        assertThat(figures.costVariance()).isEqualTo(400, CENT);
        assertThat(figures.schedulePerformanceIndex()).isEqualTo(0.8, CENT);
    }

    @Test
    void theSamplePlanInMidDecemberIsBehindWithLateTasksAMissedMilestoneAndOneSlip() {
        Steering steering = EarnedValue.compute(PlanReader.read(Plans.sample()), LocalDate.of(2026, 12, 15), 0.9, 0.9);
        assertThat(steering.lots()).extracting(LotFigures::lot).containsExactly("Cadrage", "Données", "Modèles", "Application",
                "Gouvernance et RGPD");
        assertThat(steering.project().schedulePerformanceIndex()).isLessThan(0.9);
        assertThat(steering.project().costPerformanceIndex()).isLessThan(1.0);
        assertThat(steering.tasks()).filteredOn(TaskFigures::late).extracting(figures -> figures.task().task()).contains(
                "Nettoyage et jeu d'analyse", "Modèle de résiliation (churn)", "Validation des modèles");
        assertThat(steering.tasks()).filteredOn(TaskFigures::slipped).extracting(figures -> figures.task().task())
                .containsExactly("Nettoyage et jeu d'analyse");
        assertThat(steering.alerts()).anySatisfy(alert -> {
            assertThat(alert.level()).isEqualTo(Level.CRITICAL);
            assertThat(alert.subject()).isEqualTo("projet");
            assertThat(alert.message()).startsWith("SPI du projet de 0,").contains("sous le seuil de 0,90");
        });
        assertThat(steering.alerts()).anySatisfy(alert -> {
            assertThat(alert.level()).isEqualTo(Level.CRITICAL);
            assertThat(alert.message()).startsWith("Jalon « Validation des modèles » en retard : fin prévue le 11/12/2026");
        });
        assertThat(steering.alerts()).anySatisfy(alert -> assertThat(alert.message())
                .isEqualTo("« Nettoyage et jeu d'analyse » a glissé par rapport à la référence : début 0 j, fin +7 j (fin de référence le"
                        + " 13/11/2026, fin prévue le 20/11/2026)."));
        LotFigures lots = steering.lots().get(0);
        assertThat(lots.budgetAtCompletion()).isEqualTo(8900, CENT);
        assertThat(lots.earnedValue()).isEqualTo(8900, CENT);
    }
}
