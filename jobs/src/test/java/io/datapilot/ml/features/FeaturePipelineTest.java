package io.datapilot.ml.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.datapilot.testing.TestSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {
    private static final SparkSession SPARK = TestSpark.session();

    // accented names and a backtick: the pipeline quotes every name it is given
    static final List<Feature> FEATURES = List.of(
            new Feature("montant", FeatureKind.NUMERIC),
            new Feature("quantité", FeatureKind.NUMERIC),
            new Feature("actif", FeatureKind.BOOLEAN),
            new Feature("date_achat", FeatureKind.DATE),
            new Feature("horo`datage", FeatureKind.DATE),
            new Feature("région", FeatureKind.CATEGORICAL));

    static final StructType SCHEMA = new StructType()
            .add("montant", DataTypes.DoubleType)
            .add("quantité", DataTypes.IntegerType)
            .add("actif", DataTypes.BooleanType)
            .add("date_achat", DataTypes.DateType)
            .add("horo`datage", DataTypes.TimestampType)
            .add("région", DataTypes.StringType);

    /** Five rows with an odd number of values in every column, so that each median is one of them. */
    static Dataset<Row> training() {
        return SPARK.createDataFrame(List.of(
                RowFactory.create(10.0, 1, true, date("2024-01-01"), time("2024-03-10T12:00:00Z"), "Nord"),
                RowFactory.create(null, 2, false, date("2024-02-29"), null, "Sud"),
                RowFactory.create(30.0, 3, null, null, time("2024-03-11T08:00:00Z"), "Nord"),
                RowFactory.create(20.0, 4, true, date("2023-12-31"), null, null),
                RowFactory.create(null, 5, true, null, time("2024-06-15T23:30:00Z"), "Est")), SCHEMA);
    }

    static Dataset<Row> heldOut() {
        return SPARK.createDataFrame(List.of(
                RowFactory.create(null, 7, false, date("2024-03-04"), null, "Ouest"),
                RowFactory.create(5.5, null, null, null, time("2024-06-15T23:30:00Z"), "Sud"),
                RowFactory.create(-1.0, 0, true, date("1969-12-31"), time("1970-01-01T00:00:00Z"), null)), SCHEMA);
    }

    @Test
    void turnsEachKindIntoNumbersImputesMediansAndIgnoresUnseenLabels() {
        withTimeZone("UTC", () -> checkEachKind());
    }

    private void checkEachKind() {
        PipelineModel model = fit(FeaturePipeline.stages(FEATURES, false), training());
        StringIndexerModel indexer = FeaturePipeline.stage(model, StringIndexerModel.class);
        // by decreasing frequency, ties alphabetically; the null of the training set is not a label
        assertThat(indexer.labelsArray()[0]).containsExactly("Nord", "Est", "Sud");

        List<double[]> vectors = vectors(model.transform(heldOut()));
        // montant, quantité, actif, date (jours, mois, jour ISO), horodatage (jours, mois, jour ISO), Nord, Est, Sud
        // medians: montant 20, quantité 3, actif 1, date 19723 / 2 / 4, horodatage 19793 / 3 / 6
        assertThat(vectors.get(0)).containsExactly(20, 7, 0, 19786, 3, 1, 19793, 3, 6, 0, 0, 0);
        assertThat(vectors.get(1)).containsExactly(5.5, 3, 1, 19723, 2, 4, 19889, 6, 6, 0, 0, 1);
        assertThat(vectors.get(2)).containsExactly(-1, 0, 1, -1, 12, 3, 0, 1, 4, 0, 0, 0);
    }

    @Test
    void takesTheDayOfATimestampInTheSessionTimeZone() {
        withTimeZone("Europe/Paris", () -> {
            PipelineModel model = fit(FeaturePipeline.stages(FEATURES, false), training());
            double[] second = vectors(model.transform(heldOut())).get(1);
            // 2024-06-15 23:30 UTC is Sunday 16 June 01:30 in Paris
            assertThat(Arrays.copyOfRange(second, 6, 9)).containsExactly(19890, 6, 7);
        });
    }

    /** Runs with the session in a time zone, and restores the previous one. */
    static void withTimeZone(String zone, Runnable work) {
        String previous = SPARK.conf().get("spark.sql.session.timeZone");
        SPARK.conf().set("spark.sql.session.timeZone", zone);
        try {
            work.run();
        } finally {
            SPARK.conf().set("spark.sql.session.timeZone", previous);
        }
    }

    @Test
    void standardisesTheAssembledVectorWhenScaled() {
        PipelineModel model = fit(FeaturePipeline.stages(FEATURES, true), training());
        List<double[]> vectors = vectors(model.transform(training()));
        for (int slot = 0; slot < 12; slot++) {
            double sum = 0;
            for (double[] vector : vectors) {
                sum += vector[slot];
            }
            assertThat(sum / vectors.size()).as("mean of slot %d", slot).isCloseTo(0, within(1e-9));
        }
        // quantité 1..5: mean 3, sample standard deviation √2,5
        assertThat(vectors.get(0)[1]).isCloseTo(-2 / Math.sqrt(2.5), within(1e-12));
    }

    @Test
    void namesEverySlotInTheClientsWords() {
        PipelineModel model = fit(FeaturePipeline.stages(FEATURES, true), training());
        assertThat(FeaturePipeline.expandedNames(model, FEATURES)).containsExactly("montant", "quantité", "actif",
                "date_achat__jours", "date_achat__mois", "date_achat__jour_semaine",
                "horo`datage__jours", "horo`datage__mois", "horo`datage__jour_semaine",
                "région = Nord", "région = Est", "région = Sud");
    }

    @Test
    void keepsTheOtherColumnsSoTheLabelReachesTheModel() {
        PipelineModel model = fit(FeaturePipeline.stages(List.of(new Feature("région", FeatureKind.CATEGORICAL)), false),
                training());
        Dataset<Row> out = model.transform(training());
        assertThat(out.columns()).contains("montant", "région", FeaturePipeline.FEATURES);
        assertThat(vectors(out).get(0)).containsExactly(1, 0, 0);
    }

    @Test
    void mapsSparkTypesToKinds() {
        assertThat(Feature.of("a", DataTypes.LongType).kind()).isEqualTo(FeatureKind.NUMERIC);
        assertThat(Feature.of("a", DataTypes.createDecimalType(10, 2)).kind()).isEqualTo(FeatureKind.NUMERIC);
        assertThat(Feature.of("a", DataTypes.BooleanType).kind()).isEqualTo(FeatureKind.BOOLEAN);
        assertThat(Feature.of("a", DataTypes.DateType).kind()).isEqualTo(FeatureKind.DATE);
        assertThat(Feature.of("a", DataTypes.TimestampType).kind()).isEqualTo(FeatureKind.DATE);
        assertThat(Feature.of("a", DataTypes.StringType).kind()).isEqualTo(FeatureKind.CATEGORICAL);
        assertThatThrownBy(() -> Feature.of("tags", DataTypes.createArrayType(DataTypes.StringType)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tags'").hasMessageContaining("array<string>");
        assertThatThrownBy(() -> FeaturePipeline.stages(List.of(), false)).hasMessageContaining("empty");
    }

    static PipelineModel fit(List<PipelineStage> stages, Dataset<Row> data) {
        return new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(data);
    }

    static List<double[]> vectors(Dataset<Row> transformed) {
        return transformed.select(FeaturePipeline.FEATURES).collectAsList().stream()
                .map(row -> ((Vector) row.get(0)).toArray()).toList();
    }

    static Date date(String iso) {
        return Date.valueOf(iso);
    }

    static Timestamp time(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
