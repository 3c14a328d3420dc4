package io.datapilot.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The files the governance stage wrote next to the site ({@code <reports>/<run date>/governance/}: the
 * management note, the logbook's workbook), read on any Hadoop file system. A missing or unreadable file
 * is empty: the page that shows it says it was not produced.
 */
record GovernanceFiles(SparkSession spark, String reportsDir, LocalDate runDate) {
    static final String FOLDER = "governance";
    static final String NOTE = "note_direction.md";
    static final String LOGBOOK = "carnet_de_bord.xlsx";

    static GovernanceFiles of(PageContext context) {
        return new GovernanceFiles(context.spark(), context.config().reportsDir(), context.runDate());
    }

    String path(String name) {
        return reportsDir + "/" + runDate + "/" + FOLDER + "/" + name;
    }

    Optional<byte[]> read(String name) {
        try {
            Path location = new Path(path(name));
            FileSystem fs = location.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(location)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(location)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Optional<String> text(String name) {
        return read(name).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    boolean exists(String name) {
        try {
            Path location = new Path(path(name));
            return location.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(location);
        } catch (IOException e) {
            return false;
        }
    }
}
