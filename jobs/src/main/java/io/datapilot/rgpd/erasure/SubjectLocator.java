package io.datapilot.rgpd.erasure;

import static org.apache.spark.sql.functions.col;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.DatasetConfig;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.RelationConfig;
import io.datapilot.core.config.RelationKind;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Finds how the subject's rows are recognised in every table, from the column named on the command
 * line: the ingestion's records say which sources hold that column (by its final or original name)
 * and how it was treated (a pseudonymised column is matched on the pseudonym of the value); the
 * matching rows of each source's bronze table give the subject's key, and the data set's relations
 * carry that key to the finer sources (an {@code aggregate} relation's rows belong to the base row).
 */
final class SubjectLocator {
    /** Above this many rows, the value does not name one person. */
    static final int MAX_ROWS = 10_000;
    /** The training split's table and its key column (see {@code ml.TrainStage}). */
    private static final String SPLIT_TABLE = "gold.ml_split";
    private static final String SPLIT_KEY = "key";

    private final SparkSession spark;
    private final PipelineConfig config;
    private final Warehouse warehouse;
    private final UnaryOperator<String> pseudonymise;

    /** @param pseudonymise the ingestion's keyed pseudonym of a text */
    SubjectLocator(SparkSession spark, PipelineConfig config, Warehouse warehouse, UnaryOperator<String> pseudonymise) {
        this.spark = spark;
        this.config = config;
        this.warehouse = warehouse;
        this.pseudonymise = pseudonymise;
    }

    /** The identities, and the texts no file may hold afterwards (the value, its pseudonym, the key's values). */
    record Located(List<Identity> identities, Set<String> values, List<String> sources) {}

    Located locate(SubjectKey subject) {
        Map<String, String> columns = sourceColumns(subject.column());
        if (columns.isEmpty()) {
            throw new DatapilotException(ErrorKind.USAGE, "Cannot erase a subject by " + subject.column() + ": no source has a column"
                    + " of that name (audit.column_origins lists every source column, by final and original name). Name the column as"
                    + " in the tables, for example the key of a source: " + keys() + ".");
        }
        Map<String, String> treatments = treatments();
        Set<String> values = new LinkedHashSet<>();
        values.add(subject.value());
        Map<String, Set<String>> stored = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        columns.forEach((source, column) -> {
            String treatment = treatments.getOrDefault(source + "." + column, "none");
            switch (treatment) {
                case "pseudonymise" -> {
                    String pseudonym = pseudonymise.apply(subject.value());
                    values.add(pseudonym);
                    stored.computeIfAbsent(column, c -> new LinkedHashSet<>()).add(pseudonym);
                }
                case "keep", "none" -> stored.computeIfAbsent(column, c -> new LinkedHashSet<>()).add(subject.value());
                default -> refused.add(source + "." + column + " (" + treatment + ")");
            }
        });
        if (stored.isEmpty()) {
            throw new DatapilotException(ErrorKind.USAGE, "Cannot find a subject by " + subject.column() + ": ingestion did not keep"
                    + " its values (" + String.join(", ", refused) + ": masked, generalised or dropped before the first write), so no"
                    + " row can be matched on it. Give a column kept in clear or pseudonymised, such as a source's key: " + keys() + ".");
        }
        List<Identity> identities = new ArrayList<>();
        stored.forEach((column, found) -> identities.add(new Identity(List.of(column), found, "column " + column)));
        for (String source : new LinkedHashSet<>(columns.keySet())) {
            identities.addAll(keysOf(source, List.copyOf(identities)));
        }
        identities.stream().filter(identity -> !identity.origin().startsWith("column ")).forEach(identity -> identity.tuples()
                .forEach(tuple -> values.addAll(List.of(tuple.split(Identity.SEPARATOR)))));
        return new Located(identities, values, List.copyOf(columns.keySet()));
    }

    /** source → final column, for the sources that hold a column of this final or original name. */
    private Map<String, String> sourceColumns(String name) {
        Map<String, String> found = new LinkedHashMap<>();
        Dataset<Row> origins = table(Layer.AUDIT, "column_origins").orElseThrow(() -> new DatapilotException(ErrorKind.DATA,
                "Cannot erase: audit.column_origins does not exist in " + warehouse.root() + ", so nothing was ingested there. Check"
                        + " the configuration's warehouse (or --warehouse)."));
        for (Row row : origins.where(col("column").equalTo(name).or(col("original_name").equalTo(name)))
                .select("source", "column").distinct().collectAsList()) {
            found.putIfAbsent(row.getString(0), row.getString(1));
        }
        return found;
    }

    /** {@code source.column} → the treatment ingestion applied (latest run date first). */
    private Map<String, String> treatments() {
        Map<String, String> treatments = new LinkedHashMap<>();
        table(Layer.AUDIT, "personal_data").ifPresent(rows -> rows.orderBy(col(DeltaIO.RUN_DATE).desc())
                .select("source", "column", "treatment").collectAsList()
                .forEach(row -> treatments.putIfAbsent(row.getString(0) + "." + row.getString(1), row.getString(2))));
        return treatments;
    }

    /**
     * The key of a source's rows that match, and through the data set's aggregate relations the
     * columns of the finer sources that point to them.
     */
    private List<Identity> keysOf(String sourceName, List<Identity> seeds) {
        Optional<SourceConfig> source = config.sources().stream().filter(s -> sourceName.equals(s.name())).findFirst();
        Optional<Dataset<Row>> bronze = table(Layer.BRONZE, sourceName);
        if (source.isEmpty() || bronze.isEmpty()) {
            return List.of();
        }
        Dataset<Row> rows = bronze.get();
        Optional<Column> matching = Identity.any(seeds, "bronze." + sourceName, rows.schema());
        if (matching.isEmpty()) {
            return List.of();
        }
        List<String> names = List.of(rows.schema().fieldNames());
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        wanted.put("key of " + sourceName, source.get().key().stream().filter(names::contains).toList());
        DatasetConfig dataset = config.dataset();
        List<RelationConfig> relations = dataset != null && sourceName.equals(dataset.base()) ? dataset.relations() : List.of();
        for (RelationConfig relation : relations) {
            if (relation.kind() == RelationKind.AGGREGATE && names.containsAll(relation.on().keySet())) {
                wanted.put("relation " + sourceName + " → " + relation.source(), List.copyOf(relation.on().keySet()));
            }
        }
        List<String> selected = wanted.values().stream().flatMap(List::stream).distinct().toList();
        if (selected.isEmpty()) {
            return List.of();
        }
        List<Row> found = rows.where(matching.get()).select(selected.stream().map(name -> col("`" + name + "`")
                .cast("string")).toArray(Column[]::new)).distinct().limit(MAX_ROWS + 1).collectAsList();
        if (found.size() > MAX_ROWS) {
            throw new DatapilotException(ErrorKind.USAGE, "Cannot erase by this value: it matches more than " + MAX_ROWS + " distinct keys"
                    + " of bronze." + sourceName + ", so it does not name one person. Give an identifier, such as " + keys() + ".");
        }
        List<Identity> identities = new ArrayList<>();
        wanted.forEach((origin, keyColumns) -> {
            if (keyColumns.isEmpty() || found.isEmpty()) {
                return;
            }
            Set<String> tuples = new LinkedHashSet<>();
            for (Row row : found) {
                List<String> values = keyColumns.stream().map(name -> row.<String>getAs(name)).toList();
                if (values.stream().allMatch(java.util.Objects::nonNull)) {
                    tuples.add(Identity.tuple(values));
                }
            }
            List<String> targetColumns = keyColumns;
            if (origin.startsWith("relation ")) {
                RelationConfig relation = relations.stream().filter(r -> origin.endsWith("→ " + r.source())).findFirst().orElseThrow();
                targetColumns = keyColumns.stream().map(relation.on()::get).toList();
            }
            identities.add(new Identity(targetColumns, tuples, origin));
            if (dataset != null && sourceName.equals(dataset.base()) && origin.startsWith("key of ")) {
                // the training split keeps the data set's key as one text, its columns joined by "|"
                identities.add(new Identity(List.of(SPLIT_KEY), tuples.stream().map(tuple -> tuple.replace(Identity.SEPARATOR, "|"))
                        .collect(java.util.stream.Collectors.toSet()), "key of " + sourceName + " in the training split", SPLIT_TABLE));
            }
        });
        return identities;
    }

    private String keys() {
        return String.join(", ", config.sources().stream().filter(s -> !s.generatedKey())
                .map(s -> s.name() + ": " + String.join(" + ", s.key())).toList());
    }

    private Optional<Dataset<Row>> table(Layer layer, String name) {
        String path = warehouse.table(layer, name);
        return DeltaIO.exists(spark, path) ? Optional.of(spark.read().format("delta").load(path)) : Optional.empty();
    }
}
