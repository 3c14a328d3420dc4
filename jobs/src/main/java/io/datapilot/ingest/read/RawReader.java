package io.datapilot.ingest.read;

import static org.apache.spark.sql.functions.input_file_block_start;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.spark_partition_id;

import io.datapilot.core.config.SourceFormat;
import io.datapilot.ingest.SourcePlan;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads the files of a source into a {@link RawSource}; one implementation per format. */
public interface RawReader {

    RawSource read(SparkSession spark, SourcePlan plan);

    static RawReader forFormat(SourceFormat format) {
        return switch (format) {
            case CSV -> new CsvReader();
            case XLSX -> new XlsxReader();
            case JSON -> new NestedReader(true);
            case PARQUET -> new NestedReader(false);
        };
    }

    /**
     * Adds the columns row numbers are computed from. They must be taken right after the scan,
     * while rows are still in file order within each partition.
     */
    static Dataset<Row> withPosition(Dataset<Row> scanned) {
        return scanned
                .withColumn(RawSource.FILE, input_file_name())
                .withColumn(RawSource.BLOCK, input_file_block_start())
                .withColumn(RawSource.PARTITION, spark_partition_id())
                .withColumn(RawSource.SEQUENCE, monotonically_increasing_id());
    }

    static String[] files(SourcePlan plan) {
        return plan.inspection().files().toArray(String[]::new);
    }
}
