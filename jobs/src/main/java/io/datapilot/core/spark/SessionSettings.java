package io.datapilot.core.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/** Session settings that hold for one piece of work only (a codec for one table, a file size for one OPTIMIZE). */
public final class SessionSettings {
    private SessionSettings() {}

    /** Runs {@code work} with {@code settings} set on the session, then puts the previous values back. */
    public static <T> T with(SparkSession spark, Map<String, String> settings, Supplier<T> work) {
        Map<String, String> previous = new HashMap<>();
        settings.forEach((key, value) -> {
            previous.put(key, spark.conf().get(key, null));
            spark.conf().set(key, value);
        });
        try {
            return work.get();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    spark.conf().unset(key);
                } else {
                    spark.conf().set(key, value);
                }
            });
        }
    }

    public static void with(SparkSession spark, Map<String, String> settings, Runnable work) {
        with(spark, settings, () -> {
            work.run();
            return null;
        });
    }
}
