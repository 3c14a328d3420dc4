package io.datapilot.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.AggregationConfig;
import io.datapilot.core.config.DatasetConfig;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.ProfileConfig;
import io.datapilot.core.config.RelationConfig;
import io.datapilot.core.config.RelationKind;
import io.datapilot.core.config.SourceConfig;
import io.datapilot.core.delta.DeltaIO;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.core.fs.HadoopConfigs;
import io.datapilot.core.report.ReportFiles;
import io.datapilot.core.text.Names;
import io.datapilot.core.text.Numbers;
import io.datapilot.rgpd.ProcessingRegister;
import io.datapilot.rgpd.ProcessingRegister.PersonalColumn;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The audit of a run date: profiles every bronze table and the data set, raises quality alerts,
 * measures volumes, and writes the audit tables, the data dictionary, the register of processing
 * and the audit report.
 *
 * <pre>{@code
 * AuditResult result = Audit.of(spark, config).runDate(date).execute();
 * }</pre>
 */
public final class Audit {
    private final SparkSession spark;
    private final PipelineConfig config;
    private final Warehouse warehouse;
    private LocalDate runDate = LocalDate.now();
    private PrintStream out = System.err;

    private Audit(SparkSession spark, PipelineConfig config) {
        this.spark = spark;
        this.config = config;
        this.warehouse = new Warehouse(config.warehouse());
    }

    public static Audit of(SparkSession spark, PipelineConfig config) {
        return new Audit(spark, config);
    }

    public Audit runDate(LocalDate date) {
        this.runDate = date;
        return this;
    }

    public Audit progressTo(PrintStream stream) {
        this.out = stream;
        return this;
    }

    /** A table to profile and what is known of its columns. */
    private record Target(String name, String path, List<String> key, Map<String, ColumnOrigin> origins, Set<String> personal,
            String sourceFiles, Map<String, Long> invalidDates, Map<String, Long> invalidFormats) {}

    public AuditResult execute() {
        AuditInputs inputs = AuditInputs.read(spark, warehouse, runDate);
        ProfileConfig settings = config.profile();
        List<TableProfile> profiles = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        List<VolumeAudit> volumes = new ArrayList<>();
        List<DictionaryEntry> dictionary = new ArrayList<>();
        Configuration hadoop = HadoopConfigs.from(config);
        for (Target target : targets(inputs)) {
            Dataset<Row> table = DeltaIO.readRunDate(spark, target.path(), runDate);
            TableProfile profile = Profiler.of(spark, table, target.name())
                    .withTopK(settings.topK()).withSampleRows(settings.sampleRows())
                    .withRunDate(runDate).withEarliestDate(LocalDate.parse(settings.earliestDate()))
                    .withPersonalColumns(target.personal()).withKey(present(target.key(), table.columns()))
                    .execute();
            if (profile.rows() == 0) {
                throw new DatapilotException(ErrorKind.DATA, "Cannot profile " + target.name() + " for run date " + runDate
                        + ": the table has no rows for that date. Run `datapilot ingest --run-date " + runDate + "` first.");
            }
            List<Alert> tableAlerts = QualityAlerts.of(profile, new AlertContext(settings.alerts(), new HashSet<>(settings.nonNegative()),
                    new HashSet<>(settings.futureAllowed()), target.invalidDates(), target.invalidFormats(),
                    joinFindings(inputs, target)));
            profiles.add(profile);
            alerts.addAll(tableAlerts);
            for (int i = 0; i < profile.columns().size(); i++) {
                ColumnProfile column = profile.columns().get(i);
                dictionary.add(DictionaryEntry.of(target.name(), i + 1, column, target.origins().get(column.column()),
                        tableAlerts.stream().filter(alert -> column.column().equals(alert.column())).toList()));
            }
            volumes.add(VolumeAudit.of(profile, diskBytes(target.path(), hadoop), sourceBytes(target.sourceFiles(), hadoop),
                    previousRows(target.name()), !target.key().isEmpty()));
            out.println("[profile] " + target.name() + ": " + Numbers.count(profile.rows()) + " rows, " + profile.columns().size()
                    + " columns, " + tableAlerts.size() + " alert(s), " + profile.sparkJobs() + " Spark jobs, "
                    + Numbers.duration(java.time.Duration.ofMillis(profile.millis())));
        }
        ProcessingRegister register = new ProcessingRegister(config.project().name(), config.rgpd(), inputs.personal);
        new AuditTables(spark, warehouse, runDate).write(profiles, alerts, dictionary, volumes);
        List<String> reports = writeReports(profiles, alerts, volumes, dictionary, register, hadoop);
        return new AuditResult(profiles, alerts, volumes, dictionary, register, reports);
    }

    private List<Target> targets(AuditInputs inputs) {
        List<Target> targets = new ArrayList<>();
        Map<String, Set<String>> personalBySource = new HashMap<>();
        // a column that only might be personal is written unchanged, but its values stay out of the reports too
        for (PersonalColumn column : inputs.personal) {
            personalBySource.computeIfAbsent(column.source(), key -> new HashSet<>()).add(column.column());
        }
        for (SourceConfig source : config.sources()) {
            String path = warehouse.table(Layer.BRONZE, source.name());
            requireTable(source.name(), path);
            Map<String, ColumnOrigin> origins = inputs.origins(source.name());
            String files = origins.values().stream().map(ColumnOrigin::files).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            targets.add(new Target(Warehouse.displayName(Layer.BRONZE, source.name()), path, Names.columns(source.key()), origins,
                    personalBySource.getOrDefault(source.name(), Set.of()), files,
                    inputs.invalidDates.getOrDefault(source.name(), Map.of()),
                    inputs.invalidFormats.getOrDefault(source.name(), Map.of())));
        }
        DatasetConfig dataset = config.dataset();
        if (dataset != null) {
            String path = warehouse.table(Layer.BRONZE, dataset.name());
            requireTable(dataset.name(), path);
            SourceConfig base = config.source(dataset.base());
            Map<String, ColumnOrigin> origins = new LinkedHashMap<>(inputs.origins(base.name()));
            Set<String> personal = new HashSet<>(personalBySource.getOrDefault(base.name(), Set.of()));
            for (RelationConfig relation : dataset.relations()) {
                if (relation.kind() == RelationKind.AGGREGATE) {
                    for (AggregationConfig aggregation : relation.aggregations()) {
                        origins.put(aggregation.name(), ColumnOrigin.computed(describe(aggregation, relation, base)));
                    }
                } else {
                    inputs.origins(relation.source()).forEach((column, origin) -> origins.put(relation.prefix() + column, origin));
                    personalBySource.getOrDefault(relation.source(), Set.of()).forEach(column -> personal.add(relation.prefix() + column));
                }
            }
            targets.add(new Target(Warehouse.displayName(Layer.BRONZE, dataset.name()), path, Names.columns(base.key()), origins, personal,
                    null, Map.of(), Map.of()));
        }
        return targets;
    }

    private static String describe(AggregationConfig aggregation, RelationConfig relation, SourceConfig base) {
        String what = switch (aggregation.function()) {
            case SUM -> "Somme de " + aggregation.column();
            case MEAN -> "Moyenne de " + aggregation.column();
            case COUNT -> aggregation.column() == null ? "Nombre de lignes" : "Nombre de valeurs de " + aggregation.column();
            case MIN -> "Minimum de " + aggregation.column();
            case MAX -> "Maximum de " + aggregation.column();
            case FIRST -> "Première valeur de " + aggregation.column() + " (par " + aggregation.by() + ")";
            case LAST -> "Dernière valeur de " + aggregation.column() + " (par " + aggregation.by() + ")";
            case COUNT_DISTINCT -> "Nombre de valeurs distinctes de " + aggregation.column();
            case MOST_FREQUENT -> "Valeur la plus fréquente de " + aggregation.column();
        };
        return what + " dans " + relation.source() + ", par " + (base.grain() == null ? "ligne de " + base.name() : base.grain()) + ".";
    }

    private void requireTable(String name, String path) {
        if (!DeltaIO.exists(spark, path)) {
            throw new DatapilotException(ErrorKind.DATA, "Cannot profile " + name + ": there is no table at " + path
                    + ". Run `datapilot ingest --run-date " + runDate + "` first (or `datapilot run`).");
        }
    }

    private static List<String> present(List<String> key, String[] columns) {
        List<String> names = List.of(columns);
        return names.containsAll(key) ? key : List.of();
    }

    private static List<AlertContext.JoinFinding> joinFindings(AuditInputs inputs, Target target) {
        List<AlertContext.JoinFinding> findings = new ArrayList<>();
        for (Row join : inputs.joins) {
            if (target.name().equals(Warehouse.displayName(Layer.BRONZE, join.getAs("source")))) {
                findings.add(new AlertContext.JoinFinding(join.getAs("dataset"), null, join.<Long>getAs("unmatched_rows"),
                        join.<Long>getAs("unmatched_keys"), join.<Long>getAs("duplicate_keys")));
            }
        }
        return findings;
    }

    /** Bytes of the Delta files holding the run date's rows (listed by Spark: bounded by the number of files). */
    private long diskBytes(String path, Configuration hadoop) {
        List<Row> files = DeltaIO.readRunDate(spark, path, runDate).select(input_file_name().alias("file")).distinct().collectAsList();
        long total = 0;
        for (Row file : files) {
            try {
                Path filePath = new Path(file.getString(0));
                total += filePath.getFileSystem(hadoop).getFileStatus(filePath).getLen();
            } catch (IOException e) {
                // a file listed a moment ago and gone: the size is a measure, not a requirement
            }
        }
        return total;
    }

    private static Long sourceBytes(String files, Configuration hadoop) {
        if (files == null) {
            return null;
        }
        long total = 0;
        for (String file : files.split(", ")) {
            try {
                Path path = new Path(file);
                FileStatus status = path.getFileSystem(hadoop).getFileStatus(path);
                total += status.getLen();
            } catch (IOException e) {
                return null;
            }
        }
        return total;
    }

    private Long previousRows(String table) {
        String path = warehouse.table(Layer.AUDIT, AuditTables.VOLUMETRY);
        if (!DeltaIO.exists(spark, path)) {
            return null;
        }
        List<Row> previous = spark.read().format("delta").load(path)
                .where(col("table").equalTo(table).and(col(DeltaIO.RUN_DATE).lt(java.sql.Date.valueOf(runDate))))
                .orderBy(col(DeltaIO.RUN_DATE).desc()).limit(1).collectAsList();
        return previous.isEmpty() ? null : previous.get(0).<Long>getAs("rows");
    }

    private List<String> writeReports(List<TableProfile> profiles, List<Alert> alerts, List<VolumeAudit> volumes,
            List<DictionaryEntry> dictionary, ProcessingRegister register, Configuration hadoop) {
        ReportFiles files = new ReportFiles(config.reportsDir() + "/" + runDate + "/audit", hadoop);
        List<String> written = new ArrayList<>();
        written.add(files.writeText("dictionnaire_de_donnees.md", AuditReport.dictionaryMarkdown(dictionary, runDate)));
        written.add(files.writeWorkbook("dictionnaire_de_donnees.xlsx", List.of(AuditReport.dictionaryTable(dictionary))));
        written.add(files.writeText("registre_des_traitements.md", register.markdown(runDate.toString())));
        written.add(files.writeWorkbook("registre_des_traitements.xlsx", register.tables()));
        written.add(files.writeText("rapport_audit.md", AuditReport.markdown(config, runDate, profiles, alerts, volumes, register)));
        return written;
    }
}
