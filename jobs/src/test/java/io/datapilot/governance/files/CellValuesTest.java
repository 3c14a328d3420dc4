package io.datapilot.governance.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CellValuesTest {

    @Test
    void readsFrenchAndPlainNumbersWithUnitsAndGrouping() {
        assertThat(CellValues.number("1 234,56")).isEqualTo(1234.56);
        assertThat(CellValues.number("1\u202F234,56\u00A0€")).isEqualTo(1234.56);
        assertThat(CellValues.number("12 000 €")).isEqualTo(12000.0);
        assertThat(CellValues.number("45 %")).isEqualTo(45.0);
        assertThat(CellValues.number("45\u00A0%")).isEqualTo(45.0);
        assertThat(CellValues.number("\u00A045%\u00A0")).isEqualTo(45.0);
        assertThat(CellValues.number("1234.56")).isEqualTo(1234.56);
        assertThat(CellValues.number("−3,5")).isEqualTo(-3.5);
        assertThat(CellValues.number("1.5E7")).isEqualTo(1.5e7);
        assertThat(CellValues.number("500 EUR")).isEqualTo(500.0);
    }

    @Test
    void givesNullForTextThatIsNotANumber() {
        assertThat(CellValues.number("douze")).isNull();
        assertThat(CellValues.number("1,234.56")).isNull();
        assertThat(CellValues.number("12 34")).isNull();
        assertThat(CellValues.number("")).isNull();
        assertThat(CellValues.number(null)).isNull();
    }

    @Test
    void readsFrenchAndIsoDatesWithOrWithoutATime() {
        assertThat(CellValues.date("31/12/2024")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(CellValues.date("1/9/2026")).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(CellValues.date("2024-12-31")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(CellValues.date("31/12/2024 00:00")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(CellValues.date("2024-12-31T10:15:00")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(CellValues.date(" 01/09/2026\u00A0")).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void givesNullForImpossibleOrAmericanDates() {
        assertThat(CellValues.date("31/02/2024")).isNull();
        assertThat(CellValues.date("12/31/2024")).isNull();
        assertThat(CellValues.date("31/12/24")).isNull();
        assertThat(CellValues.date("demain")).isNull();
    }

    @Test
    void readsYesAndNoInFrenchAndEnglish() {
        assertThat(CellValues.bool("oui")).isTrue();
        assertThat(CellValues.bool(" OUI ")).isTrue();
        assertThat(CellValues.bool("true")).isTrue();
        assertThat(CellValues.bool("non")).isFalse();
        assertThat(CellValues.bool("0")).isFalse();
        assertThat(CellValues.bool("peut-être")).isNull();
    }
}
