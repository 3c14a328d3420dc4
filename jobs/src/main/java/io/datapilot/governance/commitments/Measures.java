package io.datapilot.governance.commitments;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.stages.RunKpis;
import io.datapilot.governance.GovernanceTables;
import io.datapilot.governance.kpi.QualityKpi;
import io.datapilot.governance.kpi.QualityKpis;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;

/** The measures a commitment can watch, each read from the tables of the run date (see {@code CommitmentConfig.METRICS}). */
final class Measures {
    private final GovernanceTables tables;
    private final PipelineConfig config;
    private final List<QualityKpi> quality;

    Measures(GovernanceTables tables, PipelineConfig config, List<QualityKpi> quality) {
        this.tables = tables;
        this.config = config;
        this.quality = quality;
    }

    /** The measure, or empty when the run has nothing to measure it from. */
    Optional<Double> measure(String metric) {
        return switch (metric) {
            case "quality_score" -> {
                java.util.OptionalDouble score = QualityKpis.overall(quality);
                yield score.isPresent() ? Optional.of(score.getAsDouble()) : Optional.empty();
            }
            case "quarantine_share" -> share(tables.rows(Layer.AUDIT, "ingest_runs", "rows_quarantined", "rows_read"));
            case "gate_passed_share" -> {
                List<Row> gate = tables.rows(Layer.AUDIT, "quality_gate", "passed");
                yield gate.isEmpty() ? Optional.empty()
                        : Optional.of((double) gate.stream().filter(row -> !row.isNullAt(0) && row.getBoolean(0)).count() / gate.size());
            }
            case "critical_alerts" -> tables.read(Layer.AUDIT, "quality_alerts").isEmpty() ? Optional.empty()
                    : Optional.of((double) tables.rows(Layer.AUDIT, "quality_alerts", "severity").stream()
                            .filter(row -> "critical".equals(row.getString(0))).count());
            case "failed_stages" -> {
                List<Row> facts = tables.rows(Layer.GOVERNANCE, RunKpis.TABLE, "status");
                yield facts.isEmpty() ? Optional.empty()
                        : Optional.of((double) facts.stream().filter(row -> "failed".equals(row.getString(0))).count());
            }
            case "run_end_time" -> runEnd();
            case "erasure_delay_days" -> {
                List<Row> erasures = tables.rows(Layer.GOVERNANCE, "erasure_log", "delay_days");
                yield erasures.stream().filter(row -> !row.isNullAt(0)).map(row -> ((Number) row.get(0)).doubleValue())
                        .max(Double::compare);
            }
            default -> metric.startsWith("model.") ? model(metric) : Optional.empty();
        };
    }

    /** Minutes after midnight (project time zone) at which the run's latest stage so far ended: the governance stage runs last but the report. */
    private Optional<Double> runEnd() {
        List<Row> ends = tables.rows(Layer.GOVERNANCE, RunKpis.TABLE, "ended_at");
        ZoneId zone = ZoneId.of(config.project().timezone());
        java.time.Instant latest = ends.stream().map(row -> row.getTimestamp(0).toInstant()).max(java.time.Instant::compareTo)
                .orElse(null);
        java.time.Instant now = java.time.Instant.now();
        latest = latest == null || now.isAfter(latest) ? now : latest;
        ZonedDateTime local = latest.atZone(zone);
        return Optional.of((double) (local.getHour() * 60 + local.getMinute()));
    }

    private Optional<Double> model(String metric) {
        String[] parts = metric.split("\\.");
        String column = switch (parts[2]) {
            case "f1" -> "test_f1_macro";
            case "weighted_precision" -> "test_precision_weighted";
            case "weighted_recall" -> "test_recall_weighted";
            default -> "test_" + parts[2];
        };
        if (tables.read(Layer.GOLD, "leaderboard").map(frame -> !List.of(frame.columns()).contains(column)).orElse(true)) {
            return Optional.empty();
        }
        return tables.rows(Layer.GOLD, "leaderboard", "target", "chosen", column).stream()
                .filter(row -> parts[1].equals(row.getString(0)) && !row.isNullAt(1) && row.getBoolean(1) && !row.isNullAt(2))
                .map(row -> row.getDouble(2)).findFirst();
    }

    private static Optional<Double> share(List<Row> rows) {
        long part = rows.stream().mapToLong(row -> row.isNullAt(0) ? 0 : row.getLong(0)).sum();
        long whole = rows.stream().mapToLong(row -> row.isNullAt(1) ? 0 : row.getLong(1)).sum();
        return whole == 0 ? Optional.empty() : Optional.of((double) part / whole);
    }
}
