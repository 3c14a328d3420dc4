package io.datapilot.report;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.report.Table;
import io.datapilot.report.Page.TableBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table a page builds from rows it read, each column with its own format (a share as a percentage, a
 * status in words), kept in the workbook with the raw values (numbers stay numbers).
 *
 * <pre>{@code
 * TableBlock scores = new ComputedTable(tables, caption, sql).column("Table", String::valueOf)
 *         .column("Score", share).row("silver.clients", 0.97).build();
 * }</pre>
 */
final class ComputedTable {
    private final ReportTables tables;
    private final String caption;
    private final String sql;
    private final List<String> headers = new ArrayList<>();
    private final List<Function<Object, String>> formats = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();
    private final Map<Integer, List<String>> links = new HashMap<>();
    private int linkColumn = -1;

    ComputedTable(ReportTables tables, String caption, String sql) {
        this.tables = requireNonNull(tables, "tables is null");
        this.caption = requireNonNull(caption, "caption is null");
        this.sql = sql;
    }

    ComputedTable column(String header, Function<Object, String> format) {
        headers.add(header);
        formats.add(format);
        return this;
    }

    /** The next column, whose cells link to the target given with each row ({@link #linkedRow}). */
    ComputedTable linkColumn(String header, Function<Object, String> format) {
        linkColumn = headers.size();
        links.put(linkColumn, new ArrayList<>());
        return column(header, format);
    }

    ComputedTable row(Object... values) {
        if (values.length != headers.size()) {
            throw new IllegalArgumentException("A row of " + caption + " has " + values.length + " values for " + headers.size() + " columns");
        }
        rows.add(java.util.Arrays.asList(values));
        if (linkColumn >= 0) {
            links.get(linkColumn).add(null);
        }
        return this;
    }

    /** A row whose link column's cell links to {@code target} (null: no link). */
    ComputedTable linkedRow(String target, Object... values) {
        row(values);
        links.get(linkColumn).set(rows.size() - 1, target);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    TableBlock build() {
        List<List<String>> formatted = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(row.get(i) == null ? "" : formats.get(i).apply(row.get(i)));
            }
            formatted.add(cells);
        }
        tables.addSheet(caption, headers, rows.stream().map(row -> row.stream().map(ComputedTable::raw).toList()).toList());
        return new TableBlock(new Table(caption, headers, formatted), caption, sql, links);
    }

    private static Object raw(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.doubleValue();
        }
        return value;
    }
}
