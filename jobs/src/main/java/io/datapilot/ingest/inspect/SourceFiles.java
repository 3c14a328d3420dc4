package io.datapilot.ingest.inspect;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Lists the files a source path names: a file, a folder, or a glob pattern, on any Hadoop file system. */
final class SourceFiles {
    private SourceFiles() {}

    /** The data files, sorted by name; empty when nothing matches. */
    static List<FileStatus> list(String location, Configuration hadoop) throws IOException {
        Path path = new Path(location);
        FileSystem fileSystem = path.getFileSystem(hadoop);
        FileStatus[] matched;
        try {
            matched = fileSystem.globStatus(path);
        } catch (FileNotFoundException e) {
            return List.of();
        }
        if (matched == null) {
            return List.of();
        }
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus status : matched) {
            if (status.isDirectory()) {
                Arrays.stream(fileSystem.listStatus(status.getPath()))
                        .filter(FileStatus::isFile)
                        .filter(child -> !isHidden(child.getPath().getName()))
                        .forEach(files::add);
            } else {
                files.add(status);
            }
        }
        files.sort(Comparator.comparing(status -> status.getPath().toString()));
        return files;
    }

    /** Spark skips these too: _SUCCESS, .crc files and other markers. */
    private static boolean isHidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }
}
