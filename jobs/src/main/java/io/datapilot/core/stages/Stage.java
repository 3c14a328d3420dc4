package io.datapilot.core.stages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One stage of the pipeline, as the runner, the Airflow DAG checks and the docs know it.
 *
 * @param command the {@code datapilot} sub-command that runs the stage alone
 * @param dependsOn stages whose tables this stage reads
 * @param inputs what it reads (files or tables)
 * @param outputs the tables it writes, for the run date
 */
public record Stage(String name, String description, String command, List<String> dependsOn, List<String> inputs,
        List<String> outputs) {

    public Stage {
        requireNonNull(name, "name is null");
        requireNonNull(command, "command is null");
        dependsOn = List.copyOf(dependsOn);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
