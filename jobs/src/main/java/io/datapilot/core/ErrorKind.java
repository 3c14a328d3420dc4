package io.datapilot.core;

/** What kind of failure stopped a command, and the process exit code it maps to. */
public enum ErrorKind {
    /** The input data failed a check (too many bad rows, unreadable file content...). */
    DATA(1),
    /** The command line is wrong. */
    USAGE(2),
    /** The configuration file is wrong or refers to something that does not exist. */
    CONFIG(2);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
