package io.datapilot.ingest;

import static org.apache.spark.sql.functions.col;

import io.datapilot.core.spark.Jobs;
import io.datapilot.ingest.SourcePlan.PlannedColumn;
import io.datapilot.ingest.read.RawSource;
import io.datapilot.rgpd.Detection;
import io.datapilot.rgpd.PersonalDataDetector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * Looks for personal columns in the first rows of a source, before anything is written: the
 * sample (bounded by {@code detect_sample_rows}) comes to the driver, goes through the detectors,
 * and is dropped; no value is logged.
 */
final class PersonalDataScan {
    private PersonalDataScan() {}

    static Map<String, List<Detection>> scan(SparkSession spark, RawSource raw, LocalDate runDate) {
        List<PlannedColumn> columns = raw.plan().columns().stream()
                .filter(column -> isScalar(raw.rows().schema().apply(column.name()).dataType()))
                .toList();
        List<Column> selected = new ArrayList<>();
        columns.forEach(column -> selected.add(col(RowParser.quoted(column.name())).cast(DataTypes.StringType)));
        if (raw.hasColumn(RawSource.SHEET_ROW)) {
            // spark-excel fails when its row number column is configured but pruned from the scan
            selected.add(col(RawSource.SHEET_ROW));
        }
        int rows = raw.plan().source().detectSampleRows();
        List<Row> sample = Jobs.labelled(spark, "ingest", raw.plan().name() + " · looking for personal data",
                () -> raw.rows().limit(rows).select(selected.toArray(Column[]::new)).collectAsList());
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            List<String> column = new ArrayList<>(sample.size());
            for (Row row : sample) {
                column.add(row.isNullAt(i) ? null : row.getString(i));
            }
            values.put(columns.get(i).name(), column);
        }
        return PersonalDataDetector.detectSource(values, runDate);
    }

    private static boolean isScalar(org.apache.spark.sql.types.DataType type) {
        return !(type instanceof StructType || type instanceof ArrayType || type instanceof MapType);
    }
}
