package io.datapilot.governance.logbook;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of the technical logbook: the method's six columns (index, problem date, label, resolution date,
 * resolution URL, solution), then what the pipeline needs to follow the entry from one run date to the next.
 *
 * @param index the entry's number, stable and never given to another entry; 0 only for a team entry read from its
 *     file that has no number yet ({@link Logbook#update} gives it one)
 * @param problemDate when the problem was first seen (the run date, for the pipeline's entries)
 * @param label the problem, in a sentence (intitulé du problème technique)
 * @param resolutionDate when it was resolved; null while the entry is open
 * @param resolutionUrl where the solution is explained, or null
 * @param solution the solution (description de la solution), or null
 * @param category the incident's category ({@link Incident#CATEGORIES}) or the team's own, or null
 * @param table the table concerned, or null
 * @param column the column concerned, or null
 * @param status {@link #OPEN} or {@link #RESOLVED}
 * @param occurrences on how many run dates the incident was seen (1 for a team entry)
 * @param lastSeen the last run date it was seen (the problem date for a team entry)
 * @param source {@link #PIPELINE} or {@link #TEAM}
 * @param key what follows the entry across run dates: {@link Incident#key()} for the pipeline's, {@link #teamKey} for the team's
 */
public record LogbookEntry(int index, LocalDate problemDate, String label, LocalDate resolutionDate, String resolutionUrl,
        String solution, String category, String table, String column, String status, int occurrences, LocalDate lastSeen,
        String source, String key) {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
    public static final String PIPELINE = "pipeline";
    public static final String TEAM = "equipe";

    public LogbookEntry {
        requireNonNull(problemDate, "problemDate is null");
        requireNonNull(label, "label is null");
        requireNonNull(status, "status is null");
        requireNonNull(lastSeen, "lastSeen is null");
        requireNonNull(source, "source is null");
        requireNonNull(key, "key is null");
        if (!List.of(OPEN, RESOLVED).contains(status)) {
            throw new IllegalArgumentException("Invalid status " + status + ": use open or resolved");
        }
        if (!List.of(PIPELINE, TEAM).contains(source)) {
            throw new IllegalArgumentException("Invalid source " + source + ": use pipeline or equipe");
        }
        if (index < 0 || index == 0 && source.equals(PIPELINE)) {
            throw new IllegalArgumentException("Invalid index " + index + " for a " + source + " entry");
        }
        if (status.equals(RESOLVED) != (resolutionDate != null)) {
            throw new IllegalArgumentException("Invalid entry " + index + ": a resolved entry has a resolution date, an open one has none");
        }
    }

    /** The key of a team entry: its problem date and its label, without case, accents or punctuation. */
    public static String teamKey(LocalDate problemDate, String label) {
        return TEAM + ":" + problemDate + ":" + io.datapilot.governance.files.TabularFile.key(label);
    }

    public boolean isOpen() {
        return status.equals(OPEN);
    }

    public boolean fromTeam() {
        return source.equals(TEAM);
    }

    LogbookEntry withIndex(int newIndex) {
        return new LogbookEntry(newIndex, problemDate, label, resolutionDate, resolutionUrl, solution, category, table, column, status,
                occurrences, lastSeen, source, key);
    }

    LogbookEntry seenAgain(LocalDate runDate) {
        return new LogbookEntry(index, problemDate, label, null, resolutionUrl, solution, category, table, column, OPEN, occurrences + 1,
                runDate, source, key);
    }

    LogbookEntry resolvedOn(LocalDate runDate) {
        return new LogbookEntry(index, problemDate, label, runDate, resolutionUrl, solution, category, table, column, RESOLVED,
                occurrences, lastSeen, source, key);
    }
}
