package io.datapilot.governance.risk;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.config.GovernanceConfig.RiskConfig;
import java.util.List;

/**
 * One risk of the map, as the team declared it or as the run's tables show it.
 *
 * @param id stable across run dates ({@code R-CLAIR}, {@code R-EQUITE-resilie}, or the team's own), so that its history follows it
 * @param source {@link #DECLARED} (governance.risks) or {@link #DERIVED} (from the run date's tables)
 * @param category one of {@link RiskConfig#CATEGORIES}
 * @param likelihood 1 rare … 4 quasi certain
 * @param impact 1 mineur … 4 critique
 * @param status one of {@link RiskConfig#STATUSES}
 * @param evidence what the run saw (counts, table and column names, never a data value); null for a declared risk
 */
public record Risk(String id, String source, String category, String title, int likelihood, int impact, String owner, String mitigation,
        String status, String evidence) {
    public static final String DECLARED = "declared";
    public static final String DERIVED = "derived";
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    public Risk {
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(mitigation, "mitigation is null");
        if (!List.of(DECLARED, DERIVED).contains(source)) {
            throw new IllegalArgumentException("Invalid source " + source + " of risk " + id + ": use declared or derived");
        }
        if (!RiskConfig.CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("Invalid category " + category + " of risk " + id + ": use one of " + RiskConfig.CATEGORIES);
        }
        if (!RiskConfig.STATUSES.contains(status)) {
            throw new IllegalArgumentException("Invalid status " + status + " of risk " + id + ": use one of " + RiskConfig.STATUSES);
        }
        RiskScale.check(likelihood, "likelihood of risk " + id);
        RiskScale.check(impact, "impact of risk " + id);
    }

    /** A risk the run derived: open, owned by the configured owner of derived risks. */
    static Risk derived(String id, String category, String title, int likelihood, int impact, String owner, String mitigation,
            String evidence) {
        return new Risk(id, DERIVED, category, title, likelihood, impact, owner, mitigation, OPEN, evidence);
    }

    public int criticality() {
        return RiskScale.criticality(likelihood, impact);
    }
}
