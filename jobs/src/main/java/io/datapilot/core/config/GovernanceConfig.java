package io.datapilot.core.config;

import java.util.List;

/**
 * The governance stage: KPI tables, technical logbook, project steering, commitments and
 * opportunity scoring (docs/CONFIG.md, section governance). Every part is optional: without a plan
 * file the steering part says it is not configured, without commitments there is nothing to watch.
 *
 * @param plan the project plan (CSV or XLSX: lots and tasks, dates, baseline, % complete, budget, cost),
 *     relative to {@code base_dir}; none by default
 * @param logbook entries of the technical logbook written by the team (CSV or XLSX), merged with the
 *     pipeline's incidents; none by default
 * @param documentationUrl where the logbook's resolution links point: the base URL of datapilot's docs
 *     folder (each incident kind has an anchor in INCIDENTS.md)
 * @param spiMin below this schedule performance index (SPI) the steering raises an alert (0,9)
 * @param cpiMin below this cost performance index (CPI) the steering raises an alert (0,9)
 * @param psiWarning a population stability index from this value on is a moderate drift (0,1)
 * @param psiAlert a population stability index from this value on is a significant drift (0,25)
 * @param commitments the contract's commitments, evaluated on every run
 * @param opportunities the scoring grid of prospects or AI use cases
 * @param risks the risks the team declares for the risk map (cartographie des risques), besides those the run derives
 * @param riskOwner who owns the risks the run derives ("chef de projet data" by default)
 */
public record GovernanceConfig(String plan, String logbook, String documentationUrl, Double spiMin, Double cpiMin,
        Double psiWarning, Double psiAlert, List<CommitmentConfig> commitments, OpportunitiesConfig opportunities,
        List<RiskConfig> risks, String riskOwner) {

    public static final String DEFAULT_DOCUMENTATION_URL = "https://github.com/datapilot-project/datapilot/blob/main/docs/";
    public static final String DEFAULT_RISK_OWNER = "chef de projet data";

    public GovernanceConfig {
        documentationUrl = documentationUrl == null ? DEFAULT_DOCUMENTATION_URL : documentationUrl;
        spiMin = spiMin == null ? 0.9 : spiMin;
        cpiMin = cpiMin == null ? 0.9 : cpiMin;
        psiWarning = psiWarning == null ? 0.1 : psiWarning;
        psiAlert = psiAlert == null ? 0.25 : psiAlert;
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
        opportunities = opportunities == null ? OpportunitiesConfig.defaults() : opportunities;
        // Stream.toList keeps an empty YAML item (null) for the validator to report with its path
        risks = risks == null ? List.of() : risks.stream().toList();
        riskOwner = riskOwner == null || riskOwner.isBlank() ? DEFAULT_RISK_OWNER : riskOwner;
    }

    static GovernanceConfig defaults() {
        return new GovernanceConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    GovernanceConfig withPaths(String resolvedPlan, String resolvedLogbook, String resolvedOpportunities) {
        return new GovernanceConfig(resolvedPlan, resolvedLogbook, documentationUrl, spiMin, cpiMin, psiWarning, psiAlert, commitments,
                opportunities.withFile(resolvedOpportunities), risks, riskOwner);
    }

    /**
     * A risk the team declares for the risk map (docs/CONFIG.md, section governance), scored on two scales of 1 to 4.
     * Likelihood (vraisemblance): 1 rare, 2 possible, 3 probable, 4 quasi certain. Impact: 1 mineur, 2 significatif,
     * 3 grave, 4 critique. Their product is the risk's criticality (1 to 16).
     *
     * <pre>
     * - { id: R-FUITE-EXPORT, title: "Export des données clients hors du SI", category: security, likelihood: 2,
     *     impact: 4, owner: RSSI, mitigation: "Exports chiffrés, liste des destinataires revue", status: open }
     * </pre>
     *
     * @param id a short identifier, unique among the declared risks (letters, digits, - and _), for example {@code R-FUITE-EXPORT}
     * @param title the risk in a sentence
     * @param category one of {@link #CATEGORIES}
     * @param likelihood 1 to 4 (rare, possible, probable, quasi certain)
     * @param impact 1 to 4 (mineur, significatif, grave, critique)
     * @param owner who follows the risk
     * @param mitigation what is done or planned to reduce it
     * @param status one of {@link #STATUSES} ({@code open} by default)
     */
    public record RiskConfig(String id, String title, String category, Integer likelihood, Integer impact, String owner,
            String mitigation, String status) {
        /** quality: data quality; security: confidentiality, integrity, availability; rgpd: personal data; ethics: fairness, use; project: delays, means. */
        public static final List<String> CATEGORIES = List.of("quality", "security", "rgpd", "ethics", "project");
        /** open: to treat; mitigated: measures in place, still followed; accepted: knowingly taken; closed: no longer a risk. */
        public static final List<String> STATUSES = List.of("open", "mitigated", "accepted", "closed");
        public static final int SCALE_MAX = 4;
        /** The ids of the risks the run derives (docs/CONFIG.md), which a declared risk cannot take; the fairness risks add their target. */
        public static final List<String> DERIVED_IDS = List.of("R-PERSO", "R-PERSO-DOUTE", "R-CLAIR", "R-QUAL-CRIT", "R-QUAL-ALERTE",
                "R-PORTE-QUALITE", "R-ETAPE-ECHEC", "R-CLE-DEMO", "R-HTTP");
        public static final String FAIRNESS_PREFIX = "R-EQUITE-";

        public RiskConfig {
            status = status == null ? "open" : status;
        }
    }

    /**
     * One commitment of the contract.
     *
     * @param name a short name, unique (for example {@code qualite_donnees})
     * @param description what was promised, in the client's words
     * @param metric what is measured: one of {@link #METRICS}, or {@code model.<target>.<metric>} (the best
     *     model's test metric, for example {@code model.resilie.accuracy})
     * @param operator {@code >=}, {@code >}, {@code <=} or {@code <}: how the measure must compare with the threshold
     * @param threshold the promised value: a number (shares as 0,95), or a time of day {@code HH:mm} for
     *     {@code run_end_time}
     * @param warningMargin a measure that meets the threshold by less than this margin is a WARNING (0 by default:
     *     OK or BREACH only)
     */
    public record CommitmentConfig(String name, String description, String metric, String operator, String threshold,
            Double warningMargin) {

        /** The metrics a commitment can watch (besides {@code model.<target>.<metric>}). */
        public static final List<String> METRICS = List.of("quality_score", "quarantine_share", "run_end_time", "failed_stages",
                "critical_alerts", "gate_passed_share", "erasure_delay_days");
        public static final List<String> OPERATORS = List.of(">=", ">", "<=", "<");

        public CommitmentConfig {
            operator = operator == null ? ">=" : operator;
            warningMargin = warningMargin == null ? 0.0 : warningMargin;
        }
    }

    /**
     * The opportunity scoring grid (C5.2): each row of the file is a prospect or a use case, each criterion a
     * numeric column of it.
     *
     * @param file the items to score (CSV or XLSX), relative to {@code base_dir}; none by default
     * @param name the column that names each item
     * @param criteria the criteria, their weights and scales
     * @param classes the classes by minimum score (highest first) and the resources each gets
     */
    public record OpportunitiesConfig(String file, String name, List<CriterionConfig> criteria, List<ClassConfig> classes) {
        public OpportunitiesConfig {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
            classes = classes == null ? List.of() : List.copyOf(classes);
        }

        static OpportunitiesConfig defaults() {
            return new OpportunitiesConfig(null, null, null, null);
        }

        OpportunitiesConfig withFile(String resolved) {
            return new OpportunitiesConfig(resolved, name, criteria, classes);
        }
    }

    /**
     * One criterion of the grid.
     *
     * @param column the file's column holding the item's value for the criterion
     * @param label the criterion as people read it (default: the column)
     * @param weight its weight (positive; the weights need not add up to 1: they are normalised)
     * @param min the scale's lowest value (a value below counts as the lowest)
     * @param max the scale's highest value
     * @param direction {@code higher} (a higher value is better, by default) or {@code lower} (a cost, a risk)
     */
    public record CriterionConfig(String column, String label, Double weight, Double min, Double max, String direction) {
        public CriterionConfig {
            label = label == null ? column : label;
            weight = weight == null ? 1.0 : weight;
            min = min == null ? 0.0 : min;
            max = max == null ? 5.0 : max;
            direction = direction == null ? "higher" : direction;
        }
    }

    /**
     * A class of the grid: items whose score (0 to 100) is at least {@code minScore} and below the class above.
     *
     * @param name the class (for example "priorité 1")
     * @param minScore the lowest score of the class, 0 to 100
     * @param resources what the class gets (team, budget, time), as written
     */
    public record ClassConfig(String name, Double minScore, String resources) {
        public ClassConfig {
            minScore = minScore == null ? 0.0 : minScore;
        }
    }
}
