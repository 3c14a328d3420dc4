package io.datapilot.report;

import io.datapilot.core.config.ReportLocale;
import io.datapilot.core.report.Table;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The project-steering charts of {@link Charts}: the Gantt chart (baseline against plan) and the burndown. Kept apart
 * because they share the date axis and the day arithmetic, which the statistical charts have no use for.
 */
final class ScheduleCharts {
    private static final double DAY = 86_400_000.0;
    /** Okabe–Ito sky blue, under a dark dashed outline: the baseline, light so the planned bar reads first. */
    private static final Color BASELINE_FILL = new Color(0xD6, 0xEA, 0xF8);
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 3f}, 0f);

    private final Formats formats;
    private final Texts texts;

    ScheduleCharts(Formats formats, Texts texts) {
        this.formats = formats;
        this.texts = texts;
    }

    static int ganttHeight(int bars) {
        return Math.max(280, 150 + 36 * bars);
    }

    /**
     * Per task (first on top), the baseline bar above (light, dashed outline) and the planned bar below (solid), a
     * diamond on a milestone's planned date, and after the planned bar its % complete and, when it slipped, the end
     * slippage ("+7 j"): the slippage reads without colour. A dashed vertical line marks today, labelled with its date.
     */
    JFreeChart gantt(String title, List<Charts.GanttBar> bars, LocalDate today) {
        XYIntervalSeries baseline = new XYIntervalSeries(texts.get("chart.gantt.baseline"));
        XYIntervalSeries planned = new XYIntervalSeries(texts.get("chart.gantt.planned"));
        XYSeries milestones = new XYSeries(texts.get("chart.gantt.milestone"), false, true);
        for (int i = 0; i < bars.size(); i++) {
            Charts.GanttBar bar = bars.get(i);
            baseline.add(i - 0.2, i - 0.38, i - 0.04, millis(bar.baselineStart()), millis(bar.baselineStart()), endMillis(bar.baselineEnd()));
            planned.add(i + 0.2, i + 0.04, i + 0.38, millis(bar.plannedStart()), millis(bar.plannedStart()), endMillis(bar.plannedEnd()));
            if (bar.milestone()) {
                milestones.add(i + 0.2, millis(bar.plannedEnd()) + DAY / 2);
            }
        }
        XYIntervalSeriesCollection intervals = new XYIntervalSeriesCollection();
        intervals.addSeries(baseline);
        intervals.addSeries(planned);
        SymbolAxis tasks = new SymbolAxis(null, bars.stream().map(Charts.GanttBar::label).toArray(String[]::new));
        tasks.setInverted(true);
        tasks.setGridBandsVisible(false);
        Charts.styleAxis(tasks);
        DateAxis dates = dateAxis(null);
        dates.setUpperMargin(0.14);
        XYPlot plot = new XYPlot(intervals, tasks, dates, barRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        if (!milestones.isEmpty()) {
            plot.setDataset(1, new XYSeriesCollection(milestones));
            plot.setRenderer(1, milestoneRenderer());
        }
        for (int i = 0; i < bars.size(); i++) {
            XYTextAnnotation label = new XYTextAnnotation(progress(bars.get(i)), i + 0.2, endMillis(bars.get(i).plannedEnd()) + DAY * 2);
            label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            label.setPaint(Charts.INK);
            label.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
            plot.addAnnotation(label);
        }
        plot.addRangeMarker(todayMarker(today), Layer.FOREGROUND);
        return Charts.xyChartWithLegend(title, plot);
    }

    Table ganttTable(String title, List<Charts.GanttBar> bars) {
        List<List<String>> rows = new ArrayList<>();
        for (Charts.GanttBar bar : bars) {
            rows.add(List.of(bar.milestone() ? texts.get("chart.gantt.milestone_suffix", bar.label()) : bar.label(),
                    formats.date(bar.baselineStart()), formats.date(bar.baselineEnd()), formats.date(bar.plannedStart()),
                    formats.date(bar.plannedEnd()), signed(endSlippage(bar)), formats.percent(bar.percentComplete() / 100)));
        }
        return new Table(title, List.of(texts.get("chart.gantt.task"), texts.get("chart.gantt.baseline_start"),
                texts.get("chart.gantt.baseline_end"), texts.get("chart.gantt.planned_start"), texts.get("chart.gantt.planned_end"),
                texts.get("chart.gantt.slippage"), texts.get("chart.gantt.complete")), rows);
    }

    /**
     * The ideal line, dashed without markers, from the total at the start to 0 at the end; the actual remaining work,
     * solid with square markers (so that a single point shows).
     */
    JFreeChart burndown(String title, String valueAxis, LocalDate start, LocalDate end, double total, List<Charts.BurnPoint> actual) {
        XYSeries ideal = new XYSeries(texts.get("chart.burndown.ideal"));
        ideal.add(millis(start), total);
        ideal.add(millis(end), 0);
        XYSeries real = new XYSeries(texts.get("chart.burndown.actual"));
        for (Charts.BurnPoint point : actual) {
            real.add(millis(point.date()), point.remaining());
        }
        XYSeriesCollection dataset = new XYSeriesCollection(ideal);
        dataset.addSeries(real);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Charts.INK);
        renderer.setSeriesStroke(0, DASHED);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(1, Charts.BLUE);
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        renderer.setSeriesShape(1, new Rectangle2D.Double(-4.5, -4.5, 9, 9));
        renderer.setUseOutlinePaint(true);
        renderer.setSeriesOutlinePaint(1, Charts.INK);
        renderer.setDrawOutlines(true);
        NumberAxis remaining = new NumberAxis(valueAxis);
        remaining.setNumberFormatOverride(formats.numberFormat(0));
        // not setLowerBound(0): it would turn the automatic range off and leave the range at 0 to 1
        remaining.setAutoRangeIncludesZero(true);
        Charts.styleAxis(remaining);
        XYPlot plot = new XYPlot(dataset, dateAxis(texts.get("chart.burndown.date")), remaining, renderer);
        return Charts.xyChartWithLegend(title, plot);
    }

    /** One row per date: the start, each actual point and the end, with the ideal and the actual remaining work. */
    Table burndownTable(String title, String valueAxis, LocalDate start, LocalDate end, double total, List<Charts.BurnPoint> actual) {
        TreeMap<LocalDate, String> actualByDate = new TreeMap<>();
        for (Charts.BurnPoint point : actual) {
            actualByDate.put(point.date(), formats.number(point.remaining(), 0));
        }
        TreeMap<LocalDate, String> dates = new TreeMap<>(actualByDate);
        dates.putIfAbsent(start, "");
        dates.putIfAbsent(end, "");
        List<List<String>> rows = new ArrayList<>();
        dates.forEach((date, real) -> rows.add(List.of(formats.date(date), formats.number(ideal(start, end, total, date), 0), real)));
        return new Table(title, List.of(texts.get("chart.burndown.date"), texts.get("chart.burndown.ideal") + " (" + valueAxis + ")",
                texts.get("chart.burndown.actual") + " (" + valueAxis + ")"), rows);
    }

    static double ideal(LocalDate start, LocalDate end, double total, LocalDate date) {
        long length = ChronoUnit.DAYS.between(start, end);
        if (length <= 0) {
            return date.isBefore(end) ? total : 0;
        }
        double elapsed = Math.max(0, Math.min(length, ChronoUnit.DAYS.between(start, date)));
        return total * (1 - elapsed / length);
    }

    private String progress(Charts.GanttBar bar) {
        long slippage = endSlippage(bar);
        String percent = formats.percent(bar.percentComplete() / 100);
        return slippage == 0 ? percent : percent + " · " + texts.get("chart.gantt.days", signed(slippage));
    }

    private static long endSlippage(Charts.GanttBar bar) {
        return ChronoUnit.DAYS.between(bar.baselineEnd(), bar.plannedEnd());
    }

    private String signed(long days) {
        return days > 0 ? "+" + days : days < 0 ? "\u2212" + -days : "0";
    }

    private ValueMarker todayMarker(LocalDate today) {
        ValueMarker marker = new ValueMarker(millis(today) + DAY / 2, Charts.INK, DASHED);
        marker.setLabel(texts.get("chart.gantt.today", formats.date(today)));
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        marker.setLabelPaint(Charts.INK);
        marker.setLabelBackgroundColor(Color.WHITE);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    private static XYBarRenderer barRenderer() {
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, BASELINE_FILL);
        renderer.setSeriesOutlinePaint(0, Charts.INK);
        renderer.setSeriesOutlineStroke(0, DASHED);
        renderer.setSeriesPaint(1, Charts.BLUE);
        renderer.setSeriesOutlinePaint(1, Charts.INK);
        renderer.setSeriesOutlineStroke(1, new BasicStroke(1f));
        return renderer;
    }

    private static XYLineAndShapeRenderer milestoneRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(0, -8);
        diamond.lineTo(8, 0);
        diamond.lineTo(0, 8);
        diamond.lineTo(-8, 0);
        diamond.closePath();
        renderer.setSeriesShape(0, diamond);
        renderer.setSeriesPaint(0, Charts.VERMILLION);
        renderer.setUseOutlinePaint(true);
        renderer.setSeriesOutlinePaint(0, Charts.INK);
        renderer.setDrawOutlines(true);
        return renderer;
    }

    private DateAxis dateAxis(String label) {
        DateAxis axis = new DateAxis(label);
        axis.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat format = new SimpleDateFormat(formats.locale() == ReportLocale.EN ? "yyyy-MM-dd" : "dd/MM/yy", formats.javaLocale());
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setDateFormatOverride(format);
        axis.setVerticalTickLabels(true);
        Charts.styleAxis(axis);
        return axis;
    }

    private static double millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** The end date is the task's last day: its bar runs to the end of that day. */
    private static double endMillis(LocalDate date) {
        return millis(date) + DAY;
    }
}
