package io.datapilot.serve;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The operators' figures, in the Prometheus text format (version 0.0.4) at {@code GET /metrics}:
 * requests and errors per endpoint (the route, not the path, so that the series stay few), a
 * latency histogram per endpoint, and predictions per target and model version.
 */
final class RequestMetrics {
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private record Series(String method, String endpoint, int status) {}

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts[i].increment();
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    private final Map<Series, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> predictions = new ConcurrentHashMap<>();

    void request(String method, String endpoint, int status, double seconds) {
        requests.computeIfAbsent(new Series(method, endpoint, status), key -> new LongAdder()).increment();
        latency.computeIfAbsent(method + " " + endpoint, key -> new Histogram()).observe(seconds);
    }

    void predictions(String target, String version, int count) {
        predictions.computeIfAbsent(target + "\u0000" + version, key -> new LongAdder()).add(count);
    }

    String text() {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP datapilot_http_requests_total HTTP requests by method, endpoint (route) and status.\n")
                .append("# TYPE datapilot_http_requests_total counter\n");
        new TreeMap<String, Long>(requests.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                entry -> labels("method", entry.getKey().method(), "endpoint", entry.getKey().endpoint(), "status",
                        Integer.toString(entry.getKey().status())), entry -> entry.getValue().sum())))
                .forEach((labels, value) -> out.append("datapilot_http_requests_total").append(labels).append(' ').append(value).append('\n'));
        out.append("# HELP datapilot_http_errors_total HTTP requests answered with a 4xx or 5xx status, by endpoint.\n")
                .append("# TYPE datapilot_http_errors_total counter\n");
        Map<String, Long> errors = new TreeMap<>();
        requests.forEach((series, value) -> {
            if (series.status() >= 400) {
                errors.merge(labels("method", series.method(), "endpoint", series.endpoint(), "class", series.status() / 100 + "xx"),
                        value.sum(), Long::sum);
            }
        });
        errors.forEach((labels, value) -> out.append("datapilot_http_errors_total").append(labels).append(' ').append(value).append('\n'));
        out.append("# HELP datapilot_http_request_duration_seconds Time to answer, by method and endpoint.\n")
                .append("# TYPE datapilot_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((key, histogram) -> {
            String method = key.substring(0, key.indexOf(' '));
            String endpoint = key.substring(key.indexOf(' ') + 1);
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append("datapilot_http_request_duration_seconds_bucket")
                        .append(labels("method", method, "endpoint", endpoint, "le", number(BUCKETS[i]))).append(' ')
                        .append(histogram.counts[i].sum()).append('\n');
            }
            out.append("datapilot_http_request_duration_seconds_bucket").append(labels("method", method, "endpoint", endpoint, "le", "+Inf"))
                    .append(' ').append(histogram.count.sum()).append('\n');
            out.append("datapilot_http_request_duration_seconds_sum").append(labels("method", method, "endpoint", endpoint)).append(' ')
                    .append(number(histogram.sum.sum())).append('\n');
            out.append("datapilot_http_request_duration_seconds_count").append(labels("method", method, "endpoint", endpoint)).append(' ')
                    .append(histogram.count.sum()).append('\n');
        });
        out.append("# HELP datapilot_predictions_total Rows scored, by target and model version.\n")
                .append("# TYPE datapilot_predictions_total counter\n");
        new TreeMap<>(predictions).forEach((key, value) -> {
            String[] parts = key.split("\u0000", 2);
            out.append("datapilot_predictions_total").append(labels("target", parts[0], "model_version", parts[1])).append(' ')
                    .append(value.sum()).append('\n');
        });
        return out.toString();
    }

    private static String labels(String... pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append(pairs[i]).append("=\"").append(pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append('"');
        }
        return out.append('}').toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
