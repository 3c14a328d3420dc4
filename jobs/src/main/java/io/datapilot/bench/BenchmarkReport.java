package io.datapilot.bench;

import io.datapilot.core.text.Numbers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Writes a suite's results into docs/BENCHMARKS.md, between the markers of that suite, so that
 * each suite's section is replaced by its latest run and the rest of the file is kept.
 */
final class BenchmarkReport {
    private BenchmarkReport() {}

    static String section(String suite, String description, String dataset, int runs, int warmups,
            List<Comparison> comparisons) {
        StringBuilder text = new StringBuilder();
        text.append("<!-- bench:").append(suite).append(" -->\n");
        text.append("### ").append(description).append("\n\n");
        text.append("Measured on ").append(LocalDate.now()).append(", ").append(machine()).append(". Data: ")
                .append(dataset).append(". Each operation ran ").append(warmups).append(" time(s) to warm up, then ")
                .append(runs).append(" measured times; times are medians (min–max).\n\n");
        text.append("| measurement | candidate | baseline | ratio | goal | met |\n|---|---|---|---|---|---|\n");
        for (Comparison comparison : comparisons) {
            text.append("| ").append(comparison.title())
                    .append(" | ").append(comparison.candidate().name()).append(": ").append(seconds(comparison.candidate()))
                    .append(" | ").append(comparison.baseline().name()).append(": ").append(seconds(comparison.baseline()))
                    .append(" | ").append(Numbers.decimal(comparison.ratio(), 2)).append("×")
                    .append(" | ≤ ").append(Numbers.decimal(comparison.goal(), 2)).append("×")
                    .append(" | ").append(comparison.meetsGoal() ? "yes" : "**no**").append(" |\n");
        }
        text.append('\n');
        for (Comparison comparison : comparisons) {
            if (comparison.notes() != null && !comparison.notes().isBlank()) {
                text.append("- ").append(comparison.title()).append(": ").append(comparison.notes()).append('\n');
            }
        }
        text.append("<!-- /bench:").append(suite).append(" -->\n");
        return text.toString();
    }

    static void write(Path file, String suite, String section) throws IOException {
        String start = "<!-- bench:" + suite + " -->";
        String end = "<!-- /bench:" + suite + " -->\n";
        String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        int from = current.indexOf(start);
        int to = current.indexOf(end);
        String updated = from >= 0 && to > from
                ? current.substring(0, from) + section + current.substring(to + end.length())
                : current + (current.endsWith("\n\n") ? "" : "\n") + section;
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    private static String seconds(Timings timings) {
        return Numbers.decimal(timings.median(), 2) + " s (" + Numbers.decimal(timings.min(), 2) + "–"
                + Numbers.decimal(timings.max(), 2) + ")";
    }

    static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores, %d GiB RAM, %s %s, Java %s, JVM heap %d GiB",
                Runtime.getRuntime().availableProcessors(), memory >> 30, System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 30);
    }
}
