package io.datapilot.governance.steering;

import static java.util.Objects.requireNonNull;

/**
 * Something the project manager should look at, as a value (the pipeline goes on).
 *
 * @param subject what it is about: {@code projet}, or {@code <lot> / <task>}
 * @param message in French, with the figures
 */
public record SteeringAlert(Level level, String subject, String message) {

    public enum Level {
        WARNING,
        CRITICAL
    }

    public SteeringAlert {
        requireNonNull(level, "level is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(message, "message is null");
    }
}
