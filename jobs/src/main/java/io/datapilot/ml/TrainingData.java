package io.datapilot.ml;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.TargetKind;
import io.datapilot.core.config.TrainConfig;
import io.datapilot.core.text.Names;
import io.datapilot.core.text.Numbers;
import io.datapilot.ml.features.Feature;
import io.datapilot.ml.features.FeatureKind;
import io.datapilot.profile.SemanticType;
import io.datapilot.stats.Variables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

/**
 * What one target is trained on, checked before any training: the target exists and its values are
 * of one kind; every class has enough rows for the test set and the folds; rows without a target
 * are left out and counted; the features are every column of the data set but the identifiers,
 * personal data, other targets, cleaning flags, free text and the configured exclusions, each
 * exclusion with its reason; observations outnumber the variables after encoding.
 */
final class TrainingData {
    /** A column that is not a feature, and why. */
    record Exclusion(String column, String reason) {}

    /** The target's checked description. */
    record Target(String column, Task task, String decision, List<String> labels, Map<String, Long> classRows, long rows,
            long withoutTarget, long droppedClassRows) {
        int classes() {
            return labels.size();
        }

        long used() {
            return rows - withoutTarget - droppedClassRows;
        }
    }

    /** Features, exclusions and the size of the encoded feature vector. */
    record Selection(List<Feature> features, List<Exclusion> exclusions, int encodedSize, Map<String, Long> categories) {}

    /**
     * What the checks and the choice of features need of every column, from one aggregate over the data
     * set shared by all its targets: rows, and per column its values present and its distinct values
     * (approximate).
     */
    record Profile(long rows, Map<String, Long> present, Map<String, Long> distinct) {}

    private static final int AUTO_MAX_NUMERIC_CLASSES = 10;

    private TrainingData() {}

    /** One pass over the data set: the targets and every column that may be a feature. */
    static Profile profile(Dataset<Row> data, Set<String> targets, Set<String> keys, Map<String, Variables.Described> dictionary,
            TrainConfig train) {
        List<String> columns = new ArrayList<>();
        for (StructField field : data.schema().fields()) {
            if (targets.contains(field.name()) || reason(field, keys, Set.of(), dictionary, train) == null) {
                columns.add(field.name());
            }
        }
        List<Column> aggregates = new ArrayList<>();
        for (String name : columns) {
            aggregates.add(count(col(Names.quoted(name))));
            aggregates.add(approx_count_distinct(col(Names.quoted(name))));
        }
        Row row = data.agg(count(lit(1)), aggregates.toArray(Column[]::new)).first();
        Map<String, Long> present = new LinkedHashMap<>();
        Map<String, Long> distinct = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            present.put(columns.get(i), row.getLong(1 + 2 * i));
            distinct.put(columns.get(i), row.getLong(2 + 2 * i));
        }
        return new Profile(row.getLong(0), present, distinct);
    }

    static Target target(Dataset<Row> data, String table, String column, TargetKind declared, TrainConfig train, Profile profile) {
        StructField field = field(data, column);
        if (field == null) {
            throw new DatapilotException(ErrorKind.CONFIG, "dataset.targets: the target " + column + " is not a column of " + table
                    + "; " + io.datapilot.core.text.Similarity.suggestion(column, List.of(data.columns())) + "name a column of the data"
                    + " set (its columns: " + String.join(", ", visible(data)) + ").");
        }
        DataType type = field.dataType();
        long rows = profile.rows();
        long withTarget = profile.present().get(column);
        long distinct = profile.distinct().get(column);
        if (withTarget == 0) {
            throw new DatapilotException(ErrorKind.DATA, "The target " + column + " of " + table + " has no value on any of its "
                    + Numbers.count(rows) + " rows: nothing to learn from. Check the source column it comes from, or remove it from"
                    + " dataset.targets.");
        }
        Task task;
        String decision;
        boolean integral = Variables.integral(type);
        if (declared == TargetKind.REGRESSION) {
            if (!(type instanceof NumericType)) {
                throw new DatapilotException(ErrorKind.DATA, "dataset.targets: " + column + " is declared kind: regression, but its"
                        + " values are not numbers (" + type.simpleString() + ": " + examples(data, column) + "). Declare kind:"
                        + " classification, or declare the source column's type as a number if these are numbers written oddly.");
            }
            task = Task.REGRESSION;
            decision = "declared regression";
        } else if (declared == TargetKind.CLASSIFICATION) {
            task = Task.CLASSIFICATION;
            decision = "declared classification";
        } else if (type instanceof BooleanType || type instanceof StringType) {
            task = Task.CLASSIFICATION;
            decision = "auto: classification (" + (type instanceof BooleanType ? "true / false values" : "text labels") + ")";
        } else if (type instanceof NumericType && integral && distinct <= AUTO_MAX_NUMERIC_CLASSES) {
            task = Task.CLASSIFICATION;
            decision = "auto: classification (" + distinct + " whole-number values, at most " + AUTO_MAX_NUMERIC_CLASSES + ")";
        } else if (type instanceof NumericType) {
            task = Task.REGRESSION;
            decision = "auto: regression (numbers, about " + Numbers.count(distinct) + " distinct values)";
        } else {
            throw new DatapilotException(ErrorKind.DATA, "dataset.targets: the target " + column + " is of type " + type.simpleString()
                    + ", neither numbers nor labels. Choose a column of numbers (regression) or of labels (classification).");
        }
        if (task == Task.REGRESSION) {
            return new Target(column, task, decision, List.of(), Map.of(), rows, rows - withTarget, 0);
        }
        if (!(type instanceof BooleanType || type instanceof StringType || integral)) {
            throw new DatapilotException(ErrorKind.DATA, "dataset.targets: " + column + " is a classification target, but its values are"
                    + " continuous numbers (" + examples(data, column) + "): a class is one label of a finite set. Declare kind:"
                    + " regression, or give labels (bands) in a column of their own.");
        }
        if (distinct > train.maxClasses() * 1.1) {
            throw new DatapilotException(ErrorKind.DATA, "dataset.targets: " + column + " is a classification target with about "
                    + Numbers.count(distinct) + " distinct values (" + examples(data, column) + "), more than train.max_classes ("
                    + train.maxClasses() + "): are these continuous values? Declare kind: regression, or group the labels.");
        }
        Map<String, Long> classRows = new LinkedHashMap<>();
        for (Row row : data.where(col(Names.quoted(column)).isNotNull()).groupBy(col(Names.quoted(column)).cast("string")).count()
                .orderBy(col(Names.quoted(column)).cast("string")).collectAsList()) {
            classRows.put(row.getString(0), row.getLong(1));
        }
        if (classRows.size() > train.maxClasses()) {
            throw new DatapilotException(ErrorKind.DATA, "dataset.targets: " + column + " has " + classRows.size() + " classes, more than"
                    + " train.max_classes (" + train.maxClasses() + "). Declare kind: regression, group the labels, or raise"
                    + " train.max_classes.");
        }
        List<String> dropped = train.dropClasses().getOrDefault(column, List.of());
        long droppedRows = 0;
        Map<String, Long> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : classRows.entrySet()) {
            if (dropped.contains(entry.getKey())) {
                droppedRows += entry.getValue();
            } else {
                kept.put(entry.getKey(), entry.getValue());
            }
        }
        long needed = (long) Math.ceil(train.folds() / (1 - train.testRatio()));
        List<String> rare = kept.entrySet().stream().filter(entry -> entry.getValue() < needed)
                .map(entry -> "\"" + entry.getKey() + "\" (" + entry.getValue() + " rows)").toList();
        if (!rare.isEmpty()) {
            List<String> labels = kept.entrySet().stream().filter(entry -> entry.getValue() < needed).map(Map.Entry::getKey).toList();
            throw new DatapilotException(ErrorKind.DATA, "The target " + column + " has classes too rare to learn: " + String.join(", ", rare)
                    + ". With train.folds " + train.folds() + " and train.test_ratio " + train.testRatio() + ", a class needs at"
                    + " least " + needed + " rows (some for the test set, one per fold at least). Merge them into a similar class in"
                    + " the source data, or leave their rows out of the training with train.drop_classes: {" + column + ": ["
                    + String.join(", ", labels.stream().map(label -> "\"" + label + "\"").toList()) + "]}.");
        }
        if (kept.size() < 2) {
            throw new DatapilotException(ErrorKind.DATA, "The target " + column + " has " + kept.size() + " class"
                    + (dropped.isEmpty() ? "" : " once train.drop_classes is applied") + ": a classification needs two at least.");
        }
        return new Target(column, task, decision, List.copyOf(kept.keySet()), kept, rows, rows - withTarget, droppedRows);
    }

    static Selection features(Dataset<Row> data, String target, Set<String> keys, Set<String> otherTargets,
            Map<String, Variables.Described> dictionary, TrainConfig train, Profile profile) {
        List<Exclusion> exclusions = new ArrayList<>();
        List<StructField> candidates = new ArrayList<>();
        for (StructField field : data.schema().fields()) {
            String name = field.name();
            String reason = reason(field, keys, otherTargets, dictionary, train);
            if (name.equals(target)) {
                continue;
            }
            if (reason != null) {
                exclusions.add(new Exclusion(name, reason));
            } else {
                candidates.add(field);
            }
        }
        // the profile's distinct values: constant columns and text of too many values are left out
        List<Feature> features = new ArrayList<>();
        Map<String, Long> categories = new LinkedHashMap<>();
        int encoded = 0;
        for (int i = 0; i < candidates.size(); i++) {
            StructField field = candidates.get(i);
            long distinct = profile.distinct().get(field.name());
            Feature feature = Feature.of(field.name(), field.dataType());
            if (distinct <= 1) {
                exclusions.add(new Exclusion(field.name(), distinct == 0 ? "always missing" : "constant (one value)"));
            } else if (feature.kind() == FeatureKind.CATEGORICAL && distinct > train.maxCategories()) {
                exclusions.add(new Exclusion(field.name(), "about " + Numbers.count(distinct) + " distinct values, more than"
                        + " train.max_categories (" + train.maxCategories() + "): one-hot encoding would give a column per value"));
            } else {
                features.add(feature);
                encoded += switch (feature.kind()) {
                    case NUMERIC, BOOLEAN -> 1;
                    case DATE -> 3;
                    case CATEGORICAL -> (int) distinct;
                };
                if (feature.kind() == FeatureKind.CATEGORICAL) {
                    categories.put(field.name(), distinct);
                }
            }
        }
        return new Selection(features, exclusions, encoded, categories);
    }

    private static String reason(StructField field, Set<String> keys, Set<String> otherTargets,
            Map<String, Variables.Described> dictionary, TrainConfig train) {
        String name = field.name();
        if (name.startsWith("_")) {
            return "technical column of the pipeline";
        }
        if (keys.contains(name)) {
            return "identifier (key of the data set)";
        }
        if (otherTargets.contains(name)) {
            return "another target";
        }
        if (train.exclude().contains(name)) {
            return "excluded by train.exclude";
        }
        Variables.Described described = dictionary.get(name);
        if (described == null) {
            return dictionary.isEmpty() ? null : "flag added by the cleaning (not in the data dictionary)";
        }
        if (described.personal()) {
            return "personal data (audit.personal_data): not a feature";
        }
        SemanticType semantic = Variables.semantic(described.semanticType());
        if (semantic != null) {
            switch (semantic) {
                case IDENTIFIER -> {
                    return "identifier (data dictionary)";
                }
                case FREE_TEXT -> {
                    return "free text";
                }
                case EMAIL, PHONE, POSTCODE, PSEUDONYM -> {
                    return "personal data (" + semantic.label() + ")";
                }
                case NESTED -> {
                    return "nested structure";
                }
                case EMPTY -> {
                    return "always missing";
                }
                default -> { }
            }
        }
        DataType type = field.dataType();
        if (!(type instanceof NumericType || type instanceof BooleanType || type instanceof StringType || type instanceof DateType
                || type instanceof TimestampType)) {
            return "type " + type.simpleString() + " is not a feature type (numbers, true / false, dates, labels)";
        }
        return null;
    }


    private static StructField field(Dataset<Row> data, String column) {
        for (StructField field : data.schema().fields()) {
            if (field.name().equals(column)) {
                return field;
            }
        }
        return null;
    }

    private static List<String> visible(Dataset<Row> data) {
        return java.util.Arrays.stream(data.columns()).filter(name -> !name.startsWith("_")).toList();
    }

    private static String examples(Dataset<Row> data, String column) {
        List<String> values = data.where(col(Names.quoted(column)).isNotNull()).select(col(Names.quoted(column)).cast("string").as("value")).distinct().orderBy("value").limit(5)
                .collectAsList().stream().map(row -> row.getString(0)).toList();
        return String.join("; ", values) + (values.size() == 5 ? "…" : "");
    }

}
