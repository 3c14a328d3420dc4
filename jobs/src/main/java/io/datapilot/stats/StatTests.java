package io.datapilot.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * The tests and effect sizes of the bivariate and multivariate analyses, computed on the driver
 * from aggregates that Spark has already reduced (contingency counts, per-group sums, a
 * correlation matrix): nothing here reads rows.
 */
public final class StatTests {
    private StatTests() {}

    /** Pearson's chi-square test of independence and Cramér's V of a contingency table. */
    public record ChiSquare(double statistic, int degreesOfFreedom, double pValue, double cramersV, long n,
            double lowExpectedShare, double[][] expected) {}

    /** One-way analysis of variance of a numeric variable across the groups of a categorical one. */
    public record Anova(double f, int dfBetween, int dfWithin, double pValue, double etaSquared, long n, int groups) {}

    /**
     * Count, mean and sample variance of a numeric variable in one group (Spark's {@code avg} and
     * {@code var_samp}, which do not lose digits as a sum of squares minus n·mean² would).
     */
    public record GroupMoments(long count, double mean, double variance) {}

    /**
     * Rows and columns whose total is zero are left out (they carry no information and would divide
     * by zero). {@code lowExpectedShare} is the share of cells expected below 5, where the
     * chi-square approximation is doubtful (Cochran's rule: at most 20 %).
     */
    public static ChiSquare chiSquare(long[][] observed) {
        int rows = observed.length;
        int columns = rows == 0 ? 0 : observed[0].length;
        double[] rowTotals = new double[rows];
        double[] columnTotals = new double[columns];
        double n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                rowTotals[r] += observed[r][c];
                columnTotals[c] += observed[r][c];
                n += observed[r][c];
            }
        }
        int usedRows = 0;
        int usedColumns = 0;
        for (double total : rowTotals) {
            usedRows += total > 0 ? 1 : 0;
        }
        for (double total : columnTotals) {
            usedColumns += total > 0 ? 1 : 0;
        }
        double[][] expected = new double[rows][columns];
        double statistic = 0;
        int low = 0;
        int cells = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (rowTotals[r] == 0 || columnTotals[c] == 0) {
                    continue;
                }
                double e = rowTotals[r] * columnTotals[c] / n;
                expected[r][c] = e;
                double difference = observed[r][c] - e;
                statistic += difference * difference / e;
                cells++;
                low += e < 5 ? 1 : 0;
            }
        }
        int df = (usedRows - 1) * (usedColumns - 1);
        double p = df > 0 ? new ChiSquaredDistribution(df).cumulativeProbability(statistic) : Double.NaN;
        int smaller = Math.min(usedRows, usedColumns) - 1;
        double v = n > 0 && smaller > 0 ? Math.sqrt(statistic / (n * smaller)) : Double.NaN;
        return new ChiSquare(statistic, df, df > 0 ? Math.max(0, 1 - p) : Double.NaN, v, (long) n,
                cells == 0 ? Double.NaN : (double) low / cells, expected);
    }

    /**
     * From each group's count, mean and variance (one pass over the data gives them all). Groups
     * without values are left out; F, p and η² are not defined (NaN) with fewer than two groups, no
     * degree of freedom within the groups, or no variance at all.
     */
    public static Anova anova(GroupMoments... groups) {
        long n = 0;
        double weighted = 0;
        int used = 0;
        for (GroupMoments group : groups) {
            if (group.count() > 0) {
                used++;
                n += group.count();
                weighted += group.count() * group.mean();
            }
        }
        double grandMean = n == 0 ? Double.NaN : weighted / n;
        double between = 0;
        double within = 0;
        double scale = 0;
        for (GroupMoments group : groups) {
            if (group.count() > 0) {
                between += group.count() * (group.mean() - grandMean) * (group.mean() - grandMean);
                within += group.count() > 1 ? (group.count() - 1) * group.variance() : 0;
                scale = Math.max(scale, Math.abs(group.mean()));
            }
        }
        double total = between + within;
        int dfBetween = used - 1;
        int dfWithin = (int) Math.min(Integer.MAX_VALUE, n - used);
        // no variance at all (a constant variable): nothing to explain, rather than an infinite F
        boolean constant = total <= 1e-12 * Math.max(1, scale * scale) * n;
        if (dfBetween < 1 || dfWithin < 1 || constant) {
            return new Anova(Double.NaN, dfBetween, dfWithin, Double.NaN, Double.NaN, n, used);
        }
        double f = within == 0 ? Double.POSITIVE_INFINITY : (between / dfBetween) / (within / dfWithin);
        double p = Double.isInfinite(f) ? 0 : 1 - new FDistribution(dfBetween, dfWithin).cumulativeProbability(f);
        return new Anova(f, dfBetween, dfWithin, Math.max(0, p), between / total, n, used);
    }

    /**
     * Principal components of standardised variables: the eigenvalues of their correlation matrix,
     * largest first. Each eigenvalue over the number of variables is the share of variance the
     * component explains.
     */
    public static double[] principalVariances(double[][] correlation) {
        if (correlation.length == 0) {
            return new double[0];
        }
        double[] values = new EigenDecomposition(MatrixUtils.createRealMatrix(correlation)).getRealEigenvalues().clone();
        java.util.Arrays.sort(values);
        double[] descending = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            descending[i] = Math.max(0, values[values.length - 1 - i]);
        }
        return descending;
    }
}
