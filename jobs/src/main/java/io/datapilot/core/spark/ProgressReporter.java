package io.datapilot.core.spark;

import io.datapilot.core.text.Numbers;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Prints one progress line every few seconds while a Spark job runs for long: what it does (the
 * job description set by {@link Jobs}), tasks done, rows read, elapsed time.
 *
 * <p>Lines, not a redrawn bar, so that Airflow and CI logs stay readable.
 */
public final class ProgressReporter extends SparkListener implements AutoCloseable {
    private static final long QUIET_MILLIS = 4_000;

    private final PrintStream out;
    private final Map<Integer, RunningJob> jobs = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> stageToJob = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final SparkSession spark;

    private ProgressReporter(SparkSession spark, PrintStream out, long intervalMillis) {
        this.spark = spark;
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "datapilot-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::print, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    public static ProgressReporter attach(SparkSession spark, PrintStream out, long intervalMillis) {
        ProgressReporter reporter = new ProgressReporter(spark, out, intervalMillis);
        spark.sparkContext().addSparkListener(reporter);
        return reporter;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        String description = jobStart.properties() == null ? null
                : jobStart.properties().getProperty("spark.job.description");
        RunningJob job = new RunningJob(description == null ? "Spark job " + jobStart.jobId() : description);
        jobs.put(jobStart.jobId(), job);
        scala.collection.Iterator<Object> stageIds = jobStart.stageIds().iterator();
        while (stageIds.hasNext()) {
            stageToJob.put((Integer) stageIds.next(), jobStart.jobId());
        }
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted stageSubmitted) {
        RunningJob job = jobOf(stageSubmitted.stageInfo().stageId());
        if (job != null) {
            job.tasks.addAndGet(stageSubmitted.stageInfo().numTasks());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        RunningJob job = jobOf(taskEnd.stageId());
        if (job == null) {
            return;
        }
        job.tasksDone.incrementAndGet();
        TaskMetrics metrics = taskEnd.taskMetrics();
        if (metrics != null) {
            job.rows.addAndGet(metrics.inputMetrics().recordsRead());
        }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd jobEnd) {
        jobs.remove(jobEnd.jobId());
        stageToJob.values().removeIf(jobId -> jobId == jobEnd.jobId());
    }

    private RunningJob jobOf(int stageId) {
        Integer jobId = stageToJob.get(stageId);
        return jobId == null ? null : jobs.get(jobId);
    }

    private void print() {
        long now = System.currentTimeMillis();
        for (RunningJob job : jobs.values()) {
            long elapsed = now - job.startMillis;
            if (elapsed < QUIET_MILLIS) {
                continue;
            }
            StringBuilder line = new StringBuilder("  … ").append(job.description).append(": ")
                    .append(job.tasksDone.get()).append('/').append(job.tasks.get()).append(" tasks");
            if (job.rows.get() > 0) {
                line.append(", ").append(Numbers.count(job.rows.get())).append(" rows read");
            }
            line.append(", ").append(Numbers.duration(Duration.ofMillis(elapsed)));
            out.println(line);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        spark.sparkContext().removeSparkListener(this);
    }

    private static final class RunningJob {
        final String description;
        final long startMillis = System.currentTimeMillis();
        final AtomicInteger tasks = new AtomicInteger();
        final AtomicInteger tasksDone = new AtomicInteger();
        final AtomicLong rows = new AtomicLong();

        RunningJob(String description) {
            this.description = description;
        }
    }
}
