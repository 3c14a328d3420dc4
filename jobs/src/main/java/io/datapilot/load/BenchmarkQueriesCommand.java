package io.datapilot.load;

import static org.apache.spark.sql.functions.col;

import io.datapilot.clean.CleanStage;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datapilot benchmark-queries}: the untuned and tuned tables of a run date, queried the same way. */
@Command(name = "benchmark-queries", description = "Time representative queries (selective filter and join on the index,"
        + " date range, group-by, selection) on the untuned and the tuned table of the run date: median time, files read,"
        + " bytes scanned; results to governance.query_timings.")
public final class BenchmarkQueriesCommand extends DatapilotCommand {
    public static final String TABLE = "query_timings";

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs of each query (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmups", defaultValue = "1", description = "Unmeasured runs first (default ${DEFAULT-VALUE}).")
    int warmups;

    @Override
    protected int run(RunContext context) {
        measure(context, runs, warmups);
        return 0;
    }

    /** The stage as {@code datapilot run} runs it: 3 measured runs after 1 warm-up. */
    public static StageOutcome outcome(RunContext context) {
        measure(context, 3, 1);
        return StageOutcome.NONE;
    }

    static void measure(RunContext context, int runs, int warmups) {
        Warehouse warehouse = context.warehouse();
        List<Row> rows = new ArrayList<>();
        Timestamp at = Timestamp.from(Instant.now());
        for (String name : CleanStage.tables(context.config())) {
            String tuned = warehouse.table(Layer.SILVER, name);
            String untuned = warehouse.table(Layer.SILVER, name + LoadStage.UNTUNED_SUFFIX);
            if (!DeltaIO.exists(context.spark(), tuned) || !DeltaIO.exists(context.spark(), untuned)) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot time the queries of silver." + name + ": the tuned or the untuned"
                        + " table is missing. Run `datapilot load --run-date " + context.runDate() + "` first.");
            }
            List<String> index = DeltaIO.readRunDate(context.spark(), warehouse.table(Layer.AUDIT, LoadStage.SCHEMA_REPORT),
                    context.runDate()).where(col("table").equalTo("silver." + name).and(col("index"))).select("column")
                    .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            List<QueryBenchmark.Measure> measures = new QueryBenchmark(context.spark()).run(untuned, tuned, index, context.runDate(),
                    runs, warmups);
            long untunedBytes = DeltaTable.forPath(context.spark(), untuned).detail().first().<Long>getAs("sizeInBytes");
            long tunedBytes = DeltaTable.forPath(context.spark(), tuned).detail().first().<Long>getAs("sizeInBytes");
            long untunedRunDate = QueryBenchmark.runDateBytes(context.spark(), untuned, context.runDate());
            long tunedRunDate = QueryBenchmark.runDateBytes(context.spark(), tuned, context.runDate());
            Verdict verdict = new Verdict(untunedRunDate, context.config().load().timingMinBytes());
            print(context, "silver." + name, measures, untunedBytes, tunedBytes, verdict);
            for (QueryBenchmark.Measure measure : measures) {
                boolean isTuned = measure.table().equals("tuned");
                rows.add(RowFactory.create("silver." + name, measure.query(), measure.table(), measure.medianSeconds(),
                        measure.minSeconds(), measure.maxSeconds(), runs, measure.filesRead(), measure.filesTotal(), measure.bytesRead(),
                        measure.rows(), isTuned ? tunedBytes : untunedBytes, isTuned ? tunedRunDate : untunedRunDate,
                        verdict.comparable(), at, Date.valueOf(context.runDate())));
            }
        }
        StructType schema = new StructType().add("table", DataTypes.StringType).add("query", DataTypes.StringType)
                .add("variant", DataTypes.StringType).add("median_seconds", DataTypes.DoubleType).add("min_seconds", DataTypes.DoubleType)
                .add("max_seconds", DataTypes.DoubleType).add("runs", DataTypes.IntegerType).add("files_read", DataTypes.LongType)
                .add("files_total", DataTypes.LongType).add("bytes_read", DataTypes.LongType).add("rows", DataTypes.LongType)
                .add("table_bytes", DataTypes.LongType).add("run_date_bytes", DataTypes.LongType).add("comparable", DataTypes.BooleanType)
                .add("_measured_at", DataTypes.TimestampType).add(DeltaIO.RUN_DATE, DataTypes.DateType);
        DeltaIO.replaceRunDate(context.spark().createDataFrame(rows, schema), warehouse.table(Layer.GOVERNANCE, TABLE), context.runDate(),
                null, "datapilot benchmark-queries " + context.runDate());
    }

    /**
     * Whether the times of a table can be compared: on a run date of a few megabytes every query
     * costs Spark's fixed overhead (planning, a task, the Delta log) and a ratio of two such times says
     * nothing about the tuning. The times are kept either way.
     *
     * @param dataBytes bytes of the run date's data in the untuned table
     * @param minimumBytes {@code load.timing_min_mb} in bytes
     */
    public record Verdict(long dataBytes, long minimumBytes) {
        public boolean comparable() {
            return dataBytes >= minimumBytes;
        }

        /** The line that replaces the verdict, or null when there is one. */
        public String withheld() {
            return comparable() ? null : "table too small for the timings to mean anything: " + Numbers.count(dataBytes)
                    + " bytes of data for the run date, under load.timing_min_mb (" + Numbers.count(minimumBytes / (1024 * 1024))
                    + " MiB). The times are kept in governance.query_timings (comparable = false), without a speed-up;"
                    + " time a larger data set (datapilot generate --rows N) to compare the tables.";
        }
    }

    static void print(RunContext context, String table, List<QueryBenchmark.Measure> measures, long untunedBytes, long tunedBytes,
            Verdict verdict) {
        context.out().println();
        context.out().println("Query timings of " + table + " (governance.query_timings): size on disk tuned "
                + Numbers.count(tunedBytes) + " bytes vs untuned " + Numbers.count(untunedBytes) + " ("
                + Numbers.decimal((double) tunedBytes / Math.max(1, untunedBytes), 2) + "×)");
        ConsoleTable out = ConsoleTable.of("query", "untuned", "tuned", "speed-up", "files read (untuned)", "files read (tuned)",
                "bytes read (untuned → tuned)");
        for (int i = 0; i + 1 < measures.size(); i += 2) {
            QueryBenchmark.Measure before = measures.get(i);
            QueryBenchmark.Measure after = measures.get(i + 1);
            out.row(before.query(), Numbers.decimal(before.medianSeconds(), 3) + " s", Numbers.decimal(after.medianSeconds(), 3) + " s",
                    verdict.comparable() ? Numbers.decimal(before.medianSeconds() / Math.max(1e-9, after.medianSeconds()), 2) + "×" : "–",
                    before.filesRead() + " / " + before.filesTotal(), after.filesRead() + " / " + after.filesTotal(),
                    Numbers.count(before.bytesRead()) + " → " + Numbers.count(after.bytesRead()));
        }
        context.out().print(out.render());
        if (!verdict.comparable()) {
            context.out().println("No verdict for " + table + ": " + verdict.withheld());
        }
    }
}
