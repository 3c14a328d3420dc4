package io.datapilot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datapilot.core.config.StatsConfig;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine on 61 rows (stats/mesures.csv: x, y = 2x + noise, z whole numbers, g three regions,
 * h the target, a few missing values, one far outlier), every figure checked against a plain-Java
 * computation on the same file, written independently of Spark.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsEngineTest {
    private StatsResult result;
    private List<String[]> lines;

    @BeforeAll
    void analyse() throws IOException {
        String file = Paths.resource("stats/mesures.csv").toString();
        lines = Files.readAllLines(Paths.resource("stats/mesures.csv")).stream().skip(1).map(line -> line.split(",", -1)).toList();
        Dataset<Row> data = TestSpark.session().read().option("header", true).option("inferSchema", true).csv(file);
        List<Variable> variables = List.of(new Variable("x", true, false, false), new Variable("y", true, false, false),
                new Variable("z", true, true, false), new Variable("g", false, false, false),
                new Variable("h", false, false, true));
        result = new StatsEngine(new StatsConfig(2, 30, null, null, null, null)).analyse("test.mesures", data, variables);
    }

    private double[] column(int index) {
        return lines.stream().map(l -> l[index]).filter(v -> !v.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }

    private double stat(String column, String statistic) {
        return StatsStage.stat(result, column, statistic);
    }

    @Test
    void univariateStatisticsMatchAPlainComputation() {
        double[] x = column(1);
        int n = x.length;
        double mean = Arrays.stream(x).average().orElseThrow();
        double m2 = Arrays.stream(x).map(v -> Math.pow(v - mean, 2)).sum() / n;
        double m3 = Arrays.stream(x).map(v -> Math.pow(v - mean, 3)).sum() / n;
        double m4 = Arrays.stream(x).map(v -> Math.pow(v - mean, 4)).sum() / n;
        double[] sorted = Arrays.stream(x).sorted().toArray();
        assertThat(result.rows()).isEqualTo(61);
        assertThat(stat("x", "count")).isEqualTo(60);
        assertThat(stat("x", "missing")).isEqualTo(1);
        assertThat(stat("x", "mean")).isCloseTo(mean, within(1e-9));
        assertThat(stat("x", "stddev")).isCloseTo(Math.sqrt(m2 * n / (n - 1)), within(1e-9));
        assertThat(stat("x", "skewness")).isCloseTo(m3 / Math.pow(m2, 1.5), within(1e-9));
        assertThat(stat("x", "kurtosis")).isCloseTo(m4 / (m2 * m2) - 3, within(1e-9));
        assertThat(stat("x", "min")).isEqualTo(sorted[0]);
        assertThat(stat("x", "max")).isEqualTo(95.0);
        // on fewer values than its accuracy, percentile_approx is exact: the value of rank ⌈p·n⌉
        assertThat(stat("x", "q1")).isEqualTo(sorted[(int) Math.ceil(0.25 * n) - 1]);
        assertThat(stat("x", "median")).isEqualTo(sorted[(int) Math.ceil(0.5 * n) - 1]);
        assertThat(stat("x", "q3")).isEqualTo(sorted[(int) Math.ceil(0.75 * n) - 1]);
        double iqr = stat("x", "q3") - stat("x", "q1");
        long outside = Arrays.stream(x).filter(v -> v < stat("x", "q1") - 1.5 * iqr || v > stat("x", "q3") + 1.5 * iqr).count();
        assertThat(stat("x", "outliers")).isEqualTo(outside).isPositive();
        assertThat(stat("y", "missing")).isEqualTo(2);
        assertThat(stat("g", "missing")).isEqualTo(1);
        assertThat(stat("g", "distinct")).isEqualTo(3);
    }

    @Test
    void histogramsCoverTheValuesInsideTheFencesAndIntegersGetOneBarPerValue() {
        long inside = (long) (stat("x", "count") - stat("x", "outliers"));
        assertThat(result.histograms().stream().filter(b -> b.column().equals("x")).mapToLong(StatsResult.HistogramBin::count).sum())
                .isEqualTo(inside);
        List<StatsResult.HistogramBin> z = result.histograms().stream().filter(b -> b.column().equals("z")).toList();
        double[] values = column(3);
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        assertThat(z).hasSize((int) (max - min + 1));
        for (StatsResult.HistogramBin bin : z) {
            double value = (bin.lower() + bin.upper()) / 2;
            assertThat(bin.count()).as("z = " + value).isEqualTo(Arrays.stream(values).filter(v -> v == value).count());
        }
    }

    @Test
    void frequenciesNameTheTopModalitiesSumTheOthersAndKeepMissingValuesApart() {
        Map<String, Long> counts = lines.stream().filter(l -> !l[4].isEmpty())
                .collect(Collectors.groupingBy(l -> l[4], TreeMap::new, Collectors.counting()));
        List<StatsResult.Frequency> g = result.frequencies().stream().filter(f -> f.column().equals("g")).toList();
        List<Map.Entry<String, Long>> ranked = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
        // top 2 by count, "(autres)" (rank 0) with the third region, the missing value apart (rank −1)
        assertThat(g).hasSize(4);
        assertThat(g).filteredOn(f -> f.rank() == 1).singleElement().satisfies(f -> {
            assertThat(f.modality()).isEqualTo(ranked.get(0).getKey());
            assertThat(f.count()).isEqualTo(ranked.get(0).getValue());
            assertThat(f.share()).isCloseTo(ranked.get(0).getValue() / 61.0, within(1e-12));
        });
        assertThat(g).filteredOn(f -> f.rank() == 2).singleElement().extracting(StatsResult.Frequency::count)
                .isEqualTo(ranked.get(1).getValue());
        assertThat(g).filteredOn(f -> f.rank() == 0).singleElement().satisfies(f -> {
            assertThat(f.modality()).isEqualTo(StatsEngine.OTHERS);
            assertThat(f.count()).isEqualTo(ranked.get(2).getValue());
        });
        assertThat(g).filteredOn(f -> f.rank() == -1).singleElement().satisfies(f -> {
            assertThat(f.modality()).isNull();
            assertThat(f.count()).isEqualTo(1);
        });
        assertThat(g.stream().mapToLong(StatsResult.Frequency::count).sum()).isEqualTo(61);
        assertThat(g).allSatisfy(f -> assertThat(f.distinct()).isEqualTo(3));
    }

    @Test
    void survivesConstantEmptyAndMostlyZeroColumnsWithoutATarget() {
        Dataset<Row> edges = TestSpark.session().read().option("header", true).option("inferSchema", true)
                .csv(Paths.resource("stats/bords.csv").toString());
        List<Variable> variables = List.of(new Variable("constante", true, true, false),
                new Variable("vide", true, false, false), new Variable("zeros", true, true, false),
                new Variable("entier", true, true, false), new Variable("mesure", true, false, false),
                new Variable("unique", false, false, false));
        StatsResult edge = new StatsEngine(new StatsConfig(null, null, null, null, null, null)).analyse("test.bords", edges, variables);
        assertThat(StatsStage.stat(edge, "vide", "count")).isZero();
        assertThat(StatsStage.stat(edge, "vide", "missing")).isEqualTo(40);
        assertThat(edge.histograms()).noneMatch(b -> b.column().equals("vide"));
        // a column that is mostly zeros has empty fences: its bars cover every value
        assertThat(edge.histograms().stream().filter(b -> b.column().equals("zeros")).mapToLong(StatsResult.HistogramBin::count).sum())
                .isEqualTo(40);
        // whole numbers: bars at whole values, none empty at the edges
        List<StatsResult.HistogramBin> whole = edge.histograms().stream().filter(b -> b.column().equals("entier")).toList();
        assertThat(whole).extracting(StatsResult.HistogramBin::lower).containsExactly(9.5, 10.5, 11.5);
        assertThat(whole).allMatch(b -> b.count() > 0);
        // the constant and the empty column do not stop the correlations of the others
        assertThat(edge.correlations()).extracting(StatsResult.Correlation::x).containsOnly("zeros", "entier", "mesure");
        assertThat(edge.correlations()).allMatch(c -> c.n() == 40);
        assertThat(edge.components()).hasSize(3);
        // one modality only: no contingency, no group statistics, no target links
        assertThat(edge.chiSquares()).isEmpty();
        assertThat(edge.anovas()).isEmpty();
        assertThat(edge.targetLinks()).isEmpty();
    }

    @Test
    void correlationsMatchPearsonAndSpearmanOnCompleteRows() {
        List<double[]> complete = new ArrayList<>();
        for (String[] line : lines) {
            if (!line[1].isEmpty() && !line[2].isEmpty() && !line[3].isEmpty()) {
                complete.add(new double[] {Double.parseDouble(line[1]), Double.parseDouble(line[2]), Double.parseDouble(line[3])});
            }
        }
        double pearson = pearson(complete, 0, 1);
        List<double[]> ranks = ranks(complete);
        double spearman = pearson(ranks, 0, 1);
        assertThat(correlation("pearson", "x", "y").value()).isCloseTo(pearson, within(1e-9));
        assertThat(correlation("spearman", "x", "y").value()).isCloseTo(spearman, within(1e-9));
        assertThat(correlation("pearson", "x", "y").n()).isEqualTo(complete.size());
        assertThat(correlation("pearson", "y", "x").value()).isCloseTo(pearson, within(1e-12));
        assertThat(correlation("pearson", "z", "z").value()).isCloseTo(1, within(1e-12));
        // principal components: eigenvalues of the Pearson matrix, summing to the number of variables
        assertThat(result.components()).hasSize(3);
        assertThat(result.components().stream().mapToDouble(StatsResult.Component::eigenvalue).sum()).isCloseTo(3, within(1e-9));
        assertThat(result.components().get(0).eigenvalue()).isGreaterThan(1.5);
        assertThat(result.components().get(2).cumulative()).isCloseTo(1, within(1e-9));
    }

    @Test
    void chiSquareAndAnovaMatchTheirFormulas() {
        Map<String, Map<String, Long>> table = new TreeMap<>();
        lines.stream().filter(l -> !l[4].isEmpty() && !l[5].isEmpty())
                .forEach(l -> table.computeIfAbsent(l[4], k -> new TreeMap<>()).merge(l[5], 1L, Long::sum));
        double n = table.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        Map<String, Long> columns = new TreeMap<>();
        table.values().forEach(m -> m.forEach((k, v) -> columns.merge(k, v, Long::sum)));
        double chi2 = 0;
        for (Map<String, Long> row : table.values()) {
            double rowTotal = row.values().stream().mapToLong(Long::longValue).sum();
            for (Map.Entry<String, Long> column : columns.entrySet()) {
                double expected = rowTotal * column.getValue() / n;
                chi2 += Math.pow(row.getOrDefault(column.getKey(), 0L) - expected, 2) / expected;
            }
        }
        StatsResult.ChiSquareRow test = result.chiSquares().stream().filter(c -> c.x().equals("g") && c.y().equals("h")).findFirst()
                .orElseThrow();
        assertThat(test.chi2()).isCloseTo(chi2, within(1e-9));
        assertThat(test.df()).isEqualTo(2);
        assertThat(test.n()).isEqualTo((long) n);
        assertThat(result.contingency().stream().filter(c -> c.x().equals("g")).mapToLong(StatsResult.ContingencyCell::count).sum())
                .isEqualTo((long) n);

        // ANOVA of x by g, by hand: between and within sums of squares
        Map<String, List<Double>> groups = lines.stream().filter(l -> !l[1].isEmpty() && !l[4].isEmpty())
                .collect(Collectors.groupingBy(l -> l[4], Collectors.mapping(l -> Double.parseDouble(l[1]), Collectors.toList())));
        double all = groups.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElseThrow();
        double between = 0;
        double within = 0;
        int count = 0;
        for (List<Double> values : groups.values()) {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            between += values.size() * Math.pow(mean - all, 2);
            within += values.stream().mapToDouble(v -> Math.pow(v - mean, 2)).sum();
            count += values.size();
        }
        double f = (between / 2) / (within / (count - 3));
        StatsResult.AnovaRow anova = result.anovas().stream().filter(a -> a.numeric().equals("x") && a.categorical().equals("g"))
                .findFirst().orElseThrow();
        assertThat(anova.f()).isCloseTo(f, within(1e-6));
        assertThat(anova.etaSquared()).isCloseTo(between / (between + within), within(1e-9));
        assertThat(anova.dfWithin()).isEqualTo(count - 3);
        StatsResult.GroupStat nord = result.groups().stream().filter(s -> s.numeric().equals("x") && s.categorical().equals("g")
                && s.modality().equals("nord")).findFirst().orElseThrow();
        assertThat(nord.count()).isEqualTo(groups.get("nord").size());
        assertThat(nord.mean()).isCloseTo(groups.get("nord").stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                within(1e-9));
        assertThat(nord.max()).isEqualTo(groups.get("nord").stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    @Test
    void linksEveryVariableWithTheTarget() {
        assertThat(result.targetLinks()).extracting(StatsResult.TargetLink::variable).containsExactlyInAnyOrder("x", "y", "z", "g");
        assertThat(result.targetLinks()).filteredOn(l -> l.variable().equals("g")).singleElement()
                .satisfies(l -> assertThat(l.test()).isEqualTo("chi2"));
        assertThat(result.targetLinks()).filteredOn(l -> l.variable().equals("x")).singleElement()
                .satisfies(l -> assertThat(l.effect()).isEqualTo("eta_squared"));
        assertThat(result.targetLinks()).isSortedAccordingTo(
                Comparator.comparingDouble((StatsResult.TargetLink l) -> Math.abs(l.effectValue())).reversed());
    }

    private StatsResult.Correlation correlation(String method, String x, String y) {
        return result.correlations().stream().filter(c -> c.method().equals(method) && c.x().equals(x) && c.y().equals(y)).findFirst()
                .orElseThrow();
    }

    private static double pearson(List<double[]> rows, int a, int b) {
        double ma = rows.stream().mapToDouble(r -> r[a]).average().orElseThrow();
        double mb = rows.stream().mapToDouble(r -> r[b]).average().orElseThrow();
        double cov = rows.stream().mapToDouble(r -> (r[a] - ma) * (r[b] - mb)).sum();
        double va = rows.stream().mapToDouble(r -> Math.pow(r[a] - ma, 2)).sum();
        double vb = rows.stream().mapToDouble(r -> Math.pow(r[b] - mb, 2)).sum();
        return cov / Math.sqrt(va * vb);
    }

    /** Ranks per column, ties given their average rank. */
    private static List<double[]> ranks(List<double[]> rows) {
        int columns = rows.get(0).length;
        List<double[]> ranked = new ArrayList<>();
        rows.forEach(r -> ranked.add(new double[columns]));
        for (int c = 0; c < columns; c++) {
            int column = c;
            Integer[] order = new Integer[rows.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> rows.get(i)[column]));
            for (int i = 0; i < order.length;) {
                int j = i;
                while (j + 1 < order.length && rows.get(order[j + 1])[column] == rows.get(order[i])[column]) {
                    j++;
                }
                for (int k = i; k <= j; k++) {
                    ranked.get(order[k])[column] = (i + j) / 2.0 + 1;
                }
                i = j + 1;
            }
        }
        return ranked;
    }
}
