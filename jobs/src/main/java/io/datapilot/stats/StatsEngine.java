package io.datapilot.stats;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.kurtosis;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.skewness;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.config.StatsConfig;
import io.datapilot.core.spark.Jobs;
import io.datapilot.stats.StatsResult.AnovaRow;
import io.datapilot.stats.StatsResult.ChiSquareRow;
import io.datapilot.stats.StatsResult.Component;
import io.datapilot.stats.StatsResult.ContingencyCell;
import io.datapilot.stats.StatsResult.Correlation;
import io.datapilot.stats.StatsResult.Frequency;
import io.datapilot.stats.StatsResult.GroupStat;
import io.datapilot.stats.StatsResult.HistogramBin;
import io.datapilot.stats.StatsResult.TargetLink;
import io.datapilot.stats.StatsResult.Univariate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Univariate, bivariate and multivariate statistics of one table, in a fixed number of passes
 * whatever the number of columns: one aggregate for the moments and quartiles of every numeric
 * variable, one shuffle for every histogram and outlier count, one for every modality count, one for
 * every contingency table, one for every group statistic, and MLlib's correlation matrices (Pearson
 * in one pass, Spearman with one sort). Tests and effect sizes are computed on the driver from
 * these aggregates, whose size depends on the number of variables and modalities, not of rows.
 */
public final class StatsEngine {
    private static final double[] QUARTILES = {0.25, 0.5, 0.75};
    private static final int MOMENTS = 8;

    private final StatsConfig config;

    public StatsEngine(StatsConfig config) {
        this.config = config;
    }

    public StatsResult analyse(String table, Dataset<Row> source, List<Variable> variables) {
        List<Variable> numeric = variables.stream().filter(Variable::numeric).toList();
        List<Variable> categorical = variables.stream().filter(v -> !v.numeric()).toList();
        List<Column> columns = new ArrayList<>();
        numeric.forEach(v -> columns.add(col(quoted(v.name())).cast(DataTypes.DoubleType).as(v.name())));
        categorical.forEach(v -> columns.add(col(quoted(v.name())).cast(DataTypes.StringType).as(v.name())));
        Dataset<Row> data = source.select(columns.toArray(Column[]::new)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return analyse(table, data, numeric, categorical);
        } finally {
            data.unpersist();
        }
    }

    private StatsResult analyse(String table, Dataset<Row> data, List<Variable> numeric, List<Variable> categorical) {
        List<Univariate> univariate = new ArrayList<>();
        // pass 1: moments and quartiles of every numeric variable, and the rows complete on all of them
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)));
        for (Variable v : numeric) {
            Column c = col(quoted(v.name()));
            aggregates.add(count(c));
            aggregates.add(avg(c));
            aggregates.add(stddev_samp(c));
            aggregates.add(min(c));
            aggregates.add(max(c));
            aggregates.add(skewness(c));
            aggregates.add(kurtosis(c));
            aggregates.add(percentile_approx(c, lit(QUARTILES), lit(10_000)));
        }
        Row moments = Jobs.labelled(data.sparkSession(), "stats", table + " · moments and quartiles",
                () -> data.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first());
        long rows = moments.getLong(0);
        Map<String, double[]> fences = new LinkedHashMap<>();
        Map<String, double[]> bins = new LinkedHashMap<>();
        Map<String, Double> stddevs = new HashMap<>();
        for (int i = 0; i < numeric.size(); i++) {
            Variable v = numeric.get(i);
            int at = 1 + i * MOMENTS;
            long n = moments.getLong(at);
            put(univariate, v, "count", n);
            put(univariate, v, "missing", rows - n);
            put(univariate, v, "missing_share", rows == 0 ? 0 : (double) (rows - n) / rows);
            if (n == 0) {
                continue;
            }
            double mean = moments.getDouble(at + 1);
            double stddev = moments.isNullAt(at + 2) ? Double.NaN : moments.getDouble(at + 2);
            double minimum = moments.getDouble(at + 3);
            double maximum = moments.getDouble(at + 4);
            List<Double> q = moments.getList(at + 7);
            double q1 = q.get(0);
            double median = q.get(1);
            double q3 = q.get(2);
            double iqr = q3 - q1;
            put(univariate, v, "mean", mean);
            put(univariate, v, "stddev", stddev);
            put(univariate, v, "min", minimum);
            put(univariate, v, "q1", q1);
            put(univariate, v, "median", median);
            put(univariate, v, "q3", q3);
            put(univariate, v, "max", maximum);
            put(univariate, v, "iqr", iqr);
            put(univariate, v, "skewness", moments.isNullAt(at + 5) ? Double.NaN : moments.getDouble(at + 5));
            put(univariate, v, "kurtosis", moments.isNullAt(at + 6) ? Double.NaN : moments.getDouble(at + 6));
            put(univariate, v, "lower_fence", q1 - 1.5 * iqr);
            put(univariate, v, "upper_fence", q3 + 1.5 * iqr);
            fences.put(v.name(), new double[] {q1 - 1.5 * iqr, q3 + 1.5 * iqr});
            bins.put(v.name(), binning(v, n, minimum, maximum, q1, q3));
            stddevs.put(v.name(), stddev);
        }
        List<HistogramBin> histograms = Jobs.labelled(data.sparkSession(), "stats", table + " · histograms and outliers",
                () -> histograms(data, numeric, fences, bins, univariate));
        List<Frequency> frequencies = Jobs.labelled(data.sparkSession(), "stats", table + " · modality frequencies",
                () -> frequencies(data, categorical, rows, univariate));
        Map<String, Long> distinct = new HashMap<>();
        frequencies.forEach(f -> distinct.put(f.column(), f.distinct()));
        List<Variable> grouping = categorical.stream()
                .filter(v -> distinct.getOrDefault(v.name(), 0L) >= 2 && distinct.get(v.name()) <= config.maxModalities())
                .toList();
        List<ContingencyCell> cells = new ArrayList<>();
        List<ChiSquareRow> chiSquares = Jobs.labelled(data.sparkSession(), "stats", table + " · contingency tables",
                () -> contingency(data, grouping, cells));
        List<GroupStat> groups = new ArrayList<>();
        // constant variables have nothing to compare between groups or to correlate
        List<Variable> varying = numeric.stream().filter(v -> stddevs.containsKey(v.name()) && stddevs.get(v.name()) > 0).toList();
        List<AnovaRow> anovas = Jobs.labelled(data.sparkSession(), "stats", table + " · statistics per group",
                () -> groups(data, varying, grouping, groups));
        List<Correlation> correlations = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        Jobs.labelled(data.sparkSession(), "stats", table + " · Pearson and Spearman correlations",
                () -> correlations(data, varying, correlations, components));
        List<TargetLink> links = targetLinks(numeric, categorical, chiSquares, anovas, correlations);
        return new StatsResult(table, rows, univariate, frequencies, histograms, correlations, chiSquares, cells, groups, anovas,
                components, links);
    }

    /**
     * {lower edge, width, bars, lowest drawn value, highest drawn value}. The bars cover the values
     * inside the Tukey fences, so that a few extreme values do not squash the others into one bar
     * (the values outside are counted apart), or every value when the fences are empty (IQR 0, as for
     * a column that is mostly zeros). Whole numbers over a small range get one bar per value;
     * otherwise Freedman–Diaconis, 5 to 40 bars.
     */
    private double[] binning(Variable v, long n, double minimum, double maximum, double q1, double q3) {
        double iqr = q3 - q1;
        double low = iqr > 0 ? Math.max(minimum, q1 - 1.5 * iqr) : minimum;
        double high = iqr > 0 ? Math.min(maximum, q3 + 1.5 * iqr) : maximum;
        if (v.integral()) {
            low = Math.ceil(low);
            high = Math.floor(high);
        }
        double range = high - low;
        if (config.histogramBins() == null && v.integral() && range <= 40) {
            return new double[] {low - 0.5, 1, range + 1, low, high};
        }
        if (range == 0) {
            return new double[] {low - 0.5, 1, 1, low, high};
        }
        int count;
        if (config.histogramBins() != null) {
            count = config.histogramBins();
        } else {
            double width = 2 * iqr / Math.cbrt(n);
            count = width > 0 ? (int) Math.ceil(range / width) : (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
            count = Math.max(5, Math.min(40, count));
        }
        return new double[] {low, range / count, count, low, high};
    }

    // pass 2: every histogram and every outlier count, in one shuffle of (variable, bar, side of the fences)
    private List<HistogramBin> histograms(Dataset<Row> data, List<Variable> numeric, Map<String, double[]> fences,
            Map<String, double[]> bins, List<Univariate> univariate) {
        List<String> names = new ArrayList<>(fences.keySet());
        if (names.isEmpty()) {
            return List.of();
        }
        List<Column> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Column c = col(quoted(names.get(i)));
            double[] b = bins.get(names.get(i));
            double[] f = fences.get(names.get(i));
            Column side = when(c.lt(f[0]), lit(-1)).when(c.gt(f[1]), lit(1)).otherwise(lit(0));
            Column bar = when(c.geq(b[3]).and(c.leq(b[4])), least(greatest(floor(c.minus(lit(b[0])).divide(lit(b[1]))), lit(0L)),
                    lit((long) b[2] - 1))).otherwise(lit(-1L)).cast("int");
            entries.add(when(c.isNotNull(), struct(lit(i).as("v"), bar.as("b"), side.as("s"))));
        }
        List<Row> counted = data.select(explode(array(entries.toArray(Column[]::new))).as("e")).where(col("e").isNotNull())
                .groupBy(col("e.v"), col("e.b"), col("e.s")).count().collectAsList();
        long[][] bars = new long[names.size()][];
        long[] low = new long[names.size()];
        long[] high = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            bars[i] = new long[(int) bins.get(names.get(i))[2]];
        }
        for (Row row : counted) {
            int v = row.getInt(0);
            if (row.getInt(1) >= 0) {
                bars[v][row.getInt(1)] += row.getLong(3);
            }
            int side = row.getInt(2);
            if (side < 0) {
                low[v] += row.getLong(3);
            } else if (side > 0) {
                high[v] += row.getLong(3);
            }
        }
        List<HistogramBin> histograms = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] b = bins.get(names.get(i));
            for (int bar = 0; bar < bars[i].length; bar++) {
                histograms.add(new HistogramBin(names.get(i), bar, b[0] + bar * b[1], b[0] + (bar + 1) * b[1], bars[i][bar]));
            }
            String name = names.get(i);
            Variable v = numeric.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
            put(univariate, v, "outliers_low", low[i]);
            put(univariate, v, "outliers_high", high[i]);
            put(univariate, v, "outliers", low[i] + high[i]);
        }
        return histograms;
    }

    // pass 3: every modality of every categorical variable, in one shuffle; the top N named, the rest summed
    private List<Frequency> frequencies(Dataset<Row> data, List<Variable> categorical, long rows, List<Univariate> univariate) {
        if (categorical.isEmpty()) {
            return List.of();
        }
        List<Column> entries = new ArrayList<>();
        for (int i = 0; i < categorical.size(); i++) {
            entries.add(struct(lit(i).as("v"), col(quoted(categorical.get(i).name())).as("m")));
        }
        Dataset<Row> counts = data.select(explode(array(entries.toArray(Column[]::new))).as("e"))
                .groupBy(col("e.v").as("v"), col("e.m").as("m")).count()
                // missing values are not a modality: ranked apart (rank −1), never summed into the others
                .withColumn("rank", when(col("m").isNull(), lit(-1))
                        .otherwise(row_number().over(Window.partitionBy(col("v"), col("m").isNull()).orderBy(col("count").desc(), col("m")))))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<Integer, long[]> totals = new HashMap<>();
            for (Row row : counts.groupBy("v").agg(count(col("m")), sum(when(col("rank").gt(config.topN()), col("count"))),
                    sum(when(col("m").isNull(), col("count")))).collectAsList()) {
                long missing = row.isNullAt(3) ? 0 : row.getLong(3);
                totals.put(row.getInt(0), new long[] {row.getLong(1), row.isNullAt(2) ? 0 : row.getLong(2)});
                String name = categorical.get(row.getInt(0)).name();
                univariate.add(new Univariate(name, "categorical", "count", rows - missing));
                univariate.add(new Univariate(name, "categorical", "missing", missing));
                univariate.add(new Univariate(name, "categorical", "missing_share", rows == 0 ? 0 : (double) missing / rows));
                univariate.add(new Univariate(name, "categorical", "distinct", row.getLong(1)));
            }
            List<Frequency> frequencies = new ArrayList<>();
            for (Row row : counts.where(col("rank").leq(config.topN())).orderBy(col("v"), when(col("rank").lt(0), lit(Integer.MAX_VALUE))
                    .otherwise(col("rank"))).collectAsList()) {
                int v = row.getInt(0);
                long c = row.getLong(2);
                frequencies.add(new Frequency(categorical.get(v).name(), row.isNullAt(1) ? null : row.getString(1), row.getInt(3), c,
                        (double) c / rows, totals.get(v)[0]));
            }
            totals.forEach((v, total) -> {
                if (total[1] > 0) {
                    frequencies.add(new Frequency(categorical.get(v).name(), OTHERS, 0, total[1], (double) total[1] / rows, total[0]));
                }
            });
            return frequencies;
        } finally {
            counts.unpersist();
        }
    }

    /** The modality that stands for the modalities after the top N (rank 0); missing values are the null modality. */
    public static final String OTHERS = "(autres)";

    // pass 4: every contingency table of two categorical variables, in one shuffle
    private List<ChiSquareRow> contingency(Dataset<Row> data, List<Variable> grouping, List<ContingencyCell> cells) {
        List<String[]> pairs = new ArrayList<>();
        List<Column> entries = new ArrayList<>();
        for (int i = 0; i < grouping.size(); i++) {
            for (int j = i + 1; j < grouping.size(); j++) {
                Column x = col(quoted(grouping.get(i).name()));
                Column y = col(quoted(grouping.get(j).name()));
                entries.add(when(x.isNotNull().and(y.isNotNull()), struct(lit(pairs.size()).as("p"), x.as("x"), y.as("y"))));
                pairs.add(new String[] {grouping.get(i).name(), grouping.get(j).name()});
            }
        }
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<Row> counted = data.select(explode(array(entries.toArray(Column[]::new))).as("e")).where(col("e").isNotNull())
                .groupBy(col("e.p"), col("e.x"), col("e.y")).count().collectAsList();
        Map<Integer, List<Row>> byPair = new HashMap<>();
        counted.forEach(row -> byPair.computeIfAbsent(row.getInt(0), p -> new ArrayList<>()).add(row));
        List<ChiSquareRow> tests = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            List<Row> pairRows = byPair.getOrDefault(p, List.of());
            List<String> xs = pairRows.stream().map(r -> r.getString(1)).distinct().sorted().toList();
            List<String> ys = pairRows.stream().map(r -> r.getString(2)).distinct().sorted().toList();
            long[][] observed = new long[xs.size()][ys.size()];
            pairRows.forEach(r -> observed[xs.indexOf(r.getString(1))][ys.indexOf(r.getString(2))] = r.getLong(3));
            StatTests.ChiSquare test = StatTests.chiSquare(observed);
            tests.add(new ChiSquareRow(pairs.get(p)[0], pairs.get(p)[1], test.statistic(), test.degreesOfFreedom(), test.pValue(),
                    test.cramersV(), test.n(), test.lowExpectedShare()));
            for (int r = 0; r < xs.size(); r++) {
                for (int c = 0; c < ys.size(); c++) {
                    cells.add(new ContingencyCell(pairs.get(p)[0], pairs.get(p)[1], xs.get(r), ys.get(c), observed[r][c],
                            test.expected()[r][c]));
                }
            }
        }
        return tests;
    }

    // pass 5: every numeric variable in every group of every categorical one, in one shuffle
    private List<AnovaRow> groups(Dataset<Row> data, List<Variable> numeric, List<Variable> grouping, List<GroupStat> groups) {
        if (numeric.isEmpty() || grouping.isEmpty()) {
            return List.of();
        }
        List<Column> entries = new ArrayList<>();
        for (int g = 0; g < grouping.size(); g++) {
            Column c = col(quoted(grouping.get(g).name()));
            entries.add(when(c.isNotNull(), struct(lit(g).as("g"), c.as("m"))));
        }
        List<Column> selected = new ArrayList<>();
        selected.add(explode(array(entries.toArray(Column[]::new))).as("e"));
        numeric.forEach(v -> selected.add(col(quoted(v.name()))));
        List<Column> aggregates = new ArrayList<>();
        for (Variable v : numeric) {
            Column c = col(quoted(v.name()));
            aggregates.add(count(c));
            aggregates.add(avg(c));
            aggregates.add(var_samp(c));
            aggregates.add(min(c));
            aggregates.add(max(c));
            aggregates.add(percentile_approx(c, lit(QUARTILES), lit(1_000)));
        }
        List<Row> counted = data.select(selected.toArray(Column[]::new)).where(col("e").isNotNull())
                .groupBy(col("e.g"), col("e.m")).agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .orderBy("g", "m").collectAsList();
        List<AnovaRow> anovas = new ArrayList<>();
        for (int g = 0; g < grouping.size(); g++) {
            int group = g;
            List<Row> rowsOfGroup = counted.stream().filter(r -> r.getInt(0) == group).toList();
            for (int i = 0; i < numeric.size(); i++) {
                int at = 2 + i * 6;
                List<StatTests.GroupMoments> moments = new ArrayList<>();
                for (Row row : rowsOfGroup) {
                    long n = row.getLong(at);
                    if (n == 0) {
                        continue;
                    }
                    double mean = row.getDouble(at + 1);
                    double variance = row.isNullAt(at + 2) ? Double.NaN : row.getDouble(at + 2);
                    moments.add(new StatTests.GroupMoments(n, mean, variance));
                    List<Double> q = row.getList(at + 5);
                    groups.add(new GroupStat(numeric.get(i).name(), grouping.get(g).name(), row.getString(1), n, mean, Math.sqrt(variance),
                            row.getDouble(at + 3), q.get(0), q.get(1), q.get(2), row.getDouble(at + 4)));
                }
                StatTests.Anova anova = StatTests.anova(moments.toArray(StatTests.GroupMoments[]::new));
                anovas.add(new AnovaRow(numeric.get(i).name(), grouping.get(g).name(), anova.f(), anova.dfBetween(), anova.dfWithin(),
                        anova.pValue(), anova.etaSquared(), anova.n(), anova.groups()));
            }
        }
        return anovas;
    }

    // MLlib: Pearson in one pass, Spearman with one sort; principal components from the Pearson matrix
    private void correlations(Dataset<Row> data, List<Variable> numeric, List<Correlation> correlations, List<Component> components) {
        if (numeric.size() < 2) {
            return;
        }
        String[] names = numeric.stream().map(Variable::name).toArray(String[]::new);
        Column complete = lit(true);
        for (String name : names) {
            complete = complete.and(col(quoted(name)).isNotNull());
        }
        long completeRows = data.where(complete).count();
        if (completeRows < 3) {
            return;
        }
        Dataset<Row> vectors = new VectorAssembler().setInputCols(names).setOutputCol("__features").setHandleInvalid("skip")
                .transform(data).select("__features");
        double[][] pearson = null;
        // Spearman ranks every value of every variable by a sort: above spearman_rows, on a random sample of that size
        boolean sampled = completeRows > config.spearmanRows();
        Dataset<Row> ranked = sampled
                ? vectors.sample(false, Math.min(1.0, config.spearmanRows() * 1.05 / completeRows), 42).limit((int) Math.min(
                        Integer.MAX_VALUE, config.spearmanRows())).persist(StorageLevel.MEMORY_AND_DISK())
                : vectors;
        long spearmanRows = sampled ? ranked.count() : completeRows;
        for (String method : List.of("pearson", "spearman")) {
            Dataset<Row> input = method.equals("pearson") ? vectors : ranked;
            long n = method.equals("pearson") ? completeRows : spearmanRows;
            Matrix matrix = org.apache.spark.ml.stat.Correlation.corr(input, "__features", method).first().getAs(0);
            double[][] values = new double[names.length][names.length];
            for (int i = 0; i < names.length; i++) {
                for (int j = 0; j < names.length; j++) {
                    values[i][j] = matrix.apply(i, j);
                    correlations.add(new Correlation(method, names[i], names[j], values[i][j], n));
                }
            }
            if (method.equals("pearson")) {
                pearson = values;
            }
        }
        if (sampled) {
            ranked.unpersist();
        }
        if (java.util.Arrays.stream(pearson).flatMapToDouble(java.util.Arrays::stream).anyMatch(Double::isNaN)) {
            // a variable constant on the complete rows: no principal components
            return;
        }
        double[] variances = StatTests.principalVariances(pearson);
        double cumulative = 0;
        for (int k = 0; k < variances.length; k++) {
            double explained = variances[k] / names.length;
            cumulative += explained;
            components.add(new Component(k + 1, variances[k], explained, Math.min(1, cumulative), names.length, completeRows));
        }
    }

    private static List<TargetLink> targetLinks(List<Variable> numeric, List<Variable> categorical, List<ChiSquareRow> chiSquares,
            List<AnovaRow> anovas, List<Correlation> correlations) {
        List<TargetLink> links = new ArrayList<>();
        List<Variable> targets = new ArrayList<>(numeric.stream().filter(Variable::target).toList());
        targets.addAll(categorical.stream().filter(Variable::target).toList());
        for (Variable target : targets) {
            String t = target.name();
            for (ChiSquareRow chi : chiSquares) {
                if (chi.x().equals(t) || chi.y().equals(t)) {
                    links.add(new TargetLink(t, chi.x().equals(t) ? chi.y() : chi.x(), "chi2", chi.chi2(), chi.pValue(), "cramers_v",
                            chi.cramersV(), chi.n()));
                }
            }
            for (AnovaRow anova : anovas) {
                if (anova.categorical().equals(t) || anova.numeric().equals(t)) {
                    links.add(new TargetLink(t, anova.categorical().equals(t) ? anova.numeric() : anova.categorical(), "anova", anova.f(),
                            anova.pValue(), "eta_squared", anova.etaSquared(), anova.n()));
                }
            }
            for (Correlation r : correlations) {
                if (r.method().equals("pearson") && r.x().equals(t) && !r.y().equals(t)) {
                    double n = r.n();
                    double stat = r.value() * Math.sqrt((n - 2) / Math.max(1e-300, 1 - r.value() * r.value()));
                    double p = n > 2 ? 2 * (1 - new org.apache.commons.math3.distribution.TDistribution(n - 2)
                            .cumulativeProbability(Math.abs(stat))) : Double.NaN;
                    links.add(new TargetLink(t, r.y(), "pearson", stat, Math.max(0, p), "pearson_r", r.value(), r.n()));
                }
            }
        }
        // strongest first; undefined effects (NaN) last
        links.sort(java.util.Comparator.comparingDouble((TargetLink link) -> Double.isNaN(link.effectValue()) ? -1 : Math.abs(link.effectValue()))
                .reversed());
        return links;
    }

    private static void put(List<Univariate> univariate, Variable v, String statistic, double value) {
        univariate.add(new Univariate(v.name(), "numeric", statistic, value));
    }

    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
