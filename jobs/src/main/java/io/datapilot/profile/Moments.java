package io.datapilot.profile;

/**
 * Mean, sample standard deviation, skewness and excess kurtosis from power sums of values shifted
 * by {@code shift} (Σd, Σd², Σd³, Σd⁴ with d = x − shift), as Spark's own functions define them
 * (skewness and kurtosis from population moments).
 */
record Moments(double mean, Double stddev, Double skewness, Double kurtosis) {

    static Moments of(long n, Double s1, Double s2, Double s3, Double s4, double shift) {
        if (s1 == null || n == 0) {
            return null;
        }
        double mu = s1 / n;
        double m2 = s2 / n - mu * mu;
        double m3 = s3 / n - 3 * mu * s2 / n + 2 * mu * mu * mu;
        double m4 = s4 / n - 4 * mu * s3 / n + 6 * mu * mu * s2 / n - 3 * mu * mu * mu * mu;
        Double stddev = n > 1 ? Math.sqrt(Math.max(0, m2 * n / (n - 1))) : null;
        boolean spread = m2 > 1e-12 * Math.max(1, Math.abs(shift + mu) * Math.abs(shift + mu));
        return new Moments(shift + mu, stddev, spread ? m3 / Math.pow(m2, 1.5) : null, spread ? m4 / (m2 * m2) - 3 : null);
    }
}
