package io.datapilot.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table for the console: columns padded, numbers right-aligned. */
public final class ConsoleTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private ConsoleTable(List<String> headers) {
        this.headers = headers;
    }

    public static ConsoleTable of(String... headers) {
        return new ConsoleTable(Arrays.asList(headers));
    }

    public ConsoleTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    public String render() {
        int[] widths = new int[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        Arrays.fill(numeric, !rows.isEmpty());
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < headers.size() && i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
                numeric[i] &= row.get(i).isEmpty() || row.get(i).matches("[-+]?[0-9 ,.]+( %| s)?");
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, headers, widths, new boolean[headers.size()]);
        for (int i = 0; i < headers.size(); i++) {
            out.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.append(System.lineSeparator());
        for (List<String> row : rows) {
            appendRow(out, row, widths, numeric);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            String padding = " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : "  ").append(rightAligned[i] ? padding + cell : cell + padding);
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
}
