package io.datapilot.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.ColumnType;
import io.datapilot.core.config.NumberFormat;
import io.datapilot.testing.TestSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Dates as people write them: month names in English and French, ISO 8601 with an offset, Excel serials. */
class WrittenDatesTest {
    private final SparkSession spark = TestSpark.session();

    /** Each value parsed: [value, failed]. */
    private List<Object[]> parse(ColumnType type, List<String> formats, String... values) {
        Dataset<Row> rows = spark.createDataset(Arrays.asList(values), Encoders.STRING()).toDF("raw");
        ValueParser.Parsed parsed = ValueParser.parse(col("raw"), type, formats, NumberFormat.AUTO, "UTF-8");
        return rows.select(parsed.value(), parsed.failed()).collectAsList().stream()
                .map(row -> new Object[] {row.get(0), row.get(1)}).toList();
    }

    private List<Object> dates(List<String> formats, String... values) {
        return parse(ColumnType.DATE, formats, values).stream().map(pair -> pair[0]).toList();
    }

    private List<Object> failures(ColumnType type, List<String> formats, String... values) {
        return parse(type, formats, values).stream().map(pair -> pair[1]).toList();
    }

    private static Date day(String iso) {
        return Date.valueOf(iso);
    }

    @Test
    void readsEnglishMonthNamesInAnyCaseWithOrWithoutDotAndComma() {
        assertThat(dates(List.of("MMMM d yyyy"), "Jun 12 1998", "June 12, 1998", "JUN. 12 1998", "jun 12,1998", "Sept 1 2024",
                "February 29, 2024", "Dec. 31 1999"))
                .containsExactly(day("1998-06-12"), day("1998-06-12"), day("1998-06-12"), day("1998-06-12"), day("2024-09-01"),
                        day("2024-02-29"), day("1999-12-31"));
        assertThat(dates(List.of("d MMM yyyy"), "12 Jun 1998", "12 june 1998", "12-Jun-1998", "3 Aug. 2001"))
                .containsExactly(day("1998-06-12"), day("1998-06-12"), day("1998-06-12"), day("2001-08-03"));
    }

    @Test
    void readsEveryEnglishMonth() {
        List<String> full = List.of("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December");
        List<String> texts = new ArrayList<>();
        List<Date> expected = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            texts.add(full.get(month - 1) + " 3, 2020");
            texts.add(full.get(month - 1).substring(0, 3) + " 3 2020");
            expected.add(day(String.format("2020-%02d-03", month)));
            expected.add(day(String.format("2020-%02d-03", month)));
        }
        assertThat(dates(List.of("MMMM d, yyyy"), texts.toArray(String[]::new))).containsExactlyElementsOf(expected);
    }

    @Test
    void readsFrenchMonthNamesAndTheirUsualAbbreviationsWithOrWithoutAccentsAndDots() {
        List<String> full = List.of("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre");
        List<String> abbreviated = List.of("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
                "déc.");
        List<String> bare = List.of("janv", "fevr", "MARS", "Avr", "MAI", "Juin", "juil", "aout", "sept", "oct", "nov", "dec");
        List<String> texts = new ArrayList<>();
        List<Date> expected = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (List<String> spelling : List.of(full, abbreviated, bare)) {
                texts.add("12 " + spelling.get(month - 1) + " 2024");
                expected.add(day(String.format("2024-%02d-12", month)));
            }
        }
        assertThat(dates(List.of("d MMMM yyyy"), texts.toArray(String[]::new))).containsExactlyElementsOf(expected);
        assertThat(dates(List.of("d MMMM yyyy"), "12 JANVIER 2024", "15 AOÛT 2024", "24 Déc. 2024", "  12  janv.  2024 "))
                .containsExactly(day("2024-01-12"), day("2024-08-15"), day("2024-12-24"), day("2024-01-12"));
    }

    @Test
    void readsTheFirstOfTheMonthWrittenPremier() {
        assertThat(dates(List.of("d MMMM yyyy"), "1er mars 2024", "1ER JANVIER 2000", "1 mars 2024"))
                .containsExactly(day("2024-03-01"), day("2000-01-01"), day("2024-03-01"));
        assertThat(failures(ColumnType.DATE, List.of("d MMMM yyyy"), "2er mars 2024", "11er mars 2024")).containsExactly(true, true);
    }

    @Test
    void readsMonthNamesWithTwoDigitYearsTheExcelWayAndWithATimeOfDay() {
        assertThat(dates(List.of("d MMMM yy"), "12-Jun-98", "3 janv. 24")).containsExactly(day("1998-06-12"), day("2024-01-03"));
        List<Object[]> parsed = parse(ColumnType.TIMESTAMP, List.of("d MMMM yyyy H:mm", "d MMMM yyyy 'à' H'h'mm"),
                "12 janvier 2024 14:05", "12 janv. 2024 à 14h05");
        Timestamp paris = Timestamp.from(ZonedDateTime.of(2024, 1, 12, 14, 5, 0, 0, ZoneId.of("Europe/Paris")).toInstant());
        assertThat(parsed).extracting(pair -> pair[0]).containsExactly(paris, paris);
    }

    @Test
    void failsOnDatesThatDoNotExistAndWordsThatAreNotMonths() {
        assertThat(parse(ColumnType.DATE, List.of("d MMMM yyyy"), "31 février 2024", "29 févr. 2023", "12 foo 2024", "12 2024",
                "mars 2024", "12 mars", "mardi 12 mars 2024", "12 mars 2024 foo", "12 mars 20245", "", null))
                .containsExactly(new Object[] {null, true}, new Object[] {null, true}, new Object[] {null, true},
                        new Object[] {null, true}, new Object[] {null, true}, new Object[] {null, true}, new Object[] {null, true},
                        new Object[] {null, true}, new Object[] {null, true}, new Object[] {null, false}, new Object[] {null, false});
        assertThat(parse(ColumnType.DATE, List.of("MMMM d yyyy"), "Jun 31 1998", "Juno 12 1998", "12 Jun 1998"))
                .extracting(pair -> pair[0], pair -> pair[1])
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, true), org.assertj.core.groups.Tuple.tuple(null, true),
                        org.assertj.core.groups.Tuple.tuple(null, true));
    }

    @Test
    void tellsWhichFormatWasExpected() {
        ValueParser.Parsed parsed = ValueParser.parse(col("raw"), ColumnType.DATE, List.of("d MMMM yyyy", "excel"), NumberFormat.AUTO,
                "UTF-8");
        assertThat(parsed.expectation()).isEqualTo("a date in format d MMMM yyyy or excel");
    }

    @Test
    void keepsTheInstantOfIsoDateTimesWithAnOffsetOrZ() {
        List<String> iso = List.of("yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        List<Object[]> parsed = parse(ColumnType.TIMESTAMP, iso, "2024-03-01T10:00:00+01:00", "2024-03-01T10:00:00Z",
                "2024-07-14T22:30:00+02:00", "2024-03-01T10:00:00.5-05:00", "2024-03-01T10:00:00.123Z");
        assertThat(parsed).extracting(pair -> ((Timestamp) pair[0]).toInstant()).containsExactly(
                Instant.parse("2024-03-01T09:00:00Z"), Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2024-07-14T20:30:00Z"),
                Instant.parse("2024-03-01T15:00:00.5Z"), Instant.parse("2024-03-01T10:00:00.123Z"));
        assertThat(failures(ColumnType.TIMESTAMP, iso, "2024-02-30T10:00:00Z", "2024-03-01T25:00:00+01:00", "2024-03-01T10:00:00+25:00",
                "2024-03-01T10:00:00 Z", "2024-03-01 10:00:00Z")).containsExactly(true, true, true, true, true);
    }

    @Test
    void readsExcelSerialsInThe1900DateSystemWithItsLeapYearBug() {
        assertThat(dates(List.of("excel"), "1", "59", "61", "45292", "45292.0", " 45292 ", "2958465"))
                .containsExactly(day("1900-01-01"), day("1900-02-28"), day("1900-03-01"), day("2024-01-01"), day("2024-01-01"),
                        day("2024-01-01"), day("9999-12-31"));
        // serial 60 is Excel's 29 February 1900, a day that never was
        assertThat(failures(ColumnType.DATE, List.of("excel"), "60", "0", "-1", "45292.5", "douze", "2958466", "4 5292", "1e4"))
                .containsExactly(true, true, true, true, true, true, true, true);
        List<Object[]> timestamp = parse(ColumnType.TIMESTAMP, List.of("excel"), "45292");
        assertThat(((Timestamp) timestamp.get(0)[0]).toInstant())
                .isEqualTo(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneId.of("Europe/Paris")).toInstant());
    }

    @Test
    void turnsAMonthPatternIntoTheNumericPatternOfTheNormalisedText() {
        assertThat(MonthNames.numericPattern("MMMM d, yyyy")).isEqualTo("~M d yyyy");
        assertThat(MonthNames.numericPattern("dd-MMM-yy")).isEqualTo("dd ~M yy");
        assertThat(MonthNames.numericPattern("d MMM. yyyy 'à' HH'h'mm")).isEqualTo("d ~M yyyy 'a' HH'h'mm");
        assertThat(MonthNames.inPattern("d MMMM yyyy")).isTrue();
        assertThat(MonthNames.inPattern("dd/MM/yyyy")).isFalse();
        assertThat(MonthNames.inPattern("dd 'MMM' MM yyyy")).isFalse();
    }
}
