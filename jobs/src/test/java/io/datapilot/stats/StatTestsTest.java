package io.datapilot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The tests against textbook examples whose results are published. */
class StatTestsTest {

    @Test
    void chiSquareOfTheNeighbourhoodsAndOccupationsExample() {
        // occupations (white, blue, no collar) by neighbourhood A–D of a city of 650 sampled residents
        // (Wikipedia, "Chi-squared test", example): χ² ≈ 24,6 with 6 degrees of freedom, p ≈ 0,0004
        long[][] observed = {{90, 60, 104, 95}, {30, 50, 51, 20}, {30, 40, 45, 35}};
        StatTests.ChiSquare test = StatTests.chiSquare(observed);
        assertThat(test.statistic()).isCloseTo(24.5712, within(1e-4));
        assertThat(test.degreesOfFreedom()).isEqualTo(6);
        // closed form of the χ² survival function for 6 degrees of freedom: e^(−x/2) (1 + x/2 + (x/2)²/2)
        double half = test.statistic() / 2;
        assertThat(test.pValue()).isCloseTo(Math.exp(-half) * (1 + half + half * half / 2), within(1e-9)).isCloseTo(0.00041, within(1e-5));
        assertThat(test.cramersV()).isCloseTo(Math.sqrt(24.5712 / (650 * 2)), within(1e-5));
        assertThat(test.n()).isEqualTo(650);
        assertThat(test.expected()[0][0]).isCloseTo(349.0 * 150 / 650, within(1e-9));
        assertThat(test.lowExpectedShare()).isZero();
    }

    @Test
    void chiSquareOfIndependentVariablesIsZeroAndEmptyRowsAreLeftOut() {
        StatTests.ChiSquare test = StatTests.chiSquare(new long[][] {{10, 20}, {0, 0}, {30, 60}});
        assertThat(test.statistic()).isCloseTo(0, within(1e-12));
        assertThat(test.degreesOfFreedom()).isEqualTo(1);
        assertThat(test.pValue()).isCloseTo(1, within(1e-9));
        assertThat(test.cramersV()).isCloseTo(0, within(1e-9));
    }

    @Test
    void cochransRuleCountsTheCellsExpectedBelowFive() {
        StatTests.ChiSquare test = StatTests.chiSquare(new long[][] {{20, 10}, {10, 20}});
        assertThat(test.lowExpectedShare()).isZero();
        StatTests.ChiSquare small = StatTests.chiSquare(new long[][] {{3, 1}, {1, 3}});
        assertThat(small.lowExpectedShare()).isEqualTo(1.0);
    }

    @Test
    void oneWayAnovaOfTheThreeGroupsExample() {
        // Wikipedia, "One-way analysis of variance", example: a1 = 6 8 4 5 3 4, a2 = 8 12 9 11 6 8,
        // a3 = 13 9 11 8 7 12 → SSB 84, SSW 68, F(2, 15) ≈ 9,26
        StatTests.Anova anova = StatTests.anova(moments(6, 8, 4, 5, 3, 4), moments(8, 12, 9, 11, 6, 8), moments(13, 9, 11, 8, 7, 12));
        assertThat(anova.f()).isCloseTo(9.2647, within(1e-4));
        assertThat(anova.dfBetween()).isEqualTo(2);
        assertThat(anova.dfWithin()).isEqualTo(15);
        // with 2 degrees of freedom in the numerator, P(F > f) = (1 + 2f / d2)^(−d2 / 2)
        assertThat(anova.pValue()).isCloseTo(Math.pow(1 + 2 * anova.f() / 15, -7.5), within(1e-9)).isCloseTo(0.0024, within(1e-4));
        assertThat(anova.etaSquared()).isCloseTo(84.0 / 152.0, within(1e-9));
        assertThat(anova.n()).isEqualTo(18);
        assertThat(anova.groups()).isEqualTo(3);
    }

    @Test
    void anovaNeedsTwoGroupsAndSkipsEmptyOnes() {
        StatTests.Anova single = StatTests.anova(moments(1, 2, 3), new StatTests.GroupMoments(0, Double.NaN, Double.NaN));
        assertThat(single.groups()).isEqualTo(1);
        assertThat(single.f()).isNaN();
        assertThat(single.pValue()).isNaN();
    }

    @Test
    void anovaOfAConstantVariableIsUndefinedNotSignificant() {
        StatTests.Anova constant = StatTests.anova(moments(5, 5, 5), moments(5, 5), moments(5, 5, 5, 5));
        assertThat(constant.f()).isNaN();
        assertThat(constant.pValue()).isNaN();
        assertThat(constant.etaSquared()).isNaN();
        // groups that differ but do not vary inside: a perfect separation
        StatTests.Anova separated = StatTests.anova(moments(1, 1, 1), moments(2, 2, 2));
        assertThat(separated.f()).isInfinite();
        assertThat(separated.pValue()).isZero();
        assertThat(separated.etaSquared()).isEqualTo(1.0);
    }

    @Test
    void principalComponentsOfACorrelationMatrixShareTheVariance() {
        // two variables correlated at r: eigenvalues 1 + r and 1 − r
        double[] variances = StatTests.principalVariances(new double[][] {{1, 0.6}, {0.6, 1}});
        assertThat(variances).containsExactly(new double[] {1.6, 0.4}, within(1e-12));
        double[] three = StatTests.principalVariances(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(three).containsExactly(new double[] {1, 1, 1}, within(1e-12));
    }

    private static StatTests.GroupMoments moments(double... values) {
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return new StatTests.GroupMoments(values.length, mean, values.length > 1 ? squares / (values.length - 1) : Double.NaN);
    }
}
