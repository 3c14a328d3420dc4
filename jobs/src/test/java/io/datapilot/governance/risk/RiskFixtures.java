package io.datapilot.governance.risk;

import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.testing.TestSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The few rows of the tables the risk map reads, for one run date: only the columns it reads, named as the stages
 * write them. Each factory replaces the run date's rows, like the stage it stands for.
 */
final class RiskFixtures {
    private final Warehouse warehouse;
    private final LocalDate runDate;

    RiskFixtures(Warehouse warehouse, LocalDate runDate) {
        this.warehouse = warehouse;
        this.runDate = runDate;
    }

    /** {@code audit.personal_data}: each row source, column, treatment, justification. */
    RiskFixtures personalData(String[]... rows) {
        return write(Layer.AUDIT, "personal_data", new StructType().add("source", "string").add("column", "string").add("treatment", "string")
                .add("justification", "string"), rows);
    }

    /** {@code audit.quality_alerts}: each row table, column, kind, severity. */
    RiskFixtures qualityAlerts(String[]... rows) {
        return write(Layer.AUDIT, "quality_alerts", new StructType().add("table", "string").add("column", "string").add("kind", "string")
                .add("severity", "string"), rows);
    }

    /** {@code governance.run_kpis}: each row stage, status. */
    RiskFixtures runKpis(String[]... rows) {
        return write(Layer.GOVERNANCE, "run_kpis", new StructType().add("stage", "string").add("status", "string"), rows);
    }

    /** {@code gold.model_details}: each row target, section, item (the group), item2 (the measure), value. */
    RiskFixtures modelDetails(Object[]... rows) {
        StructType schema = new StructType().add("target", "string").add("model", "string").add("section", "string").add("item", "string")
                .add("item2", "string").add("value", "double").add(DeltaIO.RUN_DATE, DataTypes.DateType);
        List<Row> values = Arrays.stream(rows).map(row -> RowFactory.create(row[0], "gbt", row[1], row[2], row[3], row[4],
                Date.valueOf(runDate))).toList();
        DeltaIO.replaceRunDate(TestSpark.session().createDataFrame(values, schema), warehouse.table(Layer.GOLD, "model_details"), runDate,
                null, "test gold.model_details");
        return this;
    }

    private RiskFixtures write(Layer layer, String name, StructType columns, String[][] rows) {
        StructType schema = columns.add(DeltaIO.RUN_DATE, DataTypes.DateType);
        List<Row> values = Arrays.stream(rows).map(row -> {
            Object[] cells = Arrays.copyOf(row, row.length + 1, Object[].class);
            cells[row.length] = Date.valueOf(runDate);
            return RowFactory.create(cells);
        }).toList();
        DeltaIO.replaceRunDate(TestSpark.session().createDataFrame(values, schema), warehouse.table(layer, name), runDate, null,
                "test " + name);
        return this;
    }

    static String[] row(String... cells) {
        return cells;
    }
}
