package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.report.ReportFiles;
import io.datapilot.governance.GovernanceTables;
import io.datapilot.governance.risk.RiskLine;
import io.datapilot.governance.risk.RiskMap;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Figure;
import io.datapilot.report.Page.Figures;
import io.datapilot.report.Page.Section;
import io.datapilot.report.Page.TableBlock;
import io.datapilot.testing.Configs;
import io.datapilot.testing.Logements;
import io.datapilot.testing.SiteChecks;
import io.datapilot.testing.TestSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The risk map page on a warehouse holding {@code governance.risks} for two run dates (written as the governance stage
 * writes it): the figures by level, the matrix whose cells write their level, count and ids, the list, the history; the
 * page alone in a site passes axe-core and the link, keyboard and zoom checks.
 */
class RiskMapPageTest {
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 6);
    private static final LocalDate RUN = LocalDate.of(2025, 1, 13);
    @TempDir
    Path folder;
    private PageContext context;

    @BeforeEach
    void twoRunDates() {
        PipelineConfig config = Configs.load(Logements.CONFIG, folder.resolve("warehouse"), folder.resolve("reports"));
        Warehouse warehouse = new Warehouse(folder.resolve("warehouse").toString());
        new GovernanceTables(TestSpark.session(), warehouse, FIRST).write(RiskMap.TABLE, RiskLine.class, List.of(
                line("R-CLAIR", "derived", "rgpd", 3, 3, "open", null), line("R-QUAL-CRIT", "derived", "quality", 3, 4, "open", null),
                line("R-FUITE", "declared", "security", 2, 4, "open", null)));
        new GovernanceTables(TestSpark.session(), warehouse, RUN).write(RiskMap.TABLE, RiskLine.class, List.of(
                line("R-QUAL-CRIT", "derived", "quality", 4, 4, "open", FIRST), line("R-FUITE", "declared", "security", 2, 4, "mitigated", FIRST),
                line("R-HTTP", "derived", "security", 1, 3, "open", null), line("R-CLAIR", "derived", "rgpd", 3, 3, "closed", FIRST)));
        context = PageContexts.of(config, warehouse, RUN);
    }

    @Test
    void drawsTheMatrixWithTheIdsInTheCellsListsTheRisksAndTheirHistory() {
        Page page = new RiskMapPage().build(context);
        assertThat(page.file()).isEqualTo("risques.html");
        assertThat(page.sections()).extracting(Section::id).containsExactly("synthese-risques", "matrice-risques", "liste-risques",
                "historique-risques");
        assertThat(((Figures) page.sections().get(0).blocks().get(0)).figures()).extracting(Figure::label, Figure::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Risques suivis", "3"), org.assertj.core.groups.Tuple.tuple("Critiques", "1"),
                org.assertj.core.groups.Tuple.tuple("Élevés", "1"), org.assertj.core.groups.Tuple.tuple("Moyens", "0"),
                org.assertj.core.groups.Tuple.tuple("Faibles", "1"), org.assertj.core.groups.Tuple.tuple("Clos à cette date", "1"));

        Chart matrix = ((ChartBlock) page.sections().get(1).blocks().get(0)).chart();
        assertThat(matrix.svg()).contains("role=\"img\"").contains("<title id=\"fig-matrice-risques-title\">Matrice des risques au 13/01/2025")
                .contains(">critique (16)<").contains(">R-QUAL-CRIT<").contains(">élevé (8)<").contains(">R-FUITE<").contains(">1 risque<")
                .contains(">aucun risque<").doesNotContain(">R-CLAIR<").doesNotContain("style=");
        assertThat(matrix.description()).isEqualTo("3 risque(s) placé(s) selon leur vraisemblance (en abscisse) et leur impact (en ordonnée)."
                + " Le plus critique est R-QUAL-CRIT (Titre de R-QUAL-CRIT) : critique, criticité 16.");
        assertThat(matrix.data().rows()).hasSize(16).first().isEqualTo(List.of("4 critique", "4 quasi certain", "16", "critique", "1",
                "R-QUAL-CRIT"));

        TableBlock list = (TableBlock) page.sections().get(2).blocks().get(0);
        assertThat(list.table().rows()).extracting(row -> row.get(0)).containsExactly("R-QUAL-CRIT", "R-FUITE", "R-HTTP", "R-CLAIR");
        assertThat(list.table().rows().get(1)).containsSubsequence("Déclaré", "Sécurité", "Titre de R-FUITE", "2", "4", "8", "élevé",
                "Atténué");
        TableBlock history = (TableBlock) page.sections().get(3).blocks().get(0);
        assertThat(history.table().headers()).containsExactly("Identifiant", "Risque", "06/01/2025", "13/01/2025");
        assertThat(history.table().rows()).containsExactly(List.of("R-QUAL-CRIT", "Titre de R-QUAL-CRIT", "critique (12)", "critique (16)"),
                List.of("R-FUITE", "Titre de R-FUITE", "élevé (8)", "élevé (8)"), List.of("R-HTTP", "Titre de R-HTTP", "–", "faible (3)"),
                List.of("R-CLAIR", "Titre de R-CLAIR", "élevé (9)", "Clos"));
        assertThat(GovernanceFigures.risks(context)).isEqualTo(new Figure("Risques critiques ou élevés", "2", "sur 3 risque(s) suivi(s)"));
    }

    @Test
    @Tag("slow")
    void passesTheAccessibilityChecksInASite() {
        Page page = new RiskMapPage().build(context);
        Path site = folder.resolve("site");
        new SiteWriter(new ReportFiles(site.toString(), TestSpark.session().sparkContext().hadoopConfiguration()), context.texts(),
                context.labels(), "Rapport", "Cartographie des risques", List.of()).write(List.of(page));
        assertThat(site.resolve("charts/fig-matrice-risques.svg")).exists();
        SiteChecks.accessible(site);
    }

    private static RiskLine line(String id, String source, String category, int likelihood, int impact, String status, LocalDate previous) {
        int criticality = likelihood * impact;
        return new RiskLine(id, source, category, "Titre de " + id, likelihood, impact, criticality,
                io.datapilot.governance.risk.RiskScale.level(criticality), "chef de projet data", "Mesure de " + id, status,
                "Constat de " + id, previous, null, null, null);
    }
}
