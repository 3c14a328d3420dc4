package io.datapilot.governance.register;

/**
 * A table of the warehouse that holds personal data, as the register lists it.
 *
 * @param columns the personal columns it holds (treated as ingestion says), comma-separated
 * @param retentionDays run dates kept (from {@code rgpd.retention_policy.days}); null when none is set
 * @param rule the key that set it ({@code default}, the layer or the table)
 * @param lastApplied when {@code datapilot retention --apply} last ran on it (ISO date), null when never
 */
public record PersonalTable(String table, String columns, Integer retentionDays, String rule, String lastApplied) {}
