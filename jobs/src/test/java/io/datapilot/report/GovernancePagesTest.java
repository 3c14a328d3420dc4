package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.report.Page.Figure;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import io.datapilot.report.Page.TableBlock;
import io.datapilot.testing.Configs;
import io.datapilot.testing.Logements;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governance pages on a warehouse where the governance stage never ran (and no plan nor grid is
 * configured): each says so in one section, and the index's governance figures read "–"; then the
 * pieces that need no table (the note's sections, the logbook's link texts, the commitments' summary).
 */
class GovernancePagesTest {
    private static final LocalDate RUN = LocalDate.of(2025, 1, 6);
    private PageContext context;

    @BeforeEach
    void emptyWarehouse(@TempDir Path folder) {
        PipelineConfig config = Configs.load(Logements.CONFIG, folder.resolve("warehouse"), folder.resolve("reports"));
        Warehouse warehouse = new Warehouse(folder.resolve("warehouse").toString());
        context = PageContexts.of(config, warehouse, RUN);
    }

    @Test
    void saysHowToConfigureTheSteeringWhenNoPlanWasRead() {
        Page page = new SteeringPage().build(context);
        assertThat(page.file()).isEqualTo("pilotage.html");
        assertThat(page.sections()).extracting(Section::id).containsExactly("pilotage-absent");
        assertThat(page.sections().get(0).text()).contains("06/01/2025").contains("governance.plan").contains("docs/CONFIG.md");
    }

    @Test
    void saysHowToConfigureTheOpportunityGridWhenNoneWasScored() {
        Page page = new OpportunitiesPage().build(context);
        assertThat(page.sections()).extracting(Section::id).containsExactly("opportunites-absentes");
        assertThat(page.sections().get(0).text()).contains("governance.opportunities").contains("docs/CONFIG.md");
    }

    @Test
    void saysTheLogbookAndTheNoteWereNotProduced() {
        assertThat(new LogbookPage().build(context).sections()).extracting(Section::id).containsExactly("carnet-absent");
        Page note = new ManagementNotePage().build(context);
        assertThat(note.sections()).extracting(Section::id).containsExactly("note-absente");
        assertThat(note.sections().get(0).text()).contains("/2025-01-06/governance/note_direction.md");
    }

    @Test
    void saysWhatIsMissingInEachGovernanceSectionAndADashOnTheIndex() {
        Page page = new GovernancePage().build(context);
        assertThat(page.sections()).extracting(Section::id).containsExactly("engagements", "score-qualite", "execution", "suivi-modeles",
                "derive");
        assertThat(page.sections()).allSatisfy(section -> assertThat(section.blocks()).singleElement().isInstanceOf(Paragraph.class));
        assertThat(((Paragraph) page.sections().get(1).blocks().get(0)).text()).contains("governance.quality_kpis");
        assertThat(page.sections().get(4).text()).contains("0,1").contains("0,25");
        assertThat(GovernanceFigures.of(context)).extracting(Figure::value).containsExactly("–", "–", "–");
    }

    @Test
    void cutsTheNoteIntoSectionsWithItsTableAndItsListItems() {
        String note = """
                # Note à la direction – Projet – 02/12/2026

                **Statut global : alerte.** 5 engagements suivis.

                ## Chiffres clés

                | Indicateur | Valeur |
                |---|---|
                | Score de qualité | 97,79 % |

                ## Alertes

                - Engagement non tenu : fin avant 6 h.
                - Critique – projet : CPI de 0,85.

                _Note produite automatiquement par datapilot._
                """;
        List<Section> sections = ManagementNotePage.sections(context.texts(), note, "note", context.texts().get("note.summary"), "note.caption");
        assertThat(sections).extracting(Section::heading).containsExactly("Synthèse", "Chiffres clés", "Alertes");
        assertThat(sections.get(0).blocks()).singleElement().isEqualTo(new Paragraph("Statut global : alerte. 5 engagements suivis."));
        TableBlock table = (TableBlock) sections.get(1).blocks().get(0);
        assertThat(table.caption()).isEqualTo("Note à la direction – Chiffres clés");
        assertThat(table.table().rows()).containsExactly(List.of("Score de qualité", "97,79 %"));
        assertThat(sections.get(2).blocks()).containsExactly(new Paragraph("Engagement non tenu : fin avant 6 h."),
                new Paragraph("Critique – projet : CPI de 0,85."), new Paragraph("Note produite automatiquement par datapilot."));
    }

    @Test
    void namesASolutionLinkByItsFileAndSection() {
        assertThat(LogbookPage.linkText("https://github.com/datapilot-project/datapilot/blob/main/docs/INCIDENTS.md#dates-dans-le-futur"))
                .isEqualTo("INCIDENTS.md#dates-dans-le-futur");
    }

    @Test
    void summarisesTheCommitmentsInWordsWithSingularAndPlural() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("OK", 4L);
        counts.put("BREACH", 1L);
        assertThat(GovernanceFigures.summary(context.texts(), context.formats(), counts)).isEqualTo("4 tenus, 1 non tenu");
    }
}
