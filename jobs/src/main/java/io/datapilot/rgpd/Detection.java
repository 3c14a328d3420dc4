package io.datapilot.rgpd;

import static java.util.Objects.requireNonNull;

/**
 * Why a column looks personal.
 *
 * @param confidence from 0 to 1 (see {@link PersonalDataDetector} for the scale): from
 *     {@link PersonalDataDetector#HIGH} up the finding is high-confidence, below it low-confidence
 * @param contentShare share of the non-empty sample values that match the category's content test
 * @param nameHint whether the column's name suggests the category (nom, mail, tél, naissance...)
 * @param evidence what was found, in a sentence, without any value of the column
 */
public record Detection(String column, PersonalCategory category, double confidence, double contentShare, boolean nameHint,
        String evidence) {
    public Detection {
        requireNonNull(column, "column is null");
        requireNonNull(category, "category is null");
        requireNonNull(evidence, "evidence is null");
    }

    Detection withConfidence(double newConfidence, String moreEvidence) {
        return new Detection(column, category, newConfidence, contentShare, nameHint, evidence + "; " + moreEvidence);
    }
}
