package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JFreeSVG's style attributes as presentation attributes, which a strict Content-Security-Policy allows. */
class SvgStylesTest {

    @Test
    void turnsEveryPresentationPropertyIntoAnAttributeAndKeepsTheOthersInAStyle() {
        String svg = "<svg><rect x=\"1\" style='fill:rgb(255,255,255);fill-opacity: 0.5;stroke-width:1.0'/>"
                + "<text style=\"font-family: &quot;Dialog&quot;; font-size: 16px; paint-order: stroke\">a</text></svg>";
        assertThat(SvgStyles.asAttributes(svg)).isEqualTo("<svg><rect x=\"1\" fill=\"rgb(255,255,255)\" fill-opacity=\"0.5\""
                + " stroke-width=\"1.0\"/><text font-family=\"&quot;Dialog&quot;\" font-size=\"16px\" style=\"paint-order:stroke;\">a</text></svg>");
    }

    @Test
    void leavesAnSvgWithoutStylesAsItIs() {
        assertThat(SvgStyles.asAttributes("<svg><rect fill=\"red\"/></svg>")).isEqualTo("<svg><rect fill=\"red\"/></svg>");
    }
}
