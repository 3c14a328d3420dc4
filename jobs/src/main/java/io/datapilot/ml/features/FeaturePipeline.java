package io.datapilot.ml.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.OneHotEncoderModel;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.util.Identifiable;

/**
 * The feature stages every model of datapilot shares: raw columns in, a {@code features} vector out.
 *
 * <ol>
 *   <li>prepare (SQL): numbers and booleans cast to double; a date or timestamp becomes three
 *       numbers ({@code __jours} since 1970-01-01, {@code __mois} 1–12, ISO {@code __jour_semaine}
 *       Monday = 1 … Sunday = 7; a timestamp is first cast to a date in the session time zone);
 *       text cast to string;</li>
 *   <li>median imputation of every number;</li>
 *   <li>text indexed by decreasing frequency, unseen labels and nulls in an extra bucket, then
 *       one-hot encoded without its last slot, so that bucket is all zeros (scikit-learn's
 *       {@code handle_unknown="ignore"});</li>
 *   <li>numbers then one-hot blocks assembled, and standardised (mean 0, variance 1) if asked.</li>
 * </ol>
 *
 * <pre>{@code
 * List<PipelineStage> stages = new ArrayList<>(FeaturePipeline.stages(features, true));
 * stages.add(new LogisticRegression().setFeaturesCol(FeaturePipeline.FEATURES));
 * PipelineModel model = new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(train);
 * }</pre>
 */
public final class FeaturePipeline {
    public static final String FEATURES = "features";
    public static final String LABEL = "label";
    public static final String PREDICTION = "prediction";
    public static final String PROBABILITY = "probability";
    public static final String RAW_PREDICTION = "rawPrediction";

    static final String ASSEMBLED = FeatureLayout.PREFIX + "assembled";

    private FeaturePipeline() {}

    public static List<PipelineStage> stages(List<Feature> features, boolean scaled) {
        FeatureLayout layout = FeatureLayout.of(features);
        List<PipelineStage> stages = new ArrayList<>();
        stages.add(new SQLTransformer(Identifiable.randomUID("prepare")).setStatement(prepareStatement(layout)));
        List<String> assembled = new ArrayList<>();
        if (!layout.numeric().isEmpty()) {
            stages.add(new Imputer(Identifiable.randomUID("impute"))
                    .setStrategy("median")
                    .setInputCols(names(layout.numeric(), FeatureLayout.Prepared::name))
                    .setOutputCols(names(layout.numeric(), FeatureLayout.Prepared::imputed)));
            assembled.addAll(Arrays.asList(names(layout.numeric(), FeatureLayout.Prepared::imputed)));
        }
        if (!layout.categorical().isEmpty()) {
            stages.add(new StringIndexer(Identifiable.randomUID("index"))
                    .setInputCols(names(layout.categorical(), FeatureLayout.Prepared::name))
                    .setOutputCols(names(layout.categorical(), FeatureLayout.Prepared::indexed))
                    .setHandleInvalid("keep")
                    .setStringOrderType("frequencyDesc"));
            stages.add(new OneHotEncoder(Identifiable.randomUID("onehot"))
                    .setInputCols(names(layout.categorical(), FeatureLayout.Prepared::indexed))
                    .setOutputCols(names(layout.categorical(), FeatureLayout.Prepared::oneHot))
                    .setDropLast(true));
            assembled.addAll(Arrays.asList(names(layout.categorical(), FeatureLayout.Prepared::oneHot)));
        }
        stages.add(new VectorAssembler(Identifiable.randomUID("assemble"))
                .setInputCols(assembled.toArray(String[]::new))
                .setOutputCol(scaled ? ASSEMBLED : FEATURES));
        if (scaled) {
            stages.add(new StandardScaler(Identifiable.randomUID("scale"))
                    .setWithMean(true)
                    .setWithStd(true)
                    .setInputCol(ASSEMBLED)
                    .setOutputCol(FEATURES));
        }
        return List.copyOf(stages);
    }

    /**
     * The name of each slot of the {@code features} vector of a fitted pipeline, in the client's
     * words: {@code <column>} for numbers and booleans, {@code <column>__jours}, {@code __mois},
     * {@code __jour_semaine} for dates, {@code <column> = <label>} for one-hot slots.
     */
    public static List<String> expandedNames(PipelineModel fitted, List<Feature> features) {
        FeatureLayout layout = FeatureLayout.of(features);
        List<String> names = new ArrayList<>();
        layout.numeric().forEach(prepared -> names.add(prepared.label()));
        if (layout.categorical().isEmpty()) {
            return List.copyOf(names);
        }
        StringIndexerModel indexer = stage(fitted, StringIndexerModel.class);
        OneHotEncoderModel encoder = stage(fitted, OneHotEncoderModel.class);
        Map<String, String[]> labels = new HashMap<>();
        for (int i = 0; i < indexer.getInputCols().length; i++) {
            labels.put(indexer.getInputCols()[i], indexer.labelsArray()[i]);
        }
        for (int i = 0; i < layout.categorical().size(); i++) {
            FeatureLayout.Prepared prepared = layout.categorical().get(i);
            String[] known = labels.get(prepared.name());
            int slots = encoder.categorySizes()[i] - (encoder.getDropLast() ? 1 : 0);
            for (int slot = 0; slot < slots; slot++) {
                // only a model fitted without dropLast has a slot for the extra bucket
                names.add(prepared.label() + " = " + (slot < known.length ? known[slot] : "(autre)"));
            }
        }
        return List.copyOf(names);
    }

    /** The one stage of a class in a fitted pipeline. */
    public static <T extends Transformer> T stage(PipelineModel fitted, Class<T> type) {
        List<T> found = Arrays.stream(fitted.stages()).filter(type::isInstance).map(type::cast).collect(Collectors.toList());
        if (found.size() != 1) {
            throw new IllegalArgumentException("Invalid fitted pipeline: expected one " + type.getSimpleName()
                    + " stage, found " + found.size() + "; fit the stages of FeaturePipeline.stages followed by one model");
        }
        return found.get(0);
    }

    /** The SQL of the prepare stage for a feature list: a fitted pipeline's own can be checked against it. */
    public static String prepareStatement(List<Feature> features) {
        return prepareStatement(FeatureLayout.of(features));
    }


    static String prepareStatement(FeatureLayout layout) {
        List<String> expressions = new ArrayList<>();
        for (FeatureLayout.Prepared prepared : layout.numeric()) {
            expressions.add(numberExpression(layout.features().get(prepared.feature()), prepared.part())
                    + " AS " + io.datapilot.core.text.Names.quoted(prepared.name()));
        }
        for (FeatureLayout.Prepared prepared : layout.categorical()) {
            expressions.add("CAST(" + io.datapilot.core.text.Names.quoted(layout.features().get(prepared.feature()).column()) + " AS STRING) AS "
                    + io.datapilot.core.text.Names.quoted(prepared.name()));
        }
        return "SELECT *, " + String.join(", ", expressions) + " FROM __THIS__";
    }

    private static String numberExpression(Feature feature, FeatureLayout.Part part) {
        String column = io.datapilot.core.text.Names.quoted(feature.column());
        // CAST(timestamp AS DATE) takes the day in the session time zone
        String date = "CAST(" + column + " AS DATE)";
        return switch (part) {
            case VALUE -> "CAST(" + column + " AS DOUBLE)";
            case DAYS -> "CAST(datediff(" + date + ", DATE'1970-01-01') AS DOUBLE)";
            case MONTH -> "CAST(month(" + date + ") AS DOUBLE)";
            // weekday() counts Monday = 0 … Sunday = 6
            case WEEKDAY -> "CAST(weekday(" + date + ") + 1 AS DOUBLE)";
        };
    }


    private static String[] names(List<FeatureLayout.Prepared> columns,
            java.util.function.Function<FeatureLayout.Prepared, String> name) {
        return columns.stream().map(name).toArray(String[]::new);
    }
}
