package io.datapilot.stats;

import java.util.List;

/** Everything {@link StatsEngine} computes on one table, ready for the gold tables (long format). */
public record StatsResult(
        String table,
        long rows,
        List<Univariate> univariate,
        List<Frequency> frequencies,
        List<HistogramBin> histograms,
        List<Correlation> correlations,
        List<ChiSquareRow> chiSquares,
        List<ContingencyCell> contingency,
        List<GroupStat> groups,
        List<AnovaRow> anovas,
        List<Component> components,
        List<TargetLink> targetLinks) {

    /** One statistic of one column: {@code mean}, {@code median}, {@code q1}, {@code iqr}, {@code missing}… */
    public record Univariate(String column, String kind, String statistic, double value) {}

    /** One modality's count; {@code rank} 0 for the sum of the modalities after the top N ("autres"). */
    public record Frequency(String column, String modality, int rank, long count, double share, long distinct) {}

    public record HistogramBin(String column, int bin, double lower, double upper, long count) {}

    public record Correlation(String method, String x, String y, double value, long n) {}

    public record ChiSquareRow(String x, String y, double chi2, int df, double pValue, double cramersV, long n,
            double lowExpectedShare) {}

    public record ContingencyCell(String x, String y, String valueX, String valueY, long count, double expected) {}

    /** A numeric variable in one group of a categorical one (box plots, group tables). */
    public record GroupStat(String numeric, String categorical, String modality, long count, double mean, double stddev,
            double min, double q1, double median, double q3, double max) {}

    public record AnovaRow(String numeric, String categorical, double f, int dfBetween, int dfWithin, double pValue,
            double etaSquared, long n, int groups) {}

    public record Component(int component, double eigenvalue, double explained, double cumulative, int variables, long n) {}

    /** How strongly a variable goes with a target: test, statistic, p-value and effect size. */
    public record TargetLink(String target, String variable, String test, double statistic, double pValue, String effect,
            double effectValue, long n) {}
}
