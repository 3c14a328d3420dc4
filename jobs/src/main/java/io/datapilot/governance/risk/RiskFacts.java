package io.datapilot.governance.risk;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.RgpdConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.stages.RunKpis;
import io.datapilot.core.state.ServeState;
import io.datapilot.governance.GovernanceTables;
import io.datapilot.rgpd.PseudonymisationKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * What the derived risks are made of, read from the run date's tables in a few small reads (one per table, bounded by
 * columns, checks and models, never a pass over the data) and from the settings files: names of tables and columns,
 * treatments, severities, ratios; never a data value.
 *
 * @param personal the personal columns found or declared ({@code audit.personal_data})
 * @param alerts the warning and critical quality alerts ({@code audit.quality_alerts})
 * @param failedChecks the failed checks of the quality gate, as {@code check (subject)} ({@code audit.quality_gate})
 * @param failedStages the stages that failed on the run date ({@code governance.run_kpis})
 * @param demoKey where the demo pseudonymisation key lies when the run pseudonymised with it, else empty
 * @param serve the web application's last start-up settings ({@code <warehouse>/_state/serve.json}), empty when not known
 * @param fairness each target's disparity between the groups of {@code train.fairness.by} ({@code gold.model_details})
 * @param minRatio {@code train.fairness.min_ratio}
 */
public record RiskFacts(List<PersonalColumn> personal, List<QualityAlert> alerts, List<String> failedChecks, List<String> failedStages,
        Optional<String> demoKey, Optional<ServeState> serve, List<Fairness> fairness, double minRatio) {

    /** A treatment that leaves a low-confidence finding unchanged, as ingestion writes it. */
    static final String UNTREATED_PREFIX = "none";

    public RiskFacts {
        personal = List.copyOf(personal);
        alerts = List.copyOf(alerts);
        failedChecks = List.copyOf(failedChecks);
        failedStages = List.copyOf(failedStages);
        fairness = List.copyOf(fairness);
    }

    /** A personal column and its treatment ({@code pseudonymise}, {@code keep}…; {@code none …} for a doubtful finding). */
    public record PersonalColumn(String source, String column, String treatment, String justification) {
        String reference() {
            return source + "." + column;
        }

        boolean untreated() {
            return treatment.startsWith(UNTREATED_PREFIX);
        }
    }

    /** @param severity {@code warning} or {@code critical} */
    public record QualityAlert(String table, String column, String kind, String severity) {
        String subject() {
            return column == null ? table : table + "." + column;
        }
    }

    /** @param ratio the worst group's metric over the best's (RMSE: the smallest over the largest), as the report computes it */
    public record Fairness(String target, double ratio, int groups) {}

    /**
     * Reads the facts of the tables' run date.
     *
     * @param environment the process environment ({@code System::getenv}): whether the key variable is set
     */
    public static RiskFacts read(GovernanceTables tables, PipelineConfig config, Configuration hadoop, Function<String, String> environment) {
        List<PersonalColumn> personal = new ArrayList<>();
        for (Row row : tables.rows(Layer.AUDIT, "personal_data", "source", "column", "treatment", "justification")) {
            personal.add(new PersonalColumn(row.getString(0), row.getString(1), row.isNullAt(2) ? UNTREATED_PREFIX : row.getString(2),
                    row.isNullAt(3) ? null : row.getString(3)));
        }
        List<QualityAlert> alerts = new ArrayList<>();
        for (Row row : tables.rows(Layer.AUDIT, "quality_alerts", "table", "column", "kind", "severity")) {
            if ("warning".equals(row.getString(3)) || "critical".equals(row.getString(3))) {
                alerts.add(new QualityAlert(row.getString(0), row.isNullAt(1) ? null : row.getString(1), row.getString(2), row.getString(3)));
            }
        }
        // the tables' row order is not guaranteed: sorted, the texts are the same on every rerun
        personal.sort(java.util.Comparator.comparing(PersonalColumn::reference));
        alerts.sort(java.util.Comparator.comparing(QualityAlert::subject).thenComparing(QualityAlert::kind));
        List<String> checks = new ArrayList<>();
        for (Row row : tables.rows(Layer.AUDIT, "quality_gate", "check", "subject", "passed")) {
            if (!row.isNullAt(2) && !row.getBoolean(2)) {
                checks.add(row.getString(0) + (row.isNullAt(1) ? "" : " (" + row.getString(1) + ")"));
            }
        }
        List<String> stages = tables.rows(Layer.GOVERNANCE, RunKpis.TABLE, "stage", "status").stream()
                .filter(row -> "failed".equals(row.getString(1))).map(row -> row.getString(0)).sorted().toList();
        checks.sort(null);
        boolean pseudonymised = personal.stream().anyMatch(column -> "pseudonymise".equals(column.treatment()));
        Optional<String> demoKey = pseudonymised ? demoKey(config.rgpd(), config.warehouse(), hadoop, environment) : Optional.empty();
        return new RiskFacts(personal, alerts, checks, stages, demoKey, ServeState.read(config.warehouse(), hadoop), fairness(tables),
                config.train().fairness().minRatio());
    }

    /**
     * The demo key file, when it is the key the pseudonymisation takes ({@link PseudonymisationKey#load}'s order: the
     * environment variable, then {@code rgpd.key_file}, then the demo key if allowed) and ingestion created it.
     */
    static Optional<String> demoKey(RgpdConfig rgpd, String warehouse, Configuration hadoop, Function<String, String> environment) {
        String fromEnvironment = environment.apply(rgpd.keyEnv());
        if (fromEnvironment != null && !fromEnvironment.isBlank() || rgpd.keyFile() != null || !rgpd.demoKey()) {
            return Optional.empty();
        }
        Path file = new Path(warehouse + "/" + PseudonymisationKey.DEMO_KEY);
        try {
            return file.getFileSystem(hadoop).exists(file) ? Optional.of(file.toString()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The fairness rows of the chosen models (one per group and measure: a few per target). */
    private static List<Fairness> fairness(GovernanceTables tables) {
        Optional<org.apache.spark.sql.Dataset<Row>> details = tables.read(Layer.GOLD, "model_details");
        if (details.isEmpty()) {
            return List.of();
        }
        List<Row> rows = details.get().where(functions.col(DeltaIO.RUN_DATE).equalTo(functions.lit(java.sql.Date.valueOf(tables.runDate())))
                .and(functions.col("section").equalTo("fairness")).and(functions.col("item2").notEqual("rows")))
                .select("target", "value").collectAsList();
        Map<String, List<Double>> byTarget = new TreeMap<>();
        rows.stream().filter(row -> !row.isNullAt(1)).forEach(row -> byTarget.computeIfAbsent(row.getString(0), target -> new ArrayList<>())
                .add(row.getDouble(1)));
        List<Fairness> fairness = new ArrayList<>();
        byTarget.forEach((target, metrics) -> {
            double smallest = metrics.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double largest = metrics.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            if (metrics.size() >= 2 && largest > 0) {
                fairness.add(new Fairness(target, smallest / largest, metrics.size()));
            }
        });
        return fairness;
    }
}
