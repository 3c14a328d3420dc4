package io.datapilot.ml.scorer;

import io.datapilot.ml.features.Feature;
import io.datapilot.ml.features.FeatureKind;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A small mixed data set: numbers with nulls, a boolean, a date, a timestamp, a category. */
final class ScorerFixtures {
    private ScorerFixtures() {}

    static final List<Feature> FEATURES = List.of(
            new Feature("âge", FeatureKind.NUMERIC),
            new Feature("revenu", FeatureKind.NUMERIC),
            new Feature("abonné", FeatureKind.BOOLEAN),
            new Feature("inscription", FeatureKind.DATE),
            new Feature("dernière visite", FeatureKind.DATE),
            new Feature("région", FeatureKind.CATEGORICAL));

    static final StructType SCHEMA = new StructType()
            .add("âge", DataTypes.DoubleType)
            .add("revenu", DataTypes.IntegerType)
            .add("abonné", DataTypes.BooleanType)
            .add("inscription", DataTypes.DateType)
            .add("dernière visite", DataTypes.TimestampType)
            .add("région", DataTypes.StringType)
            .add("cible_binaire", DataTypes.DoubleType)
            .add("cible_trois", DataTypes.DoubleType)
            .add("cible_nombre", DataTypes.DoubleType);

    private static final String[] REGIONS = {"Nord", "Sud", "Est", "Ouest", "Centre"};

    /** Rows of a seeded generator; {@code unseen} adds a region the training set never has. */
    static Dataset<Row> rows(SparkSession spark, int count, long seed, boolean unseen) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Double age = random.nextDouble() < 0.1 ? null : 18 + random.nextDouble() * 60;
            Integer income = random.nextDouble() < 0.1 ? null : 1000 + random.nextInt(4000);
            Boolean subscriber = random.nextDouble() < 0.1 ? null : random.nextBoolean();
            LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500));
            Date signup = random.nextDouble() < 0.1 ? null : Date.valueOf(day);
            Timestamp visit = random.nextDouble() < 0.1 ? null
                    : Timestamp.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(300 * 86400)));
            String region = random.nextDouble() < 0.08 ? null
                    : unseen && random.nextDouble() < 0.15 ? "Inconnue" : REGIONS[Math.min(4, (int) (random.nextDouble() * random.nextDouble() * 6))];
            double a = age == null ? 45 : age;
            double r = income == null ? 3000 : income;
            double score = (a - 45) / 15 + (r - 3000) / 1200 + (Boolean.TRUE.equals(subscriber) ? 0.8 : -0.3)
                    + ("Nord".equals(region) ? 0.7 : "Sud".equals(region) ? -0.6 : 0) + day.getMonthValue() / 12.0
                    + random.nextGaussian() * 0.7;
            double binary = score > 0.5 ? 1 : 0;
            double three = score < 0 ? 0 : score < 1.2 ? 1 : 2;
            double number = 3 * score + 10 + random.nextGaussian();
            rows.add(RowFactory.create(age, income, subscriber, signup, visit, region, binary, three, number));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * The features of a row as a web request would give them: the Spark values on even rows, and on
     * odd rows the date as text or LocalDate and the timestamp as a LocalDateTime of the session zone.
     */
    static Map<String, Object> request(Row row, int index, ZoneId sessionZone) {
        Map<String, Object> values = new HashMap<>();
        for (Feature feature : FEATURES) {
            Object value = row.get(row.fieldIndex(feature.column()));
            if (index % 2 == 1 && value instanceof Date date) {
                value = index % 4 == 1 ? date.toLocalDate().toString() : date.toLocalDate();
            } else if (index % 2 == 1 && value instanceof Timestamp time) {
                value = time.toInstant().atZone(sessionZone).toLocalDateTime();
            }
            // an absent column counts as null
            if (value != null || index % 3 != 0) {
                values.put(feature.column(), value);
            }
        }
        return values;
    }
}
