package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.ReportLocale;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The steering charts: accessible SVG, today's line named, slippage written, the data in a table; a lone burndown point shows. */
class ScheduleChartsTest {
    private final Charts charts = new Charts(new Formats(ReportLocale.FR), new Texts(ReportLocale.FR));

    @Test
    void ganttIsAnAccessibleImageWithTodaysLineSlippageLabelsAndADataTable() throws Exception {
        List<Charts.GanttBar> bars = List.of(
                new Charts.GanttBar("Ingestion", LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 30), LocalDate.of(2026, 10, 19),
                        LocalDate.of(2026, 10, 30), 100, false),
                new Charts.GanttBar("Nettoyage", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 2),
                        LocalDate.of(2026, 11, 13), 80, false),
                new Charts.GanttBar("Validation", LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 11),
                        LocalDate.of(2026, 12, 11), 0, true));
        Chart chart = charts.gantt("gantt", "Planning du projet", "Diagramme de Gantt de 3 tâches.", bars, LocalDate.of(2026, 12, 15));
        Document svg = parse(chart.svg());
        assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(first(svg, "title").getTextContent()).isEqualTo("Planning du projet");
        assertThat(first(svg, "desc").getTextContent()).isEqualTo("Diagramme de Gantt de 3 tâches.");
        assertThat(ChartsTest.texts(svg)).contains("Aujourd’hui : 15/12/2026", "Ingestion", "Nettoyage", "Validation", "Référence", "Prévu",
                "Jalon", "100\u202F%", "80\u202F% · +7 j");
        assertThat(chart.data().headers()).containsExactly("Tâche", "Début de référence", "Fin de référence", "Début prévu", "Fin prévue",
                "Glissement de la fin (jours)", "Avancement");
        assertThat(chart.data().rows()).containsExactly(
                List.of("Ingestion", "19/10/2026", "30/10/2026", "19/10/2026", "30/10/2026", "0", "100\u202F%"),
                List.of("Nettoyage", "02/11/2026", "13/11/2026", "02/11/2026", "20/11/2026", "+7", "80\u202F%"),
                List.of("Validation (jalon)", "11/12/2026", "11/12/2026", "11/12/2026", "11/12/2026", "0", "0\u202F%"));
    }

    @Test
    void burndownShowsASinglePointAsAMarkerBesideTheIdealLine() throws Exception {
        Chart chart = charts.burndown("burndown-s3", "Reste à faire du sprint S3", "Burndown.", "Reste à faire (€)",
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13), 10_500, List.of(new Charts.BurnPoint(LocalDate.of(2026, 11, 6), 7000)));
        Document svg = parse(chart.svg());
        assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(ChartsTest.texts(svg)).contains("Reste à faire (€)", "Idéal", "Réel");
        // the actual series' marker, filled blue, drawn though one point makes no line: once in the plot, once in the legend
        NodeList groups = svg.getElementsByTagName("g");
        int markers = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("fill").equals("rgb(0,114,178)") && group.getElementsByTagName("path").getLength() == 1) {
                markers++;
            }
        }
        assertThat(markers).isEqualTo(2);
        assertThat(chart.data().rows()).containsExactly(List.of("02/11/2026", "10\u202F500", ""),
                List.of("06/11/2026", "6\u202F682", "7\u202F000"), List.of("13/11/2026", "0", ""));
    }

    private static Document parse(String svg) throws Exception {
        return ChartsTest.parse(svg);
    }

    private static Element first(Document document, String tag) {
        return ChartsTest.first(document, tag);
    }
}
