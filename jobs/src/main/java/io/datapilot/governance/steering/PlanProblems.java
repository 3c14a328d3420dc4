package io.datapilot.governance.steering;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in a plan file, gathered so that one error lists them all: a plan is fixed by hand in
 * a spreadsheet, and one round trip per mistake would make that slow.
 */
final class PlanProblems {
    private final String file;
    private final List<String> problems = new ArrayList<>();

    PlanProblems(String file) {
        this.file = file;
    }

    /** A problem of one cell: {@code column} is its 0-based index in the header, or -1 when the column is absent. */
    void add(int line, int column, String header, String problem) {
        String where = column < 0 ? "column " + header : "column " + letter(column) + " (" + header + ")";
        problems.add(file + ", line " + line + ", " + where + ": " + problem);
    }

    /** A problem of the whole file. */
    void add(String problem) {
        problems.add(file + ": " + problem);
    }

    List<String> list() {
        return List.copyOf(problems);
    }

    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        throw new DatapilotException(ErrorKind.CONFIG, "Invalid project plan " + file + ": " + count
                + ". Fix each one in the file and run again:\n  - "
                + String.join("\n  - ", problems));
    }

    /** The spreadsheet's name of a column: A, B, …, Z, AA, AB, … */
    static String letter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
            letters.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return letters.toString();
    }
}
