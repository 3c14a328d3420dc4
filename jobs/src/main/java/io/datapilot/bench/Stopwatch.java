package io.datapilot.bench;

import io.datapilot.core.spark.JobCounter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Times an operation over warm-up and measured runs, and counts the Spark jobs of its last run. */
final class Stopwatch {
    private final SparkSession spark;
    private final PrintStream log;
    private final Map<String, Integer> jobs = new HashMap<>();

    Stopwatch(SparkSession spark, PrintStream log) {
        this.spark = spark;
        this.log = log;
    }

    Timings measure(String name, Runnable work, int runs, int warmups) {
        for (int i = 0; i < warmups; i++) {
            timed(name, work);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(timed(name, work));
        }
        return new Timings(name, times);
    }

    /** Spark jobs of the operation's last run. */
    int jobs(String name) {
        return jobs.getOrDefault(name, 0);
    }

    private double timed(String name, Runnable work) {
        try (JobCounter counter = JobCounter.start(spark)) {
            long start = System.nanoTime();
            work.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            jobs.put(name, counter.jobs());
            log.printf("[bench]   %s: %.2f s, %d Spark jobs%n", name, seconds, counter.jobs());
            return seconds;
        }
    }
}
