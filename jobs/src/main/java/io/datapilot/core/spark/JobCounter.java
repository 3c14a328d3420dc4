package io.datapilot.core.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/** Counts the Spark jobs started while it is open: how many passes an operation really made. */
public final class JobCounter extends SparkListener implements AutoCloseable {
    private final SparkSession spark;
    private final AtomicInteger jobs = new AtomicInteger();

    private JobCounter(SparkSession spark) {
        this.spark = spark;
    }

    public static JobCounter start(SparkSession spark) {
        JobCounter counter = new JobCounter(spark);
        spark.sparkContext().addSparkListener(counter);
        return counter;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
    }

    /** Jobs started so far; listener events arrive asynchronously, so this waits for the queue to drain. */
    public int jobs() {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
        } catch (java.util.concurrent.TimeoutException e) {
            // a busy listener bus: the count may miss the last jobs, which the caller reports as is
        }
        return jobs.get();
    }

    @Override
    public void close() {
        spark.sparkContext().removeSparkListener(this);
    }
}
