package io.datapilot.report;

import static org.apache.spark.sql.functions.col;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.report.ReportFiles.Sheet;
import io.datapilot.core.report.Table;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.TableBlock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse tables of the run date as the report shows them: read, formatted for people, with
 * the columns that name a variable shown by its label, and each also kept as a sheet of the workbook
 * (raw values, the label and, next to it, the technical name).
 */
final class ReportTables {
    static final int MAX_ROWS = 2_000;
    /** Columns of the audit and statistics tables whose values are the names of variables. */
    private static final Set<String> VARIABLE_COLUMNS = Set.of("column", "x", "y", "numeric", "categorical", "target", "variable");

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final LocalDate runDate;
    private final Formats formats;
    private final Texts texts;
    private VariableLabels labels;
    private final List<Sheet> sheets = new ArrayList<>();
    private final Set<String> sheetNames = new HashSet<>();

    ReportTables(SparkSession spark, Warehouse warehouse, LocalDate runDate, Formats formats, Texts texts) {
        this.spark = spark;
        this.warehouse = warehouse;
        this.runDate = runDate;
        this.formats = formats;
        this.texts = texts;
    }

    /** The labels of the variables, read once from the dictionary before any page is built. */
    VariableLabels labels(io.datapilot.core.config.PipelineConfig config, List<String> reportTables) {
        labels = VariableLabels.of(VariableLabels.entries(spark, warehouse, runDate), config, texts, reportTables);
        return labels;
    }

    List<Sheet> sheets() {
        return sheets;
    }

    /**
     * A table of the run date read from the warehouse, formatted for people; also a sheet of the
     * workbook with the raw values. {@code where} may end with ORDER BY / LIMIT.
     */
    Block table(String caption, Layer layer, String name, String where, String... columns) {
        return table(caption, layer, name, where, null, false, columns);
    }

    /**
     * The same, with the variables named as in {@code variablesOf} (when the rows do not say their
     * table) and, when {@code technicalOnPage}, on the page too a column of technical names after
     * each column naming a variable (the data dictionary, where people look a technical name up).
     */
    Block table(String caption, Layer layer, String name, String where, String variablesOf, boolean technicalOnPage,
            String... columns) {
        String path = warehouse.table(layer, name);
        String shown = Warehouse.displayName(layer, name);
        if (!DeltaIO.exists(spark, path)) {
            return new Paragraph(texts.get("site.missing", shown));
        }
        List<Row> all = rows(layer, name, where, columns);
        List<Row> rows = all.size() > MAX_ROWS ? all.subList(0, MAX_ROWS) : all;
        int tableColumn = Arrays.asList(columns).indexOf("table");
        int context = tableColumn >= 0 ? tableColumn : Arrays.asList(columns).indexOf("source");
        List<String> headers = new ArrayList<>();
        for (String column : columns) {
            headers.add(texts.column(column));
            if (technicalOnPage && VARIABLE_COLUMNS.contains(column)) {
                headers.add(texts.get("col.technical"));
            }
        }
        List<List<String>> formatted = new ArrayList<>();
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                Object value = row.get(i);
                if (VARIABLE_COLUMNS.contains(columns[i]) && value instanceof String variable) {
                    cells.add(labels.of(context < 0 ? variablesOf : row.getString(context), variable));
                    if (technicalOnPage) {
                        cells.add(variable);
                    }
                    continue;
                }
                cells.add(columns[i].endsWith("share") || columns[i].equals("explained") || columns[i].equals("cumulative")
                        || columns[i].endsWith("ratio") ? value == null ? "" : formats.percent(((Number) value).doubleValue())
                        : columns[i].contains("bytes") && value instanceof Number n ? formats.bytes(n.longValue())
                        : columns[i].equals("p_value") && value instanceof Number n ? formats.pValue(n.doubleValue())
                        : formats.cell(value));
            }
            formatted.add(cells);
        }
        // the workbook gets every row, the page at most MAX_ROWS
        addSheet(caption, all, context, variablesOf, columns);
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + shown + " WHERE _run_date = DATE'" + runDate + "'"
                + (where == null ? "" : where.startsWith("ORDER") ? " " + where : " AND " + where);
        String shownCaption = all.size() > MAX_ROWS ? caption + " " + texts.get("site.truncated", formats.count(MAX_ROWS),
                formats.count(all.size())) : caption;
        return new TableBlock(new Table(caption, headers, formatted), shownCaption, sql);
    }

    /**
     * A table the page computed from the rows it read (a pivot, a selection), formatted for people
     * and also a sheet of the workbook with the raw values; {@code sql} says where its data comes from.
     */
    TableBlock computed(String caption, List<String> headers, List<List<Object>> rows, String sql) {
        List<List<String>> formatted = rows.stream().map(row -> row.stream().map(formats::cell).toList()).toList();
        addSheet(caption, headers, rows.stream().map(row -> row.stream().map(value -> value instanceof Double d && !Double.isFinite(d)
                ? null : value).toList()).toList());
        return new TableBlock(new Table(caption, headers, formatted), caption, sql);
    }

    /** A table of the run date in the workbook only (too long for a page, or drawn as charts there). */
    void sheet(String caption, Layer layer, String name, String where, String... columns) {
        addSheet(caption, rows(layer, name, where, columns), -1, null, columns);
    }

    /** Rows as the workbook's typed values (decimals as numbers), each variable as its label then its technical name. */
    private void addSheet(String caption, List<Row> rows, int context, String variablesOf, String... columns) {
        List<String> headers = new ArrayList<>();
        for (String column : columns) {
            headers.add(texts.column(column));
            if (VARIABLE_COLUMNS.contains(column)) {
                headers.add(texts.get("sheet.technical", texts.column(column)));
            }
        }
        List<List<Object>> values = new ArrayList<>();
        for (Row row : rows) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                Object value = row.get(i);
                if (VARIABLE_COLUMNS.contains(columns[i])) {
                    cells.add(value instanceof String variable ? labels.of(context < 0 ? variablesOf : row.getString(context), variable)
                            : value);
                    cells.add(value);
                } else {
                    cells.add(value instanceof java.math.BigDecimal decimal ? decimal.doubleValue() : value);
                }
            }
            values.add(cells);
        }
        addSheet(caption, headers, values);
    }

    void addSheet(String caption, List<String> headers, List<List<Object>> rows) {
        String base = caption.replaceAll("[\\[\\]:*?/\\\\]", " ").replaceAll("\\s+", " ").trim();
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String sheet = base;
        for (int i = 2; sheetNames.contains(sheet.toLowerCase(Locale.ROOT)); i++) {
            sheet = base + " " + i;
        }
        sheetNames.add(sheet.toLowerCase(Locale.ROOT));
        sheets.add(new Sheet(sheet, headers, rows));
    }

    Dataset<Row> read(Layer layer, String name) {
        return DeltaIO.readRunDate(spark, warehouse.table(layer, name), runDate);
    }

    /**
     * The rows of a table of the run date. Audit and statistics tables are bounded by the number of
     * columns, modalities and checks, not of data rows; the tables shown whole on a page still stop at
     * {@value #MAX_ROWS} rows, and say so.
     */
    List<Row> rows(Layer layer, String name, String where, String... columns) {
        String path = warehouse.table(layer, name);
        if (!DeltaIO.exists(spark, path)) {
            return List.of();
        }
        String view = "report_" + layer.name().toLowerCase(Locale.ROOT) + "_" + name;
        read(layer, name).createOrReplaceTempView(view);
        String select = String.join(", ", Arrays.stream(columns).map(c -> "`" + c + "`").toList());
        String sql = "SELECT " + select + " FROM " + view + (where == null ? "" : where.startsWith("ORDER") ? " " + where : " WHERE " + where);
        return spark.sql(sql).collectAsList();
    }

    /**
     * The rows of every run date up to the run date (a KPI's history: one partition per run date, a few
     * rows each), oldest first; ask for {@code _run_date} among the columns to tell the dates apart.
     */
    List<Row> history(Layer layer, String name, String where, String... columns) {
        String path = warehouse.table(layer, name);
        if (!DeltaIO.exists(spark, path)) {
            return List.of();
        }
        String view = "report_history_" + layer.name().toLowerCase(Locale.ROOT) + "_" + name;
        spark.read().format("delta").load(path).createOrReplaceTempView(view);
        String select = String.join(", ", Arrays.stream(columns).map(c -> "`" + c + "`").toList());
        return spark.sql("SELECT " + select + " FROM " + view + " WHERE " + DeltaIO.RUN_DATE + " <= DATE'" + runDate + "'"
                + (where == null ? "" : " AND " + where) + " ORDER BY " + DeltaIO.RUN_DATE).collectAsList();
    }

    List<String> distinct(Layer layer, String name, String column) {
        if (!DeltaIO.exists(spark, warehouse.table(layer, name))) {
            return List.of();
        }
        return read(layer, name).select(col(column)).distinct().collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    }
}
