package io.datapilot.governance.watch;

/**
 * A feed that could not be read or parsed: why, and what to do about it. A value the watch records as the
 * feed's status, then goes on with the other feeds.
 */
public final class FeedFailure extends Exception {
    private final String hint;

    FeedFailure(String reason, String hint, Throwable cause) {
        super(reason, cause);
        this.hint = hint;
    }

    /** Why the feed could not be read, in a few words (for example "the connection was refused"). */
    public String reason() {
        return getMessage();
    }

    /** How to fix it. */
    public String hint() {
        return hint;
    }
}
