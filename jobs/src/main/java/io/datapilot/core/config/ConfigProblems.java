package io.datapilot.core.config;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a configuration so that the user sees them all at once. */
public final class ConfigProblems {
    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private String text;

    public ConfigProblems(String file) {
        this.file = file;
    }

    public void add(String path, String message) {
        problems.add(new ConfigProblem(path, 0, message, ErrorKind.CONFIG));
    }

    public void add(String path, int line, String message) {
        problems.add(new ConfigProblem(path, line, message, ErrorKind.CONFIG));
    }

    /** A source file that exists but cannot be used as it is (empty, header only, undecodable). */
    public void addData(String path, String message) {
        problems.add(new ConfigProblem(path, 0, message, ErrorKind.DATA));
    }

    /** The configuration text, so that every problem can be given the line of its path. */
    void text(String yaml) {
        this.text = yaml;
    }

    public List<ConfigProblem> all() {
        return text == null ? List.copyOf(problems) : YamlLocator.of(text).locate(problems);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws one error listing every problem, if there is any. */
    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        boolean configMistake = problems.stream().anyMatch(problem -> problem.kind() == ErrorKind.CONFIG);
        StringBuilder message = new StringBuilder()
                .append(configMistake ? "Invalid configuration " : "Cannot use the sources of ")
                .append(file).append(": ")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (ConfigProblem problem : all()) {
            message.append(System.lineSeparator()).append("  - ").append(problem);
        }
        message.append(System.lineSeparator())
                .append(configMistake
                        ? "Fix these in " + file + " and run again; docs/CONFIG.md describes every key."
                        : "Fix or replace these files, or point the configuration to the right ones, and run again.");
        throw new DatapilotException(configMistake ? ErrorKind.CONFIG : ErrorKind.DATA, message.toString());
    }
}
