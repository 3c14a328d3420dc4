package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The folder below which a generated row key names its file (key: auto). */
class SourceFolderTest {
    @Test
    void namesFilesBelowTheSourcesFolderUpToItsFirstWildcard() {
        assertThat(SourceLoad.sourceFolder("/data/releves.csv")).isEqualTo("/data");
        assertThat(SourceLoad.sourceFolder("/data/2024-*/releves.csv")).isEqualTo("/data");
        assertThat(SourceLoad.sourceFolder("hdfs://namenode:8020/data/*.csv")).isEqualTo("/namenode:8020/data");
        assertThat(SourceLoad.sourceFolder("releves.csv")).isNull();
    }
}
