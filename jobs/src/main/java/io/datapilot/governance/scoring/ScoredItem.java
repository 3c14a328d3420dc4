package io.datapilot.governance.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One item of the grid, scored.
 *
 * @param rank 1 for the best score; ties are ranked by name and get distinct ranks
 * @param name the item, as the name column writes it
 * @param score 0 to 100: the sum of the criteria's points
 * @param grade the class with the highest minimum score at or below the score, or null (no class configured, or
 *     the score is below every class)
 * @param resources what the class gets, or null
 * @param breakdown each criterion's part, in the configuration's order
 */
public record ScoredItem(int rank, String name, double score, String grade, String resources, List<CriterionScore> breakdown) {
    public ScoredItem {
        requireNonNull(name, "name is null");
        breakdown = List.copyOf(breakdown);
    }
}
