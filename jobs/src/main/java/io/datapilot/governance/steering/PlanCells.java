package io.datapilot.governance.steering;

import io.datapilot.governance.files.CellValues;
import io.datapilot.governance.files.TabularFile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The cells of one plan line, read by column: each reader gives null (or the default) for a cell it cannot
 * read and records why, with the line and the column, in the {@link PlanProblems}.
 */
final class PlanCells {
    private final TabularFile.Line line;
    private final Map<PlanColumn, Integer> columns;
    private final List<String> keys;
    private final PlanProblems problems;

    PlanCells(TabularFile.Line line, Map<PlanColumn, Integer> columns, List<String> keys, PlanProblems problems) {
        this.line = line;
        this.columns = columns;
        this.keys = keys;
        this.problems = problems;
    }

    int number() {
        return line.number();
    }

    /** The text of the cell; null when empty or when the column is absent. */
    String text(PlanColumn column) {
        Integer index = columns.get(column);
        return index == null ? null : line.value(keys.get(index));
    }

    /** The text of a cell every task needs; null, with a problem, when it is empty. */
    String requiredText(PlanColumn column, String why) {
        String text = text(column);
        if (text == null && columns.containsKey(column)) {
            problem(column, "empty; " + why + ".");
        }
        return text;
    }

    LocalDate date(PlanColumn column, boolean required) {
        String text = text(column);
        if (text == null) {
            if (required && columns.containsKey(column)) {
                problem(column, "empty; every task needs a date here: write it as 31/12/2026 or 2026-12-31.");
            }
            return null;
        }
        LocalDate date = CellValues.date(text);
        if (date == null) {
            problem(column, "cannot read \"" + text + "\" as a date; write it as 31/12/2026 or 2026-12-31.");
        }
        return date;
    }

    /** A number from {@code min} to {@code max}; {@code absent} when the cell is empty (null: required). */
    Double number(PlanColumn column, Double absent, double min, double max, String unit) {
        String text = text(column);
        if (text == null) {
            if (absent == null && columns.containsKey(column)) {
                problem(column, "empty; every task needs a " + unit + " here (0 if none).");
            }
            return absent;
        }
        Double number = CellValues.number(text);
        if (number == null) {
            problem(column, "cannot read \"" + text + "\" as a number; write a " + unit + " such as 1 234,50 or 1234.50.");
        } else if (number < min || number > max) {
            problem(column, "\"" + text + "\" is " + (number < min ? "below " + plain(min) : "above " + plain(max)) + "; a " + unit
                    + " goes from " + plain(min) + (max == Double.MAX_VALUE ? " up" : " to " + plain(max)) + ".");
            return null;
        }
        return number;
    }

    boolean bool(PlanColumn column) {
        String text = text(column);
        if (text == null) {
            return false;
        }
        Boolean value = CellValues.bool(text);
        if (value == null) {
            problem(column, "cannot read \"" + text + "\" as yes or no; write oui or non.");
            return false;
        }
        return value;
    }

    void problem(PlanColumn column, String problem) {
        Integer index = columns.get(column);
        problems.add(line.number(), index == null ? -1 : index, column.key(), problem);
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
