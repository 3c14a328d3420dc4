package io.datapilot.core.fs;

import io.datapilot.core.config.PipelineConfig;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop configuration used to reach files before Spark starts: the same {@code spark.hadoop.*}
 * settings Spark would pass on (from the configuration file and from system properties, which is
 * where spark-submit puts them), so that {@code s3a://} or {@code hdfs://} paths resolve alike.
 */
public final class HadoopConfigs {
    private static final String PREFIX = "spark.hadoop.";

    private HadoopConfigs() {}

    public static Configuration from(PipelineConfig config) {
        Configuration hadoop = new Configuration();
        System.getProperties().forEach((key, value) -> copy(hadoop, key.toString(), value.toString()));
        for (Map.Entry<String, String> entry : config.spark().entrySet()) {
            copy(hadoop, entry.getKey(), entry.getValue());
        }
        return hadoop;
    }

    private static void copy(Configuration hadoop, String key, String value) {
        if (key.startsWith(PREFIX)) {
            hadoop.set(key.substring(PREFIX.length()), value);
        }
    }
}
