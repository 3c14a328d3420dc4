package io.datapilot.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, in memory (a restart logs everyone out): a random identifier in an
 * {@code HttpOnly}, {@code Secure}, {@code SameSite=Strict} cookie, the user, and the session's
 * CSRF token that every form must send back. A session ends after 30 minutes without a request or
 * 8 hours in all; logging in always starts a new one (no fixation).
 */
final class Sessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(8);

    record Session(String id, String user, Role role, String csrf, Instant started, Instant lastSeen) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session start(Users.User user) {
        Instant now = clock.instant();
        Session session = new Session(token(), user.name(), user.role(), token(), now, now);
        sessions.put(session.id(), session);
        sessions.values().removeIf(this::expired);
        return session;
    }

    /** The live session of a cookie's identifier, touched; null when unknown or expired. */
    Session find(String id) {
        if (id == null) {
            return null;
        }
        Session session = sessions.get(id);
        if (session == null) {
            return null;
        }
        if (expired(session)) {
            sessions.remove(id);
            return null;
        }
        Session touched = new Session(session.id(), session.user(), session.role(), session.csrf(), session.started(), clock.instant());
        sessions.replace(id, session, touched);
        return touched;
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private boolean expired(Session session) {
        Instant now = clock.instant();
        return session.lastSeen().plus(IDLE).isBefore(now) || session.started().plus(ABSOLUTE).isBefore(now);
    }

    static String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Users.bytes(32));
    }
}
