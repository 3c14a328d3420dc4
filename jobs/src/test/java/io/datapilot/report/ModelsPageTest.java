package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.testing.SiteChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The models page built from the tables the train stage really wrote: flats for sale (a price to
 * predict, a regression; a quick sale, a classification; metrics by town), through the command line
 * from ingestion to the report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class ModelsPageTest {
    private static final LocalDate RUN = LocalDate.of(2025, 1, 6);
    private Path site;
    private String page;

    @BeforeAll
    void runThePipeline() throws Exception {
        // the same run as the training tests' (one per test JVM)
        site = io.datapilot.testing.Logements.run().reports().resolve(RUN + "/site");
        page = Files.readString(site.resolve(ModelsPage.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void showsTheLeaderboardOfEachTargetWithTheCrossValidatedMetricAndItsSpread() {
        assertThat(page).contains("<h1>Modèles</h1>")
                .contains("<h2 id=\"modele-prix-eur\">Cible : Prix (€)</h2>")
                .contains("<h2 id=\"modele-vendu-en-30-jours\">Cible : Vendu en 30 jours</h2>")
                .contains("<caption id=\"t1\">Classement des modèles – Prix (€)</caption>")
                .contains("Classement des modèles – Vendu en 30 jours</caption>")
                .contains("Validation croisée : moyenne (RMSE)").contains("Validation croisée : moyenne (exactitude)")
                .contains("Test : R²").contains("Test : AUC ROC")
                // the bar chart of the CV metric with one standard deviation either side, its data beside it
                .contains("<h4>RMSE en validation croisée par modèle – Prix (€)</h4>")
                .contains("<h4>Exactitude en validation croisée par modèle – Vendu en 30 jours</h4>")
                .contains("Données du graphique : RMSE en validation croisée par modèle – Prix (€)")
                // every combination of every grid
                .contains("Combinaisons essayées par validation croisée – Prix (€)</caption>")
                .contains("reg_param=100.0")
                // the chosen model and why its metric
                .contains("Le modèle retenu est ")
                .contains("Pourquoi cette métrique (RMSE) : choisie automatiquement pour une régression");
        assertThat(site.resolve("charts/fig-cv-prix-eur.svg")).exists();
    }

    @Test
    void showsTheConfusionMatrixOfTheClassificationAndTheErrorQuantilesOfTheRegression() {
        assertThat(page).contains("<h3>Matrice de confusion</h3>")
                .contains("Matrice de confusion sur les lignes de test – Vendu en 30 jours</caption>")
                .contains("<th scope=\"col\">Classe réelle</th><th scope=\"col\">Prédite « false »</th><th scope=\"col\">Prédite « true »</th>")
                .contains("Précision, rappel et F1 par classe sur les lignes de test")
                .contains("<h3>Erreurs de prédiction</h3>").contains("Quantiles des erreurs sur les lignes de test – Prix (€)</caption>")
                .contains("<th scope=\"row\">95e centile</th>");
    }

    @Test
    void showsTheStrongestImportancesOrCoefficientsInTheClientsWordsAsAChartWithItsTable() {
        // the price's chosen model is linear here (its coefficients); the quick sale's is linear or a tree, whichever the folds
        // rank first among close scores: its coefficients or its importances
        assertThat(page).contains("<h3>Coefficients standardisés</h3>")
                .containsPattern("<h4>Les [0-9]+ coefficients standardisés les plus forts – Prix \\(€\\)</h4>")
                .containsPattern("<h4>Les [0-9]+ (coefficients standardisés les plus forts|variables les plus importantes) – Vendu en 30 jours</h4>")
                .containsPattern("Données du graphique : Les [0-9]+ (coefficients standardisés les plus forts|variables les plus importantes)"
                        + " – Vendu en 30 jours")
                .contains("<th scope=\"row\">Surface (m²) <code class=\"technical\">surface_m</code></th>");
    }

    @Test
    void showsTheMetricsByGroupAndTheModelCardsKeyPoints() {
        assertThat(page).contains("<h3>Métriques par groupe</h3>").contains("Rapport de disparité")
                .contains("<h3>Fiche du modèle</h3>").contains("<h4>Usage prévu</h4>").contains("<h4>Usages exclus et limites</h4>")
                .contains("RGPD, art. 22").contains("Fiche du modèle – Prix (€)</caption>")
                .as("the card's performance section is the leaderboard above").doesNotContain("<h4>Performances</h4>");
    }

    @Test
    void namesTheBestModelOfEachTargetAmongTheKeyFiguresOfTheIndex() throws Exception {
        String index = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("Meilleur modèle – Prix (€)").contains("Meilleur modèle – Vendu en 30 jours")
                .contains("RMSE sur les lignes de test : ").contains("exactitude sur les lignes de test : ")
                .contains("<a href=\"modeles.html\">Modèles</a>")
                .doesNotContain("aucun modèle n’a encore été entraîné");
    }

    @Test
    void keepsTheLeaderboardAndTheCrossValidationInTheWorkbookAsNumbers() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(site.resolve(ReportStage.WORKBOOK).toFile())) {
            List<String> names = StreamSupport.stream(workbook.spliterator(), false).map(Sheet::getSheetName).toList();
            assertThat(names).anyMatch(name -> name.startsWith("Classement des modèles"))
                    .anyMatch(name -> name.startsWith("Combinaisons essayées"));
            Sheet board = workbook.getSheet(names.stream().filter(name -> name.startsWith("Classement des modèles")).findFirst().orElseThrow());
            assertThat(board.getRow(1).getCell(3).getCellType()).as("the CV mean stays a number")
                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
        }
    }

    @Test
    void keepsTheSiteAccessibleAndTheNotebookValid() {
        SiteChecks.accessible(site);
        SiteChecks.validNotebook(site.resolve(ReportStage.NOTEBOOK));
    }
}
