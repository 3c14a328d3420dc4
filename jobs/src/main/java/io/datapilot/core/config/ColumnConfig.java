package io.datapilot.core.config;

import java.util.List;

/**
 * What the config says about one column of a source (keyed by its original or normalised name).
 *
 * @param name new name for the column (snake_case); the normalised original name when absent
 * @param type {@code string, integer, decimal(p,s), double, date, timestamp, boolean}; detected
 *     when absent
 * @param formats date or timestamp patterns ({@code dd/MM/yyyy}); {@code excel} reads Excel serial
 *     day numbers
 */
public record ColumnConfig(
        String name,
        String type,
        List<String> formats,
        String description,
        String unit) {

    public ColumnConfig {
        formats = formats == null ? List.of() : List.copyOf(formats);
    }
}
