package io.datapilot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datapilot.core.stages.Stage;
import io.datapilot.core.stages.StageCatalog;
import io.datapilot.core.text.ConsoleTable;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code datapilot stages [--json]}: the stage catalog, for people and for the Airflow DAG checks. */
@Command(name = "stages", description = "List the pipeline's stages in order, with what each reads and writes.")
public final class StagesCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the catalog as JSON (read by the DAG checks).")
    boolean json;

    @Option(names = "--markdown", description = "Print the catalog as Markdown (docs/STAGES.md).")
    boolean markdown;

    @ParentCommand
    private Datapilot parent;

    @Override
    public Integer call() throws Exception {
        PrintStream out = parent.out();
        if (json) {
            out.println(json());
            return 0;
        }
        if (markdown) {
            out.print(markdown());
            return 0;
        }
        ConsoleTable table = ConsoleTable.of("stage", "command", "after", "writes");
        for (Stage stage : StageCatalog.STAGES) {
            table.row(stage.name(), "datapilot " + stage.command(), String.join(", ", stage.dependsOn()),
                    String.join(", ", stage.outputs()));
        }
        out.print(table.render());
        return 0;
    }

    /** The catalog as a Markdown page: what {@code docs/STAGES.md} must hold. */
    static String markdown() {
        StringBuilder page = new StringBuilder("# Stages\n\n"
                + "Generated from the stage catalog by `scripts/datapilot stages --markdown > docs/STAGES.md` (a test checks"
                + " that it is current). `datapilot run` runs them in this order in one Spark session; the nightly Airflow"
                + " DAG runs one `spark-submit` per stage with the same dependencies. Every command takes"
                + " `--config FILE --run-date YYYY-MM-DD` and replaces its own run date's rows.\n\n"
                + "| stage | DAG group | command | after | reads | writes |\n|---|---|---|---|---|---|\n");
        for (Stage stage : StageCatalog.STAGES) {
            page.append("| `").append(stage.name()).append("` | ").append(stage.group()).append(" | `datapilot ")
                    .append(stage.command()).append("` | ").append(String.join(", ", stage.dependsOn())).append(" | ")
                    .append(code(stage.inputs())).append(" | ").append(code(stage.outputs()))
                    .append(" |\n");
        }
        page.append("\n");
        for (Stage stage : StageCatalog.STAGES) {
            page.append("- **").append(stage.name()).append("**: ").append(stage.description()).append(".\n");
        }
        return page.toString();
    }

    private static String code(java.util.List<String> items) {
        return String.join(", ", items.stream().map(item -> "`" + item + "`").toList());
    }

    /** The catalog as JSON: what {@code dags/datapilot_stages.json} must hold. */
    static String json() throws java.io.IOException {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(StageCatalog.STAGES);
    }
}
