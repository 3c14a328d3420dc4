package io.datapilot.core.spark;

import io.datapilot.core.config.PipelineConfig;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession of a command.
 *
 * <p>The master is never forced: {@code --master}, else the configuration's {@code spark.master},
 * else what spark-submit set, and only when nothing set it, {@code local[*]}. In local mode the
 * driver listens on the loopback address only and a one-shot command has no web UI, unless
 * spark-submit or the configuration set those; on a cluster nothing of the kind is added. Delta and
 * the settings that reading French files needs are always set.
 */
public final class SparkSessions {
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {}

    public static SparkSession create(PipelineConfig config, String masterOption, String appName) {
        return create(config, masterOption, appName, false);
    }

    /**
     * @param oneShot a command that answers at once (sql, show, tables): in local mode its session has
     *     no web UI, unless spark-submit or the configuration's {@code spark} section turns it on
     */
    public static SparkSession create(PipelineConfig config, String masterOption, String appName, boolean oneShot) {
        // decided from system properties (where spark-submit puts its settings) before any Spark class
        // reads its configuration: the loopback host name must be set before Spark first looks the host up
        String effectiveMaster = effectiveMaster(masterOption, config);
        boolean local = effectiveMaster.startsWith("local");
        if (local) {
            LocalMode.useLoopbackHostName(config.spark());
        }
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        SparkConf environment = new SparkConf();
        String master = chooseMaster(masterOption, environment);
        if (master != null) {
            builder.master(master);
        }
        if (local) {
            localDefaults(environment, config).forEach(builder::config);
            LocalMode.settings(environment, config.spark(), oneShot).forEach(builder::config);
        }
        for (Map.Entry<String, String> entry : required(config).entrySet()) {
            builder.config(entry.getKey(), entry.getValue());
        }
        // user settings last, except the ones datapilot cannot work without; --master beats the file's spark.master
        config.spark().forEach((key, value) -> {
            if (!(key.equals("spark.master") && masterOption != null && !masterOption.isBlank())) {
                builder.config(key, value);
            }
        });
        // casts must return null (then a quarantined row) rather than fail the job
        builder.config("spark.sql.ansi.enabled", "false");
        // a file that cannot be read must fail the run: skipping it would lose rows silently
        builder.config("spark.sql.files.ignoreCorruptFiles", "false");
        builder.config("spark.sql.files.ignoreMissingFiles", "false");
        builder.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
        builder.config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        return builder.getOrCreate();
    }

    /**
     * The master the session will have: {@code --master}, else the configuration's {@code spark.master}
     * (applied after the environment's), else spark-submit's, else {@link #DEFAULT_MASTER}.
     */
    static String effectiveMaster(String masterOption, PipelineConfig config) {
        if (masterOption != null && !masterOption.isBlank()) {
            return masterOption;
        }
        String configured = config.spark().get("spark.master");
        if (configured != null) {
            return configured;
        }
        return System.getProperty("spark.master", DEFAULT_MASTER);
    }

    /** The master to set on the builder, or null to keep what the environment set. */
    static String chooseMaster(String masterOption, SparkConf environment) {
        if (masterOption != null && !masterOption.isBlank()) {
            return masterOption;
        }
        return environment.contains("spark.master") ? null : DEFAULT_MASTER;
    }

    /**
     * Partition counts for one machine, unless set elsewhere: Spark's 200 shuffle partitions and
     * Delta's 50 snapshot partitions are sized for clusters, and on two cores their per-task cost
     * dominates small jobs (measured: the sample's ingestion went from 110 s to 63 s).
     */
    static Map<String, String> localDefaults(SparkConf environment, PipelineConfig config) {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        defaults.put("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * cores)));
        defaults.put("spark.databricks.delta.snapshotPartitions", String.valueOf(Math.max(2, cores)));
        defaults.keySet().removeIf(key -> environment.contains(key) || config.spark().containsKey(key));
        return defaults;
    }

    /** Settings every datapilot session has; tests use the same map. */
    public static Map<String, String> required(PipelineConfig config) {
        return Map.of(
                // Strict java.time parsing: "31/02/2024" is null (a quarantined row), not an exception
                // asking which Spark version's behaviour we want.
                "spark.sql.legacy.timeParserPolicy", "CORRECTED",
                "spark.sql.session.timeZone", config.project().timezone(),
                "spark.sql.warehouse.dir", config.warehouse() + "/_spark_catalog",
                "spark.ui.showConsoleProgress", "false",
                "spark.sql.adaptive.enabled", "true",
                "spark.databricks.delta.schema.autoMerge.enabled", "false");
    }
}
