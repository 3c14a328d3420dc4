package io.datapilot.core.config;

import io.datapilot.core.config.GovernanceConfig.RiskConfig;
import io.datapilot.core.text.Similarity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@code governance.risks}, the risks the team declares for the risk map: every problem with its YAML path
 * ({@code governance.risks[2].likelihood}), what is wrong and how to fix it, before any Spark work.
 */
final class RiskValidator {
    /** R-FUITE-EXPORT, r_prestataire_2: what an id in a table, a page and a spreadsheet can hold without quoting. */
    static final Pattern RISK_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private RiskValidator() {}

    static void validate(List<RiskConfig> risks, ConfigProblems problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < risks.size(); i++) {
            RiskConfig risk = risks.get(i);
            String at = "governance.risks[" + i + "]";
            if (risk == null) {
                problems.add(at, "is empty; give id, title, category, likelihood, impact, owner, mitigation and status.");
                continue;
            }
            if (risk.id() == null || !RISK_ID.matcher(risk.id()).matches()) {
                problems.add(at + ".id", (risk.id() == null ? "is required" : "\"" + risk.id() + "\" is not an identifier")
                        + ": a short id of letters, digits, - and _ (at most 40), starting with a letter, such as R-FUITE-EXPORT.");
            } else if (RiskConfig.DERIVED_IDS.contains(risk.id().toUpperCase(java.util.Locale.ROOT))
                    || risk.id().toUpperCase(java.util.Locale.ROOT).startsWith(RiskConfig.FAIRNESS_PREFIX)) {
                problems.add(at + ".id", "\"" + risk.id() + "\" is the id of a risk the run derives (" + String.join(", ",
                        RiskConfig.DERIVED_IDS) + ", " + RiskConfig.FAIRNESS_PREFIX + "<target>); give the team's risk its own id.");
            } else if (!ids.add(risk.id().toUpperCase(java.util.Locale.ROOT))) {
                problems.add(at + ".id", "\"" + risk.id() + "\" is given twice; each risk needs its own id.");
            }
            if (risk.title() == null || risk.title().isBlank()) {
                problems.add(at + ".title", "is required: the risk in a sentence, such as \"Export des données clients hors du SI\".");
            }
            oneOf(risk.category(), RiskConfig.CATEGORIES, at + ".category", "category", problems);
            scale(risk.likelihood(), at + ".likelihood", "1 rare, 2 possible, 3 probable, 4 quasi certain", problems);
            scale(risk.impact(), at + ".impact", "1 mineur, 2 significatif, 3 grave, 4 critique", problems);
            if (risk.owner() == null || risk.owner().isBlank()) {
                problems.add(at + ".owner", "is required: who follows the risk (a role, such as RSSI or DPO).");
            }
            if (risk.mitigation() == null || risk.mitigation().isBlank()) {
                problems.add(at + ".mitigation", "is required: what is done or planned to reduce the risk.");
            }
            oneOf(risk.status(), RiskConfig.STATUSES, at + ".status", "status", problems);
        }
    }

    private static void scale(Integer value, String at, String meaning, ConfigProblems problems) {
        if (value == null) {
            problems.add(at, "is required: a whole number from 1 to " + RiskConfig.SCALE_MAX + " (" + meaning + ").");
        } else if (value < 1 || value > RiskConfig.SCALE_MAX) {
            problems.add(at, value + " is outside the scale; use a whole number from 1 to " + RiskConfig.SCALE_MAX + " (" + meaning + ").");
        }
    }

    private static void oneOf(String value, List<String> allowed, String at, String what, ConfigProblems problems) {
        if (value == null) {
            problems.add(at, "is required: one of " + String.join(", ", allowed) + ".");
        } else if (!allowed.contains(value)) {
            problems.add(at, "\"" + value + "\" is not a " + what + "; " + Similarity.suggestion(value, allowed) + "use one of "
                    + String.join(", ", allowed) + ".");
        }
    }
}
