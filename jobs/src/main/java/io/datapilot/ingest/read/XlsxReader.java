package io.datapilot.ingest.read;

import io.datapilot.ingest.SourcePlan;
import io.datapilot.ingest.SourcePlan.PlannedColumn;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a sheet range of Excel workbooks with spark-excel, every cell as text.
 *
 * <p>Numbers come unformatted ({@code usePlainNumberFormat}); dates come as the cell's display
 * format renders them ({@code 31/12/1980}, or {@code 12/31/80} for Excel's built-in short date),
 * which type detection handles; error cells come as {@code #N/A}, {@code #DIV/0!}..., which the
 * parser quarantines. No corrupt-record column is asked for: spark-excel marks a row with fewer
 * cells than the header as corrupt, though trailing empty cells are normal in a sheet.
 */
final class XlsxReader implements RawReader {

    @Override
    public RawSource read(SparkSession spark, SourcePlan plan) {
        StructType schema = new StructType();
        for (PlannedColumn column : plan.columns()) {
            schema = schema.add(column.name(), DataTypes.StringType);
        }
        schema = schema.add(RawSource.SHEET_ROW, DataTypes.IntegerType);
        String sheet = plan.inspection().sheet().replace("'", "''");
        Dataset<Row> rows = spark.read().format("excel").schema(schema)
                .option("header", plan.source().xlsx().header())
                .option("dataAddress", "'" + sheet + "'!" + plan.source().xlsx().range())
                .option("inferSchema", false)
                .option("usePlainNumberFormat", true)
                .option("columnNameOfRowNumber", RawSource.SHEET_ROW)
                // a workbook that cannot be read must fail the run, not be skipped with a warning
                .option("ignoreCorruptFiles", false)
                // POI refuses records above 100 MB, such as the shared strings of a sheet of a few hundred
                // thousand customers: raise the limit (memory is the executor's, as for any large workbook)
                .option("maxByteArraySize", Integer.MAX_VALUE)
                .load(RawReader.files(plan));
        return new RawSource(plan, RawReader.withPosition(rows));
    }
}
