package io.datapilot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.core.stages.Stage;
import io.datapilot.core.stages.StageCatalog;
import io.datapilot.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The catalog is the one definition the runner, the CLI, the DAG and the docs agree on. */
class StageCatalogTest {

    @Test
    void everyStageHasARunnerACommandAndEarlierDependencies() {
        CommandLine cli = Datapilot.commandLine(System.out, System.err);
        List<String> seen = new ArrayList<>();
        for (Stage stage : StageCatalog.STAGES) {
            assertThat(PipelineCommand.RUNNERS).as("runner of " + stage.name()).containsKey(stage.name());
            assertThat(cli.getSubcommands()).as("command of " + stage.name()).containsKey(stage.command());
            CommandLine command = cli.getSubcommands().get(stage.command());
            for (String option : stage.options()) {
                assertThat(command.getCommandSpec().findOption(option)).as(stage.command() + " " + option).isNotNull();
            }
            assertThat(seen).as("stages " + stage.name() + " depends on").containsAll(stage.dependsOn());
            seen.add(stage.name());
        }
        assertThat(PipelineCommand.RUNNERS.keySet()).containsExactlyInAnyOrderElementsOf(StageCatalog.names());
    }

    @Test
    void theDagsCopyOfTheCatalogIsCurrent() throws Exception {
        Path copy = Paths.root().resolve("dags/datapilot_stages.json");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(Files.readString(copy)))
                .as("dags/datapilot_stages.json is stale: run scripts/datapilot stages --json > dags/datapilot_stages.json")
                .isEqualTo(json.readTree(StagesCommand.json()));
    }

    @Test
    void theStagesPageOfTheDocsIsCurrent() throws Exception {
        assertThat(Files.readString(Paths.root().resolve("docs/STAGES.md")))
                .as("docs/STAGES.md is stale: run scripts/datapilot stages --markdown > docs/STAGES.md")
                .isEqualTo(StagesCommand.markdown());
    }
}
