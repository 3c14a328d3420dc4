package io.datapilot.governance.drift;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.datapilot.core.text.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The distributions of the models' variables on a run date, in three passes whatever the number of
 * variables: the deciles of every numeric variable (one {@code percentile_approx} aggregate), the rows of
 * every numeric variable in its bins and in the previous run date's bins (one aggregate of conditional
 * sums), the values of every categorical variable (one exploded group-by, bounded by the categories the
 * models accept).
 */
public final class FeatureDrift {
    static final int DECILES = 10;
    static final int TOP_CATEGORIES = 20;

    /** The bins of this run date and the counts of this run date's rows in the reference bins. */
    public record Distributions(List<Bin> bins, Map<String, long[]> countsInReference) {}

    private FeatureDrift() {}

    /**
     * @param data the rows of the run date with every variable as a column
     * @param variables the columns to describe
     * @param reference the bins of the previous run date (empty on the first one)
     */
    public static Distributions describe(Dataset<Row> data, List<String> variables, List<Bin> reference) {
        Map<String, Column> numeric = new LinkedHashMap<>();
        List<String> categorical = new ArrayList<>();
        for (String variable : variables) {
            DataType type = data.schema().apply(variable).dataType();
            Column column = col(Names.quoted(variable));
            if (type instanceof NumericType) {
                numeric.put(variable, column.cast("double"));
            } else if (type instanceof DateType) {
                numeric.put(variable, functions.unix_date(column).cast("double"));
            } else if (type instanceof TimestampType) {
                numeric.put(variable, functions.unix_seconds(column).cast("double"));
            } else if (type instanceof StringType || type instanceof BooleanType) {
                categorical.add(variable);
            }
        }
        Map<String, List<Bin>> referenceBins = new HashMap<>();
        for (Bin bin : reference) {
            referenceBins.computeIfAbsent(bin.variable(), name -> new ArrayList<>()).add(bin);
        }
        referenceBins.values().forEach(bins -> bins.sort(Comparator.comparingInt(Bin::bin)));
        List<Bin> bins = new ArrayList<>();
        Map<String, long[]> inReference = new LinkedHashMap<>();
        numeric(data, numeric, referenceBins, bins, inReference);
        categorical(data, categorical, referenceBins, bins, inReference);
        return new Distributions(bins, inReference);
    }

    private static void numeric(Dataset<Row> data, Map<String, Column> numeric, Map<String, List<Bin>> referenceBins, List<Bin> bins,
            Map<String, long[]> inReference) {
        if (numeric.isEmpty()) {
            return;
        }
        double[] probabilities = new double[DECILES - 1];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = (i + 1.0) / DECILES;
        }
        List<Column> deciles = new ArrayList<>();
        numeric.values().forEach(column -> deciles.add(functions.percentile_approx(column, lit(probabilities), lit(10_000))));
        Row edges = data.agg(deciles.get(0), deciles.subList(1, deciles.size()).toArray(Column[]::new)).first();
        Map<String, List<double[]>> own = new LinkedHashMap<>();
        int index = 0;
        for (String variable : numeric.keySet()) {
            List<Double> cuts = edges.isNullAt(index) ? List.of() : distinct(edges.getList(index));
            own.put(variable, intervals(cuts));
            index++;
        }
        List<Column> counts = new ArrayList<>();
        numeric.forEach((variable, column) -> {
            counts.add(sum(when(column.isNull(), 1).otherwise(0)));
            own.get(variable).forEach(interval -> counts.add(inside(column, interval)));
            for (Bin bin : referenceBins.getOrDefault(variable, List.of())) {
                counts.add(bin.bin() == Bin.MISSING_BIN ? sum(when(column.isNull(), 1).otherwise(0))
                        : inside(column, new double[] {bound(bin.lower(), Double.NEGATIVE_INFINITY), bound(bin.upper(), Double.POSITIVE_INFINITY)}));
            }
        });
        counts.add(count(lit(1)));
        Row counted = data.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
        int at = 0;
        for (String variable : numeric.keySet()) {
            bins.add(new Bin(variable, Bin.NUMERIC, Bin.MISSING_BIN, null, null, null, longAt(counted, at++)));
            List<double[]> intervals = own.get(variable);
            for (int bin = 0; bin < intervals.size(); bin++) {
                double[] interval = intervals.get(bin);
                bins.add(new Bin(variable, Bin.NUMERIC, bin, finite(interval[0]), finite(interval[1]), null, longAt(counted, at++)));
            }
            List<Bin> reference = referenceBins.get(variable);
            if (reference != null) {
                long[] current = new long[reference.size()];
                for (int i = 0; i < current.length; i++) {
                    current[i] = longAt(counted, at++);
                }
                inReference.put(variable, current);
            }
        }
    }

    private static void categorical(Dataset<Row> data, List<String> categorical, Map<String, List<Bin>> referenceBins, List<Bin> bins,
            Map<String, long[]> inReference) {
        if (categorical.isEmpty()) {
            return;
        }
        List<Column> pairs = categorical.stream()
                .map(variable -> functions.struct(lit(variable).as("variable"), col(Names.quoted(variable)).cast("string").as("value")))
                .toList();
        List<Row> counted = data.select(functions.explode(functions.array(pairs.toArray(Column[]::new))).as("pair"))
                .groupBy(col("pair.variable"), col("pair.value")).count().collectAsList();
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        categorical.forEach(variable -> values.put(variable, new HashMap<>()));
        for (Row row : counted) {
            values.get(row.getString(0)).put(row.isNullAt(1) ? null : row.getString(1), row.getLong(2));
        }
        values.forEach((variable, byValue) -> {
            long missing = byValue.getOrDefault(null, 0L);
            bins.add(new Bin(variable, Bin.CATEGORICAL, Bin.MISSING_BIN, null, null, null, missing));
            List<Map.Entry<String, Long>> ranked = byValue.entrySet().stream().filter(entry -> entry.getKey() != null)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
            long other = 0;
            for (int i = 0; i < ranked.size(); i++) {
                if (i < TOP_CATEGORIES) {
                    bins.add(new Bin(variable, Bin.CATEGORICAL, i, null, null, ranked.get(i).getKey(), ranked.get(i).getValue()));
                } else {
                    other += ranked.get(i).getValue();
                }
            }
            if (ranked.size() > TOP_CATEGORIES) {
                bins.add(new Bin(variable, Bin.CATEGORICAL, TOP_CATEGORIES, null, null, Bin.OTHER, other));
            }
            List<Bin> reference = referenceBins.get(variable);
            if (reference != null) {
                inReference.put(variable, inCategories(byValue, reference));
            }
        });
    }

    /** This run date's value counts in the reference's categories; values the reference did not name go to its "other" bin. */
    static long[] inCategories(Map<String, Long> byValue, List<Bin> reference) {
        long[] current = new long[reference.size()];
        Map<String, Integer> position = new HashMap<>();
        int otherAt = -1;
        for (int i = 0; i < reference.size(); i++) {
            Bin bin = reference.get(i);
            if (bin.bin() == Bin.MISSING_BIN) {
                position.put(null, i);
            } else if (Bin.OTHER.equals(bin.category()) && bin.bin() == TOP_CATEGORIES) {
                otherAt = i;
            } else {
                position.put(bin.category(), i);
            }
        }
        long unmatched = 0;
        for (Map.Entry<String, Long> entry : byValue.entrySet()) {
            Integer at = position.get(entry.getKey());
            if (at != null) {
                current[at] += entry.getValue();
            } else if (otherAt >= 0) {
                current[otherAt] += entry.getValue();
            } else {
                unmatched += entry.getValue();
            }
        }
        if (unmatched > 0) {
            // new values the reference never saw and it has no "other" bin: one more bin, empty on the reference side
            long[] extended = java.util.Arrays.copyOf(current, current.length + 1);
            extended[current.length] = unmatched;
            return extended;
        }
        return current;
    }

    /** The reference's counts, in the same order as {@link #inCategories} and the numeric counts. */
    public static long[] referenceCounts(List<Bin> reference, int length) {
        long[] counts = new long[length];
        List<Bin> sorted = reference.stream().sorted(Comparator.comparingInt(Bin::bin)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            counts[i] = sorted.get(i).count();
        }
        return counts;
    }

    private static Column inside(Column column, double[] interval) {
        Column condition = column.isNotNull();
        if (interval[0] != Double.NEGATIVE_INFINITY) {
            condition = condition.and(column.gt(interval[0]));
        }
        if (interval[1] != Double.POSITIVE_INFINITY) {
            condition = condition.and(column.leq(interval[1]));
        }
        return sum(when(condition, 1).otherwise(0));
    }

    /** (−∞, c1], (c1, c2], …, (ck, +∞) from the distinct cuts. */
    static List<double[]> intervals(List<Double> cuts) {
        List<double[]> intervals = new ArrayList<>();
        double lower = Double.NEGATIVE_INFINITY;
        for (double cut : cuts) {
            intervals.add(new double[] {lower, cut});
            lower = cut;
        }
        intervals.add(new double[] {lower, Double.POSITIVE_INFINITY});
        return intervals;
    }

    private static List<Double> distinct(List<Object> values) {
        return values.stream().filter(java.util.Objects::nonNull).map(value -> ((Number) value).doubleValue()).distinct().sorted().toList();
    }

    private static double bound(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }

    private static Double finite(double value) {
        return Double.isInfinite(value) ? null : value;
    }

    private static long longAt(Row row, int index) {
        return row.isNullAt(index) ? 0 : ((Number) row.get(index)).longValue();
    }
}
