package io.datapilot.governance.steering;

/** Indices are undefined, not infinite, when nothing was planned or spent: null says so to the report and the table. */
final class Ratio {
    private Ratio() {}

    static Double of(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
