package io.datapilot.serve;

import java.util.List;

/**
 * A request answered with an error status before or instead of its handler: the message says what
 * is wrong and how to fix it; {@code fields} hold one message per bad field of a 400.
 */
final class Refusal extends RuntimeException {
    private final int status;
    private final String code;
    private final List<FieldError> fields;

    Refusal(int status, String code, String message, List<FieldError> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    Refusal(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<FieldError> fields() {
        return fields;
    }
}
