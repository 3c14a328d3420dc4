package io.datapilot.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The folder of a chosen model as gold.leaderboard.model_path names it (local, HDFS or S3, as the
 * warehouse), read for the report: its model card and its {@code model.json}. A file that is missing
 * or unreadable is empty, and the page says so instead of failing the report.
 */
record ModelFolder(SparkSession spark, String path) {
    /** File names in a model's folder (docs/MODELS.md, "Final model"). */
    static final String CARD = "model_card.md";
    static final String DESCRIPTION = "model.json";

    String cardPath() {
        return path == null ? "–" : path + "/" + CARD;
    }

    Optional<String> card() {
        return read(CARD);
    }

    Optional<JsonNode> description() {
        return read(DESCRIPTION).flatMap(json -> {
            try {
                return Optional.of(new ObjectMapper().readTree(json));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<String> read(String file) {
        if (path == null) {
            return Optional.empty();
        }
        try {
            Path location = new Path(path, file);
            FileSystem fs = location.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(location)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(location)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
