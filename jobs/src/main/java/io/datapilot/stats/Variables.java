package io.datapilot.stats;

import static org.apache.spark.sql.functions.col;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.TargetConfig;
import io.datapilot.core.config.TargetKind;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.profile.SemanticType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Which columns of a table the statistics describe, and how: from the data dictionary's semantic
 * types (the profile of the run date), else from the storage type. Identifiers, personal data,
 * free text, dates and the flags the cleaning adds are not variables; the data set's targets are,
 * whatever the dictionary says.
 */
public final class Variables {
    private Variables() {}

    /** A column as the data dictionary describes it. */
    public record Described(String semanticType, boolean personal) {}

    public static Map<String, Described> dictionary(SparkSession spark, Warehouse warehouse, LocalDate runDate, String table) {
        String path = warehouse.table(Layer.AUDIT, "data_dictionary");
        Map<String, Described> described = new HashMap<>();
        if (!DeltaIO.exists(spark, path)) {
            return described;
        }
        List<Row> rows = DeltaIO.readRunDate(spark, path, runDate)
                .where(col("table").isin("bronze." + table, table))
                .select("column", "semantic_type", "personal").collectAsList();
        for (Row row : rows) {
            described.put(row.getString(0), new Described(row.getString(1), !row.isNullAt(2) && row.getBoolean(2)));
        }
        return described;
    }

    public static List<Variable> select(StructType schema, Map<String, Described> dictionary, PipelineConfig config) {
        return select(schema, dictionary, config.dataset() == null ? List.of() : config.dataset().targets());
    }

    public static List<Variable> select(StructType schema, Map<String, Described> dictionary, List<TargetConfig> targetConfigs) {
        Map<String, TargetKind> targets = new HashMap<>();
        for (TargetConfig target : targetConfigs) {
            targets.put(target.column(), target.kind());
        }
        List<Variable> variables = new ArrayList<>();
        for (StructField field : schema.fields()) {
            String name = field.name();
            DataType type = field.dataType();
            boolean integral = integral(type);
            if (name.startsWith("_")) {
                continue;
            }
            TargetKind target = targets.get(name);
            if (target != null) {
                boolean numeric = target == TargetKind.REGRESSION && type instanceof NumericType;
                variables.add(new Variable(name, numeric, integral, true));
                continue;
            }
            Described described = dictionary.get(name);
            if (described == null) {
                // columns the cleaning added (flags, missing indicators) are not in the dictionary: not variables
                if (!dictionary.isEmpty()) {
                    continue;
                }
                if (type instanceof NumericType && !looksLikeKey(name)) {
                    variables.add(new Variable(name, true, integral, false));
                } else if (type instanceof BooleanType) {
                    variables.add(new Variable(name, false, false, false));
                }
                continue;
            }
            if (described.personal()) {
                continue;
            }
            SemanticType semantic = semantic(described.semanticType());
            if (semantic == null) {
                continue;
            }
            switch (semantic) {
                case CONTINUOUS, AMOUNT, DISCRETE -> {
                    if (type instanceof NumericType) {
                        variables.add(new Variable(name, true, integral, false));
                    }
                }
                case CATEGORICAL, BOOLEAN -> {
                    if (type instanceof StringType || type instanceof BooleanType || type instanceof NumericType) {
                        variables.add(new Variable(name, false, false, false));
                    }
                }
                default -> { }
            }
        }
        return variables;
    }


    /** Whole numbers: the integer types and decimals without a fractional part. */
    public static boolean integral(DataType type) {
        return type instanceof IntegerType || type instanceof LongType || type instanceof ShortType || type instanceof ByteType
                || type instanceof DecimalType decimal && decimal.scale() == 0;
    }

    private static boolean looksLikeKey(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("id") || lower.startsWith("id_") || lower.endsWith("_id") || lower.startsWith("num_") || lower.startsWith("code_");
    }

    public static SemanticType semantic(String text) {
        if (text == null) {
            return null;
        }
        for (SemanticType type : SemanticType.values()) {
            if (type.label().equalsIgnoreCase(text) || type.key().equalsIgnoreCase(text)) {
                return type;
            }
        }
        return null;
    }
}
