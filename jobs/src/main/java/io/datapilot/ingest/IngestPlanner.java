package io.datapilot.ingest;

import io.datapilot.core.config.AggregationConfig;
import io.datapilot.core.config.ColumnConfig;
import io.datapilot.core.config.ColumnType;
import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.DatasetConfig;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.RelationConfig;
import io.datapilot.core.config.RelationKind;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import io.datapilot.core.config.TargetConfig;
import io.datapilot.core.text.Names;
import io.datapilot.core.text.Similarity;
import io.datapilot.ingest.DatasetPlan.AggregationPlan;
import io.datapilot.ingest.DatasetPlan.KeyPair;
import io.datapilot.ingest.DatasetPlan.LookupColumn;
import io.datapilot.ingest.DatasetPlan.RelationPlan;
import io.datapilot.ingest.DatasetPlan.TargetPlan;
import io.datapilot.ingest.IngestPlan.ColumnRef;
import io.datapilot.ingest.SourcePlan.PlannedColumn;
import io.datapilot.ingest.inspect.SourceInspection;
import io.datapilot.ingest.inspect.SourceInspection.OriginalColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves every column name the configuration mentions against the columns the files really
 * have, and reports each unknown one with the names that exist.
 */
public final class IngestPlanner {
    private IngestPlanner() {}

    public static IngestPlan plan(PipelineConfig config, Map<String, SourceInspection> inspections,
            ConfigProblems problems) {
        Map<String, SourcePlan> sources = new LinkedHashMap<>();
        for (SourceInspection inspection : inspections.values()) {
            sources.put(inspection.name(), planSource(inspection, problems));
        }
        Optional<DatasetPlan> dataset = Optional.empty();
        DatasetConfig datasetConfig = config.dataset();
        boolean sourcesKnown = inspections.size() == config.sources().size();
        if (datasetConfig != null && sourcesKnown && sources.containsKey(datasetConfig.base())) {
            dataset = Optional.ofNullable(planDataset(datasetConfig, sources, problems));
        }
        List<List<ColumnRef>> shared = sharedColumns(sources, dataset);
        checkDeclaredTypesAgree(shared, sources, problems);
        checkPersonalColumns(config, sources, problems);
        return new IngestPlan(config, sources, dataset, shared);
    }

    static SourcePlan planSource(SourceInspection inspection, ConfigProblems problems) {
        SourceConfig source = inspection.source();
        String at = inspection.yamlPath();
        List<OriginalColumn> originals = inspection.columns();
        Map<Integer, ColumnConfig> declared = new HashMap<>();
        for (Map.Entry<String, ColumnConfig> entry : source.columns().entrySet()) {
            int index = indexOf(originals, entry.getKey());
            if (index < 0) {
                problems.add(at + ".columns[\"" + entry.getKey() + "\"]", unknownColumn(entry.getKey(), inspection,
                        originals.stream().map(OriginalColumn::display).toList()));
            } else {
                declared.put(index, entry.getValue());
            }
        }
        List<PlannedColumn> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        declared.forEach((index, column) -> {
            if (column != null && column.name() != null && !taken.add(column.name())) {
                problems.add(at + ".columns[\"" + originals.get(index).display() + "\"].name",
                        "\"" + column.name() + "\" is already the name of another column of this source.");
            }
        });
        for (int i = 0; i < originals.size(); i++) {
            ColumnConfig column = declared.get(i);
            String name;
            if (column != null && column.name() != null) {
                name = column.name();
            } else {
                String normalised = SourcePlan.normalisedPath(originals.get(i).path());
                name = Names.unique(normalised.equals("column") || normalised.isEmpty() ? "column_" + (i + 1) : normalised, taken);
            }
            columns.add(new PlannedColumn(originals.get(i), name, i + 1, column));
        }
        SourcePlan plan = new SourcePlan(inspection, columns);
        if (source.generatedKey() && plan.find(SourceConfig.GENERATED_KEY).isPresent()) {
            problems.add(at + ".key", "the rows get the generated key " + SourceConfig.GENERATED_KEY + " (file and row number;"
                    + " key: auto, or no key on the data set's base source), but the source already has a column of that name:"
                    + " declare key: [" + SourceConfig.GENERATED_KEY + "] if it identifies the rows, or rename it under columns.");
        }
        if (source.generatedKey() && inspection.format() == SourceFormat.JSON && !source.json().explode().isEmpty()) {
            problems.add(at + ".key", "cannot generate a row key (file and row number) for a source whose json.explode makes"
                    + " several rows of one record: declare key: [column, ...] with the columns that identify an exploded row.");
        }
        for (int k = 0; k < source.key().size() && !source.generatedKey(); k++) {
            String key = source.key().get(k);
            if (key != null && plan.find(key).isEmpty()) {
                problems.add(at + ".key[" + k + "]", unknownColumn(key, inspection, plan.names()));
            }
        }
        if (inspection.format() == SourceFormat.JSON) {
            for (int k = 0; k < source.json().explode().size(); k++) {
                String explode = source.json().explode().get(k);
                boolean known = originals.stream().anyMatch(original -> startsWith(original, explode));
                if (!known) {
                    problems.add(at + ".json.explode[" + k + "]", unknownColumn(explode, inspection,
                            originals.stream().map(OriginalColumn::display).toList()));
                }
            }
        }
        return plan;
    }

    /** Columns named in rgpd.columns exist, and a dropped column is not needed by the data set. */
    private static void checkPersonalColumns(PipelineConfig config, Map<String, SourcePlan> sources, ConfigProblems problems) {
        config.rgpd().columns().forEach((reference, treatment) -> {
            int dot = reference.indexOf('.');
            SourcePlan source = dot > 0 ? sources.get(reference.substring(0, dot)) : null;
            if (source == null) {
                return;
            }
            String column = reference.substring(dot + 1);
            if (source.find(column).isEmpty()) {
                problems.add("rgpd.columns[\"" + reference + "\"]", unknownColumn(column, source.inspection(), source.names()));
            }
        });
    }

    private static boolean startsWith(OriginalColumn original, String reference) {
        List<String> path = original.path();
        for (int length = 1; length <= path.size(); length++) {
            List<String> prefix = path.subList(0, length);
            if (String.join(".", prefix).equals(reference) || SourcePlan.normalisedPath(prefix).equals(reference)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<OriginalColumn> originals, String reference) {
        for (int i = 0; i < originals.size(); i++) {
            if (originals.get(i).display().equals(reference)) {
                return i;
            }
        }
        for (int i = 0; i < originals.size(); i++) {
            if (SourcePlan.normalisedPath(originals.get(i).path()).equals(reference)) {
                return i;
            }
        }
        return -1;
    }

    private static DatasetPlan planDataset(DatasetConfig dataset, Map<String, SourcePlan> sources, ConfigProblems problems) {
        SourcePlan base = sources.get(dataset.base());
        List<String> baseKey = new ArrayList<>();
        if (base.source().generatedKey()) {
            baseKey.add(SourceConfig.GENERATED_KEY);
        }
        for (String key : base.source().generatedKey() ? List.<String>of() : base.source().key()) {
            base.find(key).ifPresent(column -> baseKey.add(column.name()));
        }
        Set<String> outputs = new LinkedHashSet<>(base.names());
        List<RelationPlan> relations = new ArrayList<>();
        for (int i = 0; i < dataset.relations().size(); i++) {
            RelationConfig relation = dataset.relations().get(i);
            if (relation == null || relation.kind() == null || !sources.containsKey(relation.source())) {
                continue;
            }
            relations.add(planRelation(relation, "dataset.relations[" + i + "]", base, sources.get(relation.source()),
                    outputs, problems));
        }
        List<TargetPlan> targets = new ArrayList<>();
        for (int i = 0; i < dataset.targets().size(); i++) {
            TargetConfig target = dataset.targets().get(i);
            if (target == null || target.column() == null) {
                continue;
            }
            String resolved = outputs.contains(target.column()) ? target.column()
                    : base.find(target.column()).map(PlannedColumn::name).orElse(null);
            if (resolved == null) {
                problems.add("dataset.targets[" + i + "].column", "\"" + target.column() + "\" is not a column of the data set; "
                        + Similarity.suggestion(target.column(), outputs) + "its columns are: " + String.join(", ", outputs) + ".");
            } else {
                targets.add(new TargetPlan(resolved, target.kind()));
            }
        }
        return new DatasetPlan(dataset.name(), dataset.description(), dataset.base(), baseKey, relations, targets);
    }

    private static RelationPlan planRelation(RelationConfig relation, String at, SourcePlan base, SourcePlan source,
            Set<String> outputs, ConfigProblems problems) {
        List<KeyPair> keys = new ArrayList<>();
        relation.on().forEach((baseReference, sourceReference) -> {
            Optional<PlannedColumn> baseColumn = base.find(baseReference);
            Optional<PlannedColumn> sourceColumn = source.find(sourceReference);
            if (baseColumn.isEmpty()) {
                problems.add(at + ".on", unknownColumn(baseReference, base.inspection(), base.names())
                        + " (the left side of on names a column of the base source " + base.name() + ")");
            }
            if (sourceColumn.isEmpty()) {
                problems.add(at + ".on[\"" + baseReference + "\"]", unknownColumn(sourceReference, source.inspection(), source.names()));
            }
            if (baseColumn.isPresent() && sourceColumn.isPresent()) {
                keys.add(new KeyPair(baseColumn.get().name(), sourceColumn.get().name()));
            }
        });
        List<AggregationPlan> aggregations = new ArrayList<>();
        for (int j = 0; j < relation.aggregations().size(); j++) {
            AggregationConfig aggregation = relation.aggregations().get(j);
            if (aggregation == null || aggregation.function() == null || aggregation.name() == null) {
                continue;
            }
            String here = at + ".aggregations[" + j + "]";
            String column = resolve(aggregation.column(), source, here + ".column", problems);
            String by = resolve(aggregation.by(), source, here + ".by", problems);
            if (!outputs.add(aggregation.name())) {
                problems.add(here + ".name", "\"" + aggregation.name() + "\" is already a column of the data set; choose another name.");
            }
            aggregations.add(new AggregationPlan(aggregation.name(), aggregation.function(), column, by));
        }
        List<LookupColumn> lookupColumns = new ArrayList<>();
        if (relation.kind() == RelationKind.LOOKUP) {
            Set<String> keyColumns = new HashSet<>();
            keys.forEach(pair -> keyColumns.add(pair.sourceColumn()));
            List<String> wanted = relation.columns().isEmpty()
                    ? source.names().stream().filter(name -> !keyColumns.contains(name)).toList()
                    : relation.columns();
            for (int j = 0; j < wanted.size(); j++) {
                String column = resolve(wanted.get(j), source, at + ".columns[" + j + "]", problems);
                if (column == null) {
                    continue;
                }
                String output = relation.prefix() + column;
                if (!outputs.add(output)) {
                    problems.add(at + ".prefix", "the attached column \"" + output + "\" is already a column of the data set;"
                            + " choose another prefix.");
                }
                lookupColumns.add(new LookupColumn(column, output));
            }
        }
        return new RelationPlan(source.name(), relation.kind(), keys, aggregations, lookupColumns);
    }

    private static String resolve(String reference, SourcePlan source, String at, ConfigProblems problems) {
        if (reference == null) {
            return null;
        }
        Optional<PlannedColumn> column = source.find(reference);
        if (column.isEmpty()) {
            problems.add(at, unknownColumn(reference, source.inspection(), source.names()));
            return null;
        }
        return column.get().name();
    }

    static String unknownColumn(String reference, SourceInspection inspection, List<String> known) {
        String files = inspection.files().size() == 1 ? inspection.files().get(0) : inspection.files().size() + " files";
        return "no column \"" + reference + "\" in source " + inspection.name() + " (" + files + "); "
                + Similarity.suggestion(reference, known) + "its columns are: " + String.join(", ", known) + ".";
    }

    /** Groups of columns that are one logical column: same final name, or joined by a relation. */
    static List<List<ColumnRef>> sharedColumns(Map<String, SourcePlan> sources, Optional<DatasetPlan> dataset) {
        Map<ColumnRef, ColumnRef> parent = new LinkedHashMap<>();
        Map<String, ColumnRef> firstByName = new HashMap<>();
        for (SourcePlan source : sources.values()) {
            for (PlannedColumn column : source.columns()) {
                ColumnRef ref = new ColumnRef(source.name(), column.name());
                parent.put(ref, ref);
                ColumnRef first = firstByName.putIfAbsent(column.name(), ref);
                if (first != null) {
                    union(parent, first, ref);
                }
            }
        }
        dataset.ifPresent(plan -> plan.relations().forEach(relation -> relation.keys().forEach(pair ->
                union(parent, new ColumnRef(plan.base(), pair.baseColumn()), new ColumnRef(relation.source(), pair.sourceColumn())))));
        Map<ColumnRef, List<ColumnRef>> groups = new LinkedHashMap<>();
        for (ColumnRef ref : parent.keySet()) {
            groups.computeIfAbsent(find(parent, ref), root -> new ArrayList<>()).add(ref);
        }
        return groups.values().stream().filter(group -> group.size() > 1).toList();
    }

    private static ColumnRef find(Map<ColumnRef, ColumnRef> parent, ColumnRef ref) {
        ColumnRef current = ref;
        while (!parent.get(current).equals(current)) {
            current = parent.get(current);
        }
        return current;
    }

    private static void union(Map<ColumnRef, ColumnRef> parent, ColumnRef a, ColumnRef b) {
        if (!parent.containsKey(a) || !parent.containsKey(b)) {
            return;
        }
        ColumnRef rootA = find(parent, a);
        ColumnRef rootB = find(parent, b);
        if (!rootA.equals(rootB)) {
            parent.put(rootB, rootA);
        }
    }

    private static void checkDeclaredTypesAgree(List<List<ColumnRef>> groups, Map<String, SourcePlan> sources,
            ConfigProblems problems) {
        for (List<ColumnRef> group : groups) {
            Map<String, ColumnRef> byType = new LinkedHashMap<>();
            for (ColumnRef ref : group) {
                PlannedColumn column = sources.get(ref.source()).find(ref.column()).orElseThrow();
                Optional<ColumnType> type;
                try {
                    type = column.declaredType();
                } catch (IllegalArgumentException e) {
                    continue;
                }
                type.ifPresent(declared -> byType.putIfAbsent(declared.toString(), ref));
            }
            if (byType.size() > 1) {
                List<String> described = byType.entrySet().stream()
                        .map(entry -> entry.getValue().source() + "." + entry.getValue().column() + " as " + entry.getKey())
                        .toList();
                problems.add("sources", "one logical column is declared with different types: " + String.join(", ", described)
                        + "; they share a name or a join, so give them the same type.");
            }
        }
    }
}
