package io.datapilot.governance.drift;

/**
 * The population stability index between a reference distribution and a current one over the same
 * bins: {@code PSI = Σ (current share − reference share) × ln(current share / reference share)}.
 *
 * <p>Usual reading (Siddiqi, <i>Credit Risk Scorecards</i>, 2006): below 0,1 the population is stable,
 * from 0,1 to 0,25 it has moved moderately, from 0,25 on it has changed significantly. An empty bin
 * would make the index infinite, so every share is floored at {@link #FLOOR} (a common convention);
 * the index is then finite and still large when a bin empties or fills.
 */
public final class Psi {
    public static final double FLOOR = 1e-4;

    /** How a population moved, by the configured bands. */
    public enum Band {
        STABLE,
        MODERATE,
        SIGNIFICANT;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Psi() {}

    /** The index of two counts over the same bins; NaN when either side has no row. */
    public static double of(long[] reference, long[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("The two distributions have " + reference.length + " and " + current.length
                    + " bins; they must be counted over the same bins");
        }
        double referenceTotal = total(reference);
        double currentTotal = total(current);
        if (referenceTotal == 0 || currentTotal == 0) {
            return Double.NaN;
        }
        double index = 0;
        for (int bin = 0; bin < reference.length; bin++) {
            double expected = Math.max(reference[bin] / referenceTotal, FLOOR);
            double actual = Math.max(current[bin] / currentTotal, FLOOR);
            index += (actual - expected) * Math.log(actual / expected);
        }
        return index;
    }

    public static Band band(double index, double warning, double alert) {
        return index >= alert ? Band.SIGNIFICANT : index >= warning ? Band.MODERATE : Band.STABLE;
    }

    private static double total(long[] counts) {
        double total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
