package io.datapilot.rgpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void checksTheNirControlKey() {
        // 1 85 05 78 006 084, key 97 - (1850578006084 mod 97)
        long number = 1850578006084L;
        String key = String.format("%02d", 97 - number % 97);
        assertThat(Validators.isNir("1 85 05 78 006 084 " + key)).isTrue();
        assertThat(Validators.isNir("185057800608" + "4" + key)).isTrue();
        assertThat(Validators.isNir("1 85 05 78 006 084 " + (Integer.parseInt(key) % 96 + 1))).isFalse();
        assertThat(Validators.isNir("1 85 13 78 006 084 " + key)).as("month 13 does not exist").isFalse();
        // Corsica: 2A counts as 19 in the key
        long corsica = 2850519006084L;
        assertThat(Validators.isNir("2 85 05 2A 006 084 " + String.format("%02d", 97 - corsica % 97))).isTrue();
    }

    @Test
    void checksTheIbanChecksum() {
        assertThat(Validators.isIban("FR14 2004 1010 0505 0001 3M02 606")).isTrue();
        assertThat(Validators.isIban("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(Validators.isIban("FR14 2004 1010 0505 0001 3M02 607")).isFalse();
        assertThat(Validators.isIban("FR14")).isFalse();
    }

    @Test
    void checksCardNumbersWithLuhn() {
        assertThat(Validators.isCard("4111 1111 1111 1111")).isTrue();
        assertThat(Validators.isCard("5555-5555-5555-4444")).isTrue();
        assertThat(Validators.isCard("4111 1111 1111 1112")).isFalse();
        assertThat(Validators.isCard("1234")).isFalse();
    }

    @Test
    void recognisesEmailsPhonesIpsPostcodesAndBirthDates() {
        assertThat(Validators.isEmail("camille.martin@example.com")).isTrue();
        assertThat(Validators.isEmail("camille.martin.example.com")).isFalse();
        assertThat(Validators.isFrenchPhone("06 39 98 12 34")).isTrue();
        assertThat(Validators.isFrenchPhone("+33 6 39 98 12 34")).isTrue();
        assertThat(Validators.isFrenchPhone("06.39.98.12.34")).isTrue();
        assertThat(Validators.isFrenchPhone("0639981234")).isTrue();
        assertThat(Validators.isFrenchPhone("12 34")).isFalse();
        assertThat(Validators.isIp("192.168.1.20")).isTrue();
        assertThat(Validators.isIp("2001:db8::1")).isTrue();
        assertThat(Validators.isIp("256.1.1.1")).isFalse();
        assertThat(Validators.isPostcode("06000")).isTrue();
        assertThat(Validators.isPostcode("97411")).isTrue();
        assertThat(Validators.isPostcode("00123")).isFalse();
        LocalDate run = LocalDate.of(2025, 1, 6);
        assertThat(Validators.isPlausibleBirthDate(LocalDate.of(1980, 5, 1), run)).isTrue();
        assertThat(Validators.isPlausibleBirthDate(LocalDate.of(2023, 5, 1), run)).isFalse();
        assertThat(Validators.isPlausibleBirthDate(LocalDate.of(1890, 5, 1), run)).isFalse();
    }
}
