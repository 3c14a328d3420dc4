package io.datapilot.rgpd.erasure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Which files of a folder hold one of the given texts: text files as they are, workbooks (XLSX, any
 * ZIP) entry by entry. Names only: what was found is never printed.
 */
final class FileScan {
    /** Shorter values would be found by chance in any file (a number, a code): they are not searched. */
    static final int MIN_LENGTH = 5;
    private static final long MAX_BYTES = 64L << 20;

    private FileScan() {}

    static List<String> holding(String folder, Set<String> values, Configuration hadoop) {
        List<byte[]> needles = values.stream().filter(value -> value.length() >= MIN_LENGTH)
                .map(value -> value.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> found = new ArrayList<>();
        Path root = new Path(folder);
        try {
            FileSystem fs = root.getFileSystem(hadoop);
            if (needles.isEmpty() || !fs.exists(root)) {
                return found;
            }
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                LocatedFileStatus file = files.next();
                if (file.getLen() > MAX_BYTES || file.getPath().getName().endsWith(".crc")) {
                    continue;
                }
                byte[] content;
                try (InputStream in = fs.open(file.getPath())) {
                    content = in.readAllBytes();
                }
                if (holds(content, needles)) {
                    found.add(file.getPath().toUri().getPath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan " + folder + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static boolean holds(byte[] content, List<byte[]> needles) throws IOException {
        if (content.length > 4 && content[0] == 'P' && content[1] == 'K') {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (contains(zip.readAllBytes(), needles)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return contains(content, needles);
    }

    private static boolean contains(byte[] content, List<byte[]> needles) {
        for (byte[] needle : needles) {
            outer:
            for (int i = 0; i <= content.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (content[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
