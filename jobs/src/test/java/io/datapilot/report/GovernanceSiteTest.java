package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The governance pages of the shared flats run (governance stage included, no plan nor opportunity
 * grid configured); their accessibility is checked with the whole site by {@link ModelsPageTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class GovernanceSiteTest {
    private static final LocalDate RUN = LocalDate.of(2025, 1, 6);
    private Path site;

    @BeforeAll
    void runThePipeline() {
        site = io.datapilot.testing.Logements.run().reports().resolve(RUN + "/site");
    }

    private String page(String file) throws Exception {
        return Files.readString(site.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void listsTheGovernancePagesAfterTheModelsInTheNavigation() throws Exception {
        String index = page("index.html");
        assertThat(index).containsSubsequence("<a href=\"modeles.html\">", "<a href=\"gouvernance.html\">", "<a href=\"pilotage.html\">",
                "<a href=\"carnet.html\">", "<a href=\"opportunites.html\">", "<a href=\"note.html\">");
        assertThat(index).contains("Score de qualité (gouvernance)").contains("première mesure").contains("Engagements");
    }

    @Test
    void showsTheQualityScoreTrendTheRunDurationsTheModelsAndTheirDrift() throws Exception {
        assertThat(page(GovernancePage.FILE)).contains("<h1>Gouvernance</h1>")
                .contains("<h3>Score de qualité global par date d’exécution</h3>")
                .contains("Score de qualité par table</caption>")
                .contains("<h3>Durée de chaque étape (secondes)</h3>")
                .contains("<h3>Durée totale de la chaîne par date d’exécution (secondes)</h3>")
                .contains("Suivi des modèles</caption>")
                .contains("Dérive par variable (PSI)</caption>").contains("Sans référence (première date)")
                .contains("Sous 0,1, la distribution est stable");
        assertThat(site.resolve("charts/fig-score-qualite-dates.svg")).exists();
    }

    @Test
    void listsTheLogbookEntriesWithTheirSolutionLinkAndTheWorkbookInTheSite() throws Exception {
        assertThat(page(LogbookPage.FILE)).contains("Entrées du carnet de bord</caption>")
                .contains("<a href=\"https://").contains("Ouvert")
                .contains("<a href=\"" + ReportStage.LOGBOOK_COPY + "\">");
        assertThat(site.resolve(ReportStage.LOGBOOK_COPY)).exists();
    }

    @Test
    void showsTheRiskMapAfterTheWatchWithTheRisksTheRunDerived() throws Exception {
        assertThat(page("index.html")).containsSubsequence("<a href=\"veille.html\">", "<a href=\"" + RiskMapPage.FILE + "\">")
                .contains("Risques critiques ou élevés");
        // the web application never started on this warehouse: its settings are not known
        assertThat(page(RiskMapPage.FILE)).contains("<h1>Cartographie des risques</h1>").contains("role=\"img\"")
                .contains(">R-HTTP<").contains("Réglages du serveur non connus").contains("Liste des risques</caption>");
        assertThat(site.resolve("charts/fig-matrice-risques.svg")).exists();
        assertThat(site.getParent().resolve("governance/cartographie_risques.md")).content(StandardCharsets.UTF_8)
                .startsWith("# Cartographie des risques – ").contains("## Matrice vraisemblance × impact");
        assertThat(site.getParent().resolve("governance/cartographie_risques.xlsx")).exists();
    }

    @Test
    void saysTheSteeringAndTheOpportunitiesAreNotConfiguredAndShowsTheNote() throws Exception {
        assertThat(page(SteeringPage.FILE)).contains("Pilotage non configuré").contains("governance.plan");
        assertThat(page(OpportunitiesPage.FILE)).contains("Grille d’opportunités non configurée");
        assertThat(page(ManagementNotePage.FILE)).contains("<h2 id=\"note-chiffres-cles\">Chiffres clés</h2>")
                .contains("Note à la direction – Chiffres clés</caption>");
    }
}
