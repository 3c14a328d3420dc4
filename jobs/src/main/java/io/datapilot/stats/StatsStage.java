package io.datapilot.stats;

import io.datapilot.clean.CleanStage;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.spark.JobCounter;
import io.datapilot.core.stages.StageOutcome;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import io.datapilot.core.delta.RecordRows;
import io.datapilot.core.delta.RecordRows.Tagged;
import java.io.PrintStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The statistics stage: every tuned table of the run date ({@code silver.<table>}) described in
 * gold tables of long format, one row per statistic, modality, bar, pair or component, so that
 * analysts query them with SQL ({@code WHERE table = 'silver.clients_360' AND column = 'age'}).
 */
public final class StatsStage {
    /** The gold tables, in the order the report reads them. */
    public static final List<String> TABLES = List.of("stats_univariate", "stats_frequencies", "stats_histograms",
            "stats_correlations", "stats_chi_square", "stats_contingency", "stats_groups", "stats_anova", "stats_pca", "stats_target");

    private StatsStage() {}

    public static StageOutcome outcome(RunContext context) {
        List<StatsResult> results = compute(context);
        long rows = results.stream().mapToLong(StatsResult::rows).sum();
        return new StageOutcome(rows, rows, 0);
    }

    public static List<StatsResult> compute(RunContext context) {
        SparkSession spark = context.spark();
        Warehouse warehouse = context.warehouse();
        PrintStream err = context.err();
        List<StatsResult> results = new ArrayList<>();
        for (String name : CleanStage.tables(context.config())) {
            String path = warehouse.table(Layer.SILVER, name);
            if (!DeltaIO.exists(spark, path)) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot compute the statistics of silver." + name + ": the table does not"
                        + " exist in " + warehouse.root() + ". Run `datapilot load --run-date " + context.runDate() + "` first (or"
                        + " `datapilot run --from load`).");
            }
            Dataset<Row> data = DeltaIO.readRunDate(spark, path, context.runDate());
            Map<String, Variables.Described> dictionary = Variables.dictionary(spark, warehouse, context.runDate(), name);
            if (dictionary.isEmpty()) {
                // without the dictionary, personal and identifier columns could not be told apart from variables
                throw new DatapilotException(ErrorKind.DATA, "Cannot compute the statistics of silver." + name + ": audit.data_dictionary"
                        + " has no entry of bronze." + name + " for run date " + context.runDate() + ", and it says which columns are"
                        + " personal, identifiers or variables. Run `datapilot profile --run-date " + context.runDate() + "` first.");
            }
            List<Variable> variables = Variables.select(data.schema(), dictionary, context.config());
            if (variables.isEmpty()) {
                err.println("[stats] silver." + name + ": no numeric or categorical variable (identifiers, personal data, text and dates"
                        + " are not described); nothing to compute.");
                continue;
            }
            Instant started = Instant.now();
            StatsResult result;
            int jobCount;
            try (JobCounter jobs = JobCounter.start(spark)) {
                result = new StatsEngine(context.config().stats()).analyse("silver." + name, data, variables);
                jobCount = jobs.jobs();
            }
            if (result.rows() == 0) {
                throw new DatapilotException(ErrorKind.DATA, "silver." + name + " has no row for run date " + context.runDate()
                        + ": the statistics would describe nothing. Check the load of that date (`datapilot show audit.load_verification`).");
            }
            results.add(result);
            err.println("[stats] silver." + name + ": " + Numbers.count(result.rows()) + " rows, "
                    + variables.stream().filter(Variable::numeric).count() + " numeric and "
                    + variables.stream().filter(v -> !v.numeric()).count() + " categorical variables, "
                    + jobCount + " Spark jobs, " + Numbers.duration(Duration.between(started, Instant.now())));
        }
        write(spark, warehouse, context, results);
        print(context.out(), results);
        return results;
    }

    private static void write(SparkSession spark, Warehouse warehouse, RunContext context, List<StatsResult> results) {
        Timestamp at = Timestamp.from(Instant.now());
        Date runDate = Date.valueOf(context.runDate());
        String message = "datapilot stats " + context.runDate();
        write(spark, warehouse, context, "stats_univariate", StatsResult.Univariate.class, results, StatsResult::univariate, at, runDate, message);
        write(spark, warehouse, context, "stats_frequencies", StatsResult.Frequency.class, results, StatsResult::frequencies, at, runDate, message);
        write(spark, warehouse, context, "stats_histograms", StatsResult.HistogramBin.class, results, StatsResult::histograms, at, runDate, message);
        write(spark, warehouse, context, "stats_correlations", StatsResult.Correlation.class, results, StatsResult::correlations, at, runDate,
                message);
        write(spark, warehouse, context, "stats_chi_square", StatsResult.ChiSquareRow.class, results, StatsResult::chiSquares, at, runDate,
                message);
        write(spark, warehouse, context, "stats_contingency", StatsResult.ContingencyCell.class, results, StatsResult::contingency, at,
                runDate, message);
        write(spark, warehouse, context, "stats_groups", StatsResult.GroupStat.class, results, StatsResult::groups, at, runDate, message);
        write(spark, warehouse, context, "stats_anova", StatsResult.AnovaRow.class, results, StatsResult::anovas, at, runDate, message);
        write(spark, warehouse, context, "stats_pca", StatsResult.Component.class, results, StatsResult::components, at, runDate, message);
        write(spark, warehouse, context, "stats_target", StatsResult.TargetLink.class, results, StatsResult::targetLinks, at, runDate,
                message);
    }

    private static <R extends Record> void write(SparkSession spark, Warehouse warehouse, RunContext context, String table, Class<R> type,
            List<StatsResult> results, Function<StatsResult, List<R>> part, Timestamp at, Date runDate, String message) {
        List<Tagged<R>> records = new ArrayList<>();
        for (StatsResult result : results) {
            part.apply(result).forEach(record -> records.add(new Tagged<>(result.table(), record)));
        }
        DeltaIO.replaceRunDate(RecordRows.frame(spark, type, records, at, runDate), warehouse.table(Layer.GOLD, table),
                context.runDate(), null, message);
    }

    private static void print(PrintStream out, List<StatsResult> results) {
        for (StatsResult result : results) {
            out.println();
            out.println("Statistics of " + result.table() + " (gold.stats_*): " + Numbers.count(result.rows()) + " rows");
            ConsoleTable numeric = ConsoleTable.of("variable", "n", "missing", "mean", "median", "stddev", "min", "max", "outliers");
            List<String> names = result.univariate().stream().filter(u -> u.kind().equals("numeric")).map(StatsResult.Univariate::column)
                    .distinct().toList();
            for (String name : names) {
                numeric.row(name, Numbers.count((long) stat(result, name, "count")), Numbers.count((long) stat(result, name, "missing")),
                        decimal(stat(result, name, "mean")), decimal(stat(result, name, "median")), decimal(stat(result, name, "stddev")),
                        decimal(stat(result, name, "min")), decimal(stat(result, name, "max")), decimal(stat(result, name, "outliers")));
            }
            out.print(numeric.render());
            if (!result.targetLinks().isEmpty()) {
                out.println("Strongest links with the targets (gold.stats_target):");
                ConsoleTable links = ConsoleTable.of("target", "variable", "test", "effect", "p-value");
                result.targetLinks().stream().limit(10).forEach(link -> links.row(link.target(), link.variable(), link.test(),
                        link.effect() + " = " + decimal(link.effectValue()), pValue(link.pValue())));
                out.print(links.render());
            }
        }
    }

    static double stat(StatsResult result, String column, String statistic) {
        return result.univariate().stream().filter(u -> u.column().equals(column) && u.statistic().equals(statistic))
                .mapToDouble(StatsResult.Univariate::value).findFirst().orElse(Double.NaN);
    }

    private static String decimal(double value) {
        return Double.isFinite(value) ? Numbers.decimal(value, Math.abs(value) >= 100 || value == Math.rint(value) ? 0 : 3) : "";
    }

    private static String pValue(double p) {
        return !Double.isFinite(p) ? "" : p < 0.001 ? "< 0,001" : String.format(Locale.FRANCE, "%.3f", p);
    }
}
