package io.datapilot.core;

import static java.util.Objects.requireNonNull;

/**
 * An error a user can act on: its message says what went wrong, why, and how to fix it.
 *
 * <p>Create instances through {@link PipelineErrors}; the {@link ErrorKind} decides the exit code.
 */
public final class DatapilotException extends RuntimeException {
    private final ErrorKind kind;

    public DatapilotException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    public DatapilotException(ErrorKind kind, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public ErrorKind kind() {
        return kind;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
