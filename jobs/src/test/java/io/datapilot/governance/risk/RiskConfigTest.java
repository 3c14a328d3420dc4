package io.datapilot.governance.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.ConfigProblem;
import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.GovernanceConfig;
import io.datapilot.core.config.PipelineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code governance.risks} and {@code governance.risk_owner}: defaults, binding, and every problem with its YAML path. */
class RiskConfigTest {
    private static final String SOURCES = """
            base_dir: ..
            sources:
              - { name: clients, format: csv, path: clients.csv }
            """;

    private static PipelineConfig parse(String yaml, ConfigProblems problems) {
        return ConfigLoader.parse(SOURCES + yaml, Path.of("/data/projet/conf"), problems);
    }

    @Test
    void hasNoDeclaredRiskAndTheDataProjectLeadAsOwnerByDefault() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        GovernanceConfig governance = parse("", problems).governance();
        assertThat(problems.all()).isEmpty();
        assertThat(governance.risks()).isEmpty();
        assertThat(governance.riskOwner()).isEqualTo("chef de projet data");
    }

    @Test
    void bindsEveryKeyOfADeclaredRiskAndOpensItByDefault() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        GovernanceConfig governance = parse("""
                governance:
                  risk_owner: DPO
                  risks:
                    - { id: R-FUITE, title: Fuite, category: security, likelihood: 2, impact: 4, owner: RSSI, mitigation: Chiffrer }
                """, problems).governance();
        assertThat(problems.all()).isEmpty();
        assertThat(governance.riskOwner()).isEqualTo("DPO");
        assertThat(governance.risks()).containsExactly(new GovernanceConfig.RiskConfig("R-FUITE", "Fuite", "security", 2, 4, "RSSI",
                "Chiffrer", "open"));
    }

    @Test
    void reportsEveryProblemWithItsYamlPath() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        parse("""
                governance:
                  risks:
                    - { id: R-A, title: Un, category: quality, likelihood: 2, impact: 2, owner: moi, mitigation: rien }
                    - { id: R-A, title: Deux, category: qualite, likelihood: 5, impact: 0, owner: moi, mitigation: rien, status: ouvert }
                    - { id: "mauvais id", category: security, owner: " ", likelihood: 1, impact: 1 }
                    - { id: R-HTTP, title: Trois, category: security, likelihood: 1, impact: 1, owner: moi, mitigation: rien }
                """, problems);
        List<String> shown = problems.all().stream().map(ConfigProblem::toString).toList();
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[1].id").contains("\"R-A\" is given twice"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[1].category")
                .contains("\"qualite\" is not a category").contains("quality").contains("use one of quality, security, rgpd, ethics, project"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[1].likelihood")
                .contains("5 is outside the scale").contains("from 1 to 4 (1 rare, 2 possible, 3 probable, 4 quasi certain)"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[1].impact").contains("0 is outside the scale")
                .contains("4 critique"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[1].status").contains("\"ouvert\" is not a status")
                .contains("open, mitigated, accepted, closed"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[2].id").contains("not an identifier"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[2].title").contains("is required"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[2].owner").contains("is required"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[2].mitigation").contains("is required"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("governance.risks[3].id").contains("a risk the run derives"));
        assertThat(shown).noneSatisfy(line -> assertThat(line).startsWith("governance.risks[0]"));
    }

    @Test
    void aLikelihoodOutsideTheScaleStopsTheLoadWithTheKeyAndTheFix(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("pipeline.yaml");
        Files.writeString(file, SOURCES.replace("base_dir: ..", "base_dir: .") + """
                governance:
                  risks:
                    - { id: R-FUITE, title: Fuite, category: security, likelihood: 7, impact: 4, owner: RSSI, mitigation: Chiffrer }
                """);
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(DatapilotException.class)
                .hasMessageContaining("governance.risks[0].likelihood").hasMessageContaining("7 is outside the scale")
                .hasMessageContaining("use a whole number from 1 to 4");
    }
}
