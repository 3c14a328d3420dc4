package io.datapilot.core.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * What a local-mode session needs to stay on this machine and quiet: the driver bound to the
 * loopback address, and no web UI for a command that answers at once. Never applied on a cluster,
 * and never over a setting that spark-submit (a system property) or the configuration's
 * {@code spark} section gave.
 */
final class LocalMode {
    static final String LOOPBACK = "127.0.0.1";
    static final String DRIVER_HOST = "spark.driver.host";
    static final String DRIVER_BIND_ADDRESS = "spark.driver.bindAddress";
    static final String UI = "spark.ui.enabled";

    private LocalMode() {}

    /** The settings to add, each only where neither the environment nor the configuration has one. */
    static Map<String, String> settings(SparkConf environment, Map<String, String> configured, boolean oneShot) {
        Map<String, String> settings = new LinkedHashMap<>();
        boolean hostGiven = environment.contains(DRIVER_HOST) || environment.contains(DRIVER_BIND_ADDRESS)
                || configured.containsKey(DRIVER_HOST) || configured.containsKey(DRIVER_BIND_ADDRESS);
        if (!hostGiven) {
            // everything runs in this JVM: nothing needs to listen on the network
            settings.put(DRIVER_HOST, LOOPBACK);
            settings.put(DRIVER_BIND_ADDRESS, LOOPBACK);
        }
        if (oneShot) {
            settings.put(UI, "false");
        }
        settings.keySet().removeIf(key -> environment.contains(key) || configured.containsKey(key));
        return settings;
    }

    /**
     * Spark looks up the machine's address once per JVM, and when the host name resolves to a loopback
     * address (common on laptops and containers) it warns and picks a network interface, even when
     * {@code spark.driver.host} is set: the lookup is the default value of that very setting. A
     * custom host name (what {@code SPARK_LOCAL_HOSTNAME} sets) skips the lookup. Left alone when the
     * user chose an address or host, or when Spark's internals changed (then only the warning returns).
     */
    static void useLoopbackHostName(Map<String, String> configured) {
        // spark-submit's settings are system properties; no SparkConf may be built yet
        boolean hostGiven = System.getProperty(DRIVER_HOST) != null || System.getProperty(DRIVER_BIND_ADDRESS) != null
                || configured.containsKey(DRIVER_HOST) || configured.containsKey(DRIVER_BIND_ADDRESS);
        if (hostGiven || System.getenv("SPARK_LOCAL_IP") != null || System.getenv("SPARK_LOCAL_HOSTNAME") != null) {
            return;
        }
        try {
            org.apache.spark.util.Utils.setCustomHostname(LOOPBACK);
        } catch (LinkageError changedInternals) {
            // Utils is Spark-internal; a Spark without this method only prints the warning again
        }
    }
}
