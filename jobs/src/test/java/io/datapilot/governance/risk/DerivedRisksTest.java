package io.datapilot.governance.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.state.ServeState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scales' bands and the rules of the derived risks that need no table: the web application's settings, long lists. */
class DerivedRisksTest {
    private static final Instant STARTED = Instant.parse("2026-03-01T20:15:00Z");

    @Test
    void everyProductOfTheScalesFallsInOneBand() {
        assertThat(List.of(1, 2, 3, 4, 6, 8, 9, 12, 16).stream().map(RiskScale::level).toList()).containsExactly("faible", "faible",
                "faible", "moyen", "moyen", "élevé", "élevé", "critique", "critique");
        assertThat(RiskScale.criticality(3, 4)).isEqualTo(12);
    }

    @Test
    void theWebApplicationsRiskDependsOnHttpsTheAddressAndTheProxy() {
        assertThat(http(null)).extracting(Risk::likelihood, Risk::impact).containsExactly(2, 3);
        assertThat(http(null).evidence()).startsWith("Réglages du serveur non connus : _state/serve.json absent");
        assertThat(http(new ServeState(false, "0.0.0.0", 8080, false, STARTED))).extracting(Risk::likelihood, Risk::impact).containsExactly(3, 4);
        assertThat(http(new ServeState(false, "0.0.0.0", 8080, true, STARTED))).extracting(Risk::likelihood, Risk::impact).containsExactly(2, 3);
        Risk local = http(new ServeState(false, "127.0.0.1", 8080, false, STARTED));
        assertThat(local).extracting(Risk::likelihood, Risk::impact).containsExactly(1, 3);
        assertThat(local.evidence()).isEqualTo("HTTP, ouvert à cette machine seulement (dernier démarrage le 01/03/2026 à 20:15 UTC,"
                + " adresse 127.0.0.1, port 8080).");
        assertThat(DerivedRisks.of(facts(Optional.of(new ServeState(true, "0.0.0.0", 8443, false, STARTED))), "moi")).isEmpty();
    }

    @Test
    void namesTheFirstEightColumnsThenCountsTheOthers() {
        assertThat(DerivedRisks.names(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"))).isEqualTo("a, b, c, d, e, f, g, h et 2 autre(s)");
    }

    private static Risk http(ServeState state) {
        List<Risk> risks = DerivedRisks.of(facts(Optional.ofNullable(state)), "moi");
        assertThat(risks).extracting(Risk::id).containsExactly("R-HTTP");
        return risks.get(0);
    }

    private static RiskFacts facts(Optional<ServeState> serve) {
        return new RiskFacts(List.of(), List.of(), List.of(), List.of(), Optional.empty(), serve, List.of(), 0.8);
    }
}
