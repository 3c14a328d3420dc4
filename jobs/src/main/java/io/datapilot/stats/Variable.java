package io.datapilot.stats;

/**
 * A column the statistics describe.
 *
 * @param name the column
 * @param numeric analysed as a quantity (moments, histogram, correlations) rather than as modalities
 * @param integral whole numbers only (histogram bars one unit wide when the range is small)
 * @param target one of the data set's prediction targets
 */
public record Variable(String name, boolean numeric, boolean integral, boolean target) {

}
