package io.datapilot.governance.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins the run date's risks with the previous run date's map: each risk gets its previous likelihood, impact and status,
 * and a derived risk that was on the previous map but is no longer seen is kept once more, {@code closed}, so that the
 * map says it went away (a closed one is not carried further). Most critical first.
 */
final class RiskHistory {
    static final Comparator<RiskLine> MOST_CRITICAL_FIRST = Comparator.comparing((RiskLine line) -> !line.onMatrix())
            .thenComparing(Comparator.comparingInt(RiskLine::criticality).reversed()).thenComparing(RiskLine::id);

    private RiskHistory() {}

    static List<RiskLine> merge(List<Risk> current, Optional<LocalDate> previousRunDate, List<RiskLine> previous) {
        Map<String, RiskLine> before = new LinkedHashMap<>();
        previous.forEach(line -> before.put(line.id(), line));
        LocalDate date = previousRunDate.orElse(null);
        List<RiskLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Risk risk : current) {
            if (!seen.add(risk.id())) {
                throw new IllegalStateException("The risk map would hold the risk " + risk.id() + " twice");
            }
            lines.add(RiskLine.of(risk, date, before.get(risk.id())));
        }
        for (RiskLine line : before.values()) {
            if (!seen.contains(line.id()) && Risk.DERIVED.equals(line.source()) && line.onMatrix()) {
                Risk risk = line.risk();
                Risk closed = new Risk(risk.id(), risk.source(), risk.category(), risk.title(), risk.likelihood(), risk.impact(), risk.owner(),
                        risk.mitigation(), Risk.CLOSED, "Plus constaté à cette date (présent le " + RiskMapFile.date(date) + ").");
                lines.add(RiskLine.of(closed, date, line));
            }
        }
        lines.sort(MOST_CRITICAL_FIRST);
        return lines;
    }
}
