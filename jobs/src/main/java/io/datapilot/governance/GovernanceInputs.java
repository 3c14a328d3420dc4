package io.datapilot.governance;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.governance.files.TabularFile;
import io.datapilot.governance.logbook.ManualEntries;
import io.datapilot.governance.scoring.OpportunityGrid;
import io.datapilot.governance.steering.PlanReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the team keeps for the governance stage (the plan, the logbook's entries, the opportunities),
 * checked before any Spark work: {@code datapilot run} and {@code datapilot validate} report a bad file
 * at once rather than after the training. Every problem of every file in one error.
 */
public final class GovernanceInputs {
    private GovernanceInputs() {}

    public static void check(PipelineConfig config) {
        List<String> problems = new ArrayList<>();
        String plan = config.governance().plan();
        if (plan != null) {
            collect(problems, () -> PlanReader.read(Path.of(plan)));
        }
        String logbook = config.governance().logbook();
        if (logbook != null) {
            collect(problems, () -> ManualEntries.read(Path.of(logbook)));
        }
        String opportunities = config.governance().opportunities().file();
        if (opportunities != null) {
            collect(problems, () -> OpportunityGrid.score(TabularFile.read(Path.of(opportunities)), config.governance().opportunities()));
        }
        if (problems.size() == 1) {
            throw new DatapilotException(ErrorKind.CONFIG, problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new DatapilotException(ErrorKind.CONFIG, "Invalid governance files (" + problems.size() + "):\n- "
                    + String.join("\n- ", problems));
        }
    }

    private static void collect(List<String> problems, Runnable read) {
        try {
            read.run();
        } catch (DatapilotException problem) {
            problems.add(problem.getMessage());
        }
    }
}
