package io.datapilot.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after 5 failed logins in a row for a user name, or for a client
 * address, the next attempt waits 30 seconds, doubling at each further failure up to 15 minutes; a
 * success clears the name's count.
 */
final class LoginThrottle {
    static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private record Failures(int count, Instant until) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the attempt must wait; zero when it may go on. */
    Duration wait(String name, String address) {
        Instant now = clock.instant();
        Instant until = later(failures.get("user:" + name), failures.get("ip:" + address));
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    void failed(String name, String address) {
        record("user:" + name);
        record("ip:" + address);
        if (failures.size() > 100_000) {
            Instant now = clock.instant();
            failures.values().removeIf(entry -> entry.until() == null || entry.until().isBefore(now.minus(LONGEST_WAIT)));
        }
    }

    void succeeded(String name) {
        failures.remove("user:" + name);
    }

    private void record(String key) {
        failures.compute(key, (k, previous) -> {
            int count = previous == null ? 1 : previous.count() + 1;
            Instant until = null;
            if (count >= FREE_ATTEMPTS) {
                long factor = 1L << Math.min(count - FREE_ATTEMPTS, 10);
                Duration wait = FIRST_WAIT.multipliedBy(factor);
                until = clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            }
            return new Failures(count, until);
        });
    }

    private static Instant later(Failures a, Failures b) {
        Instant first = a == null ? null : a.until();
        Instant second = b == null ? null : b.until();
        if (first == null) {
            return second;
        }
        return second == null || first.isAfter(second) ? first : second;
    }
}
