package io.datapilot.core.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/** Labels Spark work so that the Spark UI, the logs and the progress lines say what runs. */
public final class Jobs {
    private Jobs() {}

    /** Runs {@code work} with every Spark job it starts labelled "{stage} · {what}". */
    public static <T> T labelled(SparkSession spark, String stage, String what, Supplier<T> work) {
        SparkContext context = spark.sparkContext();
        String previousGroup = context.getLocalProperty("spark.jobGroup.id");
        String previousDescription = context.getLocalProperty("spark.job.description");
        context.setJobGroup("datapilot-" + stage, stage + " · " + what, false);
        try {
            return work.get();
        } finally {
            context.setLocalProperty("spark.jobGroup.id", previousGroup);
            context.setLocalProperty("spark.job.description", previousDescription);
        }
    }

    public static void labelled(SparkSession spark, String stage, String what, Runnable work) {
        labelled(spark, stage, what, () -> {
            work.run();
            return null;
        });
    }
}
