package io.datapilot.governance.logbook;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.governance.GovernanceTables;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * {@code governance.logbook}: the whole logbook as it stands after each run date (one partition per
 * date). The next run date starts from the latest earlier partition, so a rerun of a date gives the
 * same logbook and a date's logbook stays readable as it was.
 */
public final class LogbookTable {
    public static final String TABLE = "logbook";
    public static final String WORKBOOK = "carnet_de_bord.xlsx";

    private LogbookTable() {}

    public static List<LogbookEntry> update(GovernanceTables tables, PipelineConfig config) {
        List<LogbookEntry> previous = tables.previousRunDate(TABLE)
                .map(date -> tables.rowsOf(TABLE, date, "index", "problem_date", "label", "resolution_date", "resolution_url", "solution",
                        "category", "table", "column", "status", "occurrences", "last_seen", "source", "key").stream()
                        .map(LogbookTable::entry).toList())
                .orElse(List.of());
        List<LogbookEntry> manual = config.governance().logbook() == null ? List.of()
                : ManualEntries.read(Path.of(config.governance().logbook()));
        List<LogbookEntry> entries = Logbook.update(previous, IncidentSources.read(tables), manual, tables.runDate(),
                config.governance().documentationUrl());
        tables.write(TABLE, LogbookEntry.class, entries);
        return entries;
    }

    private static LogbookEntry entry(Row row) {
        return new LogbookEntry(row.getInt(0), date(row, 1), row.getString(2), date(row, 3), string(row, 4), string(row, 5), string(row, 6),
                string(row, 7), string(row, 8), row.getString(9), row.getInt(10), date(row, 11), row.getString(12), row.getString(13));
    }

    private static java.time.LocalDate date(Row row, int index) {
        return row.isNullAt(index) ? null : row.getDate(index).toLocalDate();
    }

    private static String string(Row row, int index) {
        return row.isNullAt(index) ? null : row.getString(index);
    }
}
