package io.datapilot.report;

import io.datapilot.core.report.Table;
import io.datapilot.governance.risk.RiskScale;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.svg.SVGGraphics2D;

/**
 * The risk map's likelihood × impact matrix, drawn cell by cell into SVG: impact from 4 (top) to 1, likelihood from 1
 * (left) to 4. Each cell is tinted by its level, and also writes it, with its criticality, how many risks it holds and
 * their ids: the colour is never the only carrier. The tints are pale so that the dark text keeps a contrast far above
 * 4,5:1, and the cells' dark outlines above 3:1.
 */
final class RiskMatrixChart {
    /** A risk on the matrix. */
    record Marker(String id, int likelihood, int impact) {}

    static final int WIDTH = 720;
    static final int HEIGHT = 560;
    private static final int LEFT = 130;
    private static final int TOP = 16;
    private static final int BOTTOM = 70;
    private static final int RIGHT = 12;
    private static final int LINES = 5;
    /** faible, moyen, élevé, critique: pale green, yellow, orange, red. */
    static final List<Color> TINTS = List.of(new Color(0xE3, 0xF1, 0xE0), new Color(0xFF, 0xF4, 0xC2), new Color(0xFD, 0xDC, 0xB5),
            new Color(0xF7, 0xC4, 0xC4));
    private static final Color OUTLINE = new Color(0x59, 0x59, 0x59);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font STRONG = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private final Charts charts;
    private final Texts texts;
    private final Formats formats;

    RiskMatrixChart(Charts charts, Texts texts, Formats formats) {
        this.charts = charts;
        this.texts = texts;
        this.formats = formats;
    }

    Chart draw(String id, String title, String description, List<Marker> markers) {
        SVGGraphics2D g2 = Charts.canvas(id, WIDTH, HEIGHT);
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        double cellWidth = (WIDTH - LEFT - RIGHT) / (double) RiskScale.MAX;
        double cellHeight = (HEIGHT - TOP - BOTTOM) / (double) RiskScale.MAX;
        for (int impact = RiskScale.MAX; impact >= 1; impact--) {
            double y = TOP + (RiskScale.MAX - impact) * cellHeight;
            for (int likelihood = 1; likelihood <= RiskScale.MAX; likelihood++) {
                double x = LEFT + (likelihood - 1) * cellWidth;
                cell(g2, new Rectangle2D.Double(x, y, cellWidth, cellHeight), likelihood, impact, ids(markers, likelihood, impact));
            }
            g2.setPaint(Charts.INK);
            g2.setFont(TEXT);
            right(g2, texts.get("risk.impact." + impact), LEFT - 8, y + cellHeight / 2 + 4);
        }
        for (int likelihood = 1; likelihood <= RiskScale.MAX; likelihood++) {
            centre(g2, texts.get("risk.likelihood." + likelihood), LEFT + (likelihood - 0.5) * cellWidth, HEIGHT - BOTTOM + 20);
        }
        g2.setFont(AXIS);
        centre(g2, texts.get("chart.risk.likelihood"), LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 16);
        AffineTransform straight = g2.getTransform();
        g2.rotate(-Math.PI / 2, 22, TOP + (HEIGHT - TOP - BOTTOM) / 2.0);
        centre(g2, texts.get("chart.risk.impact"), 22, TOP + (HEIGHT - TOP - BOTTOM) / 2.0 + 4);
        g2.setTransform(straight);
        return charts.image(id, title, description, g2, WIDTH, HEIGHT, table(title, markers));
    }

    private void cell(SVGGraphics2D g2, Rectangle2D box, int likelihood, int impact, List<String> ids) {
        int criticality = RiskScale.criticality(likelihood, impact);
        String level = RiskScale.level(criticality);
        g2.setPaint(TINTS.get(RiskScale.LEVELS.indexOf(level)));
        g2.fill(box);
        g2.setPaint(OUTLINE);
        g2.setStroke(new BasicStroke(1.5f));
        g2.draw(box);
        g2.setPaint(Charts.INK);
        double x = box.getX() + 8;
        double y = box.getY() + 18;
        g2.setFont(STRONG);
        g2.drawString(texts.get("risk.cell.level", levelWord(level), formats.count(criticality)), (float) x, (float) y);
        g2.setFont(TEXT);
        g2.drawString(count(ids.size()), (float) x, (float) (y + 16));
        List<String> shown = ids.size() <= LINES ? ids : ids.subList(0, LINES - 1);
        for (int i = 0; i < shown.size(); i++) {
            g2.drawString(fit(g2, shown.get(i), box.getWidth() - 14), (float) x, (float) (y + 34 + 15 * i));
        }
        if (shown.size() < ids.size()) {
            g2.drawString(texts.get("risk.cell.more", formats.count(ids.size() - shown.size())), (float) x, (float) (y + 34 + 15 * shown.size()));
        }
    }

    /** Every cell, most critical first: its impact, likelihood, criticality, level, count and ids. */
    private Table table(String title, List<Marker> markers) {
        record Cell(int likelihood, int impact) {}
        List<Cell> cells = new ArrayList<>();
        for (int impact = 1; impact <= RiskScale.MAX; impact++) {
            for (int likelihood = 1; likelihood <= RiskScale.MAX; likelihood++) {
                cells.add(new Cell(likelihood, impact));
            }
        }
        cells.sort(Comparator.comparingInt((Cell cell) -> -cell.likelihood() * cell.impact()).thenComparingInt(cell -> -cell.impact()));
        List<List<String>> rows = new ArrayList<>();
        for (Cell cell : cells) {
            List<String> ids = ids(markers, cell.likelihood(), cell.impact());
            int criticality = cell.likelihood() * cell.impact();
            rows.add(List.of(texts.get("risk.impact." + cell.impact()), texts.get("risk.likelihood." + cell.likelihood()),
                    formats.count(criticality), levelWord(RiskScale.level(criticality)), formats.count(ids.size()), String.join(", ", ids)));
        }
        return new Table(title, List.of(texts.get("chart.risk.impact"), texts.get("chart.risk.likelihood"), texts.get("risk.criticality"),
                texts.get("risk.level"), texts.get("risk.count"), texts.get("risk.ids")), rows);
    }

    String levelWord(String level) {
        return texts.get("risk.level." + RiskScale.LEVELS.indexOf(level));
    }

    private String count(int risks) {
        return risks == 0 ? texts.get("risk.cell.none") : texts.get(risks == 1 ? "risk.cell.one" : "risk.cell.many", formats.count(risks));
    }

    private static List<String> ids(List<Marker> markers, int likelihood, int impact) {
        return markers.stream().filter(marker -> marker.likelihood() == likelihood && marker.impact() == impact).map(Marker::id).toList();
    }

    /** A long id cut with an ellipsis to stay inside its cell (the data table gives it whole). */
    static String fit(SVGGraphics2D g2, String text, double width) {
        FontMetrics metrics = g2.getFontMetrics();
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static void centre(SVGGraphics2D g2, String text, double x, double y) {
        FontMetrics metrics = g2.getFontMetrics();
        g2.drawString(text, (float) (x - metrics.stringWidth(text) / 2.0), (float) y);
    }

    private static void right(SVGGraphics2D g2, String text, double x, double y) {
        FontMetrics metrics = g2.getFontMetrics();
        g2.drawString(text, (float) (x - metrics.stringWidth(text)), (float) y);
    }
}
