package io.datapilot.governance.risk;

import io.datapilot.core.config.GovernanceConfig;
import io.datapilot.core.config.GovernanceConfig.RiskConfig;
import java.util.List;

/** The risks the team declares in {@code governance.risks}, already checked by the configuration's validator. */
final class DeclaredRisks {
    private DeclaredRisks() {}

    static List<Risk> of(GovernanceConfig governance) {
        return governance.risks().stream().map(DeclaredRisks::risk).toList();
    }

    private static Risk risk(RiskConfig risk) {
        return new Risk(risk.id(), Risk.DECLARED, risk.category(), risk.title(), risk.likelihood(), risk.impact(), risk.owner(),
                risk.mitigation(), risk.status(), null);
    }
}
