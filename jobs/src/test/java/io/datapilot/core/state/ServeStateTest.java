package io.datapilot.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web application's last settings: written under the warehouse, read back, and "not known" when absent or damaged. */
class ServeStateTest {
    @TempDir
    Path warehouse;

    @Test
    void readsBackWhatTheLastStartUpWroteAndNothingElse() throws Exception {
        Configuration hadoop = new Configuration();
        assertThat(ServeState.read(warehouse.toString(), hadoop)).isEmpty();
        new ServeState(false, "0.0.0.0", 8080, false, Instant.parse("2026-03-01T20:15:00Z")).write(warehouse);
        ServeState https = new ServeState(true, "127.0.0.1", 8443, true, Instant.parse("2026-03-02T07:00:00Z"));
        https.write(warehouse);
        assertThat(ServeState.read(warehouse.toString(), hadoop)).contains(https);
        assertThat(https.localOnly()).isTrue();
        assertThat(Files.readString(warehouse.resolve(ServeState.FILE))).doesNotContain("password").contains("\"https\" : true");

        Files.writeString(warehouse.resolve(ServeState.FILE), "{ \"https\": tru");
        assertThat(ServeState.read(warehouse.toString(), hadoop)).as("a damaged file says nothing sure").isEmpty();
    }
}
