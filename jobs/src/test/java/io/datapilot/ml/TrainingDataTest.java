package io.datapilot.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.config.TargetKind;
import io.datapilot.core.config.TrainConfig;
import io.datapilot.ml.features.FeatureKind;
import io.datapilot.stats.Variables;
import io.datapilot.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The checks before any training, each a clear error naming the target and the fix, and the choice of features. */
class TrainingDataTest {
    private static final TrainConfig TRAIN = new TrainConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static Dataset<Row> rows(int count, java.util.function.IntFunction<Object[]> row) {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("surface", DataTypes.DoubleType)
                .add("ville", DataTypes.StringType).add("classe", DataTypes.StringType).add("prix", DataTypes.DoubleType)
                .add("note", DataTypes.IntegerType).add("constante", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(RowFactory.create(row.apply(i)));
        }
        return TestSpark.session().createDataFrame(rows, schema);
    }

    /** The checks of one target, on the profile the training stage computes once for all targets. */
    private static TrainingData.Target target(Dataset<Row> data, String column, TargetKind kind, TrainConfig train) {
        return TrainingData.target(data, "silver.t", column, kind, train, TrainingData.profile(data, Set.of(column), Set.of(), Map.of(), train));
    }

    private static Dataset<Row> ordinary() {
        return rows(60, i -> new Object[] {"k" + i, 20.0 + i, i % 3 == 0 ? "Lyon" : "Bron", i % 2 == 0 ? "a" : "b",
                i == 5 ? null : 1000.0 + 37.5 * i, i % 4, "même"});
    }

    @Test
    void aMissingTargetNamesTheColumnsOfTheDataSet() {
        assertThatThrownBy(() -> target(ordinary(), "prixx", TargetKind.REGRESSION, TRAIN))
                .isInstanceOf(DatapilotException.class).hasMessageContaining("prixx is not a column of silver.t")
                .hasMessageContaining("did you mean \"prix\"");
    }

    @Test
    void aRegressionTargetMustHoldNumbers() {
        assertThatThrownBy(() -> target(ordinary(), "ville", TargetKind.REGRESSION, TRAIN))
                .isInstanceOf(DatapilotException.class).hasMessageContaining("declared kind: regression, but its values are not numbers")
                .hasMessageContaining("Lyon").hasMessageContaining("kind:");
    }

    @Test
    void continuousValuesAreNotClasses() {
        assertThatThrownBy(() -> target(ordinary(), "prix", TargetKind.CLASSIFICATION, TRAIN))
                .isInstanceOf(DatapilotException.class).hasMessageContaining("continuous numbers").hasMessageContaining("1037.5")
                .hasMessageContaining("Declare kind: regression");
    }

    @Test
    void aClassTooRareForTheFoldsIsNamedWithTheConfigLineThatDropsIt() {
        Dataset<Row> rare = rows(60, i -> new Object[] {"k" + i, 20.0 + i, "Lyon", i < 3 ? "rare" : i % 2 == 0 ? "a" : "b", 1.0 * i, 1,
                "x"});
        assertThatThrownBy(() -> target(rare, "classe", TargetKind.CLASSIFICATION, TRAIN))
                .isInstanceOf(DatapilotException.class).hasMessageContaining("\"rare\" (3 rows)")
                .hasMessageContaining("at least 7 rows").hasMessageContaining("train.drop_classes: {classe: [\"rare\"]}");
        TrainConfig dropping = new TrainConfig(null, null, null, null, null, null, null, null, null, Map.of("classe", List.of("rare")),
                null, null, null);
        TrainingData.Target target = target(rare, "classe", TargetKind.CLASSIFICATION, dropping);
        assertThat(target.labels()).containsExactly("a", "b");
        assertThat(target.droppedClassRows()).isEqualTo(3);
        assertThat(target.used()).isEqualTo(57);
    }

    @Test
    void autoDecidesFromTheValuesAndSaysSo() {
        TrainingData.Target prix = target(ordinary(), "prix", TargetKind.AUTO, TRAIN);
        assertThat(prix.task()).isEqualTo(Task.REGRESSION);
        assertThat(prix.decision()).startsWith("auto: regression");
        assertThat(prix.withoutTarget()).isEqualTo(1);
        TrainingData.Target note = target(ordinary(), "note", TargetKind.AUTO, TRAIN);
        assertThat(note.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(note.decision()).contains("4 whole-number values");
        assertThat(note.labels()).containsExactly("0", "1", "2", "3");
        assertThat(target(ordinary(), "classe", TargetKind.AUTO, TRAIN).decision()).contains("text labels");
    }

    @Test
    void keysPersonalDataOtherTargetsFlagsAndConstantsAreNotFeatures() {
        Map<String, Variables.Described> dictionary = Map.of("id", new Variables.Described("identifiant", false),
                "surface", new Variables.Described("numérique continue", false), "ville", new Variables.Described("catégorielle", true),
                "classe", new Variables.Described("catégorielle", false), "prix", new Variables.Described("montant", false),
                "constante", new Variables.Described("catégorielle", false));
        TrainingData.Selection selection = TrainingData.features(ordinary(), "prix", Set.of("id"), Set.of("classe"), dictionary, TRAIN,
                TrainingData.profile(ordinary(), Set.of("prix", "classe"), Set.of("id"), dictionary, TRAIN));
        assertThat(selection.features()).extracting(feature -> feature.column() + ":" + feature.kind())
                .containsExactly("surface:" + FeatureKind.NUMERIC);
        assertThat(selection.exclusions()).extracting(exclusion -> exclusion.column() + ": " + exclusion.reason()).containsExactly(
                "id: identifier (key of the data set)", "ville: personal data (audit.personal_data): not a feature",
                "classe: another target", "note: flag added by the cleaning (not in the data dictionary)", "constante: constant (one value)");
    }

    @Test
    void moreVariablesThanRowsIsRefusedBeforeAnyTraining() {
        Dataset<Row> wide = rows(40, i -> new Object[] {"k" + i, 20.0 + i, "ville " + i, i % 2 == 0 ? "a" : "b", 1.0 * i, 1, "x" + i});
        TrainingData.Target target = target(wide, "prix", TargetKind.REGRESSION, TRAIN);
        TrainingData.Selection selection = TrainingData.features(wide, "prix", Set.of("id"), Set.of(), Map.of(), TRAIN,
                TrainingData.profile(wide, Set.of("prix"), Set.of("id"), Map.of(), TRAIN));
        assertThatThrownBy(() -> TargetTraining.train(wide, target, selection, List.of("id"), null, TRAIN,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream())))
                .isInstanceOf(DatapilotException.class).hasMessageContaining("training rows for")
                .hasMessageContaining("variables after encoding").hasMessageContaining("train.exclude");
    }
}
