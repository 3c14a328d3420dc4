package io.datapilot.rgpd;

import io.datapilot.core.config.RgpdConfig;
import picocli.CommandLine.Option;

/**
 * The vacuum's retention of the commands that make deletions final ({@code erase}, {@code retention}):
 * {@code rgpd.retention_policy.vacuum_hours}, or {@code --vacuum-hours} for one command (a picocli mixin).
 */
public final class VacuumHours {
    /** The configuration key, for the message when Delta refuses the hours. */
    public static final String SETTING = "rgpd.retention_policy.vacuum_hours";

    @Option(names = "--vacuum-hours", paramLabel = "HOURS", description = "Overrides " + SETTING + " for this command: below 168,"
            + " Delta refuses unless spark.databricks.delta.retentionDurationCheck.enabled=false (no job may be reading the tables).")
    Integer override;

    public int of(RgpdConfig rgpd) {
        return override != null ? override : rgpd.retentionPolicy().vacuumHours();
    }
}
