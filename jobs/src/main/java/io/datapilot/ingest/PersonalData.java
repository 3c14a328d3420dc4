package io.datapilot.ingest;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.TreatmentConfig.Treatment;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.fs.HadoopConfigs;
import io.datapilot.ingest.read.RawSource;
import io.datapilot.rgpd.ColumnTreatment;
import io.datapilot.rgpd.Detection;
import io.datapilot.rgpd.PersonalCategory;
import io.datapilot.rgpd.PseudonymisationKey;
import io.datapilot.rgpd.RgpdPlanner;
import io.datapilot.rgpd.Treatments;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The personal columns of every source and their treatments, decided before anything is written,
 * and the pseudonymisation function when one is needed.
 */
final class PersonalData {
    private final Map<String, Map<String, ColumnTreatment>> bySource;
    private final Map<String, Map<String, Detection>> detections;
    private final UserDefinedFunction pseudonymiser;

    private PersonalData(Map<String, Map<String, ColumnTreatment>> bySource, Map<String, Map<String, Detection>> detections,
            UserDefinedFunction pseudonymiser) {
        this.bySource = bySource;
        this.detections = detections;
        this.pseudonymiser = pseudonymiser;
    }

    static PersonalData decide(SparkSession spark, IngestPlan plan, Collection<RawSource> raws, LocalDate runDate, PrintStream out) {
        PipelineConfig config = plan.config();
        Map<String, Map<String, ColumnTreatment>> bySource = new LinkedHashMap<>();
        Map<String, Map<String, Detection>> detections = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (RawSource raw : raws) {
            Map<String, Detection> strongest = RgpdPlanner.strongest(PersonalDataScan.scan(spark, raw, runDate));
            SourcePlan source = raw.plan();
            RgpdPlanner.Decisions decided = RgpdPlanner.plan(config.rgpd(), source.name(), source.names(),
                    reference -> source.find(reference).map(SourcePlan.PlannedColumn::name).orElse(null), strongest);
            Map<String, ColumnTreatment> treatments = decided.treatments();
            Map<String, String> roles = KeyRoles.of(plan, source);
            treatments.values().forEach(treatment -> {
                String role = roles.get(treatment.column());
                String conflict = role == null ? null : RgpdPlanner.conflict(treatment, role);
                if (conflict != null) {
                    conflicts.add(conflict);
                }
            });
            failIfNeededColumnIsDropped(plan, source.name(), treatments);
            bySource.put(source.name(), treatments);
            detections.put(source.name(), strongest);
            if (!treatments.isEmpty()) {
                out.println("[rgpd] " + source.name() + ": " + treatments.size() + " personal column(s): "
                        + String.join(", ", treatments.values().stream().map(t -> t.column() + " " + t.describe()).toList()));
            }
            decided.uncertain().forEach(detection -> out.println(uncertainNotice(source.name(), detection)));
        }
        conflicts.addAll(joinsTreatedOnOneSide(plan, bySource));
        if (!conflicts.isEmpty()) {
            throw new DatapilotException(ErrorKind.CONFIG, String.join(System.lineSeparator(), conflicts)
                    + System.lineSeparator() + "Nothing was written: every table keeps its previous version.");
        }
        boolean needsKey = bySource.values().stream().flatMap(map -> map.values().stream())
                .anyMatch(treatment -> treatment.treatment() == Treatment.PSEUDONYMISE);
        UserDefinedFunction pseudonymiser = null;
        if (needsKey) {
            PseudonymisationKey key = PseudonymisationKey.load(config.rgpd(), config.warehouse(), config.baseDir(),
                    HadoopConfigs.from(config), System::getenv);
            if (key.demo()) {
                out.println("[rgpd] using a DEMO pseudonymisation key (" + key.origin() + "): fine for the sample case, never"
                        + " for real data; set " + config.rgpd().keyEnv() + " or rgpd.key_file instead.");
            }
            pseudonymiser = Treatments.pseudonymiser(key);
        }
        return new PersonalData(bySource, detections, pseudonymiser);
    }

    /** A join works on pseudonyms only when both sides are pseudonymised with the same key. */
    private static List<String> joinsTreatedOnOneSide(IngestPlan plan, Map<String, Map<String, ColumnTreatment>> bySource) {
        List<String> problems = new ArrayList<>();
        plan.dataset().ifPresent(dataset -> dataset.relations().forEach(relation -> relation.keys().forEach(pair -> {
            boolean base = pseudonymised(bySource, dataset.base(), pair.baseColumn());
            boolean other = pseudonymised(bySource, relation.source(), pair.sourceColumn());
            if (base != other) {
                String treated = base ? dataset.base() + "." + pair.baseColumn() : relation.source() + "." + pair.sourceColumn();
                String clear = base ? relation.source() + "." + pair.sourceColumn() : dataset.base() + "." + pair.baseColumn();
                problems.add("Cannot join " + relation.source() + " to " + dataset.base() + ": " + treated + " is pseudonymised but "
                        + clear + " is not, so no key would match. Give both the same treatment in rgpd.columns: \"" + clear
                        + "\": { treatment: pseudonymise }.");
            }
        })));
        return problems;
    }

    private static boolean pseudonymised(Map<String, Map<String, ColumnTreatment>> bySource, String source, String column) {
        ColumnTreatment treatment = bySource.getOrDefault(source, Map.of()).get(column);
        return treatment != null && treatment.treatment() == Treatment.PSEUDONYMISE;
    }

    /** A low-confidence finding: what was seen, and the two config lines that decide it. */
    static String uncertainNotice(String source, Detection detection) {
        String reference = source + "." + detection.column();
        PersonalCategory category = detection.category();
        String treat = "{ treatment: " + category.defaultTreatment().name().toLowerCase(java.util.Locale.ROOT)
                + (category.defaultTarget() == null ? "" : ", to: " + category.defaultTarget()) + " }";
        return "[rgpd] " + reference + " might be " + category.label() + " (low confidence " + detection.confidence() + ": "
                + detection.evidence() + "); left unchanged. To decide, add under rgpd.columns either \"" + reference + "\": "
                + treat + " (treat it) or \"" + reference + "\": { treatment: keep, justification: \"...\" } (not personal);"
                + " rgpd.on_uncertain: protect treats every such column.";
    }

    /** A join key or target of the data set cannot disappear because it looked personal. */
    private static void failIfNeededColumnIsDropped(IngestPlan plan, String source, Map<String, ColumnTreatment> treatments) {
        List<String> needed = new ArrayList<>();
        plan.dataset().ifPresent(dataset -> {
            if (dataset.base().equals(source)) {
                needed.addAll(dataset.baseKey());
                dataset.relations().forEach(relation -> relation.keys().forEach(pair -> needed.add(pair.baseColumn())));
                dataset.targets().forEach(target -> needed.add(target.column()));
            }
            dataset.relations().stream().filter(relation -> relation.source().equals(source)).forEach(relation -> {
                relation.keys().forEach(pair -> needed.add(pair.sourceColumn()));
                relation.aggregations().forEach(aggregation -> {
                    needed.add(aggregation.column());
                    needed.add(aggregation.by());
                });
                relation.lookupColumns().forEach(lookup -> needed.add(lookup.sourceColumn()));
            });
        });
        for (ColumnTreatment treatment : treatments.values()) {
            if (treatment.treatment() == Treatment.DROP && needed.contains(treatment.column())) {
                throw new DatapilotException(ErrorKind.CONFIG, "Cannot drop " + source + "." + treatment.column()
                        + " as personal data (" + treatment.describe() + "): the data set uses it. Give it another"
                        + " treatment in rgpd.columns[\"" + source + "." + treatment.column() + "\"] (pseudonymise keeps"
                        + " joins working), or stop using it in the data set.");
            }
        }
    }

    Map<String, ColumnTreatment> treatments(String source) {
        return bySource.getOrDefault(source, Map.of());
    }

    UserDefinedFunction pseudonymiser() {
        return pseudonymiser;
    }

    /** One row per detected or declared personal column: category, confidence, treatment and why. */
    Dataset<Row> table(SparkSession spark, LocalDate runDate, Timestamp ingestedAt, Map<String, Map<String, Long>> invalidFormats) {
        StructType schema = new StructType()
                .add("source", DataTypes.StringType).add("column", DataTypes.StringType)
                .add("category", DataTypes.StringType).add("category_label", DataTypes.StringType)
                .add("confidence", DataTypes.DoubleType).add("content_share", DataTypes.DoubleType)
                .add("name_hint", DataTypes.BooleanType).add("evidence", DataTypes.StringType)
                .add("treatment", DataTypes.StringType)
                .add("generalised_to", DataTypes.StringType).add("justification", DataTypes.StringType)
                .add("decided_by", DataTypes.StringType).add("treated", DataTypes.BooleanType)
                .add("invalid_format", DataTypes.LongType)
                .add("_ingested_at", DataTypes.TimestampType).add(DeltaIO.RUN_DATE, DataTypes.DateType);
        List<Row> rows = new ArrayList<>();
        detections.forEach((source, strongest) -> {
            Map<String, ColumnTreatment> treatments = treatments(source);
            java.util.Set<String> columns = new java.util.LinkedHashSet<>(strongest.keySet());
            columns.addAll(treatments.keySet());
            for (String column : columns) {
                Optional<Detection> detection = Optional.ofNullable(strongest.get(column));
                ColumnTreatment treatment = treatments.get(column);
                rows.add(RowFactory.create(source, column,
                        detection.map(found -> found.category().key()).orElse(treatment == null ? null : "declared"),
                        detection.map(found -> found.category().label()).orElse(null),
                        detection.map(Detection::confidence).orElse(1.0),
                        detection.map(Detection::contentShare).orElse(null),
                        detection.map(Detection::nameHint).orElse(false),
                        detection.map(Detection::evidence).orElse("declared in rgpd.columns"),
                        treatment == null ? "none (low confidence: left unchanged)" : treatment.treatment().name().toLowerCase(),
                        treatment == null ? null : treatment.to(),
                        treatment == null ? null : treatment.justification(),
                        treatment == null ? null : treatment.decidedBy(),
                        treatment != null,
                        invalidFormats.getOrDefault(source, Map.of()).get(column),
                        ingestedAt, java.sql.Date.valueOf(runDate)));
            }
        });
        return spark.createDataFrame(rows, schema);
    }
}
