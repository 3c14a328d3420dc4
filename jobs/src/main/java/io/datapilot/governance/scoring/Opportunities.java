package io.datapilot.governance.scoring;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.governance.GovernanceTables;
import io.datapilot.governance.files.TabularFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code governance.opportunities}: the scoring grid of the configured file, one row per item and
 * criterion (the score's breakdown stays queryable), when {@code governance.opportunities.file} is set.
 */
public final class Opportunities {
    public static final String TABLE = "opportunities";

    /** One criterion of one scored item, as the table keeps it. */
    public record OpportunityRow(int rank, String name, double score, String grade, String resources, String criterion, double value,
            double normalised, double weight, double points) {}

    private Opportunities() {}

    public static Optional<Scoring> score(GovernanceTables tables, PipelineConfig config) {
        if (config.governance().opportunities().file() == null) {
            tables.clear(TABLE);
            return Optional.empty();
        }
        Scoring scoring = OpportunityGrid.score(TabularFile.read(Path.of(config.governance().opportunities().file())),
                config.governance().opportunities());
        List<OpportunityRow> rows = new ArrayList<>();
        for (ScoredItem item : scoring.items()) {
            for (CriterionScore criterion : item.breakdown()) {
                rows.add(new OpportunityRow(item.rank(), item.name(), item.score(), item.grade(), item.resources(), criterion.criterion(),
                        criterion.value(), criterion.normalised(), criterion.weight(), criterion.points()));
            }
        }
        tables.write(TABLE, OpportunityRow.class, rows);
        return Optional.of(scoring);
    }
}
