package io.datapilot.bench;

/**
 * A measured operation against its baseline, measured in the same run on the same machine.
 *
 * @param goal the ratio to stay under (candidate median / baseline median)
 */
record Comparison(String title, Timings candidate, Timings baseline, double goal, String notes) {

    double ratio() {
        return candidate.median() / baseline.median();
    }

    boolean meetsGoal() {
        return ratio() <= goal;
    }
}
