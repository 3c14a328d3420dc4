package io.datapilot.governance.scoring;

import static java.util.Objects.requireNonNull;

/**
 * One criterion of one item's score.
 *
 * @param criterion the criterion's label
 * @param value the value read from the file (before clamping to the scale)
 * @param normalised the value on the scale, 0 to 1, 1 being the best (inverted for a {@code lower} criterion)
 * @param weight the criterion's weight, normalised so that the weights add up to 1
 * @param points what the criterion adds to the score: {@code 100 × weight × normalised}
 */
public record CriterionScore(String criterion, double value, double normalised, double weight, double points) {
    public CriterionScore {
        requireNonNull(criterion, "criterion is null");
    }
}
