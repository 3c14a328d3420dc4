package io.datapilot.profile;

import static org.apache.spark.sql.functions.col;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.rgpd.ProcessingRegister.PersonalColumn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What ingestion recorded for a run date, read back from its audit tables (small, bounded tables). */
final class AuditInputs {
    private static final Pattern DATE_REASON = Pattern.compile("column (\\S+): expected a date");

    final Map<String, Map<String, ColumnOrigin>> origins = new HashMap<>();
    final List<PersonalColumn> personal = new ArrayList<>();
    final Map<String, Map<String, Long>> invalidDates = new HashMap<>();
    final Map<String, Map<String, Long>> invalidFormats = new HashMap<>();
    final List<Row> joins = new ArrayList<>();

    static AuditInputs read(SparkSession spark, Warehouse warehouse, LocalDate runDate) {
        AuditInputs inputs = new AuditInputs();
        String columns = warehouse.table(Layer.AUDIT, "column_origins");
        if (DeltaIO.exists(spark, columns)) {
            for (Row row : DeltaIO.readRunDate(spark, columns, runDate).collectAsList()) {
                inputs.origins.computeIfAbsent(row.getAs("source"), key -> new HashMap<>()).put(row.getAs("column"),
                        new ColumnOrigin(row.getAs("original_name"), row.getAs("files"), row.getAs("description"), row.getAs("unit"),
                                row.getAs("personal_category"), row.getAs("rgpd_treatment")));
            }
        }
        String personal = warehouse.table(Layer.AUDIT, "personal_data");
        if (DeltaIO.exists(spark, personal)) {
            for (Row row : DeltaIO.readRunDate(spark, personal, runDate).orderBy("source", "column").collectAsList()) {
                Long invalid = row.getAs("invalid_format");
                if (invalid != null) {
                    inputs.invalidFormats.computeIfAbsent(row.getAs("source"), key -> new HashMap<>()).put(row.getAs("column"), invalid);
                }
                inputs.personal.add(new PersonalColumn(row.getAs("source"), row.getAs("column"), row.getAs("category_label") != null
                        ? row.getAs("category_label") : row.getAs("category"), row.<Double>getAs("confidence"), row.getAs("treatment"),
                        row.getAs("justification"), row.getAs("decided_by")));
            }
        }
        String quarantine = warehouse.table(Layer.AUDIT, "quarantine");
        if (DeltaIO.exists(spark, quarantine)) {
            List<Row> reasons = DeltaIO.readRunDate(spark, quarantine, runDate)
                    .select(col("source"), org.apache.spark.sql.functions.explode(col("reasons")).alias("reason"))
                    .where(col("reason").contains("expected a date"))
                    .groupBy("source", "reason").count().collectAsList();
            for (Row row : reasons) {
                Matcher match = DATE_REASON.matcher(row.getString(1));
                if (match.find()) {
                    inputs.invalidDates.computeIfAbsent(row.getString(0), key -> new HashMap<>())
                            .merge(match.group(1), row.getLong(2), Long::sum);
                }
            }
        }
        String joins = warehouse.table(Layer.AUDIT, "join_report");
        if (DeltaIO.exists(spark, joins)) {
            inputs.joins.addAll(DeltaIO.readRunDate(spark, joins, runDate).collectAsList());
        }
        return inputs;
    }

    Map<String, ColumnOrigin> origins(String source) {
        return origins.getOrDefault(source, Map.of());
    }
}
