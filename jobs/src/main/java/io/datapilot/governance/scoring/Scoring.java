package io.datapilot.governance.scoring;

import java.util.List;

/**
 * The scored grid.
 *
 * @param items by rank
 * @param criteria the criteria's labels, in the configuration's order (the breakdown's order)
 */
public record Scoring(List<ScoredItem> items, List<String> criteria) {
    public Scoring {
        items = List.copyOf(items);
        criteria = List.copyOf(criteria);
    }
}
