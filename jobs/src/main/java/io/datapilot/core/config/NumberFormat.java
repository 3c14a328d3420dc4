package io.datapilot.core.config;

/**
 * How numbers are written in a source.
 *
 * <ul>
 *   <li>{@code fr}: decimal comma, thousands separated by a space, no-break space or narrow
 *       no-break space ({@code 1 234,56});
 *   <li>{@code en}: decimal point, thousands separated by commas ({@code 1,234.56});
 *   <li>{@code auto}: both, value by value: a comma alone is a decimal comma, and when a value has
 *       both marks the last one is the decimal separator.
 * </ul>
 */
public enum NumberFormat {
    AUTO,
    FR,
    EN
}
