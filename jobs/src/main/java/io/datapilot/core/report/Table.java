package io.datapilot.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for people (a sheet of a workbook, a Markdown table): a title, headers and rows of text.
 *
 * @param title sheet name (at most 31 characters in Excel)
 */
public record Table(String title, List<String> headers, List<List<String>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", headers.stream().map(Table::cell).toList())).append(" |\n");
        out.append("|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(Table::cell).toList())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
