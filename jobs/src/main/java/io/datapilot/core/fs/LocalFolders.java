package io.datapilot.core.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** Folders of the local file system. */
public final class LocalFolders {
    private LocalFolders() {}

    /**
     * Copies the folder {@code from} to {@code to}, leaving out the given sub-folders (a warehouse
     * without some of its tables: Delta logs hold paths relative to the table, so the copies work).
     */
    public static void copy(Path from, Path to, Set<Path> leftOut) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                if (leftOut.stream().anyMatch(path::startsWith)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a folder and everything in it, if it exists; what cannot be deleted is left (a temporary folder). */
    public static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
