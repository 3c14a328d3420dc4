package io.datapilot.core.cli;

import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.spark.ProgressReporter;
import io.datapilot.core.spark.SparkSessions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;

/**
 * What a command runs with: its options, the configuration, one Spark session created on first
 * use (and reused by every stage of a {@code run}), and where to print.
 */
public final class RunContext implements AutoCloseable {
    private final GlobalOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean oneShot;
    private PipelineConfig config;
    private SparkSession spark;
    private boolean ownsSpark;
    private ProgressReporter progress;

    public RunContext(GlobalOptions options, PrintStream out, PrintStream err) {
        this(options, out, err, false);
    }

    /** @param oneShot a quick command (sql, show, tables): its local session starts without the Spark UI */
    public RunContext(GlobalOptions options, PrintStream out, PrintStream err, boolean oneShot) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.oneShot = oneShot;
    }

    public Path configPath() {
        return options.config;
    }

    /** The configuration, checked (file and YAML level) on first use. */
    public PipelineConfig config() {
        if (config == null) {
            config = adjusted(ConfigLoader.load(options.config));
        }
        return config;
    }

    /** The configuration with the command line's {@code --warehouse} and {@code --reports-dir} applied. */
    public PipelineConfig adjusted(PipelineConfig loaded) {
        if (options.warehouse == null && options.reportsDir == null) {
            return loaded;
        }
        return loaded.withOutputs(options.warehouse == null ? loaded.warehouse() : absolute(options.warehouse),
                options.reportsDir == null ? loaded.reportsDir() : absolute(options.reportsDir));
    }

    private static String absolute(String location) {
        return location.contains("://") ? location : Path.of(location).toAbsolutePath().normalize().toString();
    }

    /** Uses a configuration already loaded and checked further (for example with its sources). */
    public void useConfig(PipelineConfig checked) {
        this.config = checked;
    }

    public LocalDate runDate() {
        return options.runDate != null ? options.runDate : LocalDate.now(ZoneId.of(config().project().timezone()));
    }

    public Warehouse warehouse() {
        return new Warehouse(config().warehouse());
    }

    public boolean verbose() {
        return options.verbose;
    }

    public SparkSession spark() {
        if (spark == null) {
            SparkSession existing = SparkSession.getDefaultSession().getOrElse(() -> null);
            if (existing != null) {
                spark = existing;
            } else {
                spark = SparkSessions.create(config(), options.master, "datapilot", oneShot);
                ownsSpark = true;
            }
            progress = ProgressReporter.attach(spark, err, 5_000);
        }
        return spark;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    @Override
    public void close() {
        if (progress != null) {
            progress.close();
        }
        if (ownsSpark && spark != null) {
            spark.stop();
        }
    }
}
