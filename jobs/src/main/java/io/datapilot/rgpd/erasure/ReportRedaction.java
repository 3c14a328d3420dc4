package io.datapilot.rgpd.erasure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Replaces the subject's values in the files of the reports (and of the models) that still hold them:
 * text files (Markdown, HTML, SVG, CSV, JSON, notebooks) in place, workbooks part by part (their XML). What a
 * report computed from the person (a count, a mean) stays, and its notice says so; only their values go.
 */
final class ReportRedaction {
    private static final Set<String> TEXT = Set.of("md", "html", "htm", "svg", "csv", "json", "ipynb", "txt", "xml", "js", "css");

    private ReportRedaction() {}

    /** What was done to the files found: redacted, or left because their format is not known (listed for a regeneration). */
    record Outcome(List<String> redacted, List<String> left) {}

    static Outcome redact(List<String> files, ValuePattern values, Configuration hadoop) {
        List<String> redacted = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String name : files) {
            Path file = new Path(name);
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            try {
                FileSystem fs = file.getFileSystem(hadoop);
                byte[] content;
                try (InputStream in = fs.open(file)) {
                    content = in.readAllBytes();
                }
                byte[] replaced;
                if (TEXT.contains(extension)) {
                    replaced = values.redact(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                } else if (extension.equals("xlsx")) {
                    replaced = workbook(content, values);
                } else {
                    left.add(name);
                    continue;
                }
                try (OutputStream out = fs.create(file, true)) {
                    out.write(replaced);
                }
                redacted.add(name);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot redact " + name + ": " + e.getMessage(), e);
            }
        }
        return new Outcome(redacted, left);
    }

    /** A workbook is a ZIP of XML parts: the shared strings, the sheets and the comments are redacted as text. */
    private static byte[] workbook(byte[] content, ValuePattern values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(content));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] part = in.readAllBytes();
                if (entry.getName().endsWith(".xml")) {
                    part = values.redact(new String(part, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(part);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
