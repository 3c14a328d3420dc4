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
 * @param label what the report, its workbook and its notebook call the column; the original header
 *     with its unit when absent
 */
public record ColumnConfig(
        String name,
        String type,
        List<String> formats,
        String description,
        String unit,
        String label) {

    public ColumnConfig {
        formats = formats == null ? List.of() : List.copyOf(formats);
    }
}
