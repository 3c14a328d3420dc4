package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.ReportLocale;
import java.sql.Date;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private static final String NNBSP = "\u202F";
    private final Formats french = new Formats(ReportLocale.FR);
    private final Formats english = new Formats(ReportLocale.EN);

    @Test
    void writesNumbersTheFrenchWay() {
        assertThat(french.number(1234.56, 2)).isEqualTo("1" + NNBSP + "234,56");
        assertThat(french.count(1234567)).isEqualTo("1" + NNBSP + "234" + NNBSP + "567");
        assertThat(french.number(-3.5, 1)).isEqualTo("\u22123,5");
        assertThat(french.number(-0.0004, 2)).as("no negative zero").isEqualTo("0");
        assertThat(french.percent(0.125)).isEqualTo("12,5" + NNBSP + "%");
        assertThat(french.pValue(0.0002)).isEqualTo("< 0,001");
        assertThat(french.bytes(1_500_000)).isEqualTo("1,5\u00A0Mo");
        assertThat(french.number(Double.NaN, 2)).isEqualTo("–");
    }

    @Test
    void writesDatesAsDayMonthYearInFrenchAndIsoInEnglish() {
        assertThat(french.date(LocalDate.of(2024, 12, 31))).isEqualTo("31/12/2024");
        assertThat(french.cell(Date.valueOf("2024-12-31"))).isEqualTo("31/12/2024");
        assertThat(english.date(LocalDate.of(2024, 12, 31))).isEqualTo("2024-12-31");
    }

    @Test
    void writesNumbersTheEnglishWayWhenAsked() {
        assertThat(english.number(1234.56, 2)).isEqualTo("1,234.56");
        assertThat(english.percent(0.125)).isEqualTo("12.5%");
        assertThat(english.yesNo(true)).isEqualTo("yes");
        assertThat(french.yesNo(true)).isEqualTo("oui");
    }

    @Test
    void everyTextExistsInBothLanguages() throws Exception {
        java.util.Properties fr = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var in = Texts.class.getResourceAsStream("texts_fr.properties")) {
            fr.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        try (var in = Texts.class.getResourceAsStream("texts_en.properties")) {
            en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        assertThat(new Texts(ReportLocale.EN).get("key.quality.detail", "3", "4")).isEqualTo("3 checks passed out of 4");
        assertThat(new Texts(ReportLocale.FR).get("site.skip")).isEqualTo("Aller au contenu");
        assertThat(new Texts(ReportLocale.FR).get("bi.chi2.text")).contains("l’indépendance");
    }
}
