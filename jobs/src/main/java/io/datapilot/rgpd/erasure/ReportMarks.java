package io.datapilot.rgpd.erasure;

import io.datapilot.core.report.ReportFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Marks the reports of the run dates an erasure touched: {@code reports/<run date>/EFFACEMENTS.md}
 * says which request removed how many rows from which tables after the report was written (its
 * figures still count the person; the tables no longer do), and how to regenerate it.
 */
final class ReportMarks {
    static final String FILE = "EFFACEMENTS.md";

    private ReportMarks() {}

    /** Appends the request's paragraph to the run date's notice; false when that date has no report folder. */
    static boolean mark(String reportsDir, String runDate, String requestId, String handledOn, List<Erasure.Deleted> deleted,
            Configuration hadoop) {
        String folder = reportsDir + "/" + runDate;
        Path notice = new Path(folder, FILE);
        try {
            FileSystem fs = notice.getFileSystem(hadoop);
            if (!fs.exists(new Path(folder))) {
                return false;
            }
            String text = fs.exists(notice) ? read(fs, notice) : "# Effacements après la rédaction de ce rapport\n\n"
                    + "Les chiffres de ce rapport ont été calculés avant les effacements ci-dessous (droit à l'effacement, article 17"
                    + " du RGPD) : ils comptent encore les personnes effacées, que les tables ne contiennent plus. Pour les recalculer :"
                    + " `datapilot report --run-date " + runDate + "`.\n";
            StringBuilder paragraph = new StringBuilder("\n## Demande " + requestId + " (traitée le " + handledOn + ")\n\n"
                    + "| Table | Lignes supprimées de cette date |\n|---|---|\n");
            for (Erasure.Deleted table : deleted) {
                Long rows = table.found().runDates().get(runDate);
                if (rows != null) {
                    paragraph.append("| ").append(table.found().table()).append(" | ").append(rows).append(" |\n");
                }
            }
            new ReportFiles(folder, hadoop).writeText(FILE, text + paragraph);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mark the report " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
