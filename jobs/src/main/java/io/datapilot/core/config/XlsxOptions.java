package io.datapilot.core.config;

/**
 * Which part of a workbook holds the table.
 *
 * @param sheet sheet name; the first sheet when absent
 * @param range top-left cell of the header ({@code A4}) or a whole range ({@code A4:P2000})
 * @param header whether the first row of the range holds the column names
 */
public record XlsxOptions(String sheet, String range, Boolean header) {

    public XlsxOptions {
        range = range == null ? "A1" : range;
        header = header == null ? Boolean.TRUE : header;
    }

    static XlsxOptions defaults() {
        return new XlsxOptions(null, null, null);
    }
}
