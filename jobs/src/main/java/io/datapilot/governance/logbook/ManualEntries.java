package io.datapilot.governance.logbook;

import static java.util.Objects.requireNonNull;

import io.datapilot.governance.FileProblems;
import io.datapilot.governance.files.CellValues;
import io.datapilot.governance.files.TabularFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The logbook entries the team writes by hand ({@code governance.logbook}, CSV or XLSX), checked line by line: every
 * problem of the file is reported in one error, with its line and column.
 *
 * <p>Columns (French keys, English aliases; headers are compared without case, accents or punctuation):
 * {@code n} or {@code numero} (the entry's number in the logbook, once known), {@code date_du_probleme}
 * (required), {@code intitule_du_probleme_technique} or {@code probleme} (required), {@code date_de_resolution},
 * {@code url_de_la_source_de_resolution} (http or https), {@code description_de_la_solution}, {@code categorie},
 * {@code table}, {@code colonne}, {@code statut} ({@code open}/{@code ouvert} or {@code resolved}/{@code résolu};
 * without it, resolved when a resolution date is given). {@link Logbook#update} numbers the entries.
 */
public final class ManualEntries {
    private static final Map<String, String> COLUMNS = columns();
    private static final List<String> REQUIRED = List.of("date_du_probleme", "intitule_du_probleme_technique");
    private static final Set<String> OPEN_WORDS = Set.of("open", "ouvert", "ouverte", "en_cours");
    private static final Set<String> RESOLVED_WORDS = Set.of("resolved", "resolu", "resolue", "closed", "clos", "close", "ferme", "fermee");

    private ManualEntries() {}

    public static List<LogbookEntry> read(Path path) {
        return read(TabularFile.read(requireNonNull(path, "path is null")));
    }

    /** The team's entries of a file already read; each has its {@code n} as index, or 0. */
    public static List<LogbookEntry> read(TabularFile file) {
        FileProblems problems = new FileProblems(file);
        Map<String, String> canonicalByKey = header(file, problems);
        List<LogbookEntry> entries = new ArrayList<>();
        Map<Integer, Integer> lineOfNumber = new HashMap<>();
        for (TabularFile.Line line : file.lines()) {
            Map<String, String> cells = new LinkedHashMap<>();
            canonicalByKey.forEach((key, canonical) -> {
                if (line.value(key) != null) {
                    cells.put(canonical, line.value(key));
                }
            });
            LogbookEntry entry = entry(new LineReader(problems, canonicalByKey, line, cells));
            if (entry != null && entry.index() > 0) {
                Integer first = lineOfNumber.putIfAbsent(entry.index(), line.number());
                if (first != null) {
                    problems.add(line.number(), keyOf(canonicalByKey, "n"), "n° " + entry.index() + " is already the number of line " + first
                            + "; give each entry its own number, or leave the cell empty.");
                }
            }
            if (entry != null) {
                entries.add(entry);
            }
        }
        problems.throwIfAny("Invalid logbook entries", "Fix these cells (dates dd/mm/yyyy or yyyy-mm-dd, statut ouvert or résolu)"
                + " and run the governance stage again.");
        return List.copyOf(entries);
    }

    private static Map<String, String> header(TabularFile file, FileProblems problems) {
        Map<String, String> canonicalByKey = new LinkedHashMap<>();
        Map<String, String> keyByCanonical = new HashMap<>();
        for (String key : file.keys()) {
            if (key.isEmpty()) {
                continue;
            }
            String canonical = COLUMNS.get(key);
            if (canonical == null) {
                problems.add(1, key, "unknown column; the columns are " + String.join(", ", COLUMNS.keySet().stream()
                        .filter(COLUMNS.values()::contains).toList()) + " (or their aliases " + String.join(", ", COLUMNS.keySet().stream()
                        .filter(alias -> !COLUMNS.values().contains(alias)).toList()) + ").");
            } else if (keyByCanonical.putIfAbsent(canonical, key) != null) {
                problems.add(1, key, "is the same column as " + keyByCanonical.get(canonical) + "; keep one of them.");
            } else {
                canonicalByKey.put(key, canonical);
            }
        }
        for (String required : REQUIRED) {
            if (!keyByCanonical.containsKey(required)) {
                problems.add(1, null, "the header has no column " + required + " (required); the file's columns are "
                        + String.join(", ", file.headers()) + ".");
            }
        }
        return canonicalByKey;
    }

    private static LogbookEntry entry(LineReader line) {
        Integer number = line.number("n");
        LocalDate problemDate = line.date("date_du_probleme", true);
        String label = line.text("intitule_du_probleme_technique", true);
        LocalDate resolutionDate = line.date("date_de_resolution", false);
        String url = line.url("url_de_la_source_de_resolution");
        String status = line.status("statut", resolutionDate);
        if (problemDate != null && resolutionDate != null && resolutionDate.isBefore(problemDate)) {
            line.problem("date_de_resolution", "the resolution date " + resolutionDate + " is before the problem date " + problemDate
                    + "; correct one of the two dates.");
            return null;
        }
        if (LogbookEntry.RESOLVED.equals(status) && resolutionDate == null) {
            line.problem("date_de_resolution", "the entry is resolved but has no resolution date; write the date it was resolved,"
                    + " or set statut to ouvert.");
            return null;
        }
        if (LogbookEntry.OPEN.equals(status) && resolutionDate != null) {
            line.problem("statut", "the entry is open but has a resolution date (" + resolutionDate + "); set statut to résolu, or"
                    + " empty the resolution date.");
            return null;
        }
        if (problemDate == null || label == null || status == null || line.failed()) {
            return null;
        }
        return new LogbookEntry(number == null ? 0 : number, problemDate, label, resolutionDate, url,
                line.text("description_de_la_solution", false), line.text("categorie", false), line.text("table", false),
                line.text("colonne", false), status, 1, problemDate, LogbookEntry.TEAM, LogbookEntry.teamKey(problemDate, label));
    }

    static String keyOf(Map<String, String> canonicalByKey, String canonical) {
        return canonicalByKey.entrySet().stream().filter(entry -> entry.getValue().equals(canonical)).map(Map.Entry::getKey)
                .findFirst().orElse(canonical);
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String canonical : List.of("n", "date_du_probleme", "intitule_du_probleme_technique", "date_de_resolution",
                "url_de_la_source_de_resolution", "description_de_la_solution", "categorie", "table", "colonne", "statut")) {
            columns.put(canonical, canonical);
        }
        columns.put("numero", "n");
        columns.put("no", "n");
        columns.put("index", "n");
        columns.put("problem_date", "date_du_probleme");
        columns.put("probleme", "intitule_du_probleme_technique");
        columns.put("problem", "intitule_du_probleme_technique");
        columns.put("label", "intitule_du_probleme_technique");
        columns.put("resolution_date", "date_de_resolution");
        columns.put("resolution_url", "url_de_la_source_de_resolution");
        columns.put("url", "url_de_la_source_de_resolution");
        columns.put("solution", "description_de_la_solution");
        columns.put("category", "categorie");
        columns.put("column", "colonne");
        columns.put("status", "statut");
        return columns;
    }

    /** Reads the cells of one line, noting each problem with the line and the column. */
    private static final class LineReader {
        private final FileProblems problems;
        private final Map<String, String> canonicalByKey;
        private final TabularFile.Line line;
        private final Map<String, String> cells;
        private boolean failed;

        LineReader(FileProblems problems, Map<String, String> canonicalByKey, TabularFile.Line line, Map<String, String> cells) {
            this.problems = problems;
            this.canonicalByKey = canonicalByKey;
            this.line = line;
            this.cells = cells;
        }

        boolean failed() {
            return failed;
        }

        void problem(String canonical, String message) {
            failed = true;
            problems.add(line.number(), keyOf(canonicalByKey, canonical), message);
        }

        String text(String canonical, boolean required) {
            String value = cells.get(canonical);
            if (value == null && required && canonicalByKey.containsValue(canonical)) {
                problem(canonical, "is empty; it is required.");
            }
            return value;
        }

        LocalDate date(String canonical, boolean required) {
            String text = text(canonical, required);
            LocalDate date = CellValues.date(text);
            if (text != null && date == null) {
                problem(canonical, "«" + text + "» is not a date; write it dd/mm/yyyy (31/12/2024) or yyyy-mm-dd.");
            }
            return date;
        }

        Integer number(String canonical) {
            String text = text(canonical, false);
            Double number = CellValues.number(text);
            if (text != null && (number == null || number < 1 || number != Math.rint(number) || number > Integer.MAX_VALUE)) {
                problem(canonical, "«" + text + "» is not an entry number (a whole number from 1); leave it empty for a new entry.");
                return null;
            }
            return number == null ? null : number.intValue();
        }

        String url(String canonical) {
            String text = text(canonical, false);
            if (text != null && !isWebAddress(text)) {
                problem(canonical, "«" + text + "» is not a web address; write it with http:// or https://.");
            }
            return text;
        }

        String status(String canonical, LocalDate resolutionDate) {
            String text = text(canonical, false);
            if (text == null) {
                return resolutionDate == null ? LogbookEntry.OPEN : LogbookEntry.RESOLVED;
            }
            String word = TabularFile.key(text.toLowerCase(Locale.ROOT));
            if (OPEN_WORDS.contains(word)) {
                return LogbookEntry.OPEN;
            }
            if (RESOLVED_WORDS.contains(word)) {
                return LogbookEntry.RESOLVED;
            }
            problem(canonical, "«" + text + "» is not a status; write ouvert (open) or résolu (resolved).");
            return null;
        }

        private static boolean isWebAddress(String text) {
            try {
                URI uri = new URI(text.trim());
                return uri.getScheme() != null && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                        && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
