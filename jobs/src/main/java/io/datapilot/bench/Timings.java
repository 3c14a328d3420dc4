package io.datapilot.bench;

import java.util.ArrayList;
import java.util.List;

/** Wall-clock times of repeated runs of one measured operation, in seconds. */
record Timings(String name, List<Double> seconds) {

    Timings {
        seconds = List.copyOf(seconds);
    }

    double median() {
        List<Double> sorted = new ArrayList<>(seconds);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
