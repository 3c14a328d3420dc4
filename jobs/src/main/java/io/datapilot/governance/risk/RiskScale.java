package io.datapilot.governance.risk;

import io.datapilot.core.config.GovernanceConfig.RiskConfig;
import java.util.List;

/**
 * The risk map's scales. Likelihood (vraisemblance) and impact are each 1 to 4; their product is the criticality
 * (1 to 16), read in four bands:
 *
 * <pre>
 * criticality  1–3   faible    accept or follow
 *              4–6   moyen     plan a mitigation
 *              8–9   élevé     mitigate before the next delivery
 *             12–16  critique  act now, tell the sponsor
 * </pre>
 *
 * A product of 1 to 4 by 1 to 4 never gives 5, 7, 10, 11, 13, 14 or 15: the bands leave no gap.
 */
public final class RiskScale {
    public static final String LOW = "faible";
    public static final String MEDIUM = "moyen";
    public static final String HIGH = "élevé";
    public static final String CRITICAL = "critique";
    /** The levels from the least to the most critical. */
    public static final List<String> LEVELS = List.of(LOW, MEDIUM, HIGH, CRITICAL);
    public static final int MAX = RiskConfig.SCALE_MAX;
    /** Likelihood 1 to 4, in words. */
    public static final List<String> LIKELIHOODS = List.of("rare", "possible", "probable", "quasi certain");
    /** Impact 1 to 4, in words. */
    public static final List<String> IMPACTS = List.of("mineur", "significatif", "grave", "critique");

    private RiskScale() {}

    public static int criticality(int likelihood, int impact) {
        check(likelihood, "likelihood");
        check(impact, "impact");
        return likelihood * impact;
    }

    /** The band of a criticality (1 to 16). */
    public static String level(int criticality) {
        if (criticality < 1 || criticality > MAX * MAX) {
            throw new IllegalArgumentException("Invalid criticality " + criticality + ": likelihood × impact is 1 to " + MAX * MAX);
        }
        return criticality <= 3 ? LOW : criticality <= 6 ? MEDIUM : criticality <= 9 ? HIGH : CRITICAL;
    }

    static void check(int value, String what) {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("Invalid " + what + " " + value + ": use 1 to " + MAX);
        }
    }
}
