package io.datapilot.report;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.text.Html;
import io.datapilot.core.report.Table;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by JFreeChart into SVG by JFreeSVG. Colours come from the Okabe–Ito
 * palette (distinguishable with every common colour-vision deficiency) and every mark has a dark
 * outline (contrast at least 3:1 on white); no chart relies on colour alone: each shows one series,
 * names its categories on an axis, or writes its values in the marks.
 */
public final class Charts {
    /** Okabe–Ito blue: 5,1:1 on white. */
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    /** Okabe–Ito vermillion, for the second series of a comparison. */
    static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color GRID = new Color(0xC8, 0xC8, 0xC8);
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    static {
        // rotated labels (the vertical axis name) as SVG text, which screen readers, search and tests can read,
        // rather than as glyph outlines
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final Formats formats;
    private final Texts texts;

    public Charts(Formats formats, Texts texts) {
        this.formats = formats;
        this.texts = texts;
    }

    /** A bar of a histogram: [lower, upper) and its count. */
    public record Bin(double lower, double upper, long count) {}

    public Chart histogram(String id, String title, String description, String axis, List<Bin> bins) {
        XYIntervalSeries series = new XYIntervalSeries(axis);
        for (Bin bin : bins) {
            series.add((bin.lower() + bin.upper()) / 2, bin.lower(), bin.upper(), bin.count(), bin.count(), bin.count());
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(series);
        NumberAxis x = numberAxis(axis, false);
        NumberAxis y = numberAxis(texts.get("chart.rows"), true);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesOutlinePaint(0, INK);
        renderer.setSeriesOutlineStroke(0, new BasicStroke(0.8f));
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        Table data = new Table(title, List.of(axis, texts.get("chart.rows")), bins.stream()
                .map(bin -> List.of("[" + formats.number(bin.lower(), 2) + " ; " + formats.number(bin.upper(), 2) + "[", formats.count(bin.count())))
                .toList());
        return render(id, title, description, xyChart(title, plot), data);
    }

    /** Horizontal bars with their value written at the end of each bar. */
    public Chart bars(String id, String title, String description, String categoryAxis, String valueAxis, List<String> categories,
            List<Double> values, boolean percentages) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            dataset.addValue(values.get(i), valueAxis, categories.get(i));
        }
        CategoryAxis categoryAx = new CategoryAxis(categoryAxis);
        styleAxis(categoryAx);
        categoryAx.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis valueAx = numberAxis(valueAxis, !percentages);
        if (percentages) {
            valueAx.setNumberFormatOverride(percentFormat());
            valueAx.setUpperMargin(0.15);
        } else {
            valueAx.setUpperMargin(0.15);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesOutlinePaint(0, INK);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                percentages ? percentFormat() : formats.numberFormat(2)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelPaint(INK);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        CategoryPlot plot = new CategoryPlot(dataset, categoryAx, valueAx, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        stylePlot(plot);
        int height = Math.max(220, 60 + 26 * categories.size());
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            rows.add(List.of(categories.get(i), percentages ? formats.percent(values.get(i)) : formats.number(values.get(i))));
        }
        return render(id, title, description, chart(title, plot), new Table(title, List.of(categoryAxis, valueAxis), rows), height);
    }

    /**
     * Horizontal bars of means, each with an error bar of one standard deviation either side (the
     * spread of a cross-validated metric over the folds); the data table gives mean and deviation.
     */
    public Chart meanBars(String id, String title, String description, String categoryAxis, String valueAxis, String deviationHeader,
            List<String> categories, List<Double> means, List<Double> deviations) {
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            dataset.add(means.get(i).doubleValue(), Double.isFinite(deviations.get(i)) ? deviations.get(i).doubleValue() : 0.0, valueAxis,
                    categories.get(i));
        }
        CategoryAxis categoryAx = new CategoryAxis(categoryAxis);
        styleAxis(categoryAx);
        categoryAx.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis valueAx = numberAxis(valueAxis, false);
        valueAx.setUpperMargin(0.15);
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesOutlinePaint(0, INK);
        renderer.setErrorIndicatorPaint(INK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        CategoryPlot plot = new CategoryPlot(dataset, categoryAx, valueAx, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        stylePlot(plot);
        int height = Math.max(220, 60 + 30 * categories.size());
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            rows.add(List.of(categories.get(i), formats.number(means.get(i)), formats.number(deviations.get(i))));
        }
        return render(id, title, description, chart(title, plot), new Table(title, List.of(categoryAxis, valueAxis, deviationHeader), rows),
                height);
    }

    /** One box per group: quartiles, whiskers at the last values inside 1,5 × IQR, the mean as a marker. */
    public record Box(String group, long count, double mean, double min, double q1, double median, double q3, double max) {}

    public Chart boxes(String id, String title, String description, String groupAxis, String valueAxis, List<Box> boxes) {
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (Box box : boxes) {
            double iqr = box.q3() - box.q1();
            double low = Math.max(box.min(), box.q1() - 1.5 * iqr);
            double high = Math.min(box.max(), box.q3() + 1.5 * iqr);
            dataset.add(new BoxAndWhiskerItem(box.mean(), box.median(), box.q1(), box.q3(), low, high, null, null, List.of()),
                    valueAxis, box.group());
        }
        CategoryAxis groups = new CategoryAxis(groupAxis);
        styleAxis(groups);
        if (boxes.size() > 6) {
            groups.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis values = numberAxis(valueAxis, false);
        values.setAutoRangeIncludesZero(false);
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setSeriesPaint(0, new Color(0x56, 0xB4, 0xE9));
        renderer.setSeriesOutlinePaint(0, INK);
        renderer.setArtifactPaint(INK);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setDefaultOutlinePaint(INK);
        renderer.setMaxOutlierVisible(false);
        renderer.setMinOutlierVisible(false);
        renderer.setMeanVisible(true);
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(dataset, groups, values, renderer);
        stylePlot(plot);
        List<List<String>> rows = boxes.stream().map(box -> List.of(box.group(), formats.count(box.count()), formats.number(box.min()),
                formats.number(box.q1()), formats.number(box.median()), formats.number(box.q3()), formats.number(box.max()),
                formats.number(box.mean()))).toList();
        Table data = new Table(title, List.of(groupAxis, texts.get("stat.count"), texts.get("stat.min"), texts.get("stat.q1"),
                texts.get("stat.median"), texts.get("stat.q3"), texts.get("stat.max"), texts.get("stat.mean")), rows);
        return render(id, title, description, chart(title, plot), data);
    }

    public Chart scatter(String id, String title, String description, String xAxis, String yAxis, double[][] points) {
        XYSeries series = new XYSeries(title, false, true);
        for (double[] point : points) {
            series.add(point[0], point[1]);
        }
        XYSeriesCollection dataset = new XYSeriesCollection(series);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(0, BLUE);
        renderer.setUseOutlinePaint(true);
        renderer.setSeriesOutlinePaint(0, INK);
        renderer.setDrawOutlines(true);
        renderer.setUseFillPaint(true);
        renderer.setSeriesFillPaint(0, new Color(0x00, 0x72, 0xB2, 110));
        NumberAxis x = numberAxis(xAxis, false);
        NumberAxis y = numberAxis(yAxis, false);
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(points.length, 20); i++) {
            rows.add(List.of(formats.number(points[i][0]), formats.number(points[i][1])));
        }
        Table data = new Table(title, List.of(xAxis, yAxis), rows);
        return render(id, title, description, xyChart(title, plot), data);
    }

    /** A correlation matrix: a cell per pair with its coefficient written in it, −1 to 1. */
    public Chart heatmap(String id, String title, String description, List<String> names, double[][] values) {
        int n = names.size();
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                xs[i * n + j] = j;
                ys[i * n + j] = n - 1 - i;
                zs[i * n + j] = values[i][j];
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(title, new double[][] {xs, ys, zs});
        String[] labels = names.toArray(String[]::new);
        String[] reversed = new String[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = labels[n - 1 - i];
        }
        SymbolAxis x = new SymbolAxis(null, labels);
        SymbolAxis y = new SymbolAxis(null, reversed);
        x.setVerticalTickLabels(true);
        for (SymbolAxis axis : List.of(x, y)) {
            axis.setGridBandsVisible(false);
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, n > 12 ? 9 : 11));
            axis.setTickLabelPaint(INK);
            axis.setLowerMargin(0);
            axis.setUpperMargin(0);
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(-1.0001, 1.0001, Color.WHITE);
        // ColorBrewer PuOr (purple–orange): readable with every common colour-vision deficiency
        Color[] steps = {new Color(0x54, 0x27, 0x88), new Color(0x80, 0x73, 0xAC), new Color(0xB2, 0xAB, 0xD2),
                new Color(0xD8, 0xDA, 0xEB), new Color(0xF7, 0xF7, 0xF7), new Color(0xFE, 0xE0, 0xB6), new Color(0xFD, 0xB8, 0x63),
                new Color(0xE0, 0x82, 0x14), new Color(0xB3, 0x58, 0x06)};
        for (int k = 0; k < steps.length; k++) {
            scale.add(-1.0001 + k * 2.0002 / steps.length, steps[k]);
        }
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        int fontSize = n > 12 ? 8 : n > 8 ? 10 : 12;
        for (int i = 0; i < n * n; i++) {
            Color background = scale.getPaint(zs[i]) instanceof Color c ? c : Color.WHITE;
            XYTextAnnotation text = new XYTextAnnotation(formats.number(zs[i], 2), xs[i], ys[i]);
            text.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
            text.setPaint(luminance(background) < 0.35 ? Color.WHITE : INK);
            text.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(text);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(INK);
        int size = Math.max(420, 140 + 48 * n);
        List<String> headers = new java.util.ArrayList<>();
        headers.add("");
        headers.addAll(names);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new java.util.ArrayList<>();
            row.add(names.get(i));
            for (int j = 0; j < n; j++) {
                row.add(formats.number(values[i][j], 2));
            }
            rows.add(row);
        }
        return render(id, title, description, chart(title, plot), new Table(title, headers, rows), size + 120, size);
    }

    /**
     * A task of the Gantt chart; the end dates are the last days (inclusive).
     *
     * @param percentComplete 0 to 100
     */
    public record GanttBar(String label, LocalDate plannedStart, LocalDate plannedEnd, LocalDate baselineStart, LocalDate baselineEnd,
            double percentComplete, boolean milestone) {
        public GanttBar {
            requireNonNull(label, "label is null");
            requireNonNull(plannedStart, "plannedStart is null");
            requireNonNull(plannedEnd, "plannedEnd is null");
            requireNonNull(baselineStart, "baselineStart is null");
            requireNonNull(baselineEnd, "baselineEnd is null");
        }
    }

    /**
     * The plan against its baseline: per task a baseline bar and a planned bar, the % complete and the slippage written
     * after it, milestones as diamonds, and today's date as a labelled vertical line. The data table gives each task's
     * dates, slippage and % complete.
     */
    public Chart gantt(String id, String title, String description, List<GanttBar> bars, LocalDate today) {
        ScheduleCharts schedule = new ScheduleCharts(formats, texts);
        return render(id, title, description, schedule.gantt(title, bars, today), schedule.ganttTable(title, bars),
                ScheduleCharts.ganttHeight(bars.size()));
    }

    /** What was left of the work on a date. */
    public record BurnPoint(LocalDate date, double remaining) {
        public BurnPoint {
            requireNonNull(date, "date is null");
        }
    }

    /**
     * A burndown: the ideal line from {@code total} at {@code start} to 0 at {@code end} (dashed) and the actual remaining
     * work (solid, with markers); the data table gives both per date.
     */
    public Chart burndown(String id, String title, String description, String valueAxis, LocalDate start, LocalDate end, double total,
            List<BurnPoint> actual) {
        ScheduleCharts schedule = new ScheduleCharts(formats, texts);
        return render(id, title, description, schedule.burndown(title, valueAxis, start, end, total, actual),
                schedule.burndownTable(title, valueAxis, start, end, total, actual));
    }

    private NumberFormat percentFormat() {
        NumberFormat format = formats.numberFormat(1);
        return new NumberFormat() {
            @Override
            public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition position) {
                return to.append(formats.percent(number));
            }

            @Override
            public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition position) {
                return to.append(formats.percent(number));
            }

            @Override
            public Number parse(String source, java.text.ParsePosition position) {
                return format.parse(source, position);
            }
        };
    }

    private NumberAxis numberAxis(String label, boolean integers) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(formats.numberFormat(integers ? 0 : 3));
        if (integers) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(formats.javaLocale()));
            axis.setNumberFormatOverride(formats.numberFormat(0));
        }
        styleAxis(axis);
        return axis;
    }

    static void styleAxis(org.jfree.chart.axis.Axis axis) {
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(INK);
        axis.setTickMarkPaint(INK);
    }

    private static void stylePlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
    }

    private JFreeChart xyChart(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        return chart(title, plot);
    }

    /** With a legend: the charts whose series differ by line style, marker or fill name them there. */
    static JFreeChart xyChartWithLegend(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        chart.getTitle().setPaint(INK);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getLegend().setItemPaint(INK);
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        TextTitle heading = chart.getTitle();
        heading.setPaint(INK);
        return chart;
    }

    private Chart render(String id, String title, String description, JFreeChart chart, Table data) {
        return render(id, title, description, chart, data, HEIGHT);
    }

    private Chart render(String id, String title, String description, JFreeChart chart, Table data, int height) {
        return render(id, title, description, chart, data, WIDTH, height);
    }

    private Chart render(String id, String title, String description, JFreeChart chart, Table data, int width, int height) {
        SVGGraphics2D g2 = canvas(id, width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return image(id, title, description, g2, width, height, data);
    }

    /** An empty SVG drawing area whose definitions' ids are the chart's own (several charts share a page). */
    static SVGGraphics2D canvas(String id, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        return g2;
    }

    /** The drawing as an accessible chart: {@code role="img"}, labelled by its title and description, in the report's language. */
    Chart image(String id, String title, String description, SVGGraphics2D g2, int width, int height, Table data) {
        String svg = SvgStyles.asAttributes(g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null));
        String titleId = id + "-title";
        String descId = id + "-desc";
        int end = svg.indexOf('>');
        String open = svg.substring(0, end);
        String accessible = open + " role=\"img\" aria-labelledby=\"" + titleId + " " + descId + "\" class=\"chart\" lang=\""
                + formats.javaLocale().getLanguage() + "\"><title id=\"" + titleId + "\">" + Html.escape(title) + "</title><desc id=\""
                + descId + "\">" + Html.escape(description) + "</desc>" + svg.substring(end + 1);
        return new Chart(id, title, description, accessible, data);
    }

    private static double luminance(Color color) {
        double[] c = {color.getRed() / 255.0, color.getGreen() / 255.0, color.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** An HTML id or file name from a text: the column-name normalisation of ingestion, with hyphens. */
    static String slug(String text) {
        return io.datapilot.core.text.Names.normalise(text, 0).replace('_', '-');
    }
}
