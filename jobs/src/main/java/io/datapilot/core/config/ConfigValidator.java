package io.datapilot.core.config;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what binding cannot: required keys, allowed values, references between sections.
 *
 * <p>Checks that need the source files (existence, headers, column names) are done by the ingest
 * inspection, which adds its problems to the same list.
 */
public final class ConfigValidator {
    public static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CELL_RANGE = Pattern.compile("[A-Za-z]{1,3}[0-9]+(:[A-Za-z]{1,3}[0-9]+)?");
    /** Settings that hold a credential (fs.s3a.secret.key, fs.s3a.bucket.b.access.key, spark.ssl.keyPassword…). */
    private static final Pattern CREDENTIAL_SETTING = Pattern.compile("(?i).*[.](access[.]key|secret[.]key|session[.]token|secret"
            + "|[a-z]*password)$");
    private static final Pattern UNSUPPORTED_PATTERN_LETTERS = Pattern.compile("[YwWuecL]");
    public static final String EXCEL_SERIAL_FORMAT = "excel";

    private ConfigValidator() {}

    static void validate(PipelineConfig config, ConfigProblems problems) {
        validateProject(config.project(), problems);
        if (config.warehouse().isBlank()) {
            problems.add("warehouse", "must not be empty; give a folder such as \"warehouse\" or a URI such as s3a://bucket/datapilot.");
        }
        config.spark().keySet().stream()
                .filter(key -> !key.startsWith("spark."))
                .forEach(key -> problems.add("spark[\"" + key + "\"]",
                        "Spark settings start with \"spark.\" (for example spark.sql.shuffle.partitions)."));
        config.spark().keySet().stream()
                .filter(key -> CREDENTIAL_SETTING.matcher(key).matches())
                .forEach(key -> problems.add("spark[\"" + key + "\"]", "holds a credential, and a configuration file is versioned, shared"
                        + " and printed: datapilot never takes credentials from it. Remove the setting and give the credential in the"
                        + " environment (for s3a: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) or through a provider"
                        + " (spark.hadoop.fs.s3a.aws.credentials.provider: an instance profile, ~/.aws/credentials, a Hadoop credential"
                        + " store named by spark.hadoop.hadoop.security.credential.provider.path)."));
        validateSources(config.sources(), problems);
        if (config.dataset() != null) {
            validateDataset(config.dataset(), config.sources(), problems);
        }
        validateRgpd(config.rgpd(), config.sources(), problems);
        validateProfile(config.profile(), problems);
        validateQualityGate(config.qualityGate(), problems);
        validateClean(config.clean(), problems);
        if (config.load().targetFileMb() < 1) {
            problems.add("load.target_file_mb", "must be at least 1 (megabytes).");
        }
        if (config.load().timingMinMb() < 0) {
            problems.add("load.timing_min_mb", "must be 0 or more (megabytes of the run date's untuned data; 0 gives every"
                    + " query timing its verdict).");
        }
        if (!LoadConfig.CODECS.contains(config.load().compression())) {
            problems.add("load.compression", "\"" + config.load().compression() + "\" is not a Parquet codec Spark writes here; use one of "
                    + String.join(", ", LoadConfig.CODECS) + " (zstd by default: the smallest files that still read fast).");
        }
        if (!LoadConfig.CLUSTERINGS.contains(config.load().clustering())) {
            problems.add("load.clustering", "\"" + config.load().clustering() + "\" is not a clustering; use zorder (partitioned by run"
                    + " date, Z-ordered by the index) or liquid (Delta's liquid clustering by run date and index).");
        } else if (config.load().liquid() && config.load().index().size() > LoadConfig.LIQUID_INDEX_MAX) {
            problems.add("load.index", config.load().index().size() + " columns, but liquid clustering takes at most "
                    + (LoadConfig.LIQUID_INDEX_MAX + 1) + " and the run date is one of them: keep " + LoadConfig.LIQUID_INDEX_MAX
                    + " at most, or use load.clustering: zorder.");
        }
        if (!LoadConfig.OVERFLOW_POLICIES.contains(config.load().onOverflow())) {
            problems.add("load.on_overflow", "\"" + config.load().onOverflow() + "\" is not a policy; use stop (nothing written, the"
                    + " fix printed) or widen (wider types chosen from all the data).");
        }
        validateStats(config.stats(), problems);
        validateTrain(config.train(), problems);
        validateGovernance(config.governance(), problems);
        WatchValidator.validate(config.watch(), problems);
    }

    private static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern MODEL_METRIC = Pattern.compile("model\\.[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    private static void validateGovernance(GovernanceConfig governance, ConfigProblems problems) {
        for (String key : List.of("spi_min", "cpi_min")) {
            double value = key.equals("spi_min") ? governance.spiMin() : governance.cpiMin();
            if (value <= 0 || value > 2) {
                problems.add("governance." + key, value + " must be above 0 and at most 2 (0.9 by default: an alert when the project"
                        + " earns less than 90 % of what it planned or spent).");
            }
        }
        if (governance.psiWarning() <= 0 || governance.psiAlert() <= governance.psiWarning()) {
            problems.add("governance.psi_alert", "the drift bands must satisfy 0 < psi_warning < psi_alert (0.1 and 0.25 by default),"
                    + " not " + governance.psiWarning() + " and " + governance.psiAlert() + ".");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < governance.commitments().size(); i++) {
            GovernanceConfig.CommitmentConfig commitment = governance.commitments().get(i);
            String at = "governance.commitments[" + i + "]";
            if (commitment == null) {
                problems.add(at, "is empty; give name, metric, operator and threshold.");
                continue;
            }
            if (commitment.name() == null || !IDENTIFIER.matcher(commitment.name()).matches()) {
                problems.add(at + ".name", "is required: a short name in lower case (letters, digits, _), such as qualite_donnees.");
            } else if (!names.add(commitment.name())) {
                problems.add(at + ".name", "\"" + commitment.name() + "\" is given twice; each commitment needs its own name.");
            }
            String metric = commitment.metric();
            if (metric == null || !(GovernanceConfig.CommitmentConfig.METRICS.contains(metric) || MODEL_METRIC.matcher(metric).matches())) {
                problems.add(at + ".metric", (metric == null ? "is required" : "\"" + metric + "\" is not a metric") + "; use one of "
                        + String.join(", ", GovernanceConfig.CommitmentConfig.METRICS) + ", or model.<target>.<metric> (for example"
                        + " model.resilie.accuracy).");
            }
            if (!GovernanceConfig.CommitmentConfig.OPERATORS.contains(commitment.operator())) {
                problems.add(at + ".operator", "\"" + commitment.operator() + "\" is not a comparison; use one of "
                        + String.join(" ", GovernanceConfig.CommitmentConfig.OPERATORS) + ".");
            }
            String threshold = commitment.threshold();
            if (threshold == null) {
                problems.add(at + ".threshold", "is required: the promised value (0.95 for a share, 06:00 for run_end_time).");
            } else if ("run_end_time".equals(metric) ? !TIME_OF_DAY.matcher(threshold).matches() : !isNumber(threshold)) {
                problems.add(at + ".threshold", "\"" + threshold + "\" is not " + ("run_end_time".equals(metric)
                        ? "a time of day HH:mm (for example 06:00)." : "a number (write shares as 0.95)."));
            }
            if (commitment.warningMargin() < 0) {
                problems.add(at + ".warning_margin", "must be 0 or more (the margin under which a met commitment is a WARNING).");
            }
        }
        validateOpportunities(governance.opportunities(), problems);
        RiskValidator.validate(governance.risks(), problems);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void validateOpportunities(GovernanceConfig.OpportunitiesConfig opportunities, ConfigProblems problems) {
        String at = "governance.opportunities";
        if (opportunities.file() == null) {
            if (!opportunities.criteria().isEmpty()) {
                problems.add(at + ".file", "is required when criteria are given: the CSV or XLSX file of the items to score.");
            }
            return;
        }
        if (opportunities.name() == null || opportunities.name().isBlank()) {
            problems.add(at + ".name", "is required: the file's column that names each item.");
        }
        if (opportunities.criteria().isEmpty()) {
            problems.add(at + ".criteria", "is required: at least one criterion (column, weight, min, max).");
        }
        for (int i = 0; i < opportunities.criteria().size(); i++) {
            GovernanceConfig.CriterionConfig criterion = opportunities.criteria().get(i);
            String path = at + ".criteria[" + i + "]";
            if (criterion == null || criterion.column() == null || criterion.column().isBlank()) {
                problems.add(path + ".column", "is required: the file's column holding the criterion's value.");
                continue;
            }
            if (criterion.weight() <= 0) {
                problems.add(path + ".weight", criterion.weight() + " must be above 0.");
            }
            if (criterion.max() <= criterion.min()) {
                problems.add(path + ".max", criterion.max() + " must be above min (" + criterion.min() + ").");
            }
            if (!List.of("higher", "lower").contains(criterion.direction())) {
                problems.add(path + ".direction", "\"" + criterion.direction() + "\" is not a direction; use higher (a higher value is"
                        + " better) or lower (a cost, a risk).");
            }
        }
        for (int i = 0; i < opportunities.classes().size(); i++) {
            GovernanceConfig.ClassConfig grade = opportunities.classes().get(i);
            if (grade == null || grade.name() == null || grade.name().isBlank()) {
                problems.add(at + ".classes[" + i + "].name", "is required.");
            } else if (grade.minScore() < 0 || grade.minScore() > 100) {
                problems.add(at + ".classes[" + i + "].min_score", grade.minScore() + " must be between 0 and 100.");
            }
        }
    }

    private static void validateTrain(TrainConfig train, ConfigProblems problems) {
        if (train.testRatio() < 0.05 || train.testRatio() > 0.3) {
            problems.add("train.test_ratio", train.testRatio() + " must be between 0.05 and 0.3: the training keeps at least 70 % of"
                    + " the rows (0.2 by default, a 80 / 20 split).");
        }
        if (train.folds() < 2 || train.folds() > 20) {
            problems.add("train.folds", train.folds() + " must be between 2 and 20 (5 by default).");
        }
        if (train.parallelism() < 1 || train.parallelism() > 64) {
            problems.add("train.parallelism", train.parallelism() + " must be between 1 and 64 (parameter combinations fitted at once).");
        }
        List<String> metrics = new java.util.ArrayList<>(TrainConfig.REGRESSION_METRICS);
        metrics.addAll(TrainConfig.CLASSIFICATION_METRICS);
        if (!train.metric().equals("auto") && !metrics.contains(train.metric())) {
            problems.add("train.metric", "\"" + train.metric() + "\" is not a metric; " + io.datapilot.core.text.Similarity.suggestion(
                    train.metric(), metrics) + "use auto, or for a regression " + String.join(", ", TrainConfig.REGRESSION_METRICS)
                    + ", for a classification " + String.join(", ", TrainConfig.CLASSIFICATION_METRICS) + ".");
        }
        if (!TrainConfig.BALANCES.contains(train.balance())) {
            problems.add("train.balance", "\"" + train.balance() + "\" is not a policy; use none or class_weight.");
        }
        Set<String> models = new java.util.TreeSet<>(TrainConfig.REGRESSION_MODELS);
        models.addAll(TrainConfig.CLASSIFICATION_MODELS);
        for (String model : train.models()) {
            if (!models.contains(model)) {
                problems.add("train.models", "\"" + model + "\" is not a model; " + io.datapilot.core.text.Similarity.suggestion(model,
                        models) + "models are: " + String.join(", ", models) + ".");
            }
        }
        for (Map.Entry<String, Map<String, List<Object>>> grid : train.grids().entrySet()) {
            if (!models.contains(grid.getKey())) {
                problems.add("train.grids." + grid.getKey(), "not a model; models are: " + String.join(", ", models) + ".");
                continue;
            }
            grid.getValue().forEach((param, values) -> {
                if (values == null || values.isEmpty()) {
                    problems.add("train.grids." + grid.getKey() + "." + param, "give at least one value, as a list: [0.01, 0.1].");
                }
            });
        }
        if (train.maxClasses() < 2) {
            problems.add("train.max_classes", "must be at least 2.");
        }
        if (train.maxCategories() < 2) {
            problems.add("train.max_categories", "must be at least 2.");
        }
        if (train.fairness().minRatio() <= 0 || train.fairness().minRatio() > 1) {
            problems.add("train.fairness.min_ratio", train.fairness().minRatio() + " must be in ]0, 1] (0.8 by default, the four-fifths"
                    + " rule).");
        }
    }

    private static void validateStats(StatsConfig stats, ConfigProblems problems) {
        if (stats.topN() < 1 || stats.topN() > 100) {
            problems.add("stats.top_n", stats.topN() + " must be between 1 and 100 (modalities named in frequency tables; 10 by default).");
        }
        if (stats.maxModalities() < 2 || stats.maxModalities() > 1000) {
            problems.add("stats.max_modalities", stats.maxModalities() + " must be between 2 and 1000 (30 by default): contingency"
                    + " tables grow with its square.");
        }
        if (stats.scatterPoints() < 10 || stats.scatterPoints() > 100_000) {
            problems.add("stats.scatter_points", stats.scatterPoints() + " must be between 10 and 100000 (2000 by default).");
        }
        if (stats.histogramBins() != null && (stats.histogramBins() < 2 || stats.histogramBins() > 200)) {
            problems.add("stats.histogram_bins", stats.histogramBins() + " must be between 2 and 200, or left out for the"
                    + " Freedman–Diaconis rule.");
        }
        if (stats.spearmanRows() < 1000) {
            problems.add("stats.spearman_rows", stats.spearmanRows() + " must be at least 1000 (1000000 by default): Spearman's"
                    + " coefficients on fewer rows would be too imprecise.");
        }
        for (int i = 0; i < stats.scatterPairs().size(); i++) {
            if (stats.scatterPairs().get(i).size() != 2) {
                problems.add("stats.scatter_pairs[" + i + "]", "must name exactly two numeric columns, such as [age, revenu].");
            }
        }
    }

    private static void validateRgpd(RgpdConfig rgpd, List<SourceConfig> sources, ConfigProblems problems) {
        if (rgpd.minConfidence() <= 0 || rgpd.minConfidence() > 1) {
            problems.add("rgpd.min_confidence", rgpd.minConfidence() + " must be above 0 and at most 1 (0.8 by default).");
        }
        if (rgpd.keyEnv().isBlank()) {
            problems.add("rgpd.key_env", "must name an environment variable, such as " + RgpdConfig.DEFAULT_KEY_ENV + ".");
        }
        validateRetention(rgpd.retentionPolicy(), problems);
        Set<String> sourceNames = new HashSet<>();
        sources.stream().filter(source -> source != null && source.name() != null).forEach(source -> sourceNames.add(source.name()));
        rgpd.columns().forEach((reference, treatment) -> {
            String at = "rgpd.columns[\"" + reference + "\"]";
            int dot = reference.indexOf('.');
            if (dot <= 0 || dot == reference.length() - 1) {
                problems.add(at, "name the column as source.column, for example clients.email.");
            } else if (!sourceNames.contains(reference.substring(0, dot))) {
                problems.add(at, unknownSource(reference.substring(0, dot), sourceNames));
            }
            if (treatment == null || treatment.treatment() == null) {
                problems.add(at + ".treatment", "missing: pseudonymise, mask, generalise, drop or keep.");
                return;
            }
            switch (treatment.treatment()) {
                case KEEP -> {
                    if (treatment.justification() == null || treatment.justification().isBlank()) {
                        problems.add(at + ".justification", "keeping a personal value in clear needs a written justification"
                                + " (why the clear value is necessary), which goes to the register of processing.");
                    }
                }
                case GENERALISE -> {
                    if (treatment.to() == null || !List.of("year", "age_band", "departement").contains(treatment.to())) {
                        problems.add(at + ".to", "\"" + treatment.to() + "\" is not a generalisation; use year or age_band"
                                + " (dates) or departement (postcodes).");
                    }
                }
                default -> {
                    if (treatment.to() != null) {
                        problems.add(at + ".to", "only generalise takes a target (to).");
                    }
                }
            }
        });
    }

    private static void validateRetention(RgpdConfig.RetentionPolicy policy, ConfigProblems problems) {
        List<String> layers = java.util.Arrays.stream(io.datapilot.core.delta.Warehouse.Layer.values())
                .map(io.datapilot.core.delta.Warehouse.Layer::folder).toList();
        policy.days().forEach((key, days) -> {
            String at = "rgpd.retention_policy.days[\"" + key + "\"]";
            int dot = key.indexOf('.');
            String layer = dot < 0 ? key : key.substring(0, dot);
            if (!key.equals(RgpdConfig.RetentionPolicy.DEFAULT_KEY) && (!layers.contains(layer) || dot == key.length() - 1)) {
                problems.add(at, "\"" + key + "\" is neither default, a layer (" + String.join(", ", layers) + ") nor a table"
                        + " named layer.table (for example audit.quarantine).");
            }
            if (days == null || days < 1) {
                problems.add(at, days + " must be a number of days of at least 1 (a run date is kept at least one day).");
            }
        });
        if (policy.vacuumHours() < 0) {
            problems.add("rgpd.retention_policy.vacuum_hours", policy.vacuumHours() + " must be 0 or more hours ("
                    + RgpdConfig.RetentionPolicy.DEFAULT_VACUUM_HOURS + " by default, Delta's safety period).");
        }
    }

    private static void validateProfile(ProfileConfig profile, ConfigProblems problems) {
        if (profile.topK() < 1 || profile.topK() > 1000) {
            problems.add("profile.top_k", profile.topK() + " must be between 1 and 1000.");
        }
        if (profile.sampleRows() < 100) {
            problems.add("profile.sample_rows", "must be at least 100.");
        }
        try {
            java.time.LocalDate.parse(profile.earliestDate());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add("profile.earliest_date", "\"" + profile.earliestDate() + "\" is not a date; write it as 1900-01-01.");
        }
        AlertsConfig alerts = profile.alerts();
        for (Map.Entry<String, Double> share : Map.of("missing", alerts.missing(), "missing_critical", alerts.missingCritical(),
                "zeros", alerts.zeros(), "outliers", alerts.outliers(), "rare_modality", alerts.rareModality()).entrySet()) {
            if (share.getValue() < 0 || share.getValue() > 1) {
                problems.add("profile.alerts." + share.getKey(), share.getValue() + " is not a share; use a number between 0 and 1.");
            }
        }
        if (alerts.highCardinality() < 2) {
            problems.add("profile.alerts.high_cardinality", "must be at least 2.");
        }
        if (alerts.skewness() <= 0) {
            problems.add("profile.alerts.skewness", "must be above 0.");
        }
        if (alerts.rareMaxModalities() < 2) {
            problems.add("profile.alerts.rare_max_modalities", "must be at least 2 (a rare modality is rare among others).");
        }
    }

    private static void validateQualityGate(QualityGateConfig gate, ConfigProblems problems) {
        for (Map.Entry<String, Double> share : Map.of("max_quarantine_ratio", gate.maxQuarantineRatio(), "min_completeness",
                gate.minCompleteness()).entrySet()) {
            if (share.getValue() < 0 || share.getValue() > 1) {
                problems.add("quality_gate." + share.getKey(), share.getValue() + " is not a share; use a number between 0 and 1.");
            }
        }
        if (gate.maxCriticalAlerts() != null && gate.maxCriticalAlerts() < 0) {
            problems.add("quality_gate.max_critical_alerts", "must be 0 or more (leave it out for no limit).");
        }
    }

    private static void validateClean(CleanConfig clean, ConfigProblems problems) {
        for (Map.Entry<String, ColumnCleaningConfig> entry : clean.columns().entrySet()) {
            ColumnCleaningConfig column = entry.getValue();
            String at = "clean.columns." + entry.getKey();
            if (column == null) {
                problems.add(at, "is empty; give impute, outliers, impossible, normalise or placeholders.");
                continue;
            }
            if (column.impute() == ColumnCleaningConfig.Imputation.CONSTANT && column.value() == null) {
                problems.add(at + ".value", "is required with impute: constant (the value that fills the missing cells).");
            }
            if (column.placeholders().stream().anyMatch(placeholder -> placeholder == null || placeholder.isBlank())) {
                problems.add(at + ".placeholders", "holds an empty value; empty and blank texts are already missing values,"
                        + " list only the values that stand for one (\".\", \"inconnu\", 9999).");
            }
            if (column.impute() == ColumnCleaningConfig.Imputation.MEDIAN_BY && column.by() == null) {
                problems.add(at + ".by", "is required with impute: median_by (the column whose groups get their own median).");
            }
        }
    }

    private static void validateProject(ProjectConfig project, ConfigProblems problems) {
        try {
            ZoneId.of(project.timezone());
        } catch (RuntimeException e) {
            problems.add("project.timezone", "\"" + project.timezone()
                    + "\" is not a time zone; use a region name such as Europe/Paris.");
        }
    }

    private static void validateSources(List<SourceConfig> sources, ConfigProblems problems) {
        if (sources.isEmpty()) {
            problems.add("sources", "at least one source is needed: add a list item with name, format and path.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceConfig source = sources.get(i);
            String at = "sources[" + i + "]";
            if (source == null) {
                problems.add(at, "this source is empty; give at least name and path.");
                continue;
            }
            requireIdentifier(source.name(), at + ".name", problems);
            if (source.name() != null && !names.add(source.name())) {
                problems.add(at + ".name", "\"" + source.name() + "\" is used by another source; source names must be unique.");
            }
            if (source.path() == null || source.path().isBlank()) {
                problems.add(at + ".path", "missing: give the file, folder or glob pattern to read.");
            } else if (source.effectiveFormat() == null) {
                problems.add(at + ".format", "missing and not guessable from the file name \"" + source.path()
                        + "\"; set format to csv, xlsx, json or parquet.");
            }
            validateCsv(source.csv(), at + ".csv", problems);
            if (!CELL_RANGE.matcher(source.xlsx().range()).matches()) {
                problems.add(at + ".xlsx.range", "\"" + source.xlsx().range()
                        + "\" is not a cell or range; write the header's top-left cell (A4) or a range (A4:P2000).");
            }
            if (source.maxBadRowsRatio() < 0 || source.maxBadRowsRatio() > 1) {
                problems.add(at + ".max_bad_rows_ratio", source.maxBadRowsRatio()
                        + " is not a ratio; use a number between 0 and 1 (0.01 allows 1 % of bad rows).");
            }
            if (source.detectSampleRows() < 100) {
                problems.add(at + ".detect_sample_rows", "must be at least 100 so that type detection sees enough values.");
            }
            for (int k = 0; k < source.key().size(); k++) {
                if (source.key().get(k) == null || source.key().get(k).isBlank()) {
                    problems.add(at + ".key[" + k + "]", "empty column name.");
                }
            }
            validateDateFormats(source.dateFormats(), at + ".date_formats", problems);
            validateColumns(source.columns(), at + ".columns", problems);
        }
    }

    private static void validateCsv(CsvOptions csv, String at, ConfigProblems problems) {
        if (!CsvOptions.AUTO.equals(csv.separator()) && csv.separator().length() != 1) {
            problems.add(at + ".separator", "\"" + csv.separator()
                    + "\" must be one character (\";\", \",\", \"\\t\", \"|\") or auto.");
        }
        requireOneCharacter(csv.quote(), at + ".quote", problems);
        requireOneCharacter(csv.escape(), at + ".escape", problems);
        if (csv.comment() != null) {
            requireOneCharacter(csv.comment(), at + ".comment", problems);
        }
        if (!CsvOptions.AUTO.equals(csv.encoding())) {
            boolean supported;
            try {
                supported = Charset.isSupported(csv.encoding());
            } catch (RuntimeException e) {
                supported = false;
            }
            if (!supported) {
                problems.add(at + ".encoding", "\"" + csv.encoding()
                        + "\" is not a known encoding; use auto, UTF-8, ISO-8859-1 or windows-1252.");
            }
        }
    }

    private static void validateColumns(Map<String, ColumnConfig> columns, String at, ConfigProblems problems) {
        for (Map.Entry<String, ColumnConfig> entry : columns.entrySet()) {
            String here = at + "[\"" + entry.getKey() + "\"]";
            ColumnConfig column = entry.getValue();
            if (column == null) {
                continue;
            }
            if (column.name() != null) {
                requireIdentifier(column.name(), here + ".name", problems);
            }
            ColumnType type = null;
            if (column.type() != null) {
                try {
                    type = ColumnType.parse(column.type());
                } catch (IllegalArgumentException e) {
                    problems.add(here + ".type", e.getMessage() + ".");
                }
            }
            if (!column.formats().isEmpty() && type != null && !type.isTemporal()) {
                problems.add(here + ".formats", "formats apply to date and timestamp columns, but type is " + type + ".");
            }
            validateDateFormats(column.formats(), here + ".formats", problems);
        }
    }

    static void validateDateFormats(List<String> formats, String at, ConfigProblems problems) {
        for (int i = 0; i < formats.size(); i++) {
            String format = formats.get(i);
            String here = at + "[" + i + "]";
            if (format == null || format.isBlank()) {
                problems.add(here, "empty date format.");
                continue;
            }
            if (EXCEL_SERIAL_FORMAT.equals(format)) {
                continue;
            }
            if (UNSUPPORTED_PATTERN_LETTERS.matcher(format.replaceAll("'[^']*'", "")).find()) {
                problems.add(here, "\"" + format + "\" uses a week-based or localized letter (Y, w, W, u, e, c, L)"
                        + " that Spark cannot parse; use y for the year, M for the month, d for the day.");
                continue;
            }
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                problems.add(here, "\"" + format + "\" is not a date pattern (" + e.getMessage()
                        + "); write it like dd/MM/yyyy or dd/MM/yyyy HH:mm.");
            }
        }
    }

    private static void validateDataset(DatasetConfig dataset, List<SourceConfig> sources, ConfigProblems problems) {
        Set<String> sourceNames = new HashSet<>();
        sources.stream().filter(source -> source != null && source.name() != null)
                .forEach(source -> sourceNames.add(source.name()));
        requireIdentifier(dataset.name(), "dataset.name", problems);
        if (dataset.name() != null && sourceNames.contains(dataset.name())) {
            problems.add("dataset.name", "\"" + dataset.name() + "\" is also a source name; the data set needs its own name.");
        }
        if (dataset.base() == null) {
            problems.add("dataset.base", "missing: name the source that holds one row per entity of the data set.");
        } else if (!sourceNames.contains(dataset.base())) {
            problems.add("dataset.base", unknownSource(dataset.base(), sourceNames));
        }
        Set<String> outputNames = new HashSet<>();
        for (int i = 0; i < dataset.relations().size(); i++) {
            RelationConfig relation = dataset.relations().get(i);
            String at = "dataset.relations[" + i + "]";
            if (relation == null) {
                problems.add(at, "this relation is empty; give source, kind and on.");
                continue;
            }
            if (relation.source() == null) {
                problems.add(at + ".source", "missing: name the source to join.");
            } else if (!sourceNames.contains(relation.source())) {
                problems.add(at + ".source", unknownSource(relation.source(), sourceNames));
            } else if (relation.source().equals(dataset.base())) {
                problems.add(at + ".source", "the base source cannot be joined to itself.");
            }
            if (relation.kind() == null) {
                problems.add(at + ".kind", "missing: aggregate (finer grain: many rows per entity) or lookup (coarser grain).");
            }
            if (relation.on().isEmpty()) {
                problems.add(at + ".on", "missing: map each base key column to the source column, as {id_client: id_client}.");
            }
            if (relation.kind() == RelationKind.AGGREGATE) {
                validateAggregations(relation, at, outputNames, problems);
            } else if (relation.kind() == RelationKind.LOOKUP && !relation.aggregations().isEmpty()) {
                problems.add(at + ".aggregations", "a lookup attaches columns as they are; use kind: aggregate to aggregate.");
            }
        }
        for (int i = 0; i < dataset.targets().size(); i++) {
            TargetConfig target = dataset.targets().get(i);
            String at = "dataset.targets[" + i + "]";
            if (target == null || target.column() == null) {
                problems.add(at + ".column", "missing: name the column to predict.");
            }
        }
    }

    private static void validateAggregations(RelationConfig relation, String at, Set<String> outputNames,
            ConfigProblems problems) {
        if (relation.aggregations().isEmpty()) {
            problems.add(at + ".aggregations", "an aggregate relation needs at least one aggregation (name, function, column).");
        }
        for (int j = 0; j < relation.aggregations().size(); j++) {
            AggregationConfig aggregation = relation.aggregations().get(j);
            String here = at + ".aggregations[" + j + "]";
            if (aggregation == null) {
                problems.add(here, "empty aggregation; give name, function and column.");
                continue;
            }
            requireIdentifier(aggregation.name(), here + ".name", problems);
            if (aggregation.name() != null && !outputNames.add(aggregation.name())) {
                problems.add(here + ".name", "\"" + aggregation.name() + "\" is already the name of another aggregation.");
            }
            if (aggregation.function() == null) {
                problems.add(here + ".function", "missing: one of sum, mean, count, min, max, first, last, count_distinct, most_frequent.");
                continue;
            }
            if (aggregation.function().needsColumn() && aggregation.column() == null) {
                problems.add(here + ".column", "missing: " + aggregation.function().name().toLowerCase() + " needs a source column.");
            }
            if (aggregation.function().needsOrder() && aggregation.by() == null) {
                problems.add(here + ".by", "missing: first and last need the date (or order) column that decides, as by: date_commande.");
            }
        }
    }

    private static String unknownSource(String name, Set<String> sourceNames) {
        return "\"" + name + "\" is not a source; " + io.datapilot.core.text.Similarity.suggestion(name, sourceNames)
                + "sources are: " + String.join(", ", sourceNames.stream().sorted().toList()) + ".";
    }

    private static void requireIdentifier(String value, String at, ConfigProblems problems) {
        if (value == null) {
            problems.add(at, "missing.");
        } else if (!IDENTIFIER.matcher(value).matches()) {
            problems.add(at, "\"" + value + "\" must be snake_case: lower-case letters, digits and _, starting with a letter"
                    + " (for example \"" + io.datapilot.core.text.Names.normalise(value, 1) + "\").");
        }
    }

    private static void requireOneCharacter(String value, String at, ConfigProblems problems) {
        if (value == null || value.length() != 1) {
            problems.add(at, "\"" + value + "\" must be exactly one character.");
        }
    }
}
