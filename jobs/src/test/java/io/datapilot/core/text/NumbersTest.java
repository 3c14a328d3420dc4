package io.datapilot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void formatsCountsDecimalsAndPercentsTheFrenchWay() {
        assertThat(Numbers.count(1234567)).isEqualTo("1 234 567");
        assertThat(Numbers.decimal(1234.5, 2)).isEqualTo("1 234,50");
        assertThat(Numbers.percent(0.0123)).isEqualTo("1,23 %");
        assertThat(Numbers.percent(0.0005)).isEqualTo("0,050 %");
    }

    @Test
    void formatsDurations() {
        assertThat(Numbers.duration(Duration.ofMillis(3450))).isEqualTo("3,5 s");
        assertThat(Numbers.duration(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
    }
}
