package io.datapilot.ingest;

import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.fs.HadoopConfigs;
import io.datapilot.ingest.inspect.SourceInspection;
import io.datapilot.ingest.inspect.SourceInspector;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Checks a configuration and its source files completely before any Spark work: YAML keys and
 * values, files, headers and encodings, every column name referenced; then throws one error that
 * lists every problem, or returns what ingestion needs.
 */
public final class IngestCheck {

    /** A configuration whose sources were all inspected and whose references all resolve. */
    public record Checked(PipelineConfig config, IngestPlan plan) {}

    private IngestCheck() {}

    public static Checked check(Path configFile) {
        return check(configFile, UnaryOperator.identity());
    }

    /** Checks with the configuration changed first by {@code adjust} (command-line overrides). */
    public static Checked check(Path configFile, UnaryOperator<PipelineConfig> adjust) {
        ConfigProblems problems = new ConfigProblems(configFile.toString());
        PipelineConfig read = ConfigLoader.read(configFile, problems);
        if (read == null) {
            problems.throwIfAny();
        }
        PipelineConfig config = adjust.apply(read);
        Map<String, SourceInspection> inspections = SourceInspector.inspectAll(config, HadoopConfigs.from(config), problems);
        IngestPlan plan = IngestPlanner.plan(config, inspections, problems);
        problems.throwIfAny();
        return new Checked(config, plan);
    }

    /** Checks a configuration built in code (for example the one-source configuration of {@code predict}). */
    public static Checked check(PipelineConfig config, String origin) {
        ConfigProblems problems = new ConfigProblems(origin);
        Map<String, SourceInspection> inspections = SourceInspector.inspectAll(config, HadoopConfigs.from(config), problems);
        IngestPlan plan = IngestPlanner.plan(config, inspections, problems);
        problems.throwIfAny();
        return new Checked(config, plan);
    }
}
