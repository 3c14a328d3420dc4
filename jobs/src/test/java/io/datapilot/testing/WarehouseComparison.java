package io.datapilot.testing;

import io.datapilot.TablesCommand;
import io.datapilot.TablesCommand.TableInfo;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.ml.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Two warehouses compared table by table the way the cluster test does ({@code datapilot tables
 * --checksums}): the same tables, at the same Delta version, with the same rows and content
 * checksum — run measures (times, durations, bytes) left out of the checksum; the tables that
 * measure the run itself compared by version and rows only — and the same models: the same files,
 * and in each {@code model.json} the same model, parameters, metrics and rows (the fields the cluster
 * test compares).
 */
public final class WarehouseComparison {
    /** When each stage ran and ended, and the commitments on it: versions and rows must agree, not contents. */
    public static final Set<String> RUN_TABLES = Set.of("governance.run_kpis", "governance.commitments");

    private WarehouseComparison() {}

    public static Map<String, TableInfo> tables(String warehouse) {
        return TablesCommand.list(TestSpark.session(), new Warehouse(warehouse), hadoop(), true).stream()
                .collect(Collectors.toMap(TableInfo::table, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** What differs between {@code expected} (a local run) and {@code actual}; empty when they agree. */
    public static List<String> differences(Map<String, TableInfo> expected, Map<String, TableInfo> actual, boolean versions) {
        List<String> problems = new ArrayList<>();
        if (!expected.keySet().equals(actual.keySet())) {
            Set<String> onlyExpected = new TreeSet<>(expected.keySet());
            onlyExpected.removeAll(actual.keySet());
            Set<String> onlyActual = new TreeSet<>(actual.keySet());
            onlyActual.removeAll(expected.keySet());
            problems.add("tables differ: only in the local run " + onlyExpected + ", only in the other " + onlyActual);
        }
        for (String name : expected.keySet()) {
            TableInfo local = expected.get(name);
            TableInfo other = actual.get(name);
            if (other == null) {
                continue;
            }
            if (versions && local.version() != other.version()) {
                problems.add(name + ": version " + local.version() + " locally, " + other.version());
            }
            if (local.rows() != other.rows()) {
                problems.add(name + ": " + local.rows() + " rows locally, " + other.rows());
            }
            if (!RUN_TABLES.contains(name) && !java.util.Objects.equals(local.checksum(), other.checksum())) {
                problems.add(name + ": checksum " + local.checksum() + " locally, " + other.checksum());
            }
        }
        return problems;
    }

    /**
     * What differs in the tables {@code actual} holds, for a run of fewer stages than {@code expected}'s:
     * each of its tables against the same table of the local run, the run's own facts ({@link #RUN_TABLES})
     * left out; a table the local run does not have is a difference too.
     */
    public static List<String> differencesOfItsTables(Map<String, TableInfo> expected, Map<String, TableInfo> actual) {
        Map<String, TableInfo> written = new TreeMap<>(actual);
        written.keySet().removeAll(RUN_TABLES);
        Map<String, TableInfo> same = new TreeMap<>(expected);
        same.keySet().retainAll(written.keySet());
        return differences(same, written, true);
    }

    /** The fields of a model.json that two runs of the same data and configuration must share. */
    private static final List<String> MODEL_FIELDS = List.of("model", "parameters", "metrics", "rows");

    /** What differs between the models of two warehouses: their files, and the fields of each model.json. */
    public static List<String> modelDifferences(String expectedWarehouse, String actualWarehouse) {
        List<String> problems = new ArrayList<>();
        Set<String> expected = modelFiles(expectedWarehouse);
        Set<String> actual = modelFiles(actualWarehouse);
        if (expected.isEmpty() || !expected.equals(actual)) {
            Set<String> onlyExpected = new TreeSet<>(expected);
            onlyExpected.removeAll(actual);
            Set<String> onlyActual = new TreeSet<>(actual);
            onlyActual.removeAll(expected);
            problems.add("model files differ or are missing: only in the local run " + onlyExpected + ", only in the other " + onlyActual);
        }
        for (String file : expected) {
            if (file.endsWith("/" + ModelStore.MODEL_JSON) && actual.contains(file)) {
                com.fasterxml.jackson.databind.JsonNode local = modelJson(expectedWarehouse, file);
                com.fasterxml.jackson.databind.JsonNode other = modelJson(actualWarehouse, file);
                for (String field : MODEL_FIELDS) {
                    if (!java.util.Objects.equals(local.get(field), other.get(field))) {
                        problems.add(file + ": " + field + " " + local.get(field) + " locally, " + other.get(field));
                    }
                }
            }
        }
        return problems;
    }

    private static com.fasterxml.jackson.databind.JsonNode modelJson(String warehouse, String file) {
        Path path = new Path(ModelStore.root(warehouse) + "/" + file);
        try (java.io.InputStream in = path.getFileSystem(hadoop()).open(path)) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * A Spark part file's name without its random UUID ({@code part-00000-<uuid>-c000.snappy.parquet} →
     * {@code part-00000.snappy.parquet}), and a saved pipeline stage's folder without its random uid
     * ({@code 1_impute_a7004feeff17} → {@code 1_impute}).
     */
    private static final java.util.regex.Pattern RANDOM_PARTS =
            java.util.regex.Pattern.compile("(part-\\d+)-[0-9a-f-]{36}-c\\d+|(/\\d+_[A-Za-z]+)_[0-9a-f]{12}(?=/)");

    /** The files of the warehouse's {@code models/} folder, relative to it (checksum files left out, random names made plain). */
    private static Set<String> modelFiles(String warehouse) {
        Path models = new Path(ModelStore.root(warehouse));
        Set<String> files = new TreeSet<>();
        try {
            FileSystem fileSystem = models.getFileSystem(hadoop());
            if (!fileSystem.exists(models)) {
                return files;
            }
            String prefix = fileSystem.makeQualified(models).toString() + "/";
            RemoteIterator<LocatedFileStatus> listed = fileSystem.listFiles(models, true);
            while (listed.hasNext()) {
                String path = listed.next().getPath().toString();
                if (!path.endsWith(".crc")) {
                    files.add(RANDOM_PARTS.matcher(path.substring(prefix.length())).replaceAll("$1$2"));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Configuration hadoop() {
        return TestSpark.session().sparkContext().hadoopConfiguration();
    }
}
