package io.datapilot.serve;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.datapilot.ml.scorer.LocalScorer;
import java.nio.file.Path;
import java.util.List;

/**
 * One target's model as the web application serves it: its folder, its {@code model.json}, its
 * local scorer and its fields. Immutable, so requests share it without locks.
 *
 * @param description the parsed {@code model.json}
 * @param card the model card (Markdown), or null when the folder has none
 */
public record ServedModel(String dataset, String target, String version, Path folder, JsonNode description, LocalScorer scorer,
        List<Field> fields, String card) {

    public ServedModel {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(target, "target is null");
        requireNonNull(version, "version is null");
        requireNonNull(folder, "folder is null");
        requireNonNull(description, "description is null");
        requireNonNull(scorer, "scorer is null");
        fields = List.copyOf(fields);
    }

    public boolean classification() {
        return "classification".equals(scorer.task());
    }

    /** The target's label in the client's words, with its unit. */
    public String targetLabel() {
        String label = description.path("target_label").asText(target);
        String unit = description.path("target_unit").isTextual() ? description.path("target_unit").asText() : null;
        return Field.withUnit(label, unit);
    }

    public String modelLabel() {
        return description.path("model_label").asText(description.path("model").asText());
    }

    public Field field(String column) {
        return fields.stream().filter(field -> field.column().equals(column)).findFirst().orElse(null);
    }
}
