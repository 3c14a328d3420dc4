package io.datapilot.core.stages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One stage of the pipeline, as the runner, the Airflow DAG checks and the docs know it.
 *
 * @param group where the stage sits in the nightly DAG: {@code data}, {@code preparation} and
 *     {@code analysis} stages form task groups; {@code gate}, {@code report} and {@code governance}
 *     stages are single tasks
 * @param command the {@code datapilot} sub-command that runs the stage alone
 * @param options the options the DAG passes to the command ({@code --run-date} takes the logical date)
 * @param dependsOn stages whose tables this stage reads
 * @param inputs what it reads (files or tables)
 * @param outputs the tables it writes, for the run date
 */
public record Stage(String name, String group, String description, String command, List<String> options,
        List<String> dependsOn, List<String> inputs, List<String> outputs) {

    /** The options every stage's command takes: the configuration and the run date. */
    public static final List<String> RUN_OPTIONS = List.of("--config", "--run-date");

    public Stage {
        requireNonNull(name, "name is null");
        requireNonNull(group, "group is null");
        requireNonNull(command, "command is null");
        options = List.copyOf(options);
        dependsOn = List.copyOf(dependsOn);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
