package io.datapilot.governance.steering;

import io.datapilot.governance.files.TabularFile;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A column of the project plan file: its French header key (the canonical one, as {@link TabularFile#key}
 * gives it: "Début prévu" is {@code debut_prevu}), the English alias also accepted, and whether a plan must have it.
 */
enum PlanColumn {
    LOT("lot", "work_package", true),
    TASK("tache", "task", true),
    SPRINT("sprint", "iteration", false),
    ROLE("role", "owner_role", false),
    PLANNED_START("debut_prevu", "planned_start", true),
    PLANNED_END("fin_prevue", "planned_end", true),
    BASELINE_START("debut_reference", "baseline_start", false),
    BASELINE_END("fin_reference", "baseline_end", false),
    PERCENT_COMPLETE("avancement", "percent_complete", false),
    PLANNED_BUDGET("budget_prevu", "planned_budget", true),
    ACTUAL_COST("cout_reel", "actual_cost", false),
    MILESTONE("jalon", "milestone", false),
    DELIVERABLE("livrable", "deliverable", false);

    private final String key;
    private final String alias;
    private final boolean required;

    PlanColumn(String key, String alias, boolean required) {
        this.key = key;
        this.alias = alias;
        this.required = required;
    }

    String key() {
        return key;
    }

    boolean required() {
        return required;
    }

    /** The column a header names, by its French key or its English alias. */
    static Optional<PlanColumn> of(String header) {
        String wanted = TabularFile.key(header);
        return Arrays.stream(values()).filter(column -> column.key.equals(wanted) || column.alias.equals(wanted)).findFirst();
    }

    /** For messages: {@code lot (work_package), tache (task), …}. */
    static String accepted() {
        return Arrays.stream(values()).map(column -> column.key + " (" + column.alias + ")").collect(Collectors.joining(", "));
    }
}
