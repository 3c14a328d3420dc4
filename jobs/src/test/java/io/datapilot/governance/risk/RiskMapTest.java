package io.datapilot.governance.risk;

import static io.datapilot.governance.risk.RiskFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.state.ServeState;
import io.datapilot.governance.GovernanceTables;
import io.datapilot.rgpd.PseudonymisationKey;
import io.datapilot.testing.Configs;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The risk map of a constructed run: small audit, gold and governance tables on three run dates, the declared risks of
 * the test configuration; the derived risks' ids, levels and statuses, the history, and a rerun that replaces its date.
 */
class RiskMapTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
    private static final LocalDate SECOND = LocalDate.of(2026, 3, 9);
    private static final LocalDate THIRD = LocalDate.of(2026, 3, 16);
    private static final Function<String, String> NO_KEY = name -> null;
    @TempDir
    Path folder;

    @Test
    void derivesTheRunsRisksAndClosesThoseThatWentAway() throws Exception {
        PipelineConfig config = Configs.load(Paths.resource("governance/risk/pipeline.yaml"), folder.resolve("warehouse"),
                folder.resolve("reports"));
        Warehouse warehouse = new Warehouse(config.warehouse());
        firstRun(warehouse);
        List<RiskLine> first = update(config, warehouse, FIRST, NO_KEY);

        assertThat(first).extracting(RiskLine::id, RiskLine::source, RiskLine::criticality, RiskLine::level, RiskLine::status).containsExactly(
                tuple("R-CLE-DEMO", Risk.DERIVED, 12, "critique", "open"),
                tuple("R-ETAPE-ECHEC", Risk.DERIVED, 12, "critique", "open"),
                tuple("R-FUITE-EXPORT", Risk.DECLARED, 12, "critique", "open"),
                tuple("R-HTTP", Risk.DERIVED, 12, "critique", "open"),
                tuple("R-QUAL-CRIT", Risk.DERIVED, 12, "critique", "open"),
                tuple("R-CLAIR", Risk.DERIVED, 9, "élevé", "open"),
                tuple("R-EQUITE-resilie", Risk.DERIVED, 9, "élevé", "open"),
                tuple("R-PERSO-DOUTE", Risk.DERIVED, 9, "élevé", "open"),
                tuple("R-PERSO", Risk.DERIVED, 6, "moyen", "open"),
                tuple("R-PRESTATAIRE", Risk.DECLARED, 6, "moyen", "mitigated"),
                tuple("R-QUAL-ALERTE", Risk.DERIVED, 6, "moyen", "open"));
        RiskLine clear = line(first, "R-CLAIR");
        assertThat(clear.category()).isEqualTo("rgpd");
        assertThat(clear.owner()).isEqualTo("responsable qualité");
        assertThat(clear.evidence()).isEqualTo("1 colonne(s) au traitement keep : clients.ville (justification : « analyse"
                + " régionale demandée par le métier »).");
        assertThat(clear.mitigation()).contains("rgpd.columns");
        assertThat(line(first, "R-PERSO").evidence()).contains("2 colonne(s)").contains("(1 keep, 1 pseudonymise)")
                .contains("clients.email, clients.ville");
        assertThat(line(first, "R-QUAL-CRIT").evidence()).contains("bronze.clients.age (impossible_values)").doesNotContain("revenu");
        assertThat(line(first, "R-EQUITE-resilie").evidence()).contains("0,67").contains("0,80");
        assertThat(line(first, "R-HTTP").evidence()).contains("0.0.0.0").contains("sans proxy");
        assertThat(line(first, "R-CLE-DEMO").evidence()).contains(PseudonymisationKey.DEMO_KEY);
        assertThat(first).allSatisfy(risk -> assertThat(risk.previousRunDate()).isNull());

        secondRun(warehouse);
        List<RiskLine> second = update(config, warehouse, SECOND, name -> name.equals(config.rgpd().keyEnv()) ? "0".repeat(64) : null);
        assertThat(second).filteredOn(RiskLine::onMatrix).extracting(RiskLine::id, RiskLine::criticality).containsExactly(
                tuple("R-FUITE-EXPORT", 12), tuple("R-QUAL-ALERTE", 8), tuple("R-PERSO", 6), tuple("R-PRESTATAIRE", 6));
        assertThat(second).as("closed last, in their previous criticality's order").filteredOn(risk -> !risk.onMatrix())
                .extracting(RiskLine::id).containsExactly("R-CLE-DEMO", "R-ETAPE-ECHEC", "R-HTTP", "R-QUAL-CRIT", "R-CLAIR",
                        "R-EQUITE-resilie", "R-PERSO-DOUTE");
        RiskLine closed = line(second, "R-CLAIR");
        assertThat(closed.status()).isEqualTo(Risk.CLOSED);
        assertThat(closed.previousStatus()).isEqualTo("open");
        assertThat(closed.previousRunDate()).isEqualTo(FIRST);
        assertThat(closed.evidence()).isEqualTo("Plus constaté à cette date (présent le 02/03/2026).");
        RiskLine warnings = line(second, "R-QUAL-ALERTE");
        assertThat(List.of(warnings.previousLikelihood(), warnings.previousImpact(), warnings.likelihood(), warnings.impact()))
                .containsExactly(3, 2, 4, 2);
        assertThat(RiskMapFile.change(warnings)).isEqualTo("+2");
        assertThat(RiskMapFile.change(closed)).isEqualTo("clos");

        List<RiskLine> rerun = update(config, warehouse, SECOND, name -> name.equals(config.rgpd().keyEnv()) ? "0".repeat(64) : null);
        assertThat(rerun).as("a rerun replaces its date and still compares with the first").isEqualTo(second);
        assertThat(new GovernanceTables(TestSpark.session(), warehouse, SECOND).rows(io.datapilot.core.delta.Warehouse.Layer.GOVERNANCE,
                RiskMap.TABLE, "id")).hasSize(second.size());

        secondRun(new RiskFixtures(warehouse, THIRD));
        List<RiskLine> third = update(config, warehouse, THIRD, name -> name.equals(config.rgpd().keyEnv()) ? "0".repeat(64) : null);
        assertThat(third).as("a risk closed on the previous date is not carried further").extracting(RiskLine::id)
                .containsExactly("R-FUITE-EXPORT", "R-QUAL-ALERTE", "R-PERSO", "R-PRESTATAIRE");
        assertThat(RiskMapFile.change(line(third, "R-PERSO"))).isEqualTo("stable");
    }

    @Test
    void writesTheMatrixWithTheIdsInEachCellAndNoDataValue() {
        List<Risk> risks = List.of(Risk.derived("R-CLAIR", "rgpd", "Données personnelles conservées en clair", 3, 3, "dpo", "Revoir", "x"),
                Risk.derived("R-PERSO", "rgpd", "Données personnelles présentes", 2, 3, "dpo", "Registre", "y"),
                new Risk("R-FUITE", Risk.DECLARED, "security", "Fuite", 3, 3, "RSSI", "Chiffrer", "open", null));
        List<RiskLine> lines = RiskHistory.merge(risks, java.util.Optional.empty(), List.of());
        String markdown = RiskMapFile.markdown("Projet", FIRST, lines);
        assertThat(markdown).startsWith("# Cartographie des risques – Projet – 02/03/2026\n\n3 risque(s) suivi(s) : 2 élevés, 1 moyen.")
                .contains("| 3 grave | faible | moyen : R-PERSO | élevé : R-CLAIR, R-FUITE | critique |")
                .contains("| R-FUITE | déclaré | sécurité | Fuite | 3 | 3 | 9 | élevé | RSSI | Chiffrer | ouvert |  |")
                .contains("Première cartographie : pas de date précédente à comparer.");
    }

    private List<RiskLine> update(PipelineConfig config, Warehouse warehouse, LocalDate runDate, Function<String, String> environment) {
        return RiskMap.update(new GovernanceTables(TestSpark.session(), warehouse, runDate), config,
                TestSpark.session().sparkContext().hadoopConfiguration(), environment);
    }

    /**
     * Personal columns (one pseudonymised, one kept in clear, one doubtful), a critical, a warning and an informative
     * alert, a failed stage, a fairness ratio of 0,67 for one target and 0,91 for another, the demo key, a server in HTTP
     * on every interface.
     */
    private void firstRun(Warehouse warehouse) throws Exception {
        new RiskFixtures(warehouse, FIRST)
                .personalData(row("clients", "email", "pseudonymise", null),
                        row("clients", "ville", "keep", "analyse régionale demandée par le métier"),
                        row("clients", "commentaire", "none (low confidence: left unchanged)", null))
                .qualityAlerts(row("bronze.clients", "age", "impossible_values", "critical"), row("bronze.clients", "revenu", "outliers", "warning"),
                        row("bronze.clients", "code", "skewed", "info"))
                .runKpis(row("ingest", "ok"), row("train", "failed"))
                .modelDetails(new Object[] {"resilie", "fairness", "F", "accuracy", 0.60}, new Object[] {"resilie", "fairness", "H", "accuracy", 0.90},
                        new Object[] {"resilie", "fairness", "F", "rows", 120.0}, new Object[] {"resilie", "importance", "age", null, 0.1},
                        new Object[] {"montant", "fairness", "F", "rmse", 10.0}, new Object[] {"montant", "fairness", "H", "rmse", 11.0});
        Path key = Path.of(warehouse.root()).resolve(PseudonymisationKey.DEMO_KEY);
        Files.createDirectories(key.getParent());
        Files.writeString(key, "ab".repeat(32));
        new ServeState(false, "0.0.0.0", 8080, false, Instant.parse("2026-03-01T20:15:00Z")).write(Path.of(warehouse.root()));
    }

    /** Pseudonymised columns only, two warning alerts, every stage ok, no model, the key from the environment, HTTPS. */
    private void secondRun(Warehouse warehouse) {
        secondRun(new RiskFixtures(warehouse, SECOND));
        new ServeState(true, "0.0.0.0", 8443, false, Instant.parse("2026-03-08T20:15:00Z")).write(Path.of(warehouse.root()));
    }

    private static void secondRun(RiskFixtures fixtures) {
        fixtures.personalData(row("clients", "email", "pseudonymise", null))
                .qualityAlerts(row("bronze.clients", "revenu", "outliers", "warning"), row("bronze.clients", "age", "missing", "warning"))
                .runKpis(row("ingest", "ok"), row("train", "ok"));
    }

    private static RiskLine line(List<RiskLine> lines, String id) {
        return lines.stream().filter(line -> line.id().equals(id)).findFirst().orElseThrow();
    }
}
