package io.datapilot.governance;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.governance.files.TabularFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of a hand-kept file, each with its line and its column (header and spreadsheet letter), thrown as one
 * error so that the team fixes the whole file at once.
 */
public final class FileProblems {
    private final TabularFile file;
    private final List<String> problems = new ArrayList<>();

    public FileProblems(TabularFile file) {
        this.file = file;
    }

    /**
     * @param line the line in the file (1 is the header)
     * @param key the column's header key, or null for a problem of the whole line
     */
    public void add(int line, String key, String message) {
        problems.add("line " + line + (key == null ? "" : ", column " + column(key)) + ": " + message);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws a CONFIG error listing every problem, when there is one. */
    public void throwIfAny(String what, String fix) {
        if (problems.isEmpty()) {
            return;
        }
        throw new DatapilotException(ErrorKind.CONFIG, what + " in " + file.file() + ": " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + ":\n  - " + String.join("\n  - ", problems) + "\n" + fix);
    }

    /** «Date de résolution» (D): the header as written and the spreadsheet's column letter. */
    private String column(String key) {
        int position = file.keys().indexOf(key);
        if (position < 0) {
            return key;
        }
        return "«" + file.headers().get(position) + "» (" + letter(position) + ")";
    }

    static String letter(int position) {
        StringBuilder letters = new StringBuilder();
        for (int rest = position + 1; rest > 0; rest = (rest - 1) / 26) {
            letters.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return letters.toString();
    }
}
