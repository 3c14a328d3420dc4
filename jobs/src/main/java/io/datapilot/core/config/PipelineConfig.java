package io.datapilot.core.config;

import java.util.List;
import java.util.Map;

/**
 * The whole configuration file, bound from YAML (keys in snake_case).
 *
 * <p>Every section is optional in YAML and replaced by its defaults here, so that code never
 * tests for a missing section. Paths are resolved against {@code base_dir} by {@link ConfigLoader}.
 */
public record PipelineConfig(
        ProjectConfig project,
        String baseDir,
        String warehouse,
        Map<String, String> spark,
        String reportsDir,
        List<SourceConfig> sources,
        DatasetConfig dataset,
        RgpdConfig rgpd,
        ProfileConfig profile,
        QualityGateConfig qualityGate,
        CleanConfig clean,
        LoadConfig load,
        StatsConfig stats,
        TrainConfig train,
        GovernanceConfig governance,
        WatchConfig watch,
        ReportConfig report) {

    public static final String DEFAULT_WAREHOUSE = "warehouse";
    public static final String DEFAULT_REPORTS_DIR = "reports";

    public PipelineConfig {
        project = project == null ? ProjectConfig.defaults() : project;
        warehouse = warehouse == null ? DEFAULT_WAREHOUSE : warehouse;
        spark = spark == null ? Map.of() : Map.copyOf(spark);
        reportsDir = reportsDir == null ? DEFAULT_REPORTS_DIR : reportsDir;
        sources = sources == null ? List.of() : List.copyOf(sources);
        rgpd = rgpd == null ? RgpdConfig.defaults() : rgpd;
        profile = profile == null ? ProfileConfig.defaults() : profile;
        qualityGate = qualityGate == null ? QualityGateConfig.defaults() : qualityGate;
        clean = clean == null ? CleanConfig.defaults() : clean;
        load = load == null ? LoadConfig.defaults() : load;
        stats = stats == null ? StatsConfig.defaults() : stats;
        train = train == null ? TrainConfig.defaults() : train;
        governance = governance == null ? GovernanceConfig.defaults() : governance;
        watch = watch == null ? WatchConfig.defaults() : watch;
        report = report == null ? ReportConfig.defaults() : report;
    }

    /** The report's locale: {@code report.locale}, else {@code project.locale}. */
    public ReportLocale reportLocale() {
        return report.locale() != null ? report.locale() : project.locale();
    }

    public SourceConfig source(String name) {
        return sources.stream()
                .filter(source -> source.name() != null && source.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No source named " + name));
    }

    PipelineConfig withPaths(String resolvedBaseDir, String resolvedWarehouse, String resolvedReports,
            List<SourceConfig> resolvedSources, RgpdConfig resolvedRgpd) {
        return withPaths(resolvedBaseDir, resolvedWarehouse, resolvedReports, resolvedSources, resolvedRgpd, governance, watch);
    }

    PipelineConfig withPaths(String resolvedBaseDir, String resolvedWarehouse, String resolvedReports,
            List<SourceConfig> resolvedSources, RgpdConfig resolvedRgpd, GovernanceConfig resolvedGovernance,
            WatchConfig resolvedWatch) {
        return new PipelineConfig(project, resolvedBaseDir, resolvedWarehouse, spark, resolvedReports, resolvedSources, dataset,
                resolvedRgpd, profile, qualityGate, clean, load, stats, train, resolvedGovernance, resolvedWatch, report);
    }

    /**
     * The data set's base source without a key gets the generated one ({@code key: auto}): one row
     * per observation is a grain too.
     */
    PipelineConfig withGeneratedBaseKey() {
        if (dataset == null || dataset.base() == null) {
            return this;
        }
        List<SourceConfig> keyed = sources.stream()
                .map(source -> source != null && dataset.base().equals(source.name()) && source.key().isEmpty()
                        ? source.withGeneratedKey() : source)
                .toList();
        return withPaths(baseDir, warehouse, reportsDir, keyed, rgpd);
    }

    /** The same configuration writing its tables and reports elsewhere (paths already resolved). */
    public PipelineConfig withLoad(LoadConfig otherLoad) {
        return new PipelineConfig(project, baseDir, warehouse, spark, reportsDir, sources, dataset, rgpd, profile, qualityGate, clean,
                otherLoad, stats, train, governance, watch, report);
    }

    /** The same configuration training with other settings. */
    public PipelineConfig withTrain(TrainConfig otherTrain) {
        return new PipelineConfig(project, baseDir, warehouse, spark, reportsDir, sources, dataset, rgpd, profile, qualityGate, clean, load,
                stats, otherTrain, governance, watch, report);
    }

    public PipelineConfig withOutputs(String otherWarehouse, String otherReportsDir) {
        return new PipelineConfig(project, baseDir, otherWarehouse, spark, otherReportsDir, sources, dataset, rgpd, profile,
                qualityGate, clean, load, stats, train, governance, watch, report);
    }
}
