package io.datapilot.ml;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.config.CsvOptions;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.RgpdConfig;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.config.SourceFormat;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.text.Numbers;
import io.datapilot.ingest.IngestCheck;
import io.datapilot.ingest.Ingestion;
import io.datapilot.ml.features.FeaturePipeline;
import io.datapilot.query.QueryCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datapilot predict}: batch scoring of a file or a table with a saved model. A file is read
 * by the ingestion itself (in a scratch warehouse next to the output), so that French CSV files,
 * spreadsheets and JSON work as in the pipeline, bad rows are quarantined and counted, and
 * personal data is treated before anything is written; the options of the data set's base source
 * (separator, encoding, number and date formats) apply unless the file says otherwise.
 */
@Command(name = "predict", description = "Score a file (CSV, XLSX, JSON, Parquet; read by the ingestion, French formats"
        + " included) or a warehouse table (layer.table) with the saved model of a target; writes the input's columns with the"
        + " prediction (and the probability of each class) to a CSV file (; and decimal comma) or a Parquet folder.")
public final class PredictCommand extends DatapilotCommand {
    @Option(names = "--target", required = true, description = "The target whose model scores (a column of dataset.targets).")
    String target;

    @Option(names = "--input", required = true, paramLabel = "FILE|TABLE", description = "A file, or a table such as silver.clients_360.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "PATH", description = "A .csv file, or a folder for Parquet.")
    String output;

    @Option(names = "--model-version", paramLabel = "VERSION", description = "The model's version (its run date); default: the latest.")
    String version;

    @Override
    protected int run(RunContext context) {
        PipelineConfig config = context.config();
        if (config.dataset() == null || config.dataset().targets().stream().noneMatch(t -> target.equals(t.column()))) {
            throw new DatapilotException(ErrorKind.USAGE, "Invalid --target " + target + ": not a target of dataset.targets"
                    + (config.dataset() == null ? "" : " (targets: " + String.join(", ", config.dataset().targets().stream()
                    .map(t -> t.column()).toList()) + ")") + ".");
        }
        SparkSession spark = context.spark();
        String folder = folder(spark, context.warehouse(), config.dataset().name());
        JsonNode model = readJson(spark, folder + "/" + ModelStore.MODEL_JSON);
        PipelineModel pipeline = ModelStore.loadPipeline(folder);
        Map<String, String> types = new java.util.HashMap<>();
        model.get("features").forEach(feature -> types.put(feature.get("column").asText(), ingestionType(feature.get("type").asText())));
        Dataset<Row> rows = rows(context, config, types);
        List<String> missing = new ArrayList<>();
        List<Column> typed = new ArrayList<>();
        List<String> present = Arrays.asList(rows.columns());
        for (JsonNode feature : model.get("features")) {
            String column = feature.get("column").asText();
            if (!present.contains(column)) {
                missing.add(column + " (" + feature.get("label").asText() + ")");
            } else {
                typed.add(col(io.datapilot.core.text.Names.quoted(column)).cast(feature.get("type").asText()).as(column));
            }
        }
        if (!missing.isEmpty()) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot score " + input + " with the model of " + target + " (" + folder
                    + "): the input lacks the model's features " + String.join(", ", missing) + ". Its columns are: "
                    + String.join(", ", present.stream().filter(name -> !name.startsWith("_")).toList()) + ". Give a file with"
                    + " the data set's columns (as in silver." + config.dataset().name() + ").");
        }
        List<Column> kept = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        model.get("features").forEach(feature -> featureNames.add(feature.get("column").asText()));
        for (String name : rows.columns()) {
            if (!name.startsWith("_") && !featureNames.contains(name) && !name.equals(target)) {
                kept.add(col(io.datapilot.core.text.Names.quoted(name)));
            }
        }
        kept.addAll(typed);
        Dataset<Row> scored = pipeline.transform(rows.select(kept.toArray(Column[]::new)));
        boolean classification = model.get("task").asText().equals(Task.CLASSIFICATION.key());
        List<Column> out = new ArrayList<>();
        for (String name : rows.columns()) {
            if (!name.startsWith("_") && !name.equals(target)) {
                out.add(col(io.datapilot.core.text.Names.quoted(name)));
            }
        }
        String predicted = "prediction_" + target;
        if (classification) {
            out.add(col(TrainStage.PREDICTED_LABEL).as(predicted));
            Column probabilities = functions.vector_to_array(col(FeaturePipeline.PROBABILITY), "float64");
            JsonNode labels = model.get("labels");
            for (int i = 0; i < labels.size(); i++) {
                out.add(probabilities.getItem(i).as("probabilite_" + io.datapilot.core.text.Names.normalise(labels.get(i).asText(), 1)));
            }
        } else {
            out.add(col(FeaturePipeline.PREDICTION).as(predicted));
        }
        Dataset<Row> result = scored.select(out.toArray(Column[]::new));
        long count = write(result, output);
        // the scratch warehouse held the input as ingested (personal data treated); its counts were printed
        io.datapilot.core.fs.LocalFolders.deleteQuietly(scratch());
        context.err().println("[predict] " + Numbers.count(count) + " rows scored by " + model.get("model").asText() + " (version "
                + model.get("version").asText() + ", " + folder + ") → " + output);
        return 0;
    }

    /** The model folder: --model-version, else the latest version of the target. */
    private String folder(SparkSession spark, Warehouse warehouse, String dataset) {
        String parent = ModelStore.root(warehouse.root()) + "/" + dataset + "/" + target;
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(parent);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<String> versions = new ArrayList<>();
            if (fs.exists(path)) {
                for (FileStatus status : fs.listStatus(path)) {
                    if (status.isDirectory() && !status.getPath().getName().startsWith(".")) {
                        versions.add(status.getPath().getName());
                    }
                }
            }
            versions.sort(null);
            if (versions.isEmpty()) {
                throw new DatapilotException(ErrorKind.DATA, "No saved model of " + target + " in " + parent + ". Train it first:"
                        + " datapilot train (or datapilot run).");
            }
            if (version != null && !versions.contains(version)) {
                throw new DatapilotException(ErrorKind.USAGE, "Invalid --model-version " + version + ": the versions of " + target
                        + " are " + String.join(", ", versions) + ".");
            }
            return parent + "/" + (version != null ? version : versions.get(versions.size() - 1));
        } catch (IOException e) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot list the models of " + target + " in " + parent + ": " + e.getMessage(), e);
        }
    }

    static JsonNode readJson(SparkSession spark, String file) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
        try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path)) {
            return ModelDescription.JSON.readTree(in);
        } catch (IOException e) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot read " + file + ": " + e.getMessage() + ". The model folder is"
                    + " incomplete; train the target again.", e);
        }
    }

    /** A table of the warehouse, or a file read by the ingestion into a scratch warehouse. */
    private Dataset<Row> rows(RunContext context, PipelineConfig config, Map<String, String> types) {
        SparkSession spark = context.spark();
        if (input.matches("(bronze|audit|silver|gold|governance)\\.[A-Za-z0-9_]+") && !Files.exists(Path.of(input))) {
            String path = QueryCatalog.path(config, context.warehouse(), input);
            return options.runDate != null ? DeltaIO.readRunDate(spark, path, context.runDate())
                    : spark.read().format("delta").load(path);
        }
        Path file = Path.of(input).toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new DatapilotException(ErrorKind.USAGE, "Invalid --input " + input + ": no such file, and not a table (layer.table).");
        }
        SourceConfig base = config.source(config.dataset().base());
        SourceFormat format = SourceFormat.fromFileName(file.toString()).orElseThrow(() -> new DatapilotException(ErrorKind.USAGE,
                "Invalid --input " + input + ": its extension says no format datapilot reads (.csv, .xlsx, .json, .parquet)."));
        boolean same = format == base.effectiveFormat();
        CsvOptions csv = same ? base.csv() : null;
        SourceConfig source = new SourceConfig("a_predire", "File scored by datapilot predict", format, file.toString(), null,
                List.of(SourceConfig.AUTO_KEY), csv, same ? base.xlsx() : null, same ? base.json() : null, base.numberFormat(),
                base.dateFormats(), base.nullValues(), null, 1.0, null);
        RgpdConfig rgpd = config.rgpd();
        RgpdConfig scratchRgpd = new RgpdConfig(rgpd.controller(), rgpd.purpose(), rgpd.legalBasis(), rgpd.peopleCategories(),
                rgpd.recipients(), rgpd.transfers(), rgpd.retention(), rgpd.securityMeasures(), rgpd.accessControl(),
                rgpd.erasureProcedure(), rgpd.keyEnv(), rgpd.keyFile(), rgpd.demoKey(), rgpd.minConfidence(), rgpd.onUncertain(), Map.of(), null);
        Path scratch = scratch();
        // left by an interrupted run: each scoring starts from an empty scratch warehouse
        io.datapilot.core.fs.LocalFolders.deleteQuietly(scratch);
        PipelineConfig one = new PipelineConfig(config.project(), config.baseDir(), scratch.toString(), config.spark(),
                scratch.resolve("reports").toString(), List.of(source), null, scratchRgpd, config.profile(), config.qualityGate(),
                config.clean(), config.load(), config.stats(), config.train(), config.governance(), config.watch(), config.report());
        // the model's features get the types it learnt them with; every other column is read as text and kept as it is
        io.datapilot.core.config.ConfigProblems problems = new io.datapilot.core.config.ConfigProblems("--input " + input);
        Map<String, io.datapilot.ingest.inspect.SourceInspection> inspections = io.datapilot.ingest.inspect.SourceInspector.inspectAll(one,
                io.datapilot.core.fs.HadoopConfigs.from(one), problems);
        problems.throwIfAny();
        Map<String, io.datapilot.core.config.ColumnConfig> columns = new java.util.LinkedHashMap<>();
        for (io.datapilot.ingest.inspect.SourceInspection.OriginalColumn column : inspections.get(source.name()).columns()) {
            String name = io.datapilot.ingest.SourcePlan.normalisedPath(column.path());
            columns.put(column.display(), new io.datapilot.core.config.ColumnConfig(null, types.getOrDefault(name, "string"), null, null,
                    null, null));
        }
        SourceConfig typed = new SourceConfig(source.name(), source.description(), format, file.toString(), null,
                List.of(SourceConfig.AUTO_KEY), csv, source.xlsx(), source.json(), source.numberFormat(), source.dateFormats(),
                source.nullValues(), columns, 1.0, null);
        one = new PipelineConfig(config.project(), config.baseDir(), scratch.toString(), config.spark(), scratch.resolve("reports").toString(),
                List.of(typed), null, scratchRgpd, config.profile(), config.qualityGate(), config.clean(), config.load(), config.stats(),
                config.train(), config.governance(), config.watch(), config.report());
        IngestCheck.Checked checked = IngestCheck.check(one, "--input " + input);
        LocalDate today = LocalDate.now();
        Warehouse warehouse = new Warehouse(scratch.toString());
        Ingestion.of(spark, checked.plan(), warehouse).runDate(today).progressTo(context.err()).execute();
        return DeltaIO.readRunDate(spark, warehouse.table(Layer.BRONZE, source.name()), today);
    }

    /** Where a file is ingested before it is scored: next to the output, hidden, removed once the output is written. */
    private Path scratch() {
        Path target = Path.of(output).toAbsolutePath().normalize();
        return target.resolveSibling("." + target.getFileName() + ".ingest");
    }

    /** The ingestion's type for a column the tuned table stored as {@code type} (decimals read as doubles: no overflow). */
    private static String ingestionType(String type) {
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("decimal") || lower.equals("double") || lower.equals("float")) {
            return "double";
        }
        if (lower.equals("tinyint") || lower.equals("smallint") || lower.equals("int") || lower.equals("bigint")) {
            return "integer";
        }
        if (lower.equals("boolean") || lower.equals("date") || lower.equals("timestamp")) {
            return lower;
        }
        return "string";
    }

    /** CSV (one file, ; and decimal comma) or Parquet; the rows written. */
    private static long write(Dataset<Row> result, String output) {
        Dataset<Row> cached = result.cache();
        long count = cached.count();
        if (output.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            List<Column> text = new ArrayList<>();
            for (org.apache.spark.sql.types.StructField field : cached.schema().fields()) {
                Column value = col(io.datapilot.core.text.Names.quoted(field.name()));
                boolean fractional = field.dataType() instanceof org.apache.spark.sql.types.FractionalType;
                text.add((fractional ? org.apache.spark.sql.functions.regexp_replace(value.cast("string"), "\\.", ",") : value.cast("string"))
                        .as(field.name()));
            }
            Path target = Path.of(output).toAbsolutePath().normalize();
            Path parts = target.resolveSibling("." + target.getFileName() + ".parts");
            cached.select(text.toArray(Column[]::new)).coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true")
                    .option("sep", ";").option("encoding", "UTF-8").csv(parts.toString());
            try (var files = Files.list(parts)) {
                Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
                Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot write " + output + ": " + e.getMessage(), e);
            } finally {
                io.datapilot.core.fs.LocalFolders.deleteQuietly(parts);
            }
        } else {
            cached.write().mode(SaveMode.Overwrite).parquet(output);
        }
        cached.unpersist();
        return count;
    }

}
