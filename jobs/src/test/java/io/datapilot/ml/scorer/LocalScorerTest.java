package io.datapilot.ml.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.ml.features.FeaturePipeline;
import io.datapilot.ml.scorer.export.ScorerExport;
import io.datapilot.testing.TestSpark;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalScorerTest {
    @TempDir
    static Path folder;

    @BeforeAll
    static void export() {
        List<PipelineStage> stages = new ArrayList<>(FeaturePipeline.stages(ScorerFixtures.FEATURES, true));
        stages.add(new LogisticRegression().setFeaturesCol(FeaturePipeline.FEATURES).setLabelCol("cible_binaire"));
        PipelineModel fitted = new Pipeline().setStages(stages.toArray(PipelineStage[]::new))
                .fit(ScorerFixtures.rows(TestSpark.session(), 200, 1, false));
        ScorerExport.write(TestSpark.session(), fitted, ScorerFixtures.FEATURES, ScorerFile.CLASSIFICATION,
                List.of("non", "oui"), folder.toString());
    }

    static Map<String, Object> row() {
        Map<String, Object> row = new HashMap<>();
        row.put("âge", 52.0);
        row.put("revenu", 4100);
        row.put("abonné", true);
        row.put("inscription", LocalDate.of(2022, 5, 17));
        row.put("région", "Nord");
        return row;
    }

    @Test
    void refusesAScorerFileOfAnotherFormatVersion(@TempDir Path other) throws Exception {
        String json = Files.readString(folder.resolve(ScorerFile.FILE), StandardCharsets.UTF_8);
        assertThat(json).contains("\"format_version\" : 1");
        Files.writeString(other.resolve(ScorerFile.FILE), json.replace("\"format_version\" : 1", "\"format_version\" : 7"));
        assertThatThrownBy(() -> LocalScorer.load(other))
                .isInstanceOf(DatapilotException.class)
                .hasMessageContaining("format_version 7")
                .hasMessageContaining("reads format_version 1")
                .hasMessageContaining("retrain the model with this datapilot version");
    }

    @Test
    void scoresTheSameFromManyThreads() throws Exception {
        LocalScorer scorer = LocalScorer.load(folder);
        Prediction expected = scorer.score(row());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Prediction>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> scorer.score(row())));
            }
            for (Future<Prediction> result : results) {
                assertThat(result.get().probabilities()).containsExactly(expected.probabilities());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void treatsAnAbsentColumnAsMissingAndRefusesAValueOfTheWrongType() {
        LocalScorer scorer = LocalScorer.load(folder);
        Map<String, Object> absent = row();
        absent.remove("âge");
        Map<String, Object> nulls = row();
        nulls.put("âge", null);
        nulls.put("dernière visite", null);
        assertThat(scorer.score(absent).probabilities()).containsExactly(scorer.score(nulls).probabilities());
        Map<String, Object> wrong = row();
        wrong.put("inscription", 12);
        assertThatThrownBy(() -> scorer.score(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'inscription'").hasMessageContaining("expected a date");
    }

    @Test
    void loadsAndScoresWithoutSparkOnTheClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(LocalScorer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith("jackson-")
                    && !entry.contains("jackson-module-scala") && !entry.contains("jackson-dataformat")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("org.apache.spark.sql.SparkSession", false, isolated))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> scorerClass = Class.forName(LocalScorer.class.getName(), true, isolated);
            Object scorer = scorerClass.getMethod("load", Path.class).invoke(null, folder);
            Object prediction = scorerClass.getMethod("score", Map.class).invoke(scorer, row());
            Method probabilities = prediction.getClass().getMethod("probabilities");
            Object features = scorerClass.getMethod("features").invoke(scorer);
            assertThat((double[]) probabilities.invoke(prediction))
                    .containsExactly(LocalScorer.load(folder).score(row()).probabilities());
            assertThat(features.toString()).contains("région");
            assertThat(Arrays.stream(urls.toArray()).map(Object::toString)).noneMatch(url -> url.contains("spark"));
        }
    }
}
