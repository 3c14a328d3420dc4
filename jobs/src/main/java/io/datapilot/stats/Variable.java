package io.datapilot.stats;

/**
 * A column the statistics describe.
 *
 * @param name the column
 * @param numeric analysed as a quantity (moments, histogram, correlations) rather than as modalities
 * @param integral whole numbers only (histogram bars one unit wide when the range is small)
 * @param unit unit from the data dictionary, for axis names ("€", "m²"), or null
 * @param target one of the data set's prediction targets
 */
public record Variable(String name, boolean numeric, boolean integral, String unit, boolean target) {

    /** "chiffre_affaires (€)" — the name with its unit, for axes and headers. */
    public String label() {
        return unit == null || unit.isBlank() ? name : name + " (" + unit + ")";
    }
}
