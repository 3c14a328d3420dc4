package io.datapilot.core.config;

/**
 * What happens to one personal column before it is written.
 *
 * @param to for {@code generalise}: {@code year} or {@code age_band} (dates), {@code departement} (postcodes)
 * @param justification required for {@code keep}: why the clear value is needed
 */
public record TreatmentConfig(Treatment treatment, String to, String justification) {

    /** Treatments of personal columns. */
    public enum Treatment {
        /** Keyed HMAC-SHA-256: the same value always gives the same pseudonym; joins still work. */
        PSEUDONYMISE,
        /** Most characters hidden ({@code c***@example.com}, {@code ** ** ** ** 78}). */
        MASK,
        /** Less precise: a birth date becomes a year or an age band, a postcode a département. */
        GENERALISE,
        /** Not written at all (minimisation). */
        DROP,
        /** Written as it is, with a written justification. */
        KEEP
    }
}
