package io.datapilot.rgpd;

import static java.util.Objects.requireNonNull;

/**
 * Why a column looks personal.
 *
 * @param confidence from 0 to 1: the share of sample values that match the category, raised when
 *     the column's name also suggests it
 * @param contentShare share of the non-empty sample values that match
 * @param nameHint whether the column's name suggests the category (nom, mail, tél, naissance...)
 */
public record Detection(String column, PersonalCategory category, double confidence, double contentShare, boolean nameHint) {
    public Detection {
        requireNonNull(column, "column is null");
        requireNonNull(category, "category is null");
    }
}
