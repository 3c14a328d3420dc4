package io.datapilot.core.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The local-mode settings never override what spark-submit or the configuration's spark section gave. */
class LocalModeTest {
    private static final SparkConf NOTHING = new SparkConf(false);

    @Test
    void bindsTheDriverToLoopbackAndTurnsTheUiOffForOneShotCommands() {
        assertThat(LocalMode.settings(NOTHING, Map.of(), true)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1", "spark.ui.enabled", "false"));
        assertThat(LocalMode.settings(NOTHING, Map.of(), false)).as("a pipeline run keeps its UI")
                .doesNotContainKey("spark.ui.enabled").containsEntry("spark.driver.host", "127.0.0.1");
    }

    @Test
    void keepsTheHostAndUiThatSparkSubmitOrTheConfigurationGave() {
        SparkConf submitted = new SparkConf(false).set("spark.ui.enabled", "true").set("spark.driver.bindAddress", "0.0.0.0");
        assertThat(LocalMode.settings(submitted, Map.of(), true)).as("a host or address given: none of the two is set").isEmpty();
        assertThat(LocalMode.settings(NOTHING, Map.of("spark.driver.host", "laptop.local", "spark.ui.enabled", "true"), true)).isEmpty();
    }
}
