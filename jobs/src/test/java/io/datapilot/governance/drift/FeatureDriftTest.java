package io.datapilot.governance.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datapilot.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The population stability index on known distributions and on constructed shifts, through the real passes. */
class FeatureDriftTest {
    private static final StructType SCHEMA = new StructType().add("montant", DataTypes.DoubleType).add("canal", DataTypes.StringType);

    @Test
    void theIndexOfAHandComputedPairOfDistributions() {
        // shares 0,5 / 0,5 against 0,8 / 0,2: (0,8 − 0,5)·ln(0,8/0,5) + (0,2 − 0,5)·ln(0,2/0,5) = 0,1410 + 0,2749
        assertThat(Psi.of(new long[] {50, 50}, new long[] {80, 20})).isCloseTo(0.4159, within(1e-4));
        assertThat(Psi.of(new long[] {10, 20, 30}, new long[] {100, 200, 300})).isCloseTo(0.0, within(1e-12));
        assertThat(Psi.band(0.05, 0.1, 0.25)).isEqualTo(Psi.Band.STABLE);
        assertThat(Psi.band(0.1, 0.1, 0.25)).isEqualTo(Psi.Band.MODERATE);
        assertThat(Psi.band(0.4159, 0.1, 0.25)).isEqualTo(Psi.Band.SIGNIFICANT);
        // an emptied bin gives a large but finite index (shares floored)
        assertThat(Psi.of(new long[] {50, 50}, new long[] {100, 0})).isFinite().isGreaterThan(1);
        assertThat(Psi.of(new long[] {0, 0}, new long[] {1, 1})).isNaN();
    }

    @Test
    void theSameDataIsStableAndAShiftedOneDrifts() {
        Dataset<Row> reference = frame(0, 0.5, 1);
        FeatureDrift.Distributions first = FeatureDrift.describe(reference, List.of("montant", "canal"), List.of());
        assertThat(first.countsInReference()).isEmpty();
        // ten numeric bins between deciles, a bin of missing values, and the two channels with theirs
        assertThat(first.bins().stream().filter(bin -> bin.variable().equals("montant") && bin.bin() >= 0)).hasSize(10);
        assertThat(first.bins().stream().filter(bin -> bin.variable().equals("canal") && bin.bin() >= 0)).hasSize(2);

        Map<String, Double> same = psi(first.bins(), FeatureDrift.describe(frame(7, 0.5, 1), List.of("montant", "canal"), first.bins()));
        assertThat(same.get("montant")).isLessThan(0.1);
        assertThat(same.get("canal")).isLessThan(0.1);

        // amounts one standard deviation higher, and the web channel from half to 80 % of the rows
        Map<String, Double> shifted = psi(first.bins(), FeatureDrift.describe(frame(11, 0.8, 2), List.of("montant", "canal"), first.bins()));
        assertThat(shifted.get("montant")).isGreaterThan(0.25);
        assertThat(shifted.get("canal")).isGreaterThan(0.1).isLessThan(0.25 * 2);
    }

    @Test
    void valuesTheReferenceNeverSawCountAsTheirOwnBin() {
        List<Bin> reference = List.of(new Bin("canal", Bin.CATEGORICAL, Bin.MISSING_BIN, null, null, null, 0),
                new Bin("canal", Bin.CATEGORICAL, 0, null, null, "web", 60), new Bin("canal", Bin.CATEGORICAL, 1, null, null, "magasin", 40));
        long[] current = FeatureDrift.inCategories(Map.of("web", 50L, "magasin", 30L, "téléphone", 20L), reference);
        assertThat(current).containsExactly(0, 50, 30, 20);
        assertThat(FeatureDrift.referenceCounts(reference, current.length)).containsExactly(0, 60, 40, 0);
    }

    private static Map<String, Double> psi(List<Bin> reference, FeatureDrift.Distributions current) {
        Map<String, Double> indices = new java.util.HashMap<>();
        for (String variable : List.of("montant", "canal")) {
            long[] counts = current.countsInReference().get(variable);
            List<Bin> before = reference.stream().filter(bin -> bin.variable().equals(variable)).toList();
            indices.put(variable, Psi.of(FeatureDrift.referenceCounts(before, counts.length), counts));
        }
        return indices;
    }

    /** 2 000 rows: normal amounts around 100 × shift (σ 100), web channel with the given share, 1 % of amounts missing. */
    private static Dataset<Row> frame(long seed, double webShare, double shift) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Double amount = random.nextDouble() < 0.01 ? null : 100 * shift + 100 * random.nextGaussian();
            rows.add(RowFactory.create(amount, random.nextDouble() < webShare ? "web" : "magasin"));
        }
        return TestSpark.session().createDataFrame(rows, SCHEMA);
    }
}
