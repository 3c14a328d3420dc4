package io.datapilot.testing;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.spark.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM, started on first use and stopped when the JVM exits.
 * Tests never stop it; each isolates its tables with its own {@code @TempDir}.
 */
public final class TestSpark {
    private TestSpark() {}

    private static final class Holder {
        static final SparkSession SESSION = create();

        private static SparkSession create() {
            SparkSession.Builder builder = SparkSession.builder()
                    .master("local[2]")
                    .appName("datapilot-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.databricks.delta.snapshotPartitions", "1")
                    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                    .config("spark.sql.ansi.enabled", "false")
                    .config("spark.sql.files.ignoreCorruptFiles", "false");
            PipelineConfig defaults = new PipelineConfig(null, null, System.getProperty("java.io.tmpdir") + "/datapilot-test-warehouse",
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            for (Map.Entry<String, String> entry : SparkSessions.required(defaults).entrySet()) {
                builder.config(entry.getKey(), entry.getValue());
            }
            SparkSession spark = builder.getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            return spark;
        }
    }

    public static SparkSession session() {
        return Holder.SESSION;
    }
}
