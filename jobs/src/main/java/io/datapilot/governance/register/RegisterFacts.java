package io.datapilot.governance.register;

import static org.apache.spark.sql.functions.col;

import io.datapilot.core.config.RgpdConfig.RetentionPolicy;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.delta.WarehouseTables;
import io.datapilot.governance.GovernanceTables;
import io.datapilot.rgpd.ProcessingRegister.PersonalColumn;
import io.datapilot.rgpd.erasure.ErasureEntry;
import io.datapilot.rgpd.retention.RetentionEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * What the register needs from the runs: the personal columns ingestion recorded for the run date, the
 * tables that hold them (from each table's schema, read from its log: no data is read), the retention
 * applications and the erasure requests up to the run date.
 *
 * @param lastRetention the last day {@code datapilot retention --apply} ran, if ever
 */
public record RegisterFacts(List<PersonalColumn> columns, List<PersonalTable> tables, List<ErasureRequest> erasures,
        Optional<LocalDate> lastRetention) {

    public RegisterFacts {
        columns = List.copyOf(columns);
        tables = List.copyOf(tables);
        erasures = List.copyOf(erasures);
    }

    /** The facts of the run date. */
    public static RegisterFacts read(GovernanceTables tables, Warehouse warehouse, RetentionPolicy policy, ZoneId zone) {
        List<PersonalColumn> columns = new ArrayList<>();
        for (Row row : tables.rows(Layer.AUDIT, "personal_data", "source", "column", "coalesce(category_label, category)", "confidence",
                "treatment", "justification", "decided_by")) {
            columns.add(new PersonalColumn(row.getString(0), row.getString(1), row.getString(2), row.isNullAt(3) ? 0 : row.getDouble(3),
                    row.getString(4), row.getString(5), row.getString(6)));
        }
        Set<String> sources = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        columns.stream().filter(column -> !"drop".equals(column.treatment())).forEach(column -> {
            sources.add(column.source());
            names.add(column.column());
        });
        Map<String, String> applied = lastApplications(tables);
        List<PersonalTable> held = new ArrayList<>();
        WarehouseTables.list(warehouse, tables.spark().sparkContext().hadoopConfiguration()).forEach((name, path) -> {
            String layer = name.substring(0, name.indexOf('.'));
            if (layer.equals(Layer.GOVERNANCE.folder())) {
                return;
            }
            List<String> fields = List.of(tables.spark().read().format("delta").load(path).schema().fieldNames());
            List<String> personal = fields.stream().filter(names::contains).toList();
            String description = !personal.isEmpty() ? String.join(", ", personal)
                    : fields.contains("raw_record") && !sources.isEmpty() ? "raw_record (lignes rejetées de " + String.join(", ", sources) + ")"
                            : null;
            if (description != null) {
                Optional<Map.Entry<String, Integer>> rule = policy.daysFor(layer, name.substring(layer.length() + 1));
                held.add(new PersonalTable(name, description, rule.map(Map.Entry::getValue).orElse(null),
                        rule.map(Map.Entry::getKey).orElse(null), applied.get(name)));
            }
        });
        Optional<LocalDate> last = applied.values().stream().max(String::compareTo).map(LocalDate::parse);
        return new RegisterFacts(columns, held, erasures(tables, zone), last);
    }

    /** table → the last day retention was applied to it, up to the run date. */
    private static Map<String, String> lastApplications(GovernanceTables tables) {
        Map<String, String> applied = new LinkedHashMap<>();
        tables.read(Layer.GOVERNANCE, RetentionEntry.TABLE).ifPresent(log -> log.where(col("mode").equalTo("apply")
                .and(col(DeltaIO.RUN_DATE).leq(functions.lit(java.sql.Date.valueOf(tables.runDate())))))
                .groupBy("table_name").agg(functions.max(col(DeltaIO.RUN_DATE)).cast("string")).collectAsList()
                .forEach(row -> applied.put(row.getString(0), row.getString(1))));
        return applied;
    }

    private static List<ErasureRequest> erasures(GovernanceTables tables, ZoneId zone) {
        List<ErasureRequest> requests = new ArrayList<>();
        Optional<Dataset<Row>> log = tables.read(Layer.GOVERNANCE, ErasureEntry.TABLE);
        if (log.isEmpty()) {
            return requests;
        }
        for (Row row : log.get().where(col(DeltaIO.RUN_DATE).leq(functions.lit(java.sql.Date.valueOf(tables.runDate()))))
                .groupBy("request_id").agg(functions.min("received_on"), functions.min("handled_at").as("first_handled"),
                        functions.max("delay_days"), functions.sum("rows_deleted"), functions.count("table_name"), functions.max("status"))
                .orderBy("first_handled").collectAsList()) {
            requests.add(new ErasureRequest(row.getString(0), row.getDate(1).toLocalDate(), row.getTimestamp(2).toInstant().atZone(zone)
                    .toLocalDate(), row.getInt(3), row.getLong(4), (int) row.getLong(5), row.getString(6)));
        }
        return requests;
    }
}
