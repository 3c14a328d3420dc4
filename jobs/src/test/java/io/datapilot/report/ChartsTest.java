package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.ReportLocale;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every kind of chart is well-formed SVG with its accessible name, description, axis names and French numbers. */
class ChartsTest {
    private final Charts charts = new Charts(new Formats(ReportLocale.FR), new Texts(ReportLocale.FR));

    @Test
    void histogramIsValidSvgWithTitleDescriptionAxesAndFrenchNumbers() throws Exception {
        Chart chart = charts.histogram("histo-montant", "Distribution de montant", "Histogramme de 3 barres.", "montant (€)",
                List.of(new Charts.Bin(0, 1500.5, 12), new Charts.Bin(1500.5, 3001, 3400), new Charts.Bin(3001, 4501.5, 7)));
        Document svg = parse(chart.svg());
        Element root = svg.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("histo-montant-title histo-montant-desc");
        assertThat(root.getAttribute("viewBox")).isNotEmpty();
        assertThat(first(svg, "title").getAttribute("id")).isEqualTo("histo-montant-title");
        assertThat(first(svg, "title").getTextContent()).isEqualTo("Distribution de montant");
        assertThat(first(svg, "desc").getTextContent()).isEqualTo("Histogramme de 3 barres.");
        assertThat(texts(svg)).contains("montant (€)", "Nombre de lignes", "Distribution de montant");
        // tick labels grouped with a narrow no-break space: 1 000, 2 000, 3 000
        assertThat(texts(svg)).anyMatch(text -> text.matches("[1-4]\u202F[05]00"));
        assertThat(chart.data().rows()).hasSize(3).first().isEqualTo(List.of("[0 ; 1\u202F500,5[", "12"));
    }

    @Test
    void barsBoxesScatterAndHeatmapAreValidSvgWithTheirLabels() throws Exception {
        Chart bars = charts.bars("freq-canal", "Fréquence des modalités de canal", "Barres.", "canal", "Part des lignes",
                List.of("magasin", "web", "(valeur manquante)"), List.of(0.5, 0.375, 0.125), true);
        assertThat(texts(parse(bars.svg()))).contains("canal", "Part des lignes", "magasin", "50\u202F%", "12,5\u202F%");
        Chart boxes = charts.boxes("boites", "revenu selon canal", "Boîtes.", "canal", "revenu (€)",
                List.of(new Charts.Box("web", 10, 31_000, 9_000, 22_000, 30_000, 40_000, 90_000),
                        new Charts.Box("magasin", 12, 28_000, 8_000, 20_000, 27_000, 35_000, 60_000)));
        assertThat(texts(parse(boxes.svg()))).contains("canal", "revenu (€)", "web", "magasin");
        assertThat(boxes.data().headers()).contains("Médiane", "1er quartile");
        Chart scatter = charts.scatter("nuage", "y selon x", "Nuage.", "x (cm)", "y",
                new double[][] {{1, 2}, {2, 4.1}, {3, 5.9}});
        assertThat(texts(parse(scatter.svg()))).contains("x (cm)", "y");
        Chart heatmap = charts.heatmap("corr", "Corrélations", "Carte.", List.of("a", "b"), new double[][] {{1, 0.25}, {0.25, 1}});
        assertThat(texts(parse(heatmap.svg()))).contains("a", "b", "0,25", "1");
        // several charts on one page: no two share an element id
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Chart chart : List.of(bars, boxes, scatter, heatmap)) {
            NodeList all = parse(chart.svg()).getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                String id = ((Element) all.item(i)).getAttribute("id");
                if (!id.isEmpty()) {
                    assertThat(ids.add(id)).as("duplicate id " + id).isTrue();
                }
            }
        }
    }

    /** The SVG as a DOM (namespace aware), for the chart tests of this package. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static Element first(Document document, String tag) {
        return (Element) document.getElementsByTagName(tag).item(0);
    }

    static List<String> texts(Document document) {
        NodeList nodes = document.getElementsByTagName("text");
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
