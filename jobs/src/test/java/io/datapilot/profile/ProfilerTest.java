package io.datapilot.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datapilot.testing.TestSpark;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every statistic against a naive computation in plain Java on the same small data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfilerTest {
    private final SparkSession spark = TestSpark.session();
    private final List<Object[]> data = new ArrayList<>();
    private TableProfile profile;

    @BeforeAll
    void profile() {
        Random random = new Random(3);
        String[] categories = {"Lin", "Coton", "Laine", "Lin", "Lin"};
        for (int i = 0; i < 400; i++) {
            String category = i % 37 == 0 ? null : i % 41 == 0 ? "" : i % 43 == 0 ? "  " : categories[i % categories.length];
            Long quantity = i % 29 == 0 ? null : Long.valueOf(i % 7 - 1);
            Double amount = i == 5 ? 10_000.0 : Math.round(random.nextGaussian() * 1000) / 10.0 + 50;
            String label = i % 10 == 0 ? "12,5" : i % 11 == 0 ? "31/12/2024" : "é" + "x".repeat(i % 5);
            java.sql.Date day = java.sql.Date.valueOf(LocalDate.of(2024, 1, 1).plusDays(i % 400 == 399 ? 4000 : i));
            data.add(new Object[] {"C" + (i % 390), category, quantity, amount, label, day, i % 3 == 0});
        }
        StructType schema = new StructType().add("code", DataTypes.StringType).add("categorie", DataTypes.StringType)
                .add("quantite", DataTypes.LongType).add("montant", DataTypes.DoubleType).add("libelle", DataTypes.StringType)
                .add("jour", DataTypes.DateType).add("actif", DataTypes.BooleanType);
        List<Row> rows = data.stream().map(RowFactory::create).toList();
        Dataset<Row> table = spark.createDataFrame(rows, schema).repartition(3);
        profile = Profiler.of(spark, table, "test").withRunDate(LocalDate.of(2025, 1, 6)).withKey(List.of("code")).execute();
    }

    private List<Object> column(int index) {
        return data.stream().map(row -> row[index]).toList();
    }

    @Test
    void countsNullsEmptiesAndBlanksApart() {
        ColumnProfile category = profile.column("categorie").orElseThrow();
        List<Object> values = column(1);
        assertThat(category.rows()).isEqualTo(400);
        assertThat(category.nulls()).isEqualTo(values.stream().filter(value -> value == null).count());
        assertThat(category.empty()).isEqualTo(values.stream().filter(""::equals).count());
        assertThat(category.blank()).isEqualTo(values.stream().filter("  "::equals).count());
        assertThat(category.missingShare()).isCloseTo((category.nulls() + category.empty() + category.blank()) / 400.0, within(1e-9));
        assertThat(category.distinctExact()).isEqualTo(5);
        assertThat(category.topValues().get(0)).isEqualTo(new ValueCount("Lin", values.stream().filter("Lin"::equals).count()));
        assertThat(category.semanticType()).isEqualTo(SemanticType.CATEGORICAL);
    }

    @Test
    void computesMomentsAndQuartilesLikeAPlainComputation() {
        ColumnProfile amount = profile.column("montant").orElseThrow();
        double[] values = column(3).stream().mapToDouble(value -> (Double) value).toArray();
        double mean = Arrays.stream(values).average().orElseThrow();
        double variance = Arrays.stream(values).map(value -> (value - mean) * (value - mean)).sum() / (values.length - 1);
        double m2 = Arrays.stream(values).map(value -> Math.pow(value - mean, 2)).sum() / values.length;
        double m3 = Arrays.stream(values).map(value -> Math.pow(value - mean, 3)).sum() / values.length;
        double m4 = Arrays.stream(values).map(value -> Math.pow(value - mean, 4)).sum() / values.length;
        assertThat(amount.mean()).isCloseTo(mean, within(1e-9));
        assertThat(amount.stddev()).isCloseTo(Math.sqrt(variance), within(1e-9));
        assertThat(amount.skewness()).isCloseTo(m3 / Math.pow(m2, 1.5), within(1e-9));
        assertThat(amount.kurtosis()).as("excess kurtosis").isCloseTo(m4 / (m2 * m2) - 3, within(1e-9));
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // exact quartiles, interpolated between ranks
        for (int q = 0; q < 3; q++) {
            double position = (q + 1) * 0.25 * (sorted.length - 1);
            int lower = (int) Math.floor(position);
            double exact = sorted[lower] + (sorted[(int) Math.ceil(position)] - sorted[lower]) * (position - lower);
            assertThat(amount.quartiles().get(q)).isCloseTo(exact, within(1e-9));
        }
        double iqr = amount.quartiles().get(2) - amount.quartiles().get(0);
        long outliers = Arrays.stream(values).filter(value -> value < amount.quartiles().get(0) - 1.5 * iqr
                || value > amount.quartiles().get(2) + 1.5 * iqr).count();
        assertThat(amount.outliers()).isEqualTo(outliers).isPositive();
        assertThat(amount.max()).isEqualTo("10000.0");
        assertThat(amount.distinctExact()).isEqualTo(Arrays.stream(values).distinct().count());
    }

    @Test
    void countsZerosNegativesAndMeasuresTextInCharactersAndBytes() {
        ColumnProfile quantity = profile.column("quantite").orElseThrow();
        assertThat(quantity.zeros()).isEqualTo(column(2).stream().filter(value -> Long.valueOf(0).equals(value)).count());
        assertThat(quantity.negatives()).isEqualTo(column(2).stream().filter(value -> value != null && (Long) value < 0).count());
        assertThat(quantity.semanticType()).isEqualTo(SemanticType.DISCRETE);
        ColumnProfile label = profile.column("libelle").orElseThrow();
        assertThat(label.minLength()).isEqualTo(1);
        assertThat(label.maxLength()).isEqualTo(10);
        assertThat(label.minBytes()).as("é is two bytes in UTF-8").isEqualTo(2);
        assertThat(label.numericText()).isEqualTo(column(4).stream().filter("12,5"::equals).count());
        assertThat(label.dateText()).isEqualTo(column(4).stream().filter("31/12/2024"::equals).count());
    }

    @Test
    void findsDuplicatesFutureDatesAndIdentifiers() {
        assertThat(profile.duplicateKeys()).isEqualTo(10);
        assertThat(profile.duplicateRows()).isZero();
        ColumnProfile day = profile.column("jour").orElseThrow();
        assertThat(day.future()).isEqualTo(column(5).stream()
                .filter(value -> ((java.sql.Date) value).toLocalDate().isAfter(LocalDate.of(2025, 1, 6))).count());
        assertThat(day.min()).isEqualTo("2024-01-01");
        assertThat(profile.column("code").orElseThrow().semanticType()).isEqualTo(SemanticType.IDENTIFIER);
        assertThat(profile.column("actif").orElseThrow().semanticType()).isEqualTo(SemanticType.BOOLEAN);
    }

    @Test
    void givesNoNumericStatisticsToTextThatOnlyLooksNumeric() {
        // film titles such as 1408 and catalogue codes such as 00123 read as numbers, but their columns are text
        Dataset<Row> films = spark.read().option("header", "true").option("sep", ";")
                .csv(io.datapilot.testing.Paths.resource("profile/films.csv").toString())
                .withColumn("duree_min", org.apache.spark.sql.functions.col("duree_min").cast(DataTypes.IntegerType));
        TableProfile profile = Profiler.of(spark, films, "films").execute();
        for (String text : List.of("titre", "code_catalogue", "annee")) {
            ColumnProfile column = profile.column(text).orElseThrow();
            assertThat(column.type()).isEqualTo("string");
            assertThat(column.numericText()).as(text + ": every value reads as a number").isEqualTo(12);
            assertThat(column.quartiles()).as(text).isNull();
            assertThat(column.mean()).as(text).isNull();
            assertThat(column.stddev()).as(text).isNull();
            assertThat(column.outliers()).as(text).isNull();
        }
        ColumnProfile duration = profile.column("duree_min").orElseThrow();
        assertThat(duration.quartiles()).as("the integer column keeps its quartiles").containsExactly(110.75, 118.5, 124.5);
        assertThat(duration.mean()).isCloseTo(1433 / 12.0, within(1e-9));
    }

    @Test
    void usesTheSameFewJobsWhateverTheNumberOfColumns() {
        StructType wide = new StructType();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            wide = wide.add("c" + i, i % 2 == 0 ? DataTypes.DoubleType : DataTypes.StringType);
            values.add(i % 2 == 0 ? (Object) (double) i : "v" + i);
        }
        Dataset<Row> thirty = spark.createDataFrame(List.of(RowFactory.create(values.toArray()), RowFactory.create(values.toArray())), wide);
        Dataset<Row> two = thirty.select("c0", "c1");
        int wideJobs = Profiler.of(spark, thirty, "wide").execute().sparkJobs();
        int narrowJobs = Profiler.of(spark, two, "narrow").execute().sparkJobs();
        assertThat(wideJobs).isEqualTo(narrowJobs).isLessThan(12);
    }
}
