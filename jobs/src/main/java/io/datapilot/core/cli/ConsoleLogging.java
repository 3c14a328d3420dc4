package io.datapilot.core.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * What log4j shows on the console. datapilot prints its own progress lines and results itself;
 * Spark's, Hadoop's and the libraries' logs (the loopback hostname, the UI port, BLAS, native
 * Hadoop notices) stay out of view, only errors pass, unless {@code --verbose} (INFO).
 *
 * <p>A log4j configuration someone chose wins: {@code -Dlog4j.configurationFile} (the launcher
 * passes {@code conf/log4j2.properties}) or a {@code log4j2.properties} on the classpath, such as a
 * cluster's {@code SPARK_HOME/conf}. Only log4j's own fallback and Spark's built-in defaults (what
 * {@code spark-submit} uses when nothing is configured) are replaced.
 */
public final class ConsoleLogging {
    static final String PATTERN = "%d{HH:mm:ss} %p %c{1}: %m%n%ex";
    private static final String SPARK_DEFAULTS = "org/apache/spark/log4j2-defaults.properties";

    private ConsoleLogging() {}

    /** Applies the console's log levels for a command line; called before any Spark class logs. */
    public static void apply(boolean verbose) {
        Level level = verbose ? Level.INFO : Level.ERROR;
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        if (replaceable(context.getConfiguration())) {
            // log4j's fallback prints to stdout, where results go, and Spark treats an ERROR-level fallback as
            // "not configured" and loads its INFO defaults over it: a configuration of our own avoids both. Spark
            // looks at the thread's context, which is not always the class loader's one: both get it.
            context.reconfigure(console(level));
            LoggerContext current = (LoggerContext) LogManager.getContext(true);
            if (current != context) {
                current.reconfigure(console(level));
            }
        } else if (verbose) {
            Configurator.setRootLevel(Level.INFO);
        }
    }

    private static boolean replaceable(Configuration configuration) {
        if (System.getProperty("log4j.configurationFile") != null || System.getProperty("log4j2.configurationFile") != null) {
            return false;
        }
        if (configuration instanceof DefaultConfiguration) {
            return true;
        }
        ConfigurationSource source = configuration.getConfigurationSource();
        return source != null && source.getLocation() != null && source.getLocation().endsWith(SPARK_DEFAULTS);
    }

    /** Everything at {@code level} to stderr, one line per event. */
    static Configuration console(Level level) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("datapilot-console");
        AppenderComponentBuilder console = builder.newAppender("console", "Console")
                .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR);
        console.add(builder.newLayout("PatternLayout").addAttribute("pattern", PATTERN));
        builder.add(console);
        builder.add(builder.newRootLogger(level).add(builder.newAppenderRef("console")));
        return builder.build(false);
    }
}
