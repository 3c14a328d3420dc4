package io.datapilot;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.testing.Paths;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees on the console, in a fresh JVM as the launcher starts it: results on stdout,
 * nothing of Spark's own log on stderr (no loopback-hostname, UI-port, native-Hadoop or BLAS
 * notice), unless {@code --verbose}. A fresh JVM because log4j and Spark's host lookup are set up
 * once per process, and the test JVM's were set up long ago.
 */
@org.junit.jupiter.api.Tag("slow")
class ConsoleOutputTest {
    private static final String SPARK_LOG_LINE = "(?m)^\\S+ (WARN|INFO|WARNING|DEBUG)\\b.*$";

    @TempDir
    Path folder;

    @Test
    void aQuickCommandPrintsItsResultAndNoSparkLogThroughTheLauncherConfiguration() throws Exception {
        Path launcherLogs = Paths.root().resolve("conf/log4j2.properties");
        Run tables = datapilot(List.of("-Dlog4j.configurationFile=" + launcherLogs), "tables");
        assertThat(tables.code()).as(tables.err()).isZero();
        assertThat(tables.out()).contains("Delta tables of");
        assertThat(tables.err()).doesNotContainPattern(SPARK_LOG_LINE).doesNotContain("loopback address").doesNotContain("SparkUI")
                .doesNotContain("native-hadoop").isBlank();
    }

    @Test
    void withoutAnyLogConfigurationStaysQuietAndVerboseShowsSparkOnStderrBoundToLoopbackWithoutUi() throws Exception {
        // what spark-submit's driver gets when nobody configured log4j
        Run quiet = datapilot(List.of(), "sql", "SELECT 1 AS un");
        assertThat(quiet.code()).as(quiet.err()).isZero();
        assertThat(quiet.out()).contains("1 row(s)");
        assertThat(quiet.err()).doesNotContainPattern(SPARK_LOG_LINE).doesNotContain("log4j profile").doesNotContain("loopback address")
                .isBlank();

        Run verbose = datapilot(List.of(), "sql", "SELECT 1 AS un", "--verbose");
        assertThat(verbose.code()).as(verbose.err()).isZero();
        assertThat(verbose.err()).as("Spark's log, on stderr").containsPattern("(?m)^\\S+ INFO SparkContext: Running Spark version")
                .contains("Starting executor ID driver on host 127.0.0.1")
                .doesNotContain("resolves to a loopback address")
                .as("a one-shot command has no web UI").doesNotContain("SparkUI");
        assertThat(verbose.out()).as("stdout keeps the result alone").doesNotContainPattern(SPARK_LOG_LINE).contains("1 row(s)");
    }

    private record Run(int code, String out, String err) {}

    private Run datapilot(List<String> jvmOptions, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(argument -> argument.startsWith("--add-opens"))
                .forEach(command::add);
        command.add("-Xmx1g");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.datapilot.Datapilot"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--config", Paths.root().resolve("conf/pipeline.yaml").toString(), "--warehouse",
                folder.resolve("warehouse").toString()));
        Path out = Files.createTempFile(folder, "stdout", ".txt");
        Path err = Files.createTempFile(folder, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // the machine's own settings would hide what datapilot does about the host name
        builder.environment().remove("SPARK_LOCAL_IP");
        builder.environment().remove("SPARK_LOCAL_HOSTNAME");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("datapilot " + String.join(" ", arguments) + " did not finish in 3 minutes: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
