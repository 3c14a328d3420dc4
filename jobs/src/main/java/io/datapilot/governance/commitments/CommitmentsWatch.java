package io.datapilot.governance.commitments;

import io.datapilot.core.config.GovernanceConfig.CommitmentConfig;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.text.Numbers;
import io.datapilot.governance.GovernanceTables;
import io.datapilot.governance.kpi.QualityKpi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * Evaluates the contract's commitments ({@code governance.commitments} in the configuration) on the
 * run date: each measure against its threshold, OK / WARNING / BREACH, with the previous run date's
 * status next to it.
 */
public final class CommitmentsWatch {
    public static final String TABLE = "commitments";

    private CommitmentsWatch() {}

    public static List<CommitmentStatus> evaluate(GovernanceTables tables, PipelineConfig config, List<QualityKpi> quality) {
        Measures measures = new Measures(tables, config, quality);
        Map<String, String> previous = new HashMap<>();
        tables.previousRunDate(TABLE).ifPresent(date -> {
            for (Row row : tables.rowsOf(TABLE, date, "name", "status")) {
                previous.put(row.getString(0), row.getString(1));
            }
        });
        List<CommitmentStatus> statuses = new ArrayList<>();
        for (CommitmentConfig commitment : config.governance().commitments()) {
            Optional<Double> measured = measures.measure(commitment.metric());
            statuses.add(status(commitment, measured.orElse(null), previous.get(commitment.name())));
        }
        return statuses;
    }

    /** The status of one measure against its commitment (pure: the rules in one place, tested alone). */
    public static CommitmentStatus status(CommitmentConfig commitment, Double measured, String previousStatus) {
        String text = measured == null ? null : text(commitment.metric(), measured);
        if (measured == null) {
            return new CommitmentStatus(commitment.name(), commitment.description(), commitment.metric(), commitment.operator(),
                    commitment.threshold(), null, null, CommitmentStatus.NO_DATA, "Nothing to measure " + commitment.metric()
                    + " from on this run date: the stage that produces it did not run or the feature is not used.", previousStatus);
        }
        double threshold = threshold(commitment);
        boolean met = switch (commitment.operator()) {
            case ">=" -> measured >= threshold;
            case ">" -> measured > threshold;
            case "<=" -> measured <= threshold;
            case "<" -> measured < threshold;
            default -> throw new IllegalArgumentException("Invalid operator " + commitment.operator());
        };
        double margin = Math.abs(measured - threshold);
        String status = !met ? CommitmentStatus.BREACH
                : margin < commitment.warningMargin() ? CommitmentStatus.WARNING : CommitmentStatus.OK;
        String promised = commitment.operator() + " " + (commitment.metric().equals("run_end_time") ? commitment.threshold()
                : text(commitment.metric(), threshold));
        String message = switch (status) {
            case CommitmentStatus.BREACH -> "Breach: " + commitment.metric() + " is " + text + ", the contract asks " + promised + ".";
            case CommitmentStatus.WARNING -> "Met by a small margin: " + text + " for " + promised + " (warning margin "
                    + text(commitment.metric(), commitment.warningMargin()) + ").";
            default -> "Met: " + text + " for " + promised + ".";
        };
        return new CommitmentStatus(commitment.name(), commitment.description(), commitment.metric(), commitment.operator(),
                commitment.threshold(), measured, text, status, message, previousStatus);
    }

    static double threshold(CommitmentConfig commitment) {
        if (commitment.metric().equals("run_end_time")) {
            String[] parts = commitment.threshold().split(":");
            return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
        }
        return Double.parseDouble(commitment.threshold().trim());
    }

    /** A measure as people read it: shares in %, times as HH:mm, counts as integers, metrics with 4 decimals. */
    static String text(String metric, double value) {
        return switch (metric) {
            case "quality_score", "quarantine_share", "gate_passed_share" -> Numbers.percent(value);
            case "run_end_time" -> String.format("%02d:%02d", (int) value / 60, (int) value % 60);
            case "failed_stages", "critical_alerts", "erasure_delay_days" -> Numbers.count(Math.round(value));
            default -> Numbers.decimal(value, 4);
        };
    }
}
