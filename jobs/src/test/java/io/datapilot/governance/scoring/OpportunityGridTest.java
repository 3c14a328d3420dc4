package io.datapilot.governance.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.GovernanceConfig.ClassConfig;
import io.datapilot.core.config.GovernanceConfig.CriterionConfig;
import io.datapilot.core.config.GovernanceConfig.OpportunitiesConfig;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.governance.files.TabularFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpportunityGridTest {
    private static final List<ClassConfig> CLASSES = List.of(new ClassConfig("B", 40.0, "1 sprint"), new ClassConfig("A", 70.0,
            "équipe de 3, 2 sprints"), new ClassConfig("C", 0.0, "veille"));
    /** Value on 0..10 weighing 3, cost on 0..100 (lower is better) weighing 1: weights 0.75 and 0.25. */
    private static final OpportunitiesConfig GRID = new OpportunitiesConfig("grille.csv", "Nom", List.of(
            new CriterionConfig("valeur", "Valeur", 3.0, 0.0, 10.0, "higher"),
            new CriterionConfig("Coût (k€)", null, 1.0, 0.0, 100.0, "lower")), CLASSES);

    @TempDir
    Path folder;

    @Test
    void scoresOnAHandComputedExample() throws IOException {
        TabularFile file = TabularFile.read(write("grille.csv", """
                Nom;valeur;Coût (k€)
                Churn;8;20
                Stock;12;50
                Chatbot;2;150
                Avis;6;60
                Fraude;6;60
                """));

        Scoring scoring = OpportunityGrid.score(file, GRID);

        // Churn: 0.75 × 0.8 + 0.25 × (1 − 0.2) = 0.8; Stock: value clamped to 10: 0.75 + 0.25 × 0.5 = 0.875;
        // Chatbot: cost clamped to 100: 0.75 × 0.2 + 0 = 0.15; Avis and Fraude: 0.75 × 0.6 + 0.25 × 0.4 = 0.55, ranked by name
        assertThat(scoring.criteria()).containsExactly("Valeur", "Coût (k€)");
        assertThat(scoring.items()).extracting(ScoredItem::rank, ScoredItem::name, ScoredItem::score, ScoredItem::grade,
                ScoredItem::resources).containsExactly(
                tuple(1, "Stock", 87.5, "A", "équipe de 3, 2 sprints"),
                tuple(2, "Churn", 80.0, "A", "équipe de 3, 2 sprints"),
                tuple(3, "Avis", 55.0, "B", "1 sprint"),
                tuple(4, "Fraude", 55.0, "B", "1 sprint"),
                tuple(5, "Chatbot", 15.0, "C", "veille"));
        CriterionScore cost = scoring.items().get(4).breakdown().get(1);
        assertThat(cost.criterion()).isEqualTo("Coût (k€)");
        assertThat(cost.value()).isEqualTo(150.0);
        assertThat(cost.normalised()).isEqualTo(0.0);
        assertThat(cost.weight()).isEqualTo(0.25);
        assertThat(cost.points()).isEqualTo(0.0);
        CriterionScore value = scoring.items().get(1).breakdown().get(0);
        assertThat(value.normalised()).isCloseTo(0.8, within(1e-12));
        assertThat(value.points()).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void leavesTheGradeEmptyWithoutClassesOrBelowThemAll() throws IOException {
        TabularFile file = TabularFile.read(write("grille.csv", "Nom;valeur;Coût (k€)\nChatbot;2;150\n"));

        Scoring withoutClasses = OpportunityGrid.score(file, new OpportunitiesConfig("grille.csv", "Nom", GRID.criteria(), null));
        Scoring belowAll = OpportunityGrid.score(file, new OpportunitiesConfig("grille.csv", "Nom", GRID.criteria(),
                List.of(new ClassConfig("A", 70.0, null))));

        assertThat(withoutClasses.items().get(0).grade()).isNull();
        assertThat(belowAll.items().get(0).grade()).isNull();
        assertThat(belowAll.items().get(0).resources()).isNull();
    }

    @Test
    void reportsMissingColumnsWithTheFilesColumns() throws IOException {
        TabularFile file = TabularFile.read(write("grille.csv", "Projet;valeur\nChurn;8\n"));

        assertThatThrownBy(() -> OpportunityGrid.score(file, GRID)).isInstanceOfSatisfying(DatapilotException.class, error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
            assertThat(error.getMessage()).startsWith("Invalid opportunity grid in " + file.file() + ": 2 problems:").contains(
                    "line 1: no column Nom (governance.opportunities.name) to name the items; the file's columns are Projet, valeur.",
                    "line 1: no column Coût (k€) (governance.opportunities.criteria[1].column); the file's columns are Projet, valeur.");
        });
    }

    @Test
    void reportsEveryValueThatIsNotANumber() throws IOException {
        TabularFile file = TabularFile.read(write("grille.csv", """
                Nom;valeur;Coût (k€)
                Churn;huit;20
                ;5;
                Stock;7,5;1 200
                """));

        assertThatThrownBy(() -> OpportunityGrid.score(file, GRID)).isInstanceOf(DatapilotException.class)
                .hasMessageStartingWith("Invalid opportunity grid in " + file.file() + ": 3 problems:")
                .hasMessageContaining("line 2, column «valeur» (B): «huit» is not a number; write the Valeur on its scale, from 0.0 to 10.0.")
                .hasMessageContaining("line 3, column «Nom» (A): is empty; every item needs a name.")
                .hasMessageContaining("line 3, column «Coût (k€)» (C): is empty; write the Coût (k€) on its scale, from 0.0 to 100.0.");
    }

    @Test
    void scoresTheSampleUseCasesWithTheDocumentedConfiguration() throws IOException {
        Path conf = Path.of("../conf").toAbsolutePath().normalize();
        // the sample's own configuration scores the bundled file
        String yaml = Files.readString(conf.resolve("pipeline.yaml"));
        ConfigProblems problems = new ConfigProblems("pipeline.yaml");
        PipelineConfig config = ConfigLoader.parse(yaml, conf, problems);
        assertThat(problems.all()).filteredOn(problem -> problem.path().startsWith("governance")).isEmpty();
        OpportunitiesConfig opportunities = config.governance().opportunities();

        Scoring scoring = OpportunityGrid.score(TabularFile.read(Path.of(opportunities.file())), opportunities);

        assertThat(scoring.items()).extracting(ScoredItem::name, ScoredItem::score, ScoredItem::grade).containsExactly(
                tuple("Prédiction de l'attrition des clients", 86.0, "priorité 1"),
                tuple("Prévision des stocks par magasin", 79.0, "priorité 1"),
                tuple("Prévision des dépenses par client", 75.25, "priorité 1"),
                tuple("Analyse du sentiment des avis clients", 67.5, "priorité 2"),
                tuple("Recommandation de produits en ligne", 58.25, "priorité 2"),
                tuple("Tarification dynamique des fins de série", 45.0, "à surveiller"),
                tuple("Détection de la fraude au paiement", 44.75, "à surveiller"),
                tuple("Assistant conversationnel du service client", 33.0, "à surveiller"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
