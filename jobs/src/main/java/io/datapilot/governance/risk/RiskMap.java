package io.datapilot.governance.risk;

import io.datapilot.core.config.PipelineConfig;
import io.datapilot.governance.GovernanceTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;

/**
 * The risk map (cartographie des risques) of a run date: the risks declared in {@code governance.risks} and those the
 * run's tables show ({@link DerivedRisks}), with their history, written to {@code governance.risks} (one partition per
 * run date, replaced by a rerun; the previous run date is the one before in the table).
 *
 * <pre>{@code
 * List<RiskLine> map = RiskMap.update(tables, config, hadoop, System::getenv);
 * }</pre>
 */
public final class RiskMap {
    public static final String TABLE = "risks";
    static final String[] COLUMNS = {"id", "source", "category", "title", "likelihood", "impact", "criticality", "level", "owner",
            "mitigation", "status", "evidence", "previous_run_date", "previous_likelihood", "previous_impact", "previous_status"};

    private RiskMap() {}

    public static List<RiskLine> update(GovernanceTables tables, PipelineConfig config, Configuration hadoop,
            Function<String, String> environment) {
        Optional<LocalDate> previousDate = tables.previousRunDate(TABLE);
        List<RiskLine> previous = previousDate.map(date -> tables.rowsOf(TABLE, date, COLUMNS).stream().map(RiskMap::line).toList())
                .orElse(List.of());
        List<Risk> risks = new ArrayList<>(DeclaredRisks.of(config.governance()));
        risks.addAll(DerivedRisks.of(RiskFacts.read(tables, config, hadoop, environment), config.governance().riskOwner()));
        List<RiskLine> lines = RiskHistory.merge(risks, previousDate, previous);
        tables.write(TABLE, RiskLine.class, lines);
        return lines;
    }

    /** A row read back in {@link #COLUMNS} order. */
    static RiskLine line(Row row) {
        return new RiskLine(row.getString(0), row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getInt(5),
                row.getInt(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10), row.isNullAt(11) ? null : row.getString(11),
                row.isNullAt(12) ? null : row.getDate(12).toLocalDate(), row.isNullAt(13) ? null : row.getInt(13),
                row.isNullAt(14) ? null : row.getInt(14), row.isNullAt(15) ? null : row.getString(15));
    }
}
