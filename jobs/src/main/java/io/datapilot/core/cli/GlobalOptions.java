package io.datapilot.core.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options every sub-command accepts (a picocli mixin). */
public final class GlobalOptions {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "conf/pipeline.yaml",
            description = "Pipeline configuration (default: ${DEFAULT-VALUE}).")
    public Path config;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = RunDateConverter.class,
            description = "Date the run's rows are filed under; a rerun of the same date replaces them"
                    + " (default: today in the project's time zone).")
    public LocalDate runDate;

    @Option(names = "--warehouse", paramLabel = "DIR|URI",
            description = "Write the Delta tables here instead of the configuration's warehouse (a folder, or a URI such"
                    + " as s3a://bucket/datapilot or hdfs://namenode/datapilot).")
    public String warehouse;

    @Option(names = "--reports-dir", paramLabel = "DIR",
            description = "Write the reports here instead of the configuration's reports_dir.")
    public String reportsDir;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[4] or spark://host:7077 (default: what spark-submit or"
                    + " spark.master set, else local[*]).")
    public String master;

    @Option(names = {"-v", "--verbose"}, description = "Show Spark logs and stack traces.")
    public boolean verbose;

    /** Reads {@code --run-date}; a bad date is a usage error (exit code 2). */
    public static final class RunDateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("Invalid --run-date '" + value
                        + "': expected a date as YYYY-MM-DD, for example 2024-12-31.");
            }
        }
    }
}
