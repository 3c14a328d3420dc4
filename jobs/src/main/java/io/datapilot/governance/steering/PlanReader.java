package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

import io.datapilot.governance.files.TabularFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the project plan, a CSV or XLSX table the project manager keeps (see {@link TabularFile}), one task
 * per line. Columns, French header keys first, their English alias accepted:
 * {@code lot} (work_package), {@code tache} (task), {@code sprint}, {@code role} (owner_role),
 * {@code debut_prevu} (planned_start), {@code fin_prevue} (planned_end), {@code debut_reference} (baseline_start),
 * {@code fin_reference} (baseline_end), {@code avancement} (percent_complete, 0 to 100, "45 %" accepted),
 * {@code budget_prevu} (planned_budget, €), {@code cout_reel} (actual_cost to date, €), {@code jalon} (milestone,
 * oui/non), {@code livrable} (deliverable). Required: lot, tache, debut_prevu, fin_prevue, budget_prevu; the
 * baseline defaults to the planned dates, avancement and cout_reel to 0.
 *
 * <p>Every problem of the file is gathered before one error lists them all, each with its line and column.
 *
 * <pre>{@code
 * ProjectPlan plan = PlanReader.read(Path.of("conf/plan_projet.csv"));
 * }</pre>
 */
public final class PlanReader {
    private static final double NO_LIMIT = Double.MAX_VALUE;

    private PlanReader() {}

    public static ProjectPlan read(Path path) {
        requireNonNull(path, "path is null");
        TabularFile table = TabularFile.read(path);
        PlanProblems problems = new PlanProblems(table.file());
        Map<PlanColumn, Integer> columns = columns(table.headers(), problems);
        if (table.lines().isEmpty()) {
            problems.add("the file has no task" + (table.headers().isEmpty() ? " and no header" : "")
                    + "; write a header line (lot;tache;debut_prevu;fin_prevue;budget_prevu…) and one line per task.");
        }
        List<PlanTask> tasks = new ArrayList<>();
        for (TabularFile.Line line : table.lines()) {
            PlanTask task = task(new PlanCells(line, columns, table.keys(), problems));
            if (task != null) {
                tasks.add(task);
            }
        }
        duplicates(tasks, columns, problems);
        problems.throwIfAny();
        return new ProjectPlan(table.file(), tasks);
    }

    private static Map<PlanColumn, Integer> columns(List<String> headers, PlanProblems problems) {
        Map<PlanColumn, Integer> columns = new EnumMap<>(PlanColumn.class);
        for (int index = 0; index < headers.size(); index++) {
            String header = headers.get(index);
            if (header.isEmpty()) {
                continue;
            }
            PlanColumn column = PlanColumn.of(header).orElse(null);
            if (column == null) {
                problems.add(1, index, header, "unknown column. The accepted columns are " + PlanColumn.accepted()
                        + "; rename it to one of them or delete it.");
            } else if (columns.containsKey(column)) {
                problems.add(1, index, header, "the column " + column.key() + " is already column "
                        + PlanProblems.letter(columns.get(column)) + "; keep one of the two.");
            } else {
                columns.put(column, index);
            }
        }
        if (!headers.isEmpty()) {
            for (PlanColumn column : PlanColumn.values()) {
                if (column.required() && !columns.containsKey(column)) {
                    problems.add(1, -1, column.key(), "missing; every plan needs this column, add it to the header line.");
                }
            }
        }
        return columns;
    }

    /** The task of a line, or null when one of its required cells cannot be read (the problem is recorded). */
    private static PlanTask task(PlanCells cells) {
        String lot = cells.requiredText(PlanColumn.LOT, "every task belongs to a lot");
        String name = cells.requiredText(PlanColumn.TASK, "every task needs a name");
        LocalDate plannedStart = cells.date(PlanColumn.PLANNED_START, true);
        LocalDate plannedEnd = cells.date(PlanColumn.PLANNED_END, true);
        LocalDate baselineStart = cells.date(PlanColumn.BASELINE_START, false);
        LocalDate baselineEnd = cells.date(PlanColumn.BASELINE_END, false);
        Double percent = cells.number(PlanColumn.PERCENT_COMPLETE, 0.0, 0, 100, "percentage");
        Double budget = cells.number(PlanColumn.PLANNED_BUDGET, null, 0, NO_LIMIT, "budget in €");
        Double cost = cells.number(PlanColumn.ACTUAL_COST, 0.0, 0, NO_LIMIT, "cost in €");
        boolean milestone = cells.bool(PlanColumn.MILESTONE);
        order(cells, PlanColumn.PLANNED_START, plannedStart, PlanColumn.PLANNED_END, plannedEnd);
        if (baselineStart != null || baselineEnd != null) {
            // without any baseline date the baseline is the plan, already checked above
            order(cells, PlanColumn.BASELINE_START, baselineStart == null ? plannedStart : baselineStart, PlanColumn.BASELINE_END,
                    baselineEnd == null ? plannedEnd : baselineEnd);
        }
        if (lot == null || name == null || plannedStart == null || plannedEnd == null || percent == null || budget == null
                || cost == null) {
            return null;
        }
        return new PlanTask(cells.number(), lot, name, cells.text(PlanColumn.SPRINT), cells.text(PlanColumn.ROLE), plannedStart,
                plannedEnd, baselineStart, baselineEnd, percent, budget, cost, milestone, cells.text(PlanColumn.DELIVERABLE));
    }

    /** An end before its start (the same day is fine: a one-day task, a milestone). */
    private static void order(PlanCells cells, PlanColumn startColumn, LocalDate start, PlanColumn endColumn, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            cells.problem(endColumn, "the end " + end + " is before the start " + start + " (" + startColumn.key()
                    + "); swap the two dates or correct one.");
        }
    }

    private static void duplicates(List<PlanTask> tasks, Map<PlanColumn, Integer> columns, PlanProblems problems) {
        Map<String, PlanTask> seen = new HashMap<>();
        for (PlanTask task : tasks) {
            String identity = TabularFile.key(task.lot()) + "\u0000" + task.task().strip().toLowerCase(Locale.ROOT);
            PlanTask first = seen.putIfAbsent(identity, task);
            if (first != null) {
                problems.add(task.line(), columns.getOrDefault(PlanColumn.TASK, -1), PlanColumn.TASK.key(), "the task \"" + task.task()
                        + "\" of lot \"" + task.lot() + "\" is already on line " + first.line()
                        + "; give each task of a lot its own name, or merge the two lines.");
            }
        }
    }
}
