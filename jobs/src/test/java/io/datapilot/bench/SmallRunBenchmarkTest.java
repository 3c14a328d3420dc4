package io.datapilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small-run breakdown's reading of Spark's event log: jobs, their kinds and the time with a job running. */
class SmallRunBenchmarkTest {

    @Test
    void readsTheJobsOfAnEventLogAndNamesTheirKindsWithoutTheirTables(@TempDir Path folder) throws IOException {
        Path log = folder.resolve("local-1");
        Files.write(log, List.of(
                "{\"Event\":\"SparkListenerApplicationStart\",\"Timestamp\":1000}",
                start(1, 2000, "ingest · clients · detecting column types", "csv at X.java:10", 2, 1),
                start(2, 2500, "Delta: ingest · writing audit.quarantine: Filtering files for query: Compute snapshot for version: 12",
                        "x", 1),
                "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":1}",
                end(1, 3000),
                end(2, 2600),
                start(3, 5000, "", "collectAsList at ReportTables.java:193", 4),
                end(3, 5500)), StandardCharsets.UTF_8);

        List<SmallRunBenchmark.Job> jobs = SmallRunBenchmark.jobs(log);

        assertThat(jobs).extracting(SmallRunBenchmark.Job::kind).containsExactly("detecting column types",
                "Delta: Compute snapshot for version", "collectAsList at ReportTables.java");
        assertThat(jobs).extracting(SmallRunBenchmark.Job::tasks).containsExactly(3, 1, 4);
        // 2,0–3,0 s and 2,5–2,6 s overlap: 1 s; then 0,5 s
        assertThat(SmallRunBenchmark.busy(jobs, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(1.5);
        // clipped to a stage's window
        assertThat(SmallRunBenchmark.busy(jobs, 2800, 5200)).isEqualTo(0.4);
        assertThat(SmallRunBenchmark.kind("train · resilie · knn · 2 combinations × 3 folds", "")).isEqualTo("N combinations × N folds");
    }

    private static String start(int id, long time, String description, String site, int... tasks) {
        StringBuilder stages = new StringBuilder();
        for (int i = 0; i < tasks.length; i++) {
            stages.append(i == 0 ? "" : ",").append("{\"Stage ID\":").append(id * 10 + i).append(",\"Stage Name\":\"").append(site)
                    .append("\",\"Number of Tasks\":").append(tasks[i]).append('}');
        }
        return "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":" + id + ",\"Submission Time\":" + time + ",\"Stage Infos\":[" + stages
                + "],\"Properties\":{" + (description.isEmpty() ? "" : "\"spark.job.description\":\"" + description + "\"") + "}}";
    }

    private static String end(int id, long time) {
        return "{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":" + id + ",\"Completion Time\":" + time + ",\"Job Result\":{}}";
    }
}
