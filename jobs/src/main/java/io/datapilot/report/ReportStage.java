package io.datapilot.report;

import static org.apache.spark.sql.functions.col;

import io.datapilot.clean.CleanStage;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.report.ReportFiles;
import io.datapilot.core.report.Table;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Figure;
import io.datapilot.report.Page.Figures;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import io.datapilot.report.Page.TableBlock;
import io.datapilot.stats.StatsEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The report stage: reads the audit, governance, statistics and model tables of the run date and writes
 * {@code reports/<run date>/site/}: an accessible static HTML site (index first, with the key
 * figures), every chart as SVG, the workbook of every table ({@code statistiques.xlsx}) and the
 * notebook of the same analyses ({@code analyses.ipynb}).
 */
public final class ReportStage {
    public static final String FOLDER = "site";
    public static final String WORKBOOK = "statistiques.xlsx";
    public static final String NOTEBOOK = "analyses.ipynb";
    /**
     * The logbook's workbook, copied from {@code reports/<run date>/governance/} into the site: the site is
     * served alone ({@code datapilot serve} gives no file outside it), so a link out of it would break.
     */
    public static final String LOGBOOK_COPY = "carnet_de_bord.xlsx";

    private final SparkSession spark;
    private final PipelineConfig config;
    private final Warehouse warehouse;
    private final LocalDate runDate;
    private final Formats formats;
    private final Texts texts;
    private final Charts charts;
    private final ReportTables tables;
    private VariableLabels labels;
    private final PageContext.ChartIds chartIds = new PageContext.ChartIds();
    private final Map<String, Long> silverRows = new java.util.HashMap<>();

    public ReportStage(RunContext context) {
        this.spark = context.spark();
        this.config = context.config();
        this.warehouse = context.warehouse();
        this.runDate = context.runDate();
        this.formats = new Formats(config.reportLocale());
        this.texts = new Texts(config.reportLocale());
        this.charts = new Charts(formats, texts);
        this.tables = new ReportTables(spark, warehouse, runDate, formats, texts);
    }

    /** What the report stage wrote. */
    public record Written(String folder, int pages, int charts, int sheets) {}

    public static StageOutcome outcome(RunContext context) {
        Written written = new ReportStage(context).write();
        context.err().println("[report] " + written.pages() + " pages, " + written.charts() + " charts, " + written.sheets()
                + " sheets in " + written.folder() + "/index.html (" + WORKBOOK + ", " + NOTEBOOK + ")");
        context.out().println("Report: " + written.folder() + "/index.html");
        return StageOutcome.NONE;
    }

    public Written write() {
        List<String> described = DeltaIO.exists(spark, warehouse.table(Layer.GOLD, "stats_univariate"))
                ? distinct(Layer.GOLD, "stats_univariate", "table") : List.of();
        if (described.isEmpty()) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot write the report of " + runDate + ": gold.stats_univariate has no"
                    + " statistics for that date. Run `datapilot stats --run-date " + runDate + "` first (or `datapilot run --from"
                    + " stats`).");
        }
        // a table without any numeric or categorical variable has no statistics: its pages say so
        List<String> tables = CleanStage.tables(config).stream().filter(name -> described.contains("silver." + name)).toList();
        labels = this.tables.labels(config, tables);
        PageContext context = new PageContext(spark, config, warehouse, runDate, formats, texts, charts, this.tables, labels, chartIds);
        List<Page> pages = new ArrayList<>();
        pages.add(index(tables, context));
        pages.add(sources());
        pages.add(dictionary());
        pages.add(quality(tables));
        pages.add(new RgpdPage().build(context));
        pages.add(new CleaningPage().build(context));
        pages.add(new LoadPage().build(context));
        pages.add(univariate(tables));
        pages.add(bivariate(tables));
        pages.add(new ModelsPage().build(context));
        pages.add(new GovernancePage().build(context));
        pages.add(new SteeringPage().build(context));
        pages.add(new LogbookPage().build(context));
        pages.add(new OpportunitiesPage().build(context));
        pages.add(new ManagementNotePage().build(context));
        pages.add(new WatchPage().build(context));
        pages.add(new RiskMapPage().build(context));
        for (String name : tables) {
            String where = "table = " + DeltaIO.quote("silver." + name);
            sheet(texts.get("sheet.frequencies", name), Layer.GOLD, "stats_frequencies", where, "column", "modality", "rank", "count",
                    "share", "distinct");
            sheet(texts.get("sheet.histograms", name), Layer.GOLD, "stats_histograms", where, "column", "bin", "lower", "upper", "count");
            sheet(texts.get("sheet.groups", name), Layer.GOLD, "stats_groups", where, "numeric", "categorical", "modality", "count",
                    "mean", "stddev", "min", "q1", "median", "q3", "max");
            sheet(texts.get("sheet.contingency", name), Layer.GOLD, "stats_contingency", where, "x", "y", "value_x", "value_y", "count",
                    "expected");
            sheet(texts.get("sheet.spearman", name), Layer.GOLD, "stats_correlations", where + " AND method = 'spearman'", "x", "y",
                    "value", "n");
        }
        String folder = config.reportsDir() + "/" + runDate + "/" + FOLDER;
        ReportFiles files = new ReportFiles(folder, spark.sparkContext().hadoopConfiguration());
        String title = title();
        new SiteWriter(files, texts, labels, title, texts.get("site.subtitle", formats.date(runDate)), List.of(WORKBOOK, NOTEBOOK))
                .write(pages);
        files.writeSheets(WORKBOOK, this.tables.sheets());
        files.writeText(NOTEBOOK, new NotebookWriter(texts, labels).notebook(title + " – " + formats.date(runDate), pages));
        GovernanceFiles.of(context).read(GovernanceFiles.LOGBOOK).ifPresent(workbook -> files.write(LOGBOOK_COPY, workbook));
        return new Written(folder, pages.size(), chartIds.count(), this.tables.sheets().size());
    }

    private String title() {
        if (config.report().title() != null) {
            return config.report().title();
        }
        return texts.get("site.title", config.project().name() == null ? "datapilot" : config.project().name());
    }

    // ---------------------------------------------------------------- pages

    private Page index(List<String> tables, PageContext context) {
        List<Figure> figures = new ArrayList<>();
        for (String name : tables) {
            Dataset<Row> silver = read(Layer.SILVER, name);
            figures.add(new Figure(texts.get("key.rows"), formats.count(silverRows(name)), "silver." + name));
            long columns = java.util.Arrays.stream(silver.columns()).filter(c -> !c.startsWith("_")).count();
            figures.add(new Figure(texts.get("key.columns"), formats.count(columns), "silver." + name));
            List<Row> missing = rows(Layer.AUDIT, "column_profiles", "table = 'bronze." + name + "' AND missing_share IS NOT NULL",
                    "missing_share");
            double completeness = 1 - missing.stream().mapToDouble(r -> r.getDouble(0)).average().orElse(Double.NaN);
            figures.add(new Figure(texts.get("key.completeness"), formats.percent(completeness), texts.get("key.completeness.detail")));
        }
        List<Row> gate = rows(Layer.AUDIT, "quality_gate", null, "passed");
        long passed = gate.stream().filter(r -> !r.isNullAt(0) && r.getBoolean(0)).count();
        figures.add(new Figure(texts.get("key.quality"), gate.isEmpty() ? "–" : formats.percent((double) passed / gate.size()),
                texts.get("key.quality.detail", formats.count(passed), formats.count(gate.size()))));
        List<Row> alerts = rows(Layer.AUDIT, "quality_alerts", null, "severity");
        long critical = alerts.stream().filter(r -> "critical".equalsIgnoreCase(r.getString(0))).count();
        figures.add(new Figure(texts.get("key.alerts"), formats.count(alerts.size()), texts.get("key.alerts.detail", formats.count(critical))));
        List<Row> quarantine = rows(Layer.AUDIT, "ingest_runs", null, "rows_read", "rows_quarantined");
        long read = quarantine.stream().mapToLong(r -> r.getLong(0)).sum();
        long quarantined = quarantine.stream().mapToLong(r -> r.getLong(1)).sum();
        figures.add(new Figure(texts.get("key.quarantine"), formats.count(quarantined),
                texts.get("key.quarantine.detail", formats.count(read))));
        figures.addAll(ModelsPage.bestModels(context));
        figures.addAll(GovernanceFigures.of(context));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("chiffres-cles", texts.get("index.figures"), texts.get("index.figures.text"),
                List.of(new Figures(figures))));
        sections.add(new Section("lecture", texts.get("index.reading"), texts.get("index.reading.text"),
                List.of(new Paragraph(texts.get("index.reading.more")))));
        return new Page("index.html", texts.get("page.index"), texts.get("page.index.intro", formats.date(runDate)), sections);
    }

    private Page sources() {
        return new Page("sources.html", texts.get("page.sources"), texts.get("page.sources.intro"), List.of(
                new Section("lectures", texts.get("sources.runs"), texts.get("sources.runs.text"), List.of(table(texts.get("sources.runs"),
                        Layer.AUDIT, "ingest_runs", null, "source", "format", "files", "columns", "rows_read", "rows_loaded",
                        "rows_quarantined", "bad_rows_ratio"))),
                new Section("volumetrie", texts.get("sources.volumes"), texts.get("sources.volumes.text"), List.of(table(
                        texts.get("sources.volumes"), Layer.AUDIT, "volumetry", null, "table", "rows", "columns", "disk_bytes",
                        "source_bytes", "growth", "volume_class", "storage_recommendation")))));
    }

    private Page dictionary() {
        List<Section> sections = new ArrayList<>();
        List<String> tables = distinct(Layer.AUDIT, "data_dictionary", "table");
        for (String table : tables) {
            sections.add(new Section("dico-" + Charts.slug(table), table, texts.get("dictionary.text"), List.of(this.tables.table(
                    texts.get("dictionary.caption", table), Layer.AUDIT, "data_dictionary", "table = " + DeltaIO.quote(table)
                    + " ORDER BY position", table, true, "column", "type", "semantic_type", "description", "unit", "missing_share", "distinct", "personal", "rgpd_treatment", "alerts"))));
        }
        return new Page("dictionnaire.html", texts.get("page.dictionary"), texts.get("page.dictionary.intro"), sections);
    }

    private Page quality(List<String> tables) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("porte-qualite", texts.get("quality.gate"), texts.get("quality.gate.text"), List.of(table(
                texts.get("quality.gate"), Layer.AUDIT, "quality_gate", null, "check", "subject", "value", "threshold", "passed",
                "message"))));
        for (String name : tables) {
            List<Row> profile = rows(Layer.AUDIT, "column_profiles", "table = 'bronze." + name + "' AND missing_share > 0", "column",
                    "missing_share");
            List<Row> sorted = profile.stream().sorted(Comparator.comparingDouble((Row r) -> r.getDouble(1)).reversed()).limit(25).toList();
            List<Block> blocks = new ArrayList<>();
            if (!sorted.isEmpty()) {
                blocks.add(new ChartBlock(charts.bars(chartId("manquants-" + name), texts.get("quality.missing.chart", "bronze." + name),
                        texts.get("quality.missing.desc", formats.count(sorted.size()), labels.of(name, sorted.get(0).getString(0)),
                                formats.percent(sorted.get(0).getDouble(1))), texts.get("chart.column"), texts.get("chart.missing_share"),
                        sorted.stream().map(r -> labels.of(name, r.getString(0))).toList(), sorted.stream().map(r -> r.getDouble(1)).toList(),
                        true)));
            } else {
                blocks.add(new Paragraph(texts.get("quality.missing.none")));
            }
            sections.add(new Section("manquants-" + Charts.slug(name), texts.get("quality.missing", name),
                    texts.get("quality.missing.text"), blocks));
        }
        sections.add(new Section("alertes", texts.get("quality.alerts"), texts.get("quality.alerts.text"), List.of(table(
                texts.get("quality.alerts"), Layer.AUDIT, "quality_alerts", null, "table", "column", "kind", "severity", "count", "share",
                "message"))));
        return new Page("qualite.html", texts.get("page.quality"), texts.get("page.quality.intro"), sections);
    }

    private Page univariate(List<String> tables) {
        List<Section> sections = new ArrayList<>();
        for (String name : tables) {
            String table = "silver." + name;
            String where = "table = " + DeltaIO.quote(table);
            sections.add(new Section("numeriques-" + Charts.slug(name), texts.get("uni.numeric", table), texts.get("uni.numeric.text"),
                    List.of(numericSummary(name, table))));
            List<Block> histograms = new ArrayList<>();
            List<Row> bins = rows(Layer.GOLD, "stats_histograms", where, "column", "bin", "lower", "upper", "count");
            Map<String, List<Charts.Bin>> byColumn = new LinkedHashMap<>();
            bins.stream().sorted(Comparator.comparing((Row r) -> r.getString(0)).thenComparingInt(r -> r.getInt(1)))
                    .forEach(r -> byColumn.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
                            .add(new Charts.Bin(r.getDouble(2), r.getDouble(3), r.getLong(4))));
            Map<String, Long> counts = new LinkedHashMap<>();
            rows(Layer.GOLD, "stats_univariate", where + " AND kind = 'numeric' AND statistic = 'count'", "column", "value")
                    .forEach(r -> counts.put(r.getString(0), (long) r.getDouble(1)));
            byColumn.forEach((column, columnBins) -> {
                long total = columnBins.stream().mapToLong(Charts.Bin::count).sum();
                Charts.Bin mode = columnBins.stream().max(Comparator.comparingLong(Charts.Bin::count)).orElseThrow();
                // the bars cover the values inside the Tukey fences (all of them when the fences are empty)
                long outside = counts.getOrDefault(column, total) - total;
                String description = texts.get("uni.histogram.desc", formats.count(total), formats.count(columnBins.size()),
                        formats.number(mode.lower()), formats.number(mode.upper()), formats.count(mode.count()))
                        + (outside > 0 ? " " + texts.get("uni.histogram.outliers", formats.count(outside)) : "");
                String label = labels.of(name, column);
                histograms.add(new ChartBlock(charts.histogram(chartId("histo-" + name + "-" + column), texts.get("uni.histogram", label),
                        description, label, columnBins), List.of(column)));
            });
            sections.add(new Section("distributions-" + Charts.slug(name), texts.get("uni.distributions", table),
                    texts.get("uni.distributions.text"), histograms));
            List<Block> categorical = new ArrayList<>();
            List<Row> frequencies = rows(Layer.GOLD, "stats_frequencies", where, "column", "modality", "rank", "count", "share");
            Map<String, List<Row>> byVariable = new LinkedHashMap<>();
            frequencies.stream().sorted(Comparator.comparing((Row r) -> r.getString(0))
                    .thenComparingInt(r -> r.getInt(2) == 0 ? Integer.MAX_VALUE : r.getInt(2)))
                    .forEach(r -> byVariable.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r));
            byVariable.forEach((column, modalities) -> {
                List<String> labels = modalities.stream().map(r -> modality(r.isNullAt(1) ? null : r.getString(1))).toList();
                List<Double> shares = modalities.stream().map(r -> r.getDouble(4)).toList();
                String label = this.labels.of(name, column);
                categorical.add(new ChartBlock(charts.bars(chartId("freq-" + name + "-" + column), texts.get("uni.frequencies", label),
                        texts.get("uni.frequencies.desc", labels.get(0), formats.percent(shares.get(0)), formats.count(modalities.size())),
                        label, texts.get("chart.share"), labels, shares, true), List.of(column)));
            });
            List<Block> targetCharts = targetDistributions(name, byColumn, byVariable);
            if (!targetCharts.isEmpty()) {
                sections.add(new Section("cibles-" + Charts.slug(name), texts.get("uni.targets", table), texts.get("uni.targets.text"),
                        targetCharts));
            }
            sections.add(new Section("categorielles-" + Charts.slug(name), texts.get("uni.categorical", table),
                    texts.get("uni.categorical.text", formats.count(config.stats().topN())), categorical.isEmpty()
                            ? List.of(new Paragraph(texts.get("uni.categorical.none"))) : categorical));
        }
        return new Page("univarie.html", texts.get("page.univariate"), texts.get("page.univariate.intro"), sections);
    }

    private Page bivariate(List<String> tables) {
        List<Section> sections = new ArrayList<>();
        for (String name : tables) {
            String table = "silver." + name;
            String where = "table = " + DeltaIO.quote(table);
            List<Block> correlation = new ArrayList<>();
            for (String method : List.of("pearson", "spearman")) {
                List<Row> cells = rows(Layer.GOLD, "stats_correlations", where + " AND method = '" + method + "'", "x", "y", "value", "n");
                List<String> names = cells.stream().map(r -> r.getString(0)).distinct().toList();
                if (names.size() < 2) {
                    continue;
                }
                double[][] matrix = new double[names.size()][names.size()];
                cells.forEach(r -> matrix[names.indexOf(r.getString(0))][names.indexOf(r.getString(1))] = r.isNullAt(2) ? Double.NaN
                        : r.getDouble(2));
                List<String> shown = names.stream().map(column -> labels.of(name, column)).toList();
                String[] strongest = strongestPair(shown, matrix);
                correlation.add(new ChartBlock(charts.heatmap(chartId("correlations-" + method + "-" + name),
                        texts.get("bi.heatmap." + method, table), texts.get("bi.heatmap.desc", formats.count(names.size()),
                                formats.count(cells.get(0).getLong(3)), strongest[0], strongest[1], strongest[2]), shown, matrix)));
            }
            correlation.add(table(texts.get("bi.pairs", table), Layer.GOLD, "stats_correlations", where
                    + " AND method = 'pearson' AND x < y ORDER BY abs(value) DESC LIMIT 15", "x", "y", "value", "n"));
            sections.add(new Section("correlations-" + Charts.slug(name), texts.get("bi.correlations", table),
                    texts.get("bi.correlations.text"), correlation));
            sections.add(new Section("nuages-" + Charts.slug(name), texts.get("bi.scatter", table), texts.get("bi.scatter.text",
                    formats.count(config.stats().scatterPoints())), scatterPlots(name, where)));
            sections.add(new Section("khi2-" + Charts.slug(name), texts.get("bi.chi2", table), texts.get("bi.chi2.text"), List.of(table(
                    texts.get("bi.chi2", table), Layer.GOLD, "stats_chi_square", where + " ORDER BY cramers_v DESC", "x", "y", "chi2", "df",
                    "p_value", "cramers_v", "n", "low_expected_share"))));
            List<Block> anova = new ArrayList<>();
            anova.add(table(texts.get("bi.anova", table), Layer.GOLD, "stats_anova", where + " ORDER BY eta_squared DESC", "numeric",
                    "categorical", "f", "df_between", "df_within", "p_value", "eta_squared", "n", "groups"));
            anova.addAll(boxPlots(name, where));
            sections.add(new Section("anova-" + Charts.slug(name), texts.get("bi.anova", table), texts.get("bi.anova.text"), anova));
            sections.add(new Section("cible-" + Charts.slug(name), texts.get("bi.target", table), texts.get("bi.target.text"), List.of(
                    table(texts.get("bi.target", table), Layer.GOLD, "stats_target", where + " ORDER BY abs(effect_value) DESC NULLS LAST", "target", "variable", "test", "statistic",
                            "p_value", "effect", "effect_value", "n"))));
            List<Block> pca = new ArrayList<>();
            List<Row> components = rows(Layer.GOLD, "stats_pca", where, "component", "explained", "cumulative");
            if (!components.isEmpty()) {
                List<Row> sorted = components.stream().sorted(Comparator.comparingInt(r -> r.getInt(0))).limit(15).toList();
                long needed = sorted.stream().filter(r -> r.getDouble(2) < 0.8).count() + 1;
                pca.add(new ChartBlock(charts.bars(chartId("acp-" + name), texts.get("bi.pca.chart", table), texts.get("bi.pca.desc",
                        formats.percent(sorted.get(0).getDouble(1)), formats.count(Math.min(needed, components.size()))),
                        texts.get("chart.component"), texts.get("chart.explained"), sorted.stream().map(r -> texts.get("chart.component.short") + r.getInt(0)).toList(),
                        sorted.stream().map(r -> r.getDouble(1)).toList(), true)));
            }
            pca.add(table(texts.get("bi.pca", table), Layer.GOLD, "stats_pca", where + " ORDER BY component", "component", "eigenvalue",
                    "explained", "cumulative", "variables", "n"));
            sections.add(new Section("acp-" + Charts.slug(name), texts.get("bi.pca", table), texts.get("bi.pca.text"), pca));
        }
        return new Page("bivarie.html", texts.get("page.bivariate"), texts.get("page.bivariate.intro"), sections);
    }

    // ---------------------------------------------------------------- blocks

    private TableBlock numericSummary(String name, String table) {
        List<Row> stats = rows(Layer.GOLD, "stats_univariate", "table = " + DeltaIO.quote(table) + " AND kind = 'numeric'", "column",
                "statistic", "value");
        List<String> statistics = List.of("count", "missing", "mean", "stddev", "min", "q1", "median", "q3", "max", "iqr", "skewness",
                "kurtosis", "outliers");
        Map<String, Map<String, Double>> byColumn = new LinkedHashMap<>();
        stats.forEach(r -> byColumn.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).put(r.getString(1),
                r.isNullAt(2) ? Double.NaN : r.getDouble(2)));
        List<String> headers = new ArrayList<>();
        headers.add(texts.column("column"));
        statistics.forEach(s -> headers.add(texts.get("stat." + s)));
        List<String> sheetHeaders = new ArrayList<>(headers);
        sheetHeaders.add(1, texts.get("sheet.technical", texts.column("column")));
        List<List<String>> rows = new ArrayList<>();
        List<List<Object>> raw = new ArrayList<>();
        byColumn.forEach((column, values) -> {
            List<String> row = new ArrayList<>();
            List<Object> rawRow = new ArrayList<>();
            row.add(labels.of(name, column));
            rawRow.add(labels.of(name, column));
            rawRow.add(column);
            for (String statistic : statistics) {
                double value = values.getOrDefault(statistic, Double.NaN);
                row.add(statistic.equals("count") || statistic.equals("missing") || statistic.equals("outliers")
                        ? Double.isNaN(value) ? "–" : formats.count((long) value) : formats.number(value));
                rawRow.add(Double.isFinite(value) ? value : null);
            }
            rows.add(row);
            raw.add(rawRow);
        });
        String caption = texts.get("uni.numeric", table);
        tables.addSheet(caption, sheetHeaders, raw);
        return new TableBlock(new Table(caption, headers, rows), caption, "SELECT column, statistic, value FROM gold.stats_univariate"
                + " WHERE _run_date = DATE'" + runDate + "' AND table = " + DeltaIO.quote(table));
    }

    /**
     * The three most correlated pairs and the configured ones that this table has (numeric, not
     * personal), drawn from one random sample of the table for all pairs.
     */
    private List<Block> scatterPlots(String name, String where) {
        List<Row> pairs = rows(Layer.GOLD, "stats_correlations", where + " AND method = 'pearson' AND x < y AND value IS NOT NULL"
                + " ORDER BY abs(value) DESC LIMIT 3", "x", "y", "value");
        List<String[]> chosen = new ArrayList<>();
        pairs.forEach(r -> chosen.add(new String[] {r.getString(0), r.getString(1), formats.number(r.getDouble(2), 2)}));
        Set<String> numeric = new HashSet<>(distinctWhere(Layer.GOLD, "stats_univariate", "column", where + " AND kind = 'numeric'"));
        List<Block> blocks = new ArrayList<>();
        for (List<String> pair : config.stats().scatterPairs()) {
            if (numeric.contains(pair.get(0)) && numeric.contains(pair.get(1))) {
                chosen.add(new String[] {pair.get(0), pair.get(1), null});
            } else {
                blocks.add(new Paragraph(texts.get("bi.scatter.skipped", labels.of(name, pair.get(0)), labels.of(name, pair.get(1)),
                        "silver." + name)));
            }
        }
        if (chosen.isEmpty()) {
            return blocks;
        }
        Dataset<Row> silver = read(Layer.SILVER, name);
        List<String> columns = chosen.stream().flatMap(p -> java.util.stream.Stream.of(p[0], p[1])).distinct().toList();
        long rows = silverRows(name);
        double fraction = Math.min(1.0, config.stats().scatterPoints() * 1.5 / Math.max(1, rows));
        List<Row> sample = silver.select(columns.stream().map(c -> col("`" + c + "`").cast("double")).toArray(org.apache.spark.sql.Column[]::new))
                .sample(false, fraction, 42).limit((int) Math.min(Integer.MAX_VALUE, config.stats().scatterPoints() * 2L)).collectAsList();
        for (String[] pair : chosen) {
            int x = columns.indexOf(pair[0]);
            int y = columns.indexOf(pair[1]);
            double[][] points = sample.stream().filter(r -> !r.isNullAt(x) && !r.isNullAt(y)).limit(config.stats().scatterPoints())
                    .map(r -> new double[] {r.getDouble(x), r.getDouble(y)}).toArray(double[][]::new);
            String xLabel = labels.of(name, pair[0]);
            String yLabel = labels.of(name, pair[1]);
            blocks.add(new ChartBlock(charts.scatter(chartId("nuage-" + name + "-" + pair[0] + "-" + pair[1]),
                    texts.get("bi.scatter.chart", yLabel, xLabel), pair[2] == null
                            ? texts.get("bi.scatter.desc.configured", formats.count(points.length))
                            : texts.get("bi.scatter.desc", formats.count(points.length), pair[2]),
                    xLabel, yLabel, points), List.of(pair[1], pair[0])));
        }
        return blocks;
    }

    private List<String> distinctWhere(Layer layer, String name, String column, String where) {
        return rows(layer, name, where, column).stream().map(r -> r.getString(0)).distinct().toList();
    }

    /** Each target's distribution: its modalities' shares (classification) or its histogram (regression). */
    private List<Block> targetDistributions(String name, Map<String, List<Charts.Bin>> bins, Map<String, List<Row>> modalities) {
        List<Block> blocks = new ArrayList<>();
        for (String target : targets()) {
            String label = this.labels.of(name, target);
            if (bins.containsKey(target)) {
                List<Charts.Bin> targetBins = bins.get(target);
                long total = targetBins.stream().mapToLong(Charts.Bin::count).sum();
                blocks.add(new ChartBlock(charts.histogram(chartId("cible-" + name + "-" + target), texts.get("uni.target", label),
                        texts.get("uni.target.numeric.desc", formats.count(total), formats.count(targetBins.size())), label, targetBins),
                        List.of(target)));
            } else if (modalities.containsKey(target)) {
                List<Row> rows = modalities.get(target);
                List<String> labels = rows.stream().map(r -> modality(r.isNullAt(1) ? null : r.getString(1))).toList();
                List<Double> shares = rows.stream().map(r -> r.getDouble(4)).toList();
                blocks.add(new ChartBlock(charts.bars(chartId("cible-" + name + "-" + target), texts.get("uni.target", label),
                        texts.get("uni.target.categorical.desc", labels.get(0), formats.percent(shares.get(0)),
                                formats.count(labels.size())), label, texts.get("chart.share"), labels, shares, true), List.of(target)));
            }
        }
        return blocks;
    }

    private List<String> targets() {
        return config.dataset() == null ? List.of() : config.dataset().targets().stream().map(t -> t.column()).toList();
    }

    private List<Block> boxPlots(String name, String where) {
        List<Row> strongest = new ArrayList<>();
        // by each target first (the variables that separate its classes best), then the strongest other pairs
        for (String target : targets()) {
            strongest.addAll(rows(Layer.GOLD, "stats_anova", where + " AND categorical = " + DeltaIO.quote(target)
                    + " AND eta_squared IS NOT NULL ORDER BY eta_squared DESC LIMIT 3", "numeric", "categorical", "eta_squared"));
        }
        Set<String> shown = new HashSet<>();
        strongest.forEach(r -> shown.add(r.getString(0) + "|" + r.getString(1)));
        rows(Layer.GOLD, "stats_anova", where + " AND eta_squared IS NOT NULL ORDER BY eta_squared DESC LIMIT 8", "numeric",
                "categorical", "eta_squared").stream().filter(r -> !shown.contains(r.getString(0) + "|" + r.getString(1))).limit(4)
                .forEach(strongest::add);
        List<Block> blocks = new ArrayList<>();
        for (Row pair : strongest) {
            String numeric = pair.getString(0);
            String categorical = pair.getString(1);
            List<Row> groups = rows(Layer.GOLD, "stats_groups", where + " AND numeric = " + DeltaIO.quote(numeric) + " AND categorical = "
                    + DeltaIO.quote(categorical) + " ORDER BY count DESC LIMIT 15", "modality", "count", "mean", "min", "q1", "median",
                    "q3", "max");
            List<Charts.Box> boxes = groups.stream().map(g -> new Charts.Box(g.getString(0), g.getLong(1), g.getDouble(2), g.getDouble(3),
                    g.getDouble(4), g.getDouble(5), g.getDouble(6), g.getDouble(7))).toList();
            String numericLabel = labels.of(name, numeric);
            String categoricalLabel = labels.of(name, categorical);
            blocks.add(new ChartBlock(charts.boxes(chartId("boites-" + name + "-" + numeric + "-" + categorical),
                    texts.get("bi.box.chart", numericLabel, categoricalLabel), texts.get("bi.box.desc", formats.number(pair.getDouble(2), 2),
                            formats.count(boxes.size())), categoricalLabel, numericLabel, boxes), List.of(numeric, categorical)));
        }
        return blocks;
    }

    private Block table(String caption, Layer layer, String name, String where, String... columns) {
        return tables.table(caption, layer, name, where, columns);
    }

    private void sheet(String caption, Layer layer, String name, String where, String... columns) {
        tables.sheet(caption, layer, name, where, columns);
    }

    private String chartId(String base) {
        return chartIds.next(base);
    }

    // ---------------------------------------------------------------- reading

    /** Rows of the tuned table of the run date, counted once for the key figures and the scatter sample. */
    private long silverRows(String name) {
        return silverRows.computeIfAbsent(name, table -> read(Layer.SILVER, table).count());
    }

    private Dataset<Row> read(Layer layer, String name) {
        return tables.read(layer, name);
    }

    private List<Row> rows(Layer layer, String name, String where, String... columns) {
        return tables.rows(layer, name, where, columns);
    }

    private List<String> distinct(Layer layer, String name, String column) {
        return tables.distinct(layer, name, column);
    }

    private String modality(String value) {
        if (value == null) {
            return texts.get("uni.missing");
        }
        return value.equals(StatsEngine.OTHERS) ? texts.get("uni.others") : value;
    }

    private String[] strongestPair(List<String> names, double[][] matrix) {
        String[] best = {names.get(0), names.get(1), formats.number(0, 2)};
        double strongest = -1;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (Double.isFinite(matrix[i][j]) && Math.abs(matrix[i][j]) > strongest) {
                    strongest = Math.abs(matrix[i][j]);
                    best = new String[] {names.get(i), names.get(j), formats.number(matrix[i][j], 2)};
                }
            }
        }
        return best;
    }
}
