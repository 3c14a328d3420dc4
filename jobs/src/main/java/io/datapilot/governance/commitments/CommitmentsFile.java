package io.datapilot.governance.commitments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/** The commitments of a run date as JSON, for a scheduler or a monitoring tool: one object per commitment. */
public final class CommitmentsFile {
    public static final String NAME = "commitments.json";

    private CommitmentsFile() {}

    public static String json(LocalDate runDate, List<CommitmentStatus> statuses) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("run_date", runDate.toString());
        root.put("breaches", statuses.stream().filter(CommitmentStatus::breached).count());
        root.put("warnings", statuses.stream().filter(status -> CommitmentStatus.WARNING.equals(status.status())).count());
        ArrayNode list = root.putArray("commitments");
        for (CommitmentStatus status : statuses) {
            ObjectNode item = list.addObject();
            item.put("name", status.name());
            item.put("description", status.description());
            item.put("metric", status.metric());
            item.put("operator", status.operator());
            item.put("threshold", status.threshold());
            if (status.measured() == null) {
                item.putNull("measured");
            } else {
                item.put("measured", status.measured());
            }
            item.put("measured_text", status.measuredText());
            item.put("status", status.status());
            item.put("previous_status", status.previousStatus());
            item.put("message", status.message());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the commitments as JSON", e);
        }
    }

    /** One line per commitment, as the command prints them. */
    public static String line(CommitmentStatus status) {
        return String.format("%-8s %s: %s", status.status(), status.name(), status.message());
    }
}
