package io.datapilot.serve;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * What a user of the web application may do, each role including the ones before it: a viewer reads
 * the whole dashboard and the models' descriptions, an analyst also predicts (form and API) and
 * downloads the report's files, an admin also reloads the models and reads the operators' metrics.
 */
public enum Role implements RouteRole {
    /** Anyone, logged in or not: the dashboard's summary, the notices, the health and API description. */
    PUBLIC,
    VIEWER,
    ANALYST,
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a users file or of the command line: viewer, analyst or admin. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role != PUBLIC && role.key().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("Invalid role '" + text + "': a user is viewer, analyst or admin");
    }
}
