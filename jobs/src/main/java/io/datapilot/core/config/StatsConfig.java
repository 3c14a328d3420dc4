package io.datapilot.core.config;

import java.util.List;

/**
 * What the statistics stage computes on the tuned tables.
 *
 * @param topN modalities listed by name in the frequency tables and bar charts; the others are
 *     summed as "autres"
 * @param maxModalities a categorical variable with more distinct values than this is left out of
 *     contingency tables, chi-square tests, group statistics and ANOVA (its frequencies are still given)
 * @param scatterPairs pairs of numeric columns to draw as scatter plots, besides the most correlated pairs
 * @param scatterPoints points drawn per scatter plot (a random sample of the rows, fixed seed)
 * @param histogramBins bars per histogram; default: Freedman–Diaconis, between 5 and 40
 * @param spearmanRows above this many complete rows, Spearman's coefficients come from a random
 *     sample of that size (MLlib ranks by sorting every value of every variable: the costliest step)
 */
public record StatsConfig(Integer topN, Integer maxModalities, List<List<String>> scatterPairs, Integer scatterPoints,
        Integer histogramBins, Long spearmanRows) {

    public StatsConfig {
        topN = topN == null ? 10 : topN;
        maxModalities = maxModalities == null ? 30 : maxModalities;
        scatterPairs = scatterPairs == null ? List.of() : scatterPairs.stream().map(List::copyOf).toList();
        scatterPoints = scatterPoints == null ? 2000 : scatterPoints;
        spearmanRows = spearmanRows == null ? 1_000_000L : spearmanRows;
    }

    static StatsConfig defaults() {
        return new StatsConfig(null, null, null, null, null, null);
    }
}
