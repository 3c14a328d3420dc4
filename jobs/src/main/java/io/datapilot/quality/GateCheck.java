package io.datapilot.quality;

/**
 * One check of the quality gate.
 *
 * @param check what is measured: quarantine_ratio, critical_alerts or completeness
 * @param subject the source or table measured, or "all" for a count over every table
 * @param value the measure
 * @param threshold the configured limit (quality_gate.*)
 */
public record GateCheck(String check, String subject, double value, double threshold, boolean passed, String message) {}
