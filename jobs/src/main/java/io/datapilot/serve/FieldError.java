package io.datapilot.serve;

import static java.util.Objects.requireNonNull;

/** What is wrong with one field of a request, in words the person who sent it can act on. */
public record FieldError(String field, String message) {
    public FieldError {
        requireNonNull(field, "field is null");
        requireNonNull(message, "message is null");
    }
}
