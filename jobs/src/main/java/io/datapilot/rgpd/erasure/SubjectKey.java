package io.datapilot.rgpd.erasure;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;

/**
 * How the person to erase is named on the command line: {@code COLUMN=VALUE}, the column by its final
 * or its original name, the value in clear (it is pseudonymised the way ingestion did before any match).
 */
public record SubjectKey(String column, String value) {

    public static SubjectKey parse(String text) {
        int equals = text == null ? -1 : text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new DatapilotException(ErrorKind.USAGE, "--subject-key must be COLUMN=VALUE, for example --subject-key"
                    + " id_client=C000042 or --subject-key email=jeanne@example.fr (the column by its name in the tables or in the"
                    + " source file, the value as the person gave it).");
        }
        return new SubjectKey(text.substring(0, equals).trim(), text.substring(equals + 1).trim());
    }

    /** Never the value: what logs and messages may show. */
    @Override
    public String toString() {
        return column + "=<value withheld>";
    }
}
