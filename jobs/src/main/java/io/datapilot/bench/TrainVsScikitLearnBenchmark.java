package io.datapilot.bench;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.text.Numbers;
import io.datapilot.ml.ScikitLearnComparison;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole {@code train} stage on the bundled sample (both targets, the default grids and folds:
 * the sample's own train section left out) against scikit-learn's GridSearchCV with the same
 * models, grids and folds on the same rows: the time of each, and the test metrics side by side.
 */
final class TrainVsScikitLearnBenchmark {
    private final org.apache.spark.sql.SparkSession spark;
    private final Path data;
    private final Path config;
    private final PrintStream log;

    TrainVsScikitLearnBenchmark(org.apache.spark.sql.SparkSession spark, Path data, Path config, PrintStream log) {
        this.spark = spark;
        this.data = data;
        this.config = config;
        this.log = log;
    }

    String run() throws IOException, InterruptedException {
        Path warehouse = CvParallelismBenchmark.loadSample(spark, data, config, log);
        // the sample's configuration with the default grids and folds (its own train section trims them)
        PipelineConfig file = io.datapilot.core.config.ConfigLoader.load(config).withOutputs(warehouse.toString(),
                data.resolve("cv-reports").toAbsolutePath().toString());
        io.datapilot.core.config.TrainConfig trimmed = file.train();
        PipelineConfig loaded = file.withTrain(new io.datapilot.core.config.TrainConfig(trimmed.testRatio(), null, trimmed.seed(),
                trimmed.parallelism(), trimmed.metric(), trimmed.exclude(), trimmed.models(), null, trimmed.balance(),
                trimmed.dropClasses(), trimmed.maxClasses(), trimmed.maxCategories(), trimmed.fairness()));
        io.datapilot.core.cli.GlobalOptions options = new io.datapilot.core.cli.GlobalOptions();
        options.config = config;
        options.runDate = CvParallelismBenchmark.RUN;
        long started = System.nanoTime();
        try (io.datapilot.core.cli.RunContext context = new io.datapilot.core.cli.RunContext(options,
                new PrintStream(OutputStream.nullOutputStream()), log)) {
            context.useConfig(loaded);
            io.datapilot.ml.TrainStage.train(context);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<ScikitLearnComparison.Outcome> outcomes = new ArrayList<>();
        double sklearn = 0;
        for (io.datapilot.core.config.TargetConfig target : loaded.dataset().targets()) {
            ScikitLearnComparison.Outcome outcome = ScikitLearnComparison.compare(spark, loaded, new Warehouse(warehouse.toString()),
                    CvParallelismBenchmark.RUN, target.column(), Path.of("").toAbsolutePath(), data.resolve("train-sklearn"));
            outcomes.add(outcome);
            sklearn += outcome.sklearnSeconds();
        }
        StringBuilder md = new StringBuilder();
        md.append("### Whole train stage on the sample vs scikit-learn's GridSearchCV\n\n");
        md.append("Both targets of the bundled sample, default grids and 5 folds (the sample's own `train` section left out), the same"
                + " rows, split and folds (gold.ml_split) on both sides; scikit-learn " + outcomes.get(0).sklearnVersion()
                + ", `n_jobs` = train.parallelism (" + loaded.train().parallelism() + "), timed from its grid searches and their"
                + " best refits; Spark " + spark.version() + " " + spark.sparkContext().master() + "; one run, "
                + java.time.LocalDate.now() + ".\n\n");
        md.append("| what | datapilot | scikit-learn | ratio |\n|---|---|---|---|\n");
        md.append("| grid search, final fit and tables, both targets | ").append(Numbers.decimal(seconds, 1)).append(" s | ")
                .append(Numbers.decimal(sklearn, 1)).append(" s | ").append(Numbers.decimal(seconds / sklearn, 1)).append("× |\n\n");
        for (ScikitLearnComparison.Outcome outcome : outcomes) {
            boolean regression = outcome.task().equals("regression");
            md.append("`").append(outcome.target()).append("` (").append(outcome.task()).append(", ranked by ").append(outcome.metric())
                    .append("; ").append(outcome.trainRows()).append(" train / ").append(outcome.testRows()).append(" test rows):\n\n");
            md.append("| model | datapilot test ").append(regression ? "RMSE" : "accuracy").append(" | scikit-learn test | datapilot CV "
                    + outcome.metric() + " | scikit-learn CV |\n|---|---|---|---|---|\n");
            for (ScikitLearnComparison.Model model : outcome.models()) {
                md.append("| ").append(model.model()).append(" | ").append(Numbers.decimal(model.ours(), 4)).append(" | ")
                        .append(Numbers.decimal(model.theirs(), 4)).append(" | ").append(Numbers.decimal(model.oursCv(), 4))
                        .append(" | ").append(Numbers.decimal(model.theirsCv(), 4)).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
