package io.datapilot.report;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Figure;
import io.datapilot.report.Page.Figures;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The project steering page ({@code pilotage.html}), from {@code governance.steering_project},
 * {@code steering_alerts}, {@code steering_tasks} and {@code burndown}: the earned-value figures at the
 * run date, the alerts, the Gantt chart (baseline against plan, today the run date), one burndown per
 * sprint (its actual line is the sprint's work left on every run date so far), then the tasks and the
 * lots. Without a plan for the run date, one section says how to configure it.
 */
final class SteeringPage implements ReportPage {
    static final String FILE = "pilotage.html";
    private static final String[] FIGURES = {"bac", "pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac", "etc", "vac", "shares"};

    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        List<Row> project = context.tables().rows(Layer.GOVERNANCE, "steering_project", null, "budget_at_completion", "planned_value",
                "earned_value", "actual_cost", "schedule_variance", "cost_variance", "schedule_performance_index", "cost_performance_index",
                "estimate_at_completion", "estimate_to_complete", "variance_at_completion", "planned_share", "complete_share", "spi_min",
                "cpi_min", "file", "tasks");
        if (project.isEmpty()) {
            return new Page(FILE, texts.get("page.steering"), texts.get("page.steering.intro"), List.of(new Section("pilotage-absent",
                    texts.get("steering.none"), texts.get("steering.none.text", context.formats().date(context.runDate())), List.of())));
        }
        List<Row> tasks = context.tables().rows(Layer.GOVERNANCE, "steering_tasks", "ORDER BY line", "line", "lot", "task", "sprint",
                "owner_role", "planned_start", "planned_end", "baseline_start", "baseline_end", "percent_complete", "planned_budget",
                "actual_cost", "milestone", "deliverable", "planned_value", "earned_value", "schedule_variance", "cost_variance",
                "schedule_performance_index", "cost_performance_index", "start_slippage_days", "end_slippage_days", "late");
        return new Page(FILE, texts.get("page.steering"), texts.get("page.steering.intro"), List.of(
                new Section("valeur-acquise", texts.get("steering.figures"), texts.get("steering.figures.text",
                        planFile(project.get(0).getString(15)), context.formats().date(context.runDate())), List.of(new Figures(figures(context,
                                project.get(0))))),
                new Section("alertes-projet", texts.get("steering.alerts"), texts.get("steering.alerts.text"), alerts(context)),
                new Section("gantt", texts.get("steering.gantt"), texts.get("steering.gantt.text"), gantt(context, tasks)),
                new Section("burndown", texts.get("steering.burndown"), texts.get("steering.burndown.text"), burndowns(context)),
                new Section("taches", texts.get("steering.tasks"), texts.get("steering.tasks.text"), List.of(tasksTable(context, tasks))),
                new Section("lots", texts.get("steering.lots"), texts.get("steering.lots.text"), List.of(lots(context, tasks)))));
    }

    private static List<Figure> figures(PageContext context, Row project) {
        Texts texts = context.texts();
        Formats formats = context.formats();
        CellFormats cells = new CellFormats(formats, texts);
        String[] values = {money(cells, project, 0), money(cells, project, 1), money(cells, project, 2), money(cells, project, 3),
                money(cells, project, 4), money(cells, project, 5), index(cells, project, 6), index(cells, project, 7),
                money(cells, project, 8), money(cells, project, 9), money(cells, project, 10),
                texts.get("steering.figure.shares.value", share(formats, project, 11), share(formats, project, 12))};
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < FIGURES.length; i++) {
            String detail = switch (FIGURES[i]) {
                case "spi" -> texts.get("steering.figure.spi.detail", formats.number(project.getDouble(13), 2));
                case "cpi" -> texts.get("steering.figure.cpi.detail", formats.number(project.getDouble(14), 2));
                default -> texts.get("steering.figure." + FIGURES[i] + ".detail");
            };
            figures.add(new Figure(texts.get("steering.figure." + FIGURES[i]), values[i], detail));
        }
        return figures;
    }

    private static String money(CellFormats cells, Row row, int column) {
        return row.isNullAt(column) ? "–" : cells.euros(row.getDouble(column));
    }

    private static String index(CellFormats cells, Row row, int column) {
        return row.isNullAt(column) ? "–" : cells.index(row.getDouble(column));
    }

    private static String share(Formats formats, Row row, int column) {
        return row.isNullAt(column) ? "–" : formats.percent(row.getDouble(column));
    }

    private static List<Block> alerts(PageContext context) {
        Texts texts = context.texts();
        CellFormats cells = new CellFormats(context.formats(), texts);
        List<Row> rows = context.tables().rows(Layer.GOVERNANCE, "steering_alerts", null, "level", "subject", "message");
        if (rows.isEmpty()) {
            return List.of(new Paragraph(texts.get("steering.alerts.none")));
        }
        ComputedTable table = new ComputedTable(context.tables(), texts.get("steering.alerts"), "SELECT level, subject, message FROM"
                + " governance.steering_alerts WHERE _run_date = DATE'" + context.runDate() + "'")
                .column(texts.column("subject"), cells.text()).column(texts.column("level"), cells.words("steering.level"))
                .column(texts.column("message"), cells.text());
        // the critical ones first
        rows.stream().sorted(java.util.Comparator.comparing((Row row) -> !"critical".equals(row.getString(0))))
                .forEach(row -> table.row(row.getString(1), row.getString(0), row.getString(2)));
        return List.of(table.build());
    }

    private static List<Block> gantt(PageContext context, List<Row> tasks) {
        Texts texts = context.texts();
        List<Charts.GanttBar> bars = new ArrayList<>();
        long late = 0;
        for (Row task : tasks) {
            bars.add(new Charts.GanttBar(task.getString(2), date(task, 5), date(task, 6), date(task, 7), date(task, 8), task.getDouble(9),
                    task.getBoolean(12)));
            late += task.getBoolean(22) ? 1 : 0;
        }
        if (bars.isEmpty()) {
            return List.of(new Paragraph(texts.get("steering.tasks.none")));
        }
        return List.of(new ChartBlock(context.charts().gantt(context.chartId("gantt"), texts.get("steering.gantt.chart"),
                texts.get("steering.gantt.desc", context.formats().count(bars.size()), context.formats().count(late),
                        context.formats().date(context.runDate())), bars, context.runDate())));
    }

    /** Per sprint (in the order of their start), the ideal line from its total and its work left on every run date so far. */
    private static List<Block> burndowns(PageContext context) {
        Texts texts = context.texts();
        Formats formats = context.formats();
        Map<String, Row> sprints = new LinkedHashMap<>();
        context.tables().rows(Layer.GOVERNANCE, "burndown", "ORDER BY `start`, sprint", "sprint", "start", "end", "total", "remaining")
                .forEach(row -> sprints.put(row.getString(0), row));
        if (sprints.isEmpty()) {
            return List.of(new Paragraph(texts.get("site.missing", "governance.burndown")));
        }
        Map<String, TreeMap<LocalDate, Double>> history = new LinkedHashMap<>();
        context.tables().history(Layer.GOVERNANCE, "burndown", null, "_run_date", "sprint", "remaining").forEach(row -> history
                .computeIfAbsent(row.getString(1), k -> new TreeMap<>()).put(row.getDate(0).toLocalDate(), row.getDouble(2)));
        List<Block> blocks = new ArrayList<>();
        sprints.forEach((sprint, row) -> {
            List<Charts.BurnPoint> points = history.getOrDefault(sprint, new TreeMap<>()).entrySet().stream()
                    .map(point -> new Charts.BurnPoint(point.getKey(), point.getValue())).toList();
            blocks.add(new ChartBlock(context.charts().burndown(context.chartId("burndown-" + sprint), texts.get("steering.burndown.chart",
                    sprint), texts.get("steering.burndown.desc", new CellFormats(formats, texts).euros(row.getDouble(3)),
                    formats.date(date(row, 1)), formats.date(date(row, 2)), new CellFormats(formats, texts).euros(row.getDouble(4)),
                    formats.date(context.runDate()), formats.count(points.size())), texts.get("chart.remaining_euros"), date(row, 1),
                    date(row, 2), row.getDouble(3), points)));
        });
        return blocks;
    }

    private static Block tasksTable(PageContext context, List<Row> tasks) {
        Texts texts = context.texts();
        CellFormats cells = new CellFormats(context.formats(), texts);
        ComputedTable table = new ComputedTable(context.tables(), texts.get("steering.tasks"), "SELECT * FROM governance.steering_tasks"
                + " WHERE _run_date = DATE'" + context.runDate() + "' ORDER BY line")
                .column(texts.column("task"), cells.text()).column(texts.column("lot"), cells.text()).column(texts.column("sprint"), cells.text())
                .column(texts.column("owner_role"), cells.text()).column(texts.column("planned_start"), cells.cell())
                .column(texts.column("planned_end"), cells.cell()).column(texts.column("end_slippage_days"), cells.cell())
                .column(texts.column("percent_complete"), value -> context.formats().percent(((Number) value).doubleValue() / 100))
                .column(texts.column("planned_budget"), cells.money()).column(texts.column("planned_value"), cells.money())
                .column(texts.column("earned_value"), cells.money()).column(texts.column("actual_cost"), cells.money())
                .column(texts.column("schedule_performance_index"), cells.index())
                .column(texts.column("cost_performance_index"), cells.index()).column(texts.column("milestone"), cells.cell())
                .column(texts.column("late"), cells.cell()).column(texts.column("deliverable"), cells.text());
        for (Row task : tasks) {
            table.row(task.get(2), task.get(1), task.get(3), task.get(4), task.get(5), task.get(6), task.get(21), task.get(9), task.get(10),
                    task.get(14), task.get(15), task.get(11), task.get(18), task.get(19), task.get(12), task.get(22), task.get(13));
        }
        return table.build();
    }

    /** Per lot, the sums of its tasks' figures and the indices of the sums (not the mean of the tasks' indices). */
    private static Block lots(PageContext context, List<Row> tasks) {
        Texts texts = context.texts();
        CellFormats cells = new CellFormats(context.formats(), texts);
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Row task : tasks) {
            double[] lot = sums.computeIfAbsent(task.getString(1), k -> new double[4]);
            lot[0] += task.getDouble(10);
            lot[1] += task.getDouble(14);
            lot[2] += task.getDouble(15);
            lot[3] += task.getDouble(11);
        }
        ComputedTable table = new ComputedTable(context.tables(), texts.get("steering.lots"), "SELECT lot, sum(planned_budget),"
                + " sum(planned_value), sum(earned_value), sum(actual_cost) FROM governance.steering_tasks WHERE _run_date = DATE'"
                + context.runDate() + "' GROUP BY lot")
                .column(texts.column("lot"), cells.text()).column(texts.column("budget_at_completion"), cells.money())
                .column(texts.column("planned_value"), cells.money()).column(texts.column("earned_value"), cells.money())
                .column(texts.column("actual_cost"), cells.money()).column(texts.column("schedule_variance"), cells.money())
                .column(texts.column("cost_variance"), cells.money()).column(texts.column("schedule_performance_index"), cells.index())
                .column(texts.column("cost_performance_index"), cells.index());
        sums.forEach((lot, sum) -> table.row(lot, sum[0], sum[1], sum[2], sum[3], sum[2] - sum[1], sum[2] - sum[3],
                sum[1] == 0 ? null : sum[2] / sum[1], sum[3] == 0 ? null : sum[2] / sum[3]));
        return table.build();
    }

    /** The plan's file name: its folder is the machine's that ran the stage, of no use to the reader. */
    private static String planFile(String path) {
        return path == null ? "–" : path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static LocalDate date(Row row, int column) {
        return row.getDate(column).toLocalDate();
    }
}
