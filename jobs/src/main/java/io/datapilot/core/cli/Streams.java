package io.datapilot.core.cli;

import java.io.PrintStream;

/** Where a command prints: results to {@link #out}, progress and errors to {@link #err}. */
public interface Streams {
    PrintStream out();

    PrintStream err();
}
