package io.datapilot.governance.logbook;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The technical logbook's next state, from the previous one, the run date's incidents and the team's entries. A
 * pure function: the governance stage reads the audit tables and the Delta table of states, and writes what this
 * returns for the run date.
 *
 * <p>The rules:
 * <ul>
 *   <li>an incident seen for the first time opens an entry dated from the run date, with the next free number;
 *   <li>seen again while its entry is open: one more occurrence, last seen on the run date;
 *   <li>an open entry of the pipeline not seen on the run date is resolved on the run date;
 *   <li>seen again after its entry was resolved: a new entry, with a new number, whose label says it recurred
 *       ("réapparu, voir n° 12"); the resolved entry stays as it is;
 *   <li>numbers are never given twice: the next one is the previous state's highest plus one, and no entry
 *       is ever removed (a team entry that left the file stays as it was last written: the logbook is a record);
 *   <li>team entries keep their number from one run to the next: a line of the file is the previous team
 *       entry with the same problem date and label (without case, accents or punctuation), else the one whose
 *       number its {@code n} column gives, else a new entry numbered after the run's new pipeline entries, in the
 *       file's order. Team entries are kept as written: never counted, never resolved by the pipeline.
 * </ul>
 *
 * <p>{@code previous} must be the state written for the latest run date strictly before {@code runDate}; then a
 * rerun of a date gives the same state. Entries of {@code previous} seen or resolved on or after the run date (the
 * caller passed the run date's own state, or a later one for a backfill) are copied unchanged and their incidents
 * are not counted again: the run date's own state is then returned as it was, and a backfill never rewrites
 * later history nor resolves an entry before it was last seen. To bring later dates up to date after a backfill,
 * rerun them in order.
 */
public final class Logbook {
    private Logbook() {}

    /** The entries for {@code runDate}, by number. */
    public static List<LogbookEntry> update(List<LogbookEntry> previous, List<Incident> current, List<LogbookEntry> manual,
            LocalDate runDate, String documentationUrl) {
        requireNonNull(previous, "previous is null");
        requireNonNull(current, "current is null");
        requireNonNull(manual, "manual is null");
        requireNonNull(runDate, "runDate is null");
        requireNonNull(documentationUrl, "documentationUrl is null");
        // sorted by key so that the run's new entries get their numbers in the same order on every rerun
        Map<String, Incident> seen = new TreeMap<>();
        current.forEach(incident -> seen.putIfAbsent(incident.key(), incident));
        Map<Integer, LogbookEntry> entries = new TreeMap<>();
        Set<String> followed = new HashSet<>();
        Map<String, Integer> lastResolved = new HashMap<>();
        int next = 1;
        for (LogbookEntry entry : previous) {
            next = Math.max(next, entry.index() + 1);
            if (entry.fromTeam()) {
                entries.put(entry.index(), entry);
            } else if (notBefore(entry, runDate)) {
                entries.put(entry.index(), entry);
                followed.add(entry.key());
            } else if (entry.isOpen()) {
                boolean again = seen.containsKey(entry.key());
                entries.put(entry.index(), again ? entry.seenAgain(runDate) : entry.resolvedOn(runDate));
                if (again) {
                    followed.add(entry.key());
                }
            } else {
                entries.put(entry.index(), entry);
                lastResolved.merge(entry.key(), entry.index(), Math::max);
            }
        }
        for (Incident incident : seen.values()) {
            if (!followed.contains(incident.key())) {
                entries.put(next, opened(next, incident, lastResolved.get(incident.key()), runDate, documentationUrl));
                next++;
            }
        }
        mergeTeam(entries, manual, next);
        return List.copyOf(entries.values());
    }

    /** Seen or resolved on or after the run date: the state comes from that date or a later one. */
    private static boolean notBefore(LogbookEntry entry, LocalDate runDate) {
        return !entry.lastSeen().isBefore(runDate) || entry.resolutionDate() != null && !entry.resolutionDate().isBefore(runDate);
    }

    private static LogbookEntry opened(int index, Incident incident, Integer recurrenceOf, LocalDate runDate, String documentationUrl) {
        IncidentCatalog.Entry kind = IncidentCatalog.entry(incident);
        String label = kind.labelOf(incident) + (recurrenceOf == null ? "" : " (réapparu, voir n° " + recurrenceOf + ")");
        return new LogbookEntry(index, runDate, label, null, IncidentCatalog.resolutionUrl(documentationUrl, kind.anchor()), kind.solution(),
                incident.category(), incident.table(), incident.column(), LogbookEntry.OPEN, 1, runDate, LogbookEntry.PIPELINE, incident.key());
    }

    private static void mergeTeam(Map<Integer, LogbookEntry> entries, List<LogbookEntry> manual, int next) {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        entries.values().stream().filter(LogbookEntry::fromTeam).forEach(entry -> byKey.putIfAbsent(entry.key(), entry.index()));
        Set<Integer> claimed = new HashSet<>();
        List<LogbookEntry> unnumbered = new ArrayList<>();
        for (LogbookEntry line : manual) {
            Integer index = byKey.get(line.key());
            if (index == null || claimed.contains(index)) {
                LogbookEntry named = entries.get(line.index());
                index = named != null && named.fromTeam() && !claimed.contains(line.index()) ? line.index() : null;
            }
            if (index == null) {
                unnumbered.add(line);
            } else {
                claimed.add(index);
                entries.put(index, line.withIndex(index));
            }
        }
        for (LogbookEntry line : unnumbered) {
            entries.put(next, line.withIndex(next));
            next++;
        }
    }
}
