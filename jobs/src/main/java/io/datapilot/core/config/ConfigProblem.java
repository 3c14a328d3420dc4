package io.datapilot.core.config;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.ErrorKind;

/**
 * One thing wrong in a configuration file.
 *
 * @param path YAML path of the key, as in {@code sources[1].csv.separator}
 * @param line 1-based line in the file, or 0 when unknown
 * @param message what is wrong and how to fix it
 * @param kind {@link ErrorKind#CONFIG} for a mistake in the file, {@link ErrorKind#DATA} for a
 *     source file that cannot be used (empty, header only, undecodable)
 */
public record ConfigProblem(String path, int line, String message, ErrorKind kind) {

    public ConfigProblem {
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
        requireNonNull(kind, "kind is null");
    }

    @Override
    public String toString() {
        String where = path.isEmpty() ? "(file)" : path;
        return line > 0 ? where + " (line " + line + "): " + message : where + ": " + message;
    }
}
