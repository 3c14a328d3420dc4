package io.datapilot.core.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stages of the pipeline, defined once, in dependency order. {@code datapilot run}, the
 * Airflow DAG checks ({@code datapilot stages --json}) and the documentation read this list.
 */
public final class StageCatalog {
    public static final List<Stage> STAGES = List.of(
            new Stage("ingest", "data", "Read every source into typed bronze tables, quarantine bad rows, build the data set",
                    "ingest", Stage.RUN_OPTIONS, List.of(), List.of("source files (csv, xlsx, json, parquet)"),
                    List.of("bronze.<source>", "bronze.<dataset>", "audit.quarantine", "audit.ingest_runs",
                            "audit.column_origins", "audit.join_report", "audit.personal_data")),
            new Stage("profile", "data", "Profile every column, raise quality alerts, measure volumes, write the data"
                    + " dictionary, the register of processing and the audit report", "profile", Stage.RUN_OPTIONS, List.of("ingest"),
                    List.of("bronze.<source>", "bronze.<dataset>", "audit.column_origins", "audit.personal_data",
                            "audit.join_report", "audit.quarantine"),
                    List.of("audit.column_profiles", "audit.table_profiles", "audit.quality_alerts", "audit.data_dictionary",
                            "audit.volumetry", "reports/<run date>/audit/")),
            new Stage("quality_gate", "gate", "Stop the run when quarantine ratios, critical alerts or completeness are"
                    + " below quality_gate's thresholds", "quality-gate", Stage.RUN_OPTIONS, List.of("profile"),
                    List.of("audit.ingest_runs", "audit.quality_alerts", "audit.column_profiles"),
                    List.of("audit.quality_gate")),
            new Stage("clean", "preparation", "Drop duplicates, merge category variants, handle impossible values and outliers by"
                    + " policy, impute missing values, with an audit trail", "clean", Stage.RUN_OPTIONS, List.of("quality_gate"),
                    List.of("bronze.<dataset>", "audit.column_profiles"),
                    List.of("silver.<dataset>_clean", "audit.cleaning", "audit.quarantine")),
            new Stage("load", "preparation", "Write each clean table untuned and tuned (types from the data, constraints,"
                    + " Z-order on the index columns) after checking every value fits, then verify the row counts", "load",
                    Stage.RUN_OPTIONS, List.of("clean"),
                    List.of("silver.<dataset>_clean", "audit.ingest_runs", "audit.cleaning", "audit.quarantine"),
                    List.of("silver.<dataset>_untuned", "silver.<dataset>", "audit.schema_report", "audit.load_verification")),
            new Stage("query_timing", "preparation", "Time representative queries on the untuned and the tuned tables (median"
                    + " time, files read, bytes scanned)", "benchmark-queries", Stage.RUN_OPTIONS, List.of("load"),
                    List.of("silver.<dataset>_untuned", "silver.<dataset>", "audit.schema_report"),
                    List.of("governance.query_timings")),
            new Stage("stats", "analysis", "Describe the tuned tables: univariate statistics and frequencies, histograms, correlations"
                    + " (Pearson, Spearman), chi-square and Cramér's V, ANOVA, principal components, links with the targets", "stats",
                    Stage.RUN_OPTIONS, List.of("load"), List.of("silver.<dataset>", "audit.data_dictionary"),
                    List.of("gold.stats_univariate", "gold.stats_frequencies", "gold.stats_histograms", "gold.stats_correlations",
                            "gold.stats_chi_square", "gold.stats_contingency", "gold.stats_groups", "gold.stats_anova", "gold.stats_pca",
                            "gold.stats_target")),
            new Stage("train", "analysis", "Train every target of dataset.targets: data checks, stratified split, each model's"
                    + " cross-validated grid search, leaderboard, final model refitted on every row with model.json, local scorer and"
                    + " model card", "train", Stage.RUN_OPTIONS, List.of("load"),
                    List.of("silver.<dataset>", "audit.data_dictionary"),
                    List.of("gold.ml_features", "gold.ml_split", "gold.cv_results", "gold.leaderboard", "gold.model_details",
                            "models/<dataset>/<target>/<run date>/")),
            new Stage("watch", "governance", "Read the risk and regulation feeds of watch.feeds (RSS or Atom), sort their items"
                    + " into watch.themes, keep the new ones and write the digest for the stakeholders", "watch", Stage.RUN_OPTIONS,
                    List.of(), List.of("watch.feeds (RSS / Atom URLs or files)", "governance.watch_items (earlier run dates)"),
                    List.of("governance.watch_items", "governance.watch_feeds", "reports/<run date>/governance/veille.md")),
            new Stage("governance", "governance", "Compute the project manager's figures: run, quality and model KPIs (with"
                    + " drift), the contract's commitments, the technical logbook (Excel), the project steering (earned value, Gantt,"
                    + " burndown), the opportunity grid, the risk map and the management note", "governance", Stage.RUN_OPTIONS,
                    List.of("stats", "query_timing", "train"),
                    List.of("governance.run_kpis", "audit.*", "gold.leaderboard", "gold.ml_features", "silver.<dataset>",
                            "models/<dataset>/<target>/<run date>/", "gold.model_details", "governance.* (earlier run dates)",
                            "governance.plan / logbook / opportunities files", "<warehouse>/_state/serve.json (written by serve)",
                            "governance.erasure_log (written by erase)", "governance.retention_log (written by retention)"),
                    List.of("governance.quality_kpis", "governance.model_kpis", "governance.feature_bins", "governance.feature_drift",
                            "governance.commitments", "governance.logbook", "governance.steering_tasks", "governance.steering_project",
                            "governance.steering_alerts", "governance.burndown", "governance.opportunities", "governance.risks",
                            "governance.register_checkpoints", "governance.personal_tables", "governance.erasure_requests",
                            "reports/<run date>/governance/")),
            new Stage("report", "report", "Write the accessible HTML report (key figures, sources, dictionary, quality, RGPD,"
                    + " cleaning, load and query timing, statistics with SVG charts, models, governance, steering, logbook, opportunities,"
                    + " management note, watch, risk map), its XLSX workbook and its Jupyter notebook",
                    "report", Stage.RUN_OPTIONS, List.of("governance", "watch"),
                    List.of("audit.*", "governance.query_timings", "gold.stats_*", "silver.<dataset>", "gold.leaderboard",
                            "gold.cv_results", "gold.model_details", "models/<dataset>/<target>/<run date>/ (model.json, model_card.md)",
                            "governance.commitments", "governance.quality_kpis (every run date)", "governance.run_kpis (every run date)",
                            "governance.model_kpis", "governance.feature_drift", "governance.steering_project",
                            "governance.steering_alerts", "governance.steering_tasks", "governance.burndown (every run date)",
                            "governance.logbook", "governance.opportunities", "governance.risks (every run date)",
                            "governance.register_checkpoints", "governance.personal_tables", "governance.erasure_requests",
                            "reports/<run date>/governance/ (note_direction.md, carnet_de_bord.xlsx)"),
                    List.of("reports/<run date>/site/", "reports/<run date>/site/statistiques.xlsx",
                            "reports/<run date>/site/analyses.ipynb")));

    private StageCatalog() {}

    public static Optional<Stage> find(String name) {
        return STAGES.stream().filter(stage -> stage.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return STAGES.stream().map(Stage::name).toList();
    }

    /** The stages from {@code from} on (inclusive), in order. */
    public static List<Stage> from(String from) {
        List<Stage> selected = new ArrayList<>();
        boolean started = false;
        for (Stage stage : STAGES) {
            started |= stage.name().equals(from);
            if (started) {
                selected.add(stage);
            }
        }
        return selected;
    }
}
