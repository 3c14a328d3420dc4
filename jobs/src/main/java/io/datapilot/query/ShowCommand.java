package io.datapilot.query;

import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import io.datapilot.core.text.ConsoleTable;
import io.datapilot.core.text.Numbers;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datapilot show TABLE}: the first rows of a warehouse table, readably. */
@Command(name = "show", description = "Print the first rows of a warehouse table (layer.table, e.g. silver.clients_360) with"
        + " French number and date formats, and its row count.")
public final class ShowCommand extends DatapilotCommand {

    @Parameters(index = "0", paramLabel = "TABLE", description = "layer.table, e.g. silver.clients_360")
    String table;

    @Option(names = "--limit", defaultValue = "20", description = "Rows to print (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--where", paramLabel = "CONDITION", description = "A SQL condition, e.g. \"_run_date = '2025-01-06'\".")
    String where;

    @Override
    protected boolean oneShot() {
        return true;
    }

    @Override
    protected int run(RunContext context) {
        String path = QueryCatalog.path(context.config(), context.warehouse(), table);
        Dataset<Row> rows = context.spark().read().format("delta").load(path);
        if (where != null) {
            rows = rows.where(where);
        }
        long total = rows.count();
        print(context, rows.limit(limit).collectAsList(), rows.columns());
        context.out().println(Numbers.count(Math.min(limit, total)) + " of " + Numbers.count(total) + " row(s) of " + table);
        return 0;
    }

    static void print(RunContext context, List<Row> rows, String[] columns) {
        ConsoleTable out = ConsoleTable.of(columns);
        for (Row row : rows) {
            Object[] cells = new Object[row.size()];
            for (int i = 0; i < row.size(); i++) {
                cells[i] = Cells.readable(row.get(i));
            }
            out.row(cells);
        }
        context.out().print(out.render());
    }
}
