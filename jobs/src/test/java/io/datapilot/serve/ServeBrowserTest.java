package io.datapilot.serve;

import io.datapilot.testing.SiteChecks;
import org.junit.jupiter.api.Test;

/**
 * The application in headless Chromium (scripts/a11y/check-app.mjs): axe-core on every page and form
 * state, a keyboard-only login and prediction, the result announced and focused, errors linked to
 * their fields, no console error or CSP violation.
 */
@org.junit.jupiter.api.Tag("slow")
class ServeBrowserTest {

    @Test
    void passesTheBrowserChecksOnEveryPageAndFormState() {
        TestServer server = TestServer.shared();
        // localhost, not 127.0.0.1: Chromium keeps Secure cookies on plain HTTP for localhost
        SiteChecks.application(server.base(), "ali.analyst", TestServer.PASSWORD);
    }
}
