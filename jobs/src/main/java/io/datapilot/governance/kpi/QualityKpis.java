package io.datapilot.governance.kpi;

import io.datapilot.core.delta.Warehouse.Layer;
import io.datapilot.governance.GovernanceTables;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;

/**
 * The quality KPIs of the run date, from the profile's tables ({@code audit.column_profiles},
 * {@code audit.table_profiles}, {@code audit.quality_alerts}): no pass over the data itself.
 */
public final class QualityKpis {
    public static final String TABLE = "quality_kpis";
    /** Alert kinds that say a column's values disagree with each other or with another table. */
    static final Set<String> CONSISTENCY_ALERTS = Set.of("mixed_types", "inconsistent_categories", "possible_typo", "placeholder",
            "unmatched_keys", "duplicate_lookup_keys");

    private QualityKpis() {}

    public static List<QualityKpi> compute(GovernanceTables tables) {
        List<Row> profiles = tables.rows(Layer.AUDIT, "column_profiles", "table", "column", "type", "rows", "count", "missing_share",
                "distinct_exact", "distinct_approx", "invalid_format", "future", "too_old", "max");
        Map<String, Row> tableProfiles = new HashMap<>();
        for (Row row : tables.rows(Layer.AUDIT, "table_profiles", "table", "rows", "duplicate_keys", "key")) {
            tableProfiles.put(row.getString(0), row);
        }
        Map<String, Double> consistency = new HashMap<>();
        for (Row alert : tables.rows(Layer.AUDIT, "quality_alerts", "table", "column", "kind", "share")) {
            if (!alert.isNullAt(1) && !alert.isNullAt(3) && CONSISTENCY_ALERTS.contains(alert.getString(2))) {
                consistency.merge(alert.getString(0) + "\u0000" + alert.getString(1), Math.min(1, alert.getDouble(3)), Math::max);
            }
        }
        Map<String, Double> previous = previous(tables);
        LocalDate runDate = tables.runDate();
        Map<String, List<QualityKpi>> byTable = new LinkedHashMap<>();
        for (Row profile : profiles) {
            String table = profile.getString(0);
            String column = profile.getString(1);
            Row tableProfile = tableProfiles.get(table);
            List<String> key = tableProfile == null || tableProfile.isNullAt(3) ? List.of()
                    : Arrays.stream(tableProfile.getString(3).split("[,+ ]+")).filter(part -> !part.isBlank()).toList();
            long values = profile.isNullAt(4) ? 0 : profile.getLong(4);
            Double completeness = profile.isNullAt(5) ? null : 1 - profile.getDouble(5);
            long invalid = longOrZero(profile, 8) + longOrZero(profile, 9) + longOrZero(profile, 10);
            Double validity = values == 0 ? null : 1 - Math.min(1.0, (double) invalid / values);
            Double uniqueness = null;
            if (key.contains(column) && values > 0) {
                long distinct = profile.isNullAt(6) ? profile.getLong(7) : profile.getLong(6);
                uniqueness = Math.min(1.0, (double) distinct / values);
            }
            Double consistent = 1 - consistency.getOrDefault(table + "\u0000" + column, 0.0);
            Long freshness = freshness(profile.getString(2), profile.isNullAt(11) ? null : profile.getString(11), runDate);
            Double score = mean(completeness, validity, uniqueness, consistent);
            byTable.computeIfAbsent(table, name -> new ArrayList<>()).add(kpi(table, column, profile.isNullAt(3) ? null : profile.getLong(3),
                    completeness, validity, uniqueness, consistent, freshness, score, previous));
        }
        List<QualityKpi> kpis = new ArrayList<>();
        List<QualityKpi> tableLines = new ArrayList<>();
        byTable.forEach((table, columns) -> {
            Row tableProfile = tableProfiles.get(table);
            Long rows = tableProfile == null ? null : tableProfile.getLong(1);
            Double uniqueness = tableProfile == null || tableProfile.isNullAt(2) || rows == null || rows == 0 || tableProfile.isNullAt(3)
                    ? null : 1 - Math.min(1.0, (double) tableProfile.getLong(2) / rows);
            QualityKpi line = kpi(table, null, rows, average(columns, QualityKpi::completeness), average(columns, QualityKpi::validity),
                    uniqueness, average(columns, QualityKpi::consistency),
                    columns.stream().map(QualityKpi::freshnessDays).filter(Objects::nonNull).min(Long::compare).orElse(null),
                    average(columns, QualityKpi::score), previous);
            tableLines.add(line);
            kpis.addAll(columns);
        });
        kpis.addAll(tableLines);
        if (!tableLines.isEmpty()) {
            kpis.add(kpi(QualityKpi.ALL, null, null, average(tableLines, QualityKpi::completeness), average(tableLines, QualityKpi::validity),
                    average(tableLines, QualityKpi::uniqueness), average(tableLines, QualityKpi::consistency), null,
                    average(tableLines, QualityKpi::score), previous));
        }
        return kpis;
    }

    /** The run's overall quality score (0 to 1), if the profile ran. */
    public static OptionalDouble overall(List<QualityKpi> kpis) {
        return kpis.stream().filter(kpi -> QualityKpi.ALL.equals(kpi.table()) && kpi.score() != null)
                .mapToDouble(QualityKpi::score).findFirst();
    }

    private static QualityKpi kpi(String table, String column, Long rows, Double completeness, Double validity, Double uniqueness,
            Double consistency, Long freshness, Double score, Map<String, Double> previous) {
        Double before = previous.get(table + "\u0000" + (column == null ? "" : column));
        return new QualityKpi(table, column, rows, completeness, validity, uniqueness, consistency, freshness, score, before,
                before == null || score == null ? null : score - before);
    }

    private static Map<String, Double> previous(GovernanceTables tables) {
        Map<String, Double> scores = new HashMap<>();
        tables.previousRunDate(TABLE).ifPresent(date -> {
            for (Row row : tables.rowsOf(TABLE, date, "table", "column", "score")) {
                if (!row.isNullAt(2)) {
                    scores.put(row.getString(0) + "\u0000" + (row.isNullAt(1) ? "" : row.getString(1)), row.getDouble(2));
                }
            }
        });
        return scores;
    }

    /** Days from a date column's latest value to the run date (a negative count: dates after the run date). */
    static Long freshness(String type, String max, LocalDate runDate) {
        if (max == null || type == null || !(type.startsWith("date") || type.startsWith("timestamp"))) {
            return null;
        }
        try {
            return ChronoUnit.DAYS.between(LocalDate.parse(max.substring(0, 10)), runDate);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Double mean(Double... values) {
        OptionalDouble mean = Stream.of(values).filter(Objects::nonNull).mapToDouble(Double::doubleValue).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }

    private static Double average(List<QualityKpi> lines, java.util.function.Function<QualityKpi, Double> dimension) {
        OptionalDouble mean = lines.stream().map(dimension).filter(Objects::nonNull).mapToDouble(Double::doubleValue).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }

    private static long longOrZero(Row row, int index) {
        return row.isNullAt(index) ? 0 : row.getLong(index);
    }

}
