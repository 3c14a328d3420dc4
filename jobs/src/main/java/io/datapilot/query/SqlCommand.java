package io.datapilot.query;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.cli.DatapilotCommand;
import io.datapilot.core.cli.RunContext;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datapilot sql "SELECT …"}: a query over the warehouse's tables, by name. */
@Command(name = "sql", description = "Run a SQL query over the warehouse's Delta tables, named layer.table (bronze.clients,"
        + " silver.clients_360, audit.quality_alerts…); print the result as a table or as CSV.")
public final class SqlCommand extends DatapilotCommand {

    @Parameters(index = "0", paramLabel = "QUERY", description = "The query, e.g. \"SELECT canal_d_acquisition, count(*) FROM"
            + " silver.clients_360 GROUP BY 1\"")
    String query;

    @Option(names = "--csv", description = "Print CSV (comma separated, RFC 4180 quoting, values unformatted) instead of a table.")
    boolean csv;

    @Option(names = "--limit", defaultValue = "1000", description = "At most this many rows (default ${DEFAULT-VALUE}); the"
            + " result is never collected whole.")
    int limit;

    @Override
    protected boolean oneShot() {
        return true;
    }

    @Override
    protected int run(RunContext context) {
        List<String> tables = QueryCatalog.register(context.spark(), context.config(), context.warehouse());
        Dataset<Row> result;
        try {
            result = context.spark().sql(query);
        } catch (Exception e) {
            if (e instanceof AnalysisException analysis) {
                throw new DatapilotException(ErrorKind.USAGE, "Invalid query: " + analysis.getSimpleMessage() + ". Tables: "
                        + String.join(", ", tables) + ".");
            }
            throw e;
        }
        List<Row> rows = result.limit(limit + 1).collectAsList();
        boolean more = rows.size() > limit;
        rows = rows.subList(0, Math.min(limit, rows.size()));
        if (csv) {
            context.out().println(String.join(",", result.columns()));
            for (Row row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.size(); i++) {
                    line.append(i == 0 ? "" : ",").append(Cells.csv(row.get(i)));
                }
                context.out().println(line);
            }
        } else {
            ShowCommand.print(context, rows, result.columns());
            context.out().println(rows.size() + " row(s)" + (more ? " (more exist: raise --limit)" : ""));
        }
        if (more && csv) {
            context.err().println("datapilot: only the first " + limit + " rows were printed; raise --limit for more.");
        }
        return 0;
    }
}
