package io.datapilot.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.ColumnType;
import io.datapilot.core.config.NumberFormat;
import io.datapilot.testing.TestSpark;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueParserTest {
    private final SparkSession spark = TestSpark.session();

    /** Each value parsed: [value, failed]. */
    private List<Object[]> parse(ColumnType type, List<String> formats, NumberFormat numbers, String... values) {
        Dataset<Row> rows = spark.createDataset(Arrays.asList(values), Encoders.STRING()).toDF("raw");
        ValueParser.Parsed parsed = ValueParser.parse(col("raw"), type, formats, numbers, "UTF-8");
        return rows.select(parsed.value(), parsed.failed()).collectAsList().stream()
                .map(row -> new Object[] {row.get(0), row.get(1)}).toList();
    }

    private List<Object> values(ColumnType type, List<String> formats, NumberFormat numbers, String... texts) {
        return parse(type, formats, numbers, texts).stream().map(pair -> pair[0]).toList();
    }

    @Test
    void readsFrenchDecimalsWithEveryKindOfThousandsSpace() {
        assertThat(values(ColumnType.DOUBLE, List.of(), NumberFormat.FR,
                "12,5", "1 234,56", "1\u00A0234,56", "1\u202F234,56", "-3,5", "12,50 €", "0,5"))
                .containsExactly(12.5, 1234.56, 1234.56, 1234.56, -3.5, 12.5, 0.5);
        assertThat(values(ColumnType.decimal(10, 2), List.of(), NumberFormat.FR, "1 234,56", "12,5"))
                .containsExactly(new BigDecimal("1234.56"), new BigDecimal("12.50"));
    }

    @Test
    void autoFormatTakesTheLastMarkAsTheDecimalMark() {
        assertThat(values(ColumnType.DOUBLE, List.of(), NumberFormat.AUTO, "12,5", "1234.56", "1.234,5", "1,234.5", "1 234,5"))
                .containsExactly(12.5, 1234.56, 1234.5, 1234.5, 1234.5);
        assertThat(values(ColumnType.DOUBLE, List.of(), NumberFormat.EN, "1,234.5")).containsExactly(1234.5);
    }

    /** The trap this parser exists for: Spark's CSV reader with a decimal schema reads "12,5" as 125. */
    @Test
    void sparksOwnCsvDecimalParsingWouldReadTheDecimalCommaAsAThousandsSeparator(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("montants.csv");
        Files.writeString(file, "montant\n\"12,5\"\n", Charset.forName("windows-1252"));
        StructType schema = new StructType().add("montant", DataTypes.createDecimalType(10, 2));
        Row spark = this.spark.read().option("header", true).schema(schema).csv(file.toString()).first();
        assertThat(spark.getDecimal(0)).isEqualByComparingTo("125");
        assertThat(values(ColumnType.decimal(10, 2), List.of(), NumberFormat.FR, "12,5")).containsExactly(new BigDecimal("12.50"));
    }

    @Test
    void failsInsteadOfGuessingOnTextThatIsNotANumber() {
        List<Object[]> parsed = parse(ColumnType.DOUBLE, List.of(), NumberFormat.FR, "douze", "12,5,3", "", null, "1.234,5");
        assertThat(parsed).extracting(pair -> pair[1]).containsExactly(true, true, false, false, true);
        assertThat(parse(ColumnType.decimal(6, 2), List.of(), NumberFormat.FR, "12,345", "12,340", "123456,00"))
                .extracting(pair -> pair[1]).containsExactly(true, false, true);
    }

    @Test
    void readsWholeNumbersStrictly() {
        assertThat(parse(ColumnType.INTEGER, List.of(), NumberFormat.AUTO, "12", "12.0", "1 200", "12.5", "-7", "99999999999999999999"))
                .extracting(pair -> pair[0]).containsExactly(12L, 12L, 1200L, null, -7L, null);
    }

    @Test
    void readsFrenchDatesAndTimestampsStrictly() {
        assertThat(values(ColumnType.DATE, List.of("d/M/yyyy"), NumberFormat.AUTO, "31/12/2024", "1/2/2024", "31/02/2024", "2024-12-31"))
                .containsExactly(Date.valueOf("2024-12-31"), Date.valueOf("2024-02-01"), null, null);
        assertThat(values(ColumnType.TIMESTAMP, List.of("dd/MM/yyyy HH:mm"), NumberFormat.AUTO, "31/12/2024 14:05"))
                // the session time zone is the project's, Europe/Paris: 14:05 there is 13:05 UTC
                .containsExactly(Timestamp.from(java.time.ZonedDateTime.of(2024, 12, 31, 14, 5, 0, 0,
                        java.time.ZoneId.of("Europe/Paris")).toInstant()));
        assertThat(parse(ColumnType.DATE, List.of("dd/MM/yyyy"), NumberFormat.AUTO, "32/13/2024", "", "n'importe quoi"))
                .extracting(pair -> pair[1]).containsExactly(true, false, true);
    }

    @Test
    void triesSeveralPatternsInOrderAndReadsTwoDigitYearsTheExcelWay() {
        assertThat(values(ColumnType.DATE, List.of("d/M/yyyy", "M/d/yy"), NumberFormat.AUTO, "31/12/1980", "12/31/81", "1/2/29", "1/2/30"))
                .containsExactly(Date.valueOf("1980-12-31"), Date.valueOf("1981-12-31"), Date.valueOf("2029-01-02"),
                        Date.valueOf("1930-01-02"));
        assertThat(values(ColumnType.DATE, List.of("excel"), NumberFormat.AUTO, "45291", "45291.0"))
                .containsExactly(Date.valueOf("2023-12-31"), Date.valueOf("2023-12-31"));
    }

    @Test
    void readsFrenchAndEnglishYesNo() {
        assertThat(parse(ColumnType.BOOLEAN, List.of(), NumberFormat.AUTO, "Oui", "non", "VRAI", "faux", "true", "No", "peut-être"))
                .extracting(pair -> pair[0]).containsExactly(true, false, true, false, true, false, null);
    }

    @Test
    void flagsTextWithUndecodableBytes() {
        assertThat(parse(ColumnType.STRING, List.of(), NumberFormat.AUTO, "caf\uFFFD", "café")).extracting(pair -> pair[1])
                .containsExactly(true, false);
    }

    @Test
    void derivesTheShapeOfADatePattern() {
        assertThat(ValueParser.shapeOf("d/M/yyyy")).isEqualTo("^\\d{1,2}\\Q/\\E\\d{1,2}\\Q/\\E\\d{4,4}$");
        assertThat("31/12/2024 14h05").matches(ValueParser.shapeOf("d/M/yyyy H'h'mm"));
        assertThat("2024-12-31T10:00:00").matches(ValueParser.shapeOf("yyyy-MM-dd'T'HH:mm:ss"));
    }
}
