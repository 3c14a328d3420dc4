package io.datapilot.governance.risk;

import java.time.LocalDate;

/**
 * A row of {@code governance.risks}: a risk of the run date, its criticality and level, and how it stood on the previous
 * run date (null when it was not on the map then, or for the first run date).
 *
 * @param criticality likelihood × impact, 1 to 16
 * @param level its band ({@link RiskScale#level})
 * @param previousRunDate the previous run date of the map, if any
 */
public record RiskLine(String id, String source, String category, String title, int likelihood, int impact, int criticality, String level,
        String owner, String mitigation, String status, String evidence, LocalDate previousRunDate, Integer previousLikelihood,
        Integer previousImpact, String previousStatus) {

    static RiskLine of(Risk risk, LocalDate previousRunDate, RiskLine previous) {
        int criticality = risk.criticality();
        return new RiskLine(risk.id(), risk.source(), risk.category(), risk.title(), risk.likelihood(), risk.impact(), criticality,
                RiskScale.level(criticality), risk.owner(), risk.mitigation(), risk.status(), risk.evidence(), previousRunDate,
                previous == null ? null : previous.likelihood(), previous == null ? null : previous.impact(),
                previous == null ? null : previous.status());
    }

    /** Whether it is on the matrix: every status but closed. */
    public boolean onMatrix() {
        return !Risk.CLOSED.equals(status);
    }

    /** The criticality of the previous run date, or null. */
    public Integer previousCriticality() {
        return previousLikelihood == null || previousImpact == null ? null : previousLikelihood * previousImpact;
    }

    Risk risk() {
        return new Risk(id, source, category, title, likelihood, impact, owner, mitigation, status, evidence);
    }
}
