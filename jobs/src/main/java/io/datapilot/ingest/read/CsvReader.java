package io.datapilot.ingest.read;

import static org.apache.spark.sql.functions.regexp_replace;

import io.datapilot.core.config.CsvOptions;
import io.datapilot.ingest.SourcePlan;
import io.datapilot.ingest.SourcePlan.PlannedColumn;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads delimited text with every field as text. Numbers and dates are parsed afterwards by
 * {@link io.datapilot.ingest.ValueParser}; a record with the wrong number of fields or a broken
 * quote keeps its raw line in {@link RawSource#CORRUPT}.
 */
final class CsvReader implements RawReader {

    @Override
    public RawSource read(SparkSession spark, SourcePlan plan) {
        StructType schema = new StructType();
        for (PlannedColumn column : plan.columns()) {
            schema = schema.add(column.name(), DataTypes.StringType);
        }
        schema = schema.add(RawSource.CORRUPT, DataTypes.StringType);
        CsvOptions csv = plan.source().csv();
        DataFrameReader reader = spark.read().format("csv").schema(schema)
                .option("header", csv.header())
                .option("sep", String.valueOf(plan.inspection().separator()))
                .option("quote", csv.quote())
                .option("escape", csv.escape())
                .option("multiLine", csv.multiLine())
                .option("encoding", plan.inspection().encoding())
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", RawSource.CORRUPT)
                .option("enforceSchema", true)
                .option("ignoreLeadingWhiteSpace", false)
                .option("ignoreTrailingWhiteSpace", false);
        if (csv.comment() != null) {
            reader = reader.option("comment", csv.comment());
        }
        Dataset<Row> rows = RawReader.withPosition(reader.load(RawReader.files(plan)));
        if (!csv.header() && !plan.columns().isEmpty()) {
            // without a header line, a UTF-8 byte order mark sticks to the first value
            String first = plan.columns().get(0).name();
            rows = rows.withColumn(first, regexp_replace(rows.col(first), "^\uFEFF", ""));
        }
        return new RawSource(plan, rows);
    }
}
