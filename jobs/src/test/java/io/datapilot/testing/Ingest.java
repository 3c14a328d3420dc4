package io.datapilot.testing;

import io.datapilot.core.delta.Warehouse;
import io.datapilot.ingest.IngestCheck;
import io.datapilot.ingest.IngestResult;
import io.datapilot.ingest.Ingestion;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Runs ingestion as the CLI does, into a test's own warehouse folder. */
public final class Ingest {
    private Ingest() {}

    public static IngestResult run(Path config, Path warehouse, LocalDate runDate) {
        return run(config, warehouse, runDate, new PrintStream(OutputStream.nullOutputStream()));
    }

    public static IngestResult run(Path config, Path warehouse, LocalDate runDate, PrintStream progress) {
        IngestCheck.Checked checked = IngestCheck.check(config);
        return Ingestion.of(TestSpark.session(), checked.plan(), new Warehouse(warehouse.toString()))
                .runDate(runDate)
                .progressTo(progress)
                .execute();
    }

    public static Dataset<Row> table(Path warehouse, String layerAndName) {
        return TestSpark.session().read().format("delta").load(warehouse.resolve(layerAndName.replace('.', '/')).toString());
    }

    public static long version(Path warehouse, String layerAndName) {
        return io.delta.tables.DeltaTable.forPath(TestSpark.session(), warehouse.resolve(layerAndName.replace('.', '/')).toString())
                .history(1).first().getLong(0);
    }
}
