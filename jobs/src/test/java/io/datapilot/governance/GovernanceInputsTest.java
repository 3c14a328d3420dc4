package io.datapilot.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.testing.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team's governance files are checked before any Spark work, every problem of every file in one error. */
class GovernanceInputsTest {
    @TempDir
    Path folder;

    @Test
    void theSampleFilesAreValid() {
        GovernanceInputs.check(ConfigLoader.load(Paths.root().resolve("conf/pipeline.yaml")));
    }

    @Test
    void aBadPlanAndABadGridAreReportedTogetherWithTheirLines() throws IOException {
        Files.writeString(folder.resolve("plan.csv"), """
                lot;tache;debut_prevu;fin_prevue;budget_prevu;avancement;couleur
                Cadrage;Note de cadrage;15/09/2026;01/09/2026;3 000;50
                Données;Ingestion;01/10/2026;31/10/2026;douze;120
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("grille.csv"), """
                cas;valeur
                Attrition;beaucoup
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("pipeline.yaml"), """
                sources:
                  - { name: ventes, path: ventes.csv }
                governance:
                  plan: plan.csv
                  opportunities:
                    file: grille.csv
                    name: cas
                    criteria: [{ column: valeur }, { column: risque, direction: lower }]
                """, StandardCharsets.UTF_8);
        PipelineConfig config = ConfigLoader.load(folder.resolve("pipeline.yaml"));
        assertThatThrownBy(() -> GovernanceInputs.check(config)).isInstanceOf(DatapilotException.class)
                .hasMessageStartingWith("Invalid governance files (2):")
                .hasMessageContaining("couleur").hasMessageContaining("line 2").hasMessageContaining("line 3")
                .hasMessageContaining("douze").hasMessageContaining("120")
                .hasMessageContaining("grille.csv").hasMessageContaining("risque");
    }

    @Test
    void withoutGovernanceFilesThereIsNothingToCheck() throws IOException {
        Files.writeString(folder.resolve("pipeline.yaml"), "sources:\n  - { name: ventes, path: ventes.csv }\n", StandardCharsets.UTF_8);
        GovernanceInputs.check(ConfigLoader.load(folder.resolve("pipeline.yaml")));
        assertThat(ConfigLoader.load(folder.resolve("pipeline.yaml")).governance().commitments()).isEmpty();
    }
}
