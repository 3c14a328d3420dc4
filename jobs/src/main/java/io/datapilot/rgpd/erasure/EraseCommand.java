package io.datapilot.rgpd.erasure;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.GlobalOptions;
import io.datapilot.core.cli.RunContext;
import io.datapilot.rgpd.VacuumHours;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.delta.Warehouse;
import io.datapilot.rgpd.Pseudonymiser;
import io.datapilot.rgpd.PseudonymisationKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datapilot erase}: the right to erasure (art. 17 GDPR) for one person, in every table of the
 * warehouse, made final at file level, logged in {@code governance.erasure_log} without the person's
 * values, the reports of the run dates concerned marked.
 */
@Command(name = "erase", description = "Erase one person (right to erasure, art. 17 GDPR) from every table that holds them: bronze,"
        + " quarantine, silver, gold, the data set; deletion vectors purged, old versions vacuumed after"
        + " rgpd.retention_policy.vacuum_hours, the log's old commits expired; logged in governance.erasure_log without the person's"
        + " values. Re-running the same request does nothing and says so.")
public final class EraseCommand extends DatapilotCommand {
    private static final String RETENTION_LOG = io.datapilot.rgpd.retention.RetentionEntry.TABLE;

    @Option(names = "--subject-key", required = true, paramLabel = "COLUMN=VALUE", description = "The person, by a column that"
            + " identifies them (its name in the tables or in the source file) and its value in clear, for example id_client=C000042"
            + " or email=jeanne@example.fr (pseudonymised the way ingestion did to find the rows).")
    String subjectKey;

    @Option(names = "--request-id", paramLabel = "ID", description = "The request's reference (letters, digits, . _ -), for the log;"
            + " by default one derived from the person, so that the same request made twice is recognised.")
    String requestId;

    @Option(names = "--received", paramLabel = "YYYY-MM-DD", converter = GlobalOptions.RunDateConverter.class,
            description = "When the request was received, for the delay the register reports (default: today).")
    LocalDate received;

    @picocli.CommandLine.Mixin
    VacuumHours vacuum = new VacuumHours();

    @Option(names = "--dry-run", description = "Only list the tables and rows that would be deleted.")
    boolean dryRun;

    @Override
    protected int run(RunContext context) {
        PipelineConfig config = context.config();
        SubjectKey subject = SubjectKey.parse(subjectKey);
        SparkSession spark = context.spark();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Warehouse warehouse = context.warehouse();
        UnaryOperator<String> pseudonymise = pseudonymiser(config, hadoop);
        String subjectRef = pseudonymise.apply("erasure " + subject.column() + "=" + subject.value());
        String id = requestId == null ? "E-" + subjectRef.substring(0, 12) : checked(requestId);
        LocalDate today = LocalDate.now(ZoneId.of(config.project().timezone()));
        LocalDate receivedOn = received == null ? today : received;
        int hours = vacuum.of(config.rgpd());

        SubjectLocator.Located located = new SubjectLocator(spark, config, warehouse, pseudonymise).locate(subject);
        Map<String, String> tables = io.datapilot.core.delta.WarehouseTables.list(warehouse, hadoop);
        tables.remove("governance." + ErasureEntry.TABLE);
        List<Erasure.Found> found = Erasure.find(spark, tables, located.identities());
        List<Row> earlier = ErasureLog.of(spark, warehouse, id);
        for (Erasure.Found table : found) {
            context.err().println("[erase] " + table.table() + ": " + table.rows() + " row(s) of the subject (run dates "
                    + String.join(", ", table.runDates().keySet()) + ")");
        }
        if (dryRun) {
            context.out().println("Dry run of request " + id + ": " + found.stream().mapToLong(Erasure.Found::rows).sum() + " row(s) in "
                    + found.size() + " table(s) would be deleted; nothing was changed.");
            return 0;
        }
        if (found.isEmpty() && !earlier.isEmpty()) {
            context.out().println("Request " + id + " was already handled on " + earlier.get(0).getTimestamp(0).toInstant()
                    .atZone(ZoneId.of(config.project().timezone())).toLocalDate() + ": no row of the subject is left in the "
                    + tables.size() + " tables, nothing to do. The files of the versions before it are removed once "
                    + hours + " hours have passed, by datapilot retention --apply.");
            return 0;
        }
        int delay = (int) ChronoUnit.DAYS.between(receivedOn, today);
        Instant handledAt = Instant.now();
        List<Erasure.Deleted> deleted = new ArrayList<>();
        for (Erasure.Found table : found) {
            deleted.add(Erasure.delete(spark, table, located.identities(), hours, VacuumHours.SETTING));
        }
        ValuePattern pattern = new ValuePattern(located.values());
        Map<String, String> metadata = new java.util.LinkedHashMap<>(tables);
        metadata.keySet().removeIf(name -> name.startsWith("bronze.") || name.startsWith("silver.") || name.endsWith("." + RETENTION_LOG));
        List<Redaction.Redacted> redacted = Redaction.redact(spark, metadata, pattern, hours, VacuumHours.SETTING);
        TreeSet<String> runDates = new TreeSet<>();
        found.forEach(table -> runDates.addAll(table.runDates().keySet()));
        List<String> marked = new ArrayList<>();
        for (String runDate : runDates) {
            if (ReportMarks.mark(config.reportsDir(), runDate, id, today.toString(), deleted, hadoop)) {
                marked.add(runDate);
            }
        }
        ReportRedaction.Outcome files = ReportRedaction.redact(FileScan.holding(config.reportsDir(), located.values(), hadoop), pattern,
                hadoop);
        List<String> holding = new ArrayList<>(FileScan.holding(config.reportsDir(), located.values(), hadoop));
        holding.addAll(FileScan.holding(warehouse.root() + "/models", located.values(), hadoop));
        String status = earlier.isEmpty() ? "erased" : "reapplied";
        String note = earlier.isEmpty() ? "" : "the rows came back after the first handling: remove the person from the source files ("
                + String.join(", ", located.sources()) + "), or the next ingestion brings them back";
        List<ErasureEntry> entries = new ArrayList<>();
        for (Erasure.Deleted table : deleted) {
            entries.add(new ErasureEntry(id, receivedOn, handledAt, delay, subject.column(), subjectRef, table.found().table(),
                    table.found().rows(), String.join(", ", table.found().runDates().keySet()), table.versionBefore(), table.versionAfter(),
                    table.maintenance().purged(), hours, table.maintenance().logFilesRemoved(), status, note));
        }
        for (Redaction.Redacted table : redacted) {
            entries.add(new ErasureEntry(id, receivedOn, handledAt, delay, subject.column(), subjectRef, table.table(), 0, "",
                    table.versionBefore(), table.versionAfter(), table.maintenance().purged(), hours, table.maintenance().logFilesRemoved(),
                    "values redacted", table.rows() + " row(s) held the person's identifier as a value (profile, example, modality):"
                            + " replaced by " + ValuePattern.ERASED));
        }
        if (!files.redacted().isEmpty()) {
            entries.add(new ErasureEntry(id, receivedOn, handledAt, delay, subject.column(), subjectRef, null, 0,
                    String.join(", ", runDates), null, null, false, hours, 0, "reports redacted", files.redacted().size()
                            + " report file(s): the person's values replaced by " + ValuePattern.ERASED));
        }
        if (entries.isEmpty()) {
            entries.add(new ErasureEntry(id, receivedOn, handledAt, delay, subject.column(), subjectRef, null, 0, "", null, null, false,
                    hours, 0, "none found", "no table held the subject"));
        }
        ErasureLog.append(spark, warehouse, context.runDate(), entries);
        long rows = found.stream().mapToLong(Erasure.Found::rows).sum();
        context.out().println("Request " + id + ": " + rows + " row(s) of the subject deleted from " + found.size() + " table(s) ("
                + String.join(", ", found.stream().map(Erasure.Found::table).toList()) + "); the versions before are vacuumed after "
                + hours + " hours; logged in governance." + ErasureEntry.TABLE + "; reports marked (" + ReportMarks.FILE + "): "
                + (marked.isEmpty() ? "none" : String.join(", ", marked)) + "); the person's values replaced in " + redacted.size()
                + " table(s) of profiles and statistics (" + String.join(", ", redacted.stream().map(Redaction.Redacted::table).toList())
                + ") and in " + files.redacted().size() + " report file(s).");
        context.out().println("The source files still hold the person: remove them from " + String.join(", ", config.sources().stream()
                .filter(source -> located.sources().contains(source.name())).map(source -> source.path()).toList())
                + " too, or the next ingestion brings them back.");
        if (!holding.isEmpty()) {
            context.err().println("[erase] WARNING " + holding.size() + " report or model file(s) still hold one of the subject's values"
                    + " (the key, the identifier or its pseudonym): " + String.join(", ", holding) + ". Regenerate those reports"
                    + " (datapilot report --run-date DATE) and retrain those models (datapilot train --run-date DATE).");
            return 1;
        }
        return 0;
    }

    private static String checked(String id) {
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new DatapilotException(ErrorKind.USAGE, "--request-id \"" + id + "\" must be 1 to 64 letters, digits, dots, dashes or"
                    + " underscores (a reference such as DPO-2026-017), never the person's name or e-mail.");
        }
        return id;
    }

    private static UnaryOperator<String> pseudonymiser(PipelineConfig config, Configuration hadoop) {
        String fromEnvironment = System.getenv(config.rgpd().keyEnv());
        org.apache.hadoop.fs.Path demo = new org.apache.hadoop.fs.Path(config.warehouse() + "/" + PseudonymisationKey.DEMO_KEY);
        try {
            if ((fromEnvironment == null || fromEnvironment.isBlank()) && config.rgpd().keyFile() == null && config.rgpd().demoKey()
                    && !demo.getFileSystem(hadoop).exists(demo)) {
                throw new DatapilotException(ErrorKind.CONFIG, "Cannot erase: the warehouse " + config.warehouse() + " has no demo"
                        + " pseudonymisation key (" + demo + "), so the pseudonyms its tables hold cannot be matched. Give the key"
                        + " the data was ingested with (" + config.rgpd().keyEnv() + " or rgpd.key_file), or the warehouse it was"
                        + " written to (--warehouse).");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot look for " + demo + ": " + e.getMessage(), e);
        }
        Pseudonymiser pseudonymiser = new Pseudonymiser(PseudonymisationKey.load(config.rgpd(), config.warehouse(), config.baseDir(),
                hadoop, System::getenv));
        return text -> {
            try {
                return pseudonymiser.call(text);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 is not available in this Java runtime", e);
            }
        };
    }
}
