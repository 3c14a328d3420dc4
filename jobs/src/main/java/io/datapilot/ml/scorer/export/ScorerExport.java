package io.datapilot.ml.scorer.export;

import static java.util.Objects.requireNonNull;

import io.datapilot.ml.features.Feature;
import io.datapilot.ml.features.FeatureLayout;
import io.datapilot.ml.features.FeaturePipeline;
import io.datapilot.ml.scorer.ScorerFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.ImputerModel;
import org.apache.spark.ml.feature.OneHotEncoderModel;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes {@code scorer.json} (and {@code knn.bin} for a KNN model) into a model's folder, through
 * Hadoop's FileSystem so that {@code hdfs://} and {@code s3a://} folders work: what
 * {@link io.datapilot.ml.scorer.LocalScorer} needs to score without Spark.
 *
 * <pre>{@code
 * PipelineModel fitted = pipeline.fit(train);   // FeaturePipeline.stages(features, scaled) + one model
 * fitted.write().overwrite().save(directory);
 * ScorerExport.write(spark, fitted, features, "classification", List.of("non", "oui"), directory);
 * }</pre>
 */
public final class ScorerExport {
    private ScorerExport() {}

    /**
     * @param fitted the fitted stages of {@code FeaturePipeline.stages(features, scaled)} followed
     *     by one predictor model, trained on labels 0..n-1
     * @param task {@code classification} or {@code regression}
     * @param labels class labels in index order (classification), else empty
     */
    public static void write(SparkSession spark, PipelineModel fitted, List<Feature> features, String task,
            List<String> labels, String directory) {
        requireNonNull(directory, "directory is null");
        ScorerFile file = describe(spark, fitted, features, task, labels);
        Path folder = new Path(directory);
        try {
            FileSystem fs = folder.getFileSystem(spark.sessionState().newHadoopConf());
            fs.mkdirs(folder);
            ModelExport.writeSideFiles(fs, folder, predictor(fitted));
            try (OutputStream out = fs.create(new Path(folder, ScorerFile.FILE), true)) {
                ScorerFile.mapper().writeValue(out, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the scorer of " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The content of scorer.json for a fitted pipeline, checked against the feature list. */
    public static ScorerFile describe(SparkSession spark, PipelineModel fitted, List<Feature> features, String task,
            List<String> labels) {
        requireNonNull(fitted, "fitted is null");
        requireNonNull(labels, "labels is null");
        if (!ScorerFile.CLASSIFICATION.equals(task) && !ScorerFile.REGRESSION.equals(task)) {
            throw new IllegalArgumentException("Invalid task '" + task + "': expected classification or regression");
        }
        FeatureLayout layout = FeatureLayout.of(features);
        String statement = FeaturePipeline.stage(fitted, SQLTransformer.class).getStatement();
        if (!statement.equals(FeaturePipeline.prepareStatement(features))) {
            throw new IllegalArgumentException("Invalid fitted pipeline: its prepare stage was built for another feature"
                    + " list; export it with the features it was trained on");
        }
        List<ScorerFile.NumberColumn> numbers = numbers(fitted, layout);
        List<ScorerFile.CategoryColumn> categories = categories(fitted, layout);
        checkAssembler(fitted, layout);
        ScorerFile.Scaler scaler = null;
        List<StandardScalerModel> scalers = stages(fitted, StandardScalerModel.class);
        if (!scalers.isEmpty()) {
            StandardScalerModel model = scalers.get(0);
            if (!model.getWithMean() || !model.getWithStd()) {
                throw new IllegalArgumentException("Invalid fitted pipeline: the scaler must centre and reduce,"
                        + " as FeaturePipeline.stages builds it");
            }
            scaler = new ScorerFile.Scaler(model.mean().toArray(), model.std().toArray());
        }
        ScorerFile.Model model = ModelExport.describe(predictor(fitted), task, labels);
        return new ScorerFile(ScorerFile.FORMAT_VERSION, task,
                ScorerFile.CLASSIFICATION.equals(task) ? labels : List.of(),
                spark.sessionState().conf().sessionLocalTimeZone(), ScorerFile.DATE_RULE, features, numbers,
                categories, scaler, model);
    }

    private static List<ScorerFile.NumberColumn> numbers(PipelineModel fitted, FeatureLayout layout) {
        List<ScorerFile.NumberColumn> numbers = new ArrayList<>();
        if (layout.numeric().isEmpty()) {
            return numbers;
        }
        ImputerModel imputer = FeaturePipeline.stage(fitted, ImputerModel.class);
        // one small row: the median of each input column
        Row surrogates = imputer.surrogateDF().head();
        for (FeatureLayout.Prepared prepared : layout.numeric()) {
            Object surrogate = surrogates.get(surrogates.fieldIndex(prepared.name()));
            numbers.add(new ScorerFile.NumberColumn(prepared.feature(), prepared.part(), prepared.label(),
                    ((Number) surrogate).doubleValue()));
        }
        return numbers;
    }

    private static List<ScorerFile.CategoryColumn> categories(PipelineModel fitted, FeatureLayout layout) {
        List<ScorerFile.CategoryColumn> categories = new ArrayList<>();
        if (layout.categorical().isEmpty()) {
            return categories;
        }
        StringIndexerModel indexer = FeaturePipeline.stage(fitted, StringIndexerModel.class);
        OneHotEncoderModel encoder = FeaturePipeline.stage(fitted, OneHotEncoderModel.class);
        if (!"keep".equals(indexer.getHandleInvalid())) {
            throw new IllegalArgumentException("Invalid fitted pipeline: the indexer must keep unseen labels, as"
                    + " FeaturePipeline.stages builds it");
        }
        List<String> indexed = Arrays.asList(indexer.getInputCols());
        List<String> encoded = Arrays.asList(encoder.getInputCols());
        for (FeatureLayout.Prepared prepared : layout.categorical()) {
            int index = indexed.indexOf(prepared.name());
            int slot = encoded.indexOf(prepared.indexed());
            if (index < 0 || slot < 0) {
                throw new IllegalArgumentException("Invalid fitted pipeline: no encoding of feature '" + prepared.label()
                        + "'; fit the stages of FeaturePipeline.stages");
            }
            categories.add(new ScorerFile.CategoryColumn(prepared.feature(), prepared.label(),
                    List.of(indexer.labelsArray()[index]), encoder.categorySizes()[slot], encoder.getDropLast()));
        }
        return categories;
    }

    private static void checkAssembler(PipelineModel fitted, FeatureLayout layout) {
        List<String> expected = new ArrayList<>();
        layout.numeric().forEach(prepared -> expected.add(prepared.imputed()));
        layout.categorical().forEach(prepared -> expected.add(prepared.oneHot()));
        VectorAssembler assembler = FeaturePipeline.stage(fitted, VectorAssembler.class);
        if (!Arrays.asList(assembler.getInputCols()).equals(expected)) {
            throw new IllegalArgumentException("Invalid fitted pipeline: the assembler reads "
                    + Arrays.toString(assembler.getInputCols()) + " instead of " + expected);
        }
    }

    private static Transformer predictor(PipelineModel fitted) {
        Transformer[] stages = fitted.stages();
        return stages[stages.length - 1];
    }

    private static <T extends Transformer> List<T> stages(PipelineModel fitted, Class<T> type) {
        return Arrays.stream(fitted.stages()).filter(type::isInstance).map(type::cast).toList();
    }
}
