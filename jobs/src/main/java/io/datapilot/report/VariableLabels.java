package io.datapilot.report;

import io.datapilot.core.config.AggregationConfig;
import io.datapilot.core.config.ColumnConfig;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.RelationConfig;
import io.datapilot.core.config.RelationKind;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.text.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The words people read for each variable: the client's own header with its unit
 * ({@code Température max (°C)}), not the technical name ({@code temperature_max_c}), which stays
 * available next to it. Built once per report from the data dictionary's rows and the
 * configuration, then used by every page, chart, workbook sheet and notebook cell.
 *
 * <p>In order: a configured {@code label}; for a column of a source, its original header, with its
 * unit when the header does not already say it; for an aggregation of the data set, the
 * function and the aggregated column's label, then the source ("Somme de Montant TTC (€) –
 * lignes_commandes"); for a looked-up column, its label in its source, then the source; for the
 * cleaning's flags ({@code _aberrant}, {@code _manquant}), the flagged column's label and what
 * the flag says; otherwise the technical name.
 */
public final class VariableLabels {
    private static final String FLAG_SUFFIX = "_aberrant";
    private static final String MISSING_SUFFIX = "_manquant";

    /** What the data dictionary says of one column: the headers it was read from and its unit. */
    public record Entry(String table, String column, String originalNames, String unit) {
        public Entry {
            Objects.requireNonNull(table, "table is null");
            Objects.requireNonNull(column, "column is null");
        }
    }

    private final Map<String, Map<String, String>> byTable;
    private final Map<String, String> anyTable;
    private final Map<String, String> technical;
    private final Set<String> ambiguous = new HashSet<>();
    private final Texts texts;

    private VariableLabels(Map<String, Map<String, String>> byTable, List<String> preferred, Texts texts) {
        this.byTable = byTable;
        this.texts = texts;
        this.anyTable = new HashMap<>();
        List<String> order = new ArrayList<>(preferred);
        byTable.keySet().stream().filter(table -> !preferred.contains(table)).sorted().forEach(order::add);
        for (String table : order) {
            byTable.getOrDefault(table, Map.of()).forEach(anyTable::putIfAbsent);
        }
        // a label that names two different columns cannot point to one technical name
        this.technical = new HashMap<>();
        byTable.values().forEach(columns -> columns.forEach(this::remember));
    }

    private void remember(String column, String label) {
        if (label.equals(column) || ambiguous.contains(label)) {
            return;
        }
        String known = technical.putIfAbsent(label, column);
        if (known != null && !known.equals(column)) {
            technical.remove(label);
            ambiguous.add(label);
        }
    }

    /** The data dictionary's rows of a run date (none when the profile has not run), as the labels read them. */
    public static List<Entry> entries(org.apache.spark.sql.SparkSession spark, io.datapilot.core.delta.Warehouse warehouse,
            java.time.LocalDate runDate) {
        String path = warehouse.table(io.datapilot.core.delta.Warehouse.Layer.AUDIT, "data_dictionary");
        if (!io.datapilot.core.delta.DeltaIO.exists(spark, path)) {
            return List.of();
        }
        return io.datapilot.core.delta.DeltaIO.readRunDate(spark, path, runDate).select("table", "column", "original_names", "unit")
                .collectAsList().stream().map(row -> new Entry(row.getString(0), row.getString(1), row.getString(2), row.getString(3)))
                .toList();
    }

    /**
     * The labels of every table of the dictionary and of the data set.
     *
     * @param entries the data dictionary's rows of the run date (tables named {@code bronze.<name>})
     * @param reportTables the tables the report describes, whose labels win when a technical name
     *     is asked for without its table
     */
    public static VariableLabels of(List<Entry> entries, PipelineConfig config, Texts texts, List<String> reportTables) {
        Map<String, Map<String, Entry>> dictionary = new HashMap<>();
        for (Entry entry : entries) {
            dictionary.computeIfAbsent(plain(entry.table()), k -> new LinkedHashMap<>()).put(entry.column(), entry);
        }
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (SourceConfig source : config.sources()) {
            Map<String, String> columns = new LinkedHashMap<>();
            dictionary.getOrDefault(source.name(), Map.of()).values().forEach(entry -> columns.put(entry.column(),
                    sourceLabel(entry, configured(source, entry))));
            labels.put(source.name(), columns);
        }
        if (config.dataset() != null && config.source(config.dataset().base()) != null) {
            labels.put(config.dataset().name(), datasetLabels(config, texts, labels, dictionary.getOrDefault(config.dataset().name(),
                    Map.of())));
        }
        dictionary.forEach((table, columns) -> {
            Map<String, String> known = labels.computeIfAbsent(table, k -> new LinkedHashMap<>());
            columns.values().forEach(entry -> known.putIfAbsent(entry.column(), sourceLabel(entry, null)));
        });
        return new VariableLabels(labels, reportTables.stream().map(VariableLabels::plain).toList(), texts);
    }

    private static Map<String, String> datasetLabels(PipelineConfig config, Texts texts, Map<String, Map<String, String>> sources,
            Map<String, Entry> dataset) {
        String base = config.dataset().base();
        Map<String, String> columns = new LinkedHashMap<>(sources.getOrDefault(base, Map.of()));
        for (RelationConfig relation : config.dataset().relations()) {
            Map<String, String> source = sources.getOrDefault(relation.source(), Map.of());
            if (relation.kind() == RelationKind.AGGREGATE) {
                for (AggregationConfig aggregation : relation.aggregations()) {
                    columns.put(aggregation.name(), aggregation.label() != null ? aggregation.label()
                            : texts.get("label.from", aggregated(aggregation, source, texts), relation.source()));
                }
            } else {
                List<String> looked = relation.columns().isEmpty() ? List.copyOf(source.keySet()) : relation.columns();
                for (String column : looked) {
                    columns.put(relation.prefix() + column, texts.get("label.from", source.getOrDefault(column, column),
                            relation.source()));
                }
            }
        }
        // a column of the data set the configuration does not explain (a unified key): its own dictionary entry
        dataset.values().forEach(entry -> columns.putIfAbsent(entry.column(), sourceLabel(entry, null)));
        return columns;
    }

    private static String aggregated(AggregationConfig aggregation, Map<String, String> source, Texts texts) {
        String key = "label." + aggregation.function().name().toLowerCase(java.util.Locale.ROOT);
        if (aggregation.column() == null) {
            return texts.get("label.count_rows");
        }
        String column = source.getOrDefault(aggregation.column(), aggregation.column());
        return aggregation.by() == null ? texts.get(key, column) : texts.get(key, column, source.getOrDefault(aggregation.by(),
                aggregation.by()));
    }

    /** The configured column a dictionary entry comes from: keyed by its header, its normalised name or its final name. */
    private static ColumnConfig configured(SourceConfig source, Entry entry) {
        for (Map.Entry<String, ColumnConfig> declared : source.columns().entrySet()) {
            String key = declared.getKey();
            String original = entry.originalNames();
            if (key.equals(entry.column()) || original != null && (key.equals(original) || key.equals(normalised(original)))) {
                return declared.getValue();
            }
        }
        return null;
    }

    private static String normalised(String header) {
        return String.join("_", java.util.Arrays.stream(header.split("\\.")).map(part -> Names.normalise(part, 0)).toList());
    }

    private static String sourceLabel(Entry entry, ColumnConfig declared) {
        if (declared != null && declared.label() != null && !declared.label().isBlank()) {
            return declared.label().strip();
        }
        String original = entry.originalNames() == null || entry.originalNames().isBlank() ? entry.column() : entry.originalNames();
        return withUnit(original.strip(), entry.unit());
    }

    /** The text with its unit in French metric style, unless it already ends with it. */
    static String withUnit(String text, String unit) {
        String shown = Units.display(unit);
        if (shown == null || text.contains("(" + shown + ")") || text.contains("(" + unit.strip() + ")")
                || text.contains("[" + shown + "]")) {
            return text;
        }
        return text + " (" + shown + ")";
    }

    /** A table name without its layer: {@code bronze.clients} and {@code silver.clients} are the same variables. */
    private static String plain(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? table : table.substring(dot + 1);
    }

    /** The label of a column of a table ({@code silver.clients_360} or {@code clients_360}); the technical name when unknown. */
    public String of(String table, String column) {
        if (column == null) {
            return null;
        }
        Map<String, String> columns = table == null ? Map.of() : byTable.getOrDefault(plain(table), Map.of());
        String label = columns.get(column);
        if (label == null) {
            label = anyTable.get(column);
        }
        if (label == null) {
            label = flagLabel(column, columns);
        }
        return label == null ? column : label;
    }

    /** The label of a column, from the report's tables first. */
    public String of(String column) {
        return of(null, column);
    }

    private String flagLabel(String column, Map<String, String> columns) {
        for (String suffix : List.of(FLAG_SUFFIX, MISSING_SUFFIX)) {
            if (column.endsWith(suffix) && column.length() > suffix.length()) {
                String flagged = column.substring(0, column.length() - suffix.length());
                String label = columns.containsKey(flagged) ? columns.get(flagged) : anyTable.get(flagged);
                if (label != null) {
                    String flag = texts.get(suffix.equals(FLAG_SUFFIX) ? "label.flag" : "label.missing", label);
                    remember(column, flag);
                    return flag;
                }
            }
        }
        return null;
    }

    /** The technical name a label stands for, when the text is the label of exactly one column and differs from it. */
    public java.util.Optional<String> technical(String text) {
        return java.util.Optional.ofNullable(text == null ? null : technical.get(text));
    }

    /** Every label of a table, by technical name (for tests and for the dictionary page). */
    public Map<String, String> table(String table) {
        return java.util.Collections.unmodifiableMap(byTable.getOrDefault(plain(table), Map.of()));
    }
}
