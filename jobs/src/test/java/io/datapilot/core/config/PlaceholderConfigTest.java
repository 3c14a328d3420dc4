package io.datapilot.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys of placeholders and rare modalities: defaults, binding and validation. */
class PlaceholderConfigTest {
    private static final Path DIRECTORY = Path.of("/data/projet/conf");
    private static final String SOURCES = """
            sources:
              - name: releves
                path: releves.csv
            """;

    @Test
    void defaultsToAlertsOnlyWithARareShareOfOnePercentAmongAtMostTwentyModalities() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        PipelineConfig config = ConfigLoader.parse(SOURCES, DIRECTORY, problems);
        assertThat(problems.all()).isEmpty();
        assertThat(config.profile().alerts().rareModality()).isEqualTo(0.01);
        assertThat(config.profile().alerts().rareMaxModalities()).isEqualTo(20);
        assertThat(config.clean().columns()).isEmpty();
    }

    @Test
    void bindsPlaceholdersWrittenAsTextsNumbersAndDates() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        PipelineConfig config = ConfigLoader.parse(SOURCES + """
                profile: { alerts: { rare_modality: 0.02, rare_max_modalities: 8 } }
                clean:
                  columns:
                    genre: { placeholders: [".", "?"] }
                    releves.age: { placeholders: [9999, -999], impute: none }
                    jour: { placeholders: [1900-01-01] }
                """, DIRECTORY, problems);
        assertThat(problems.all()).isEmpty();
        assertThat(config.clean().columns().get("genre").placeholders()).containsExactly(".", "?");
        assertThat(config.clean().columns().get("releves.age").placeholders()).containsExactly("9999", "-999");
        assertThat(config.clean().columns().get("jour").placeholders()).containsExactly("1900-01-01");
        assertThat(config.profile().alerts().rareModality()).isEqualTo(0.02);
        assertThat(config.profile().alerts().rareMaxModalities()).isEqualTo(8);
    }

    @Test
    void reportsEmptyPlaceholdersAndBadThresholdsWithTheirPath() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        ConfigLoader.parse(SOURCES + """
                profile: { alerts: { rare_modality: 3, rare_max_modalities: 1 } }
                clean:
                  columns:
                    genre: { placeholders: [".", " "] }
                """, DIRECTORY, problems);
        List<String> shown = problems.all().stream().map(ConfigProblem::toString).toList();
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("clean.columns.genre.placeholders")
                .contains("empty and blank texts are already missing values"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("profile.alerts.rare_modality").contains("between 0 and 1"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("profile.alerts.rare_max_modalities").contains("at least 2"));
    }
}
