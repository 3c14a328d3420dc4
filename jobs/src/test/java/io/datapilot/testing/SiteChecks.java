package io.datapilot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checks of a generated report site with the real tools: axe-core in headless Chromium plus the link,
 * keyboard and 200 % zoom checks of scripts/a11y/check-site.mjs, and the Jupyter project's own
 * nbformat validator. Both are installed by scripts/a11y/setup (called by .ci/run); a missing tool
 * fails the test with the command that installs it.
 */
public final class SiteChecks {
    private SiteChecks() {}

    /** Every page of the site: zero axe violation, every link resolving, skip link, focus, reflow. */
    public static void accessible(Path site) {
        Path checker = Paths.root().resolve("scripts/a11y/check-site.mjs");
        if (!Files.isDirectory(Paths.root().resolve("scripts/a11y/node_modules/axe-core"))) {
            fail("axe-core is not installed: run scripts/a11y/setup (it installs Chromium and runs npm ci in scripts/a11y).");
        }
        Result result = run(List.of("node", checker.toString(), site.toString(), "--quiet"), 300);
        assertThat(result.code()).as("check-site on %s:%n%s", site, result.output()).isZero();
        assertThat(result.output()).contains("0 problem(s)");
    }

    /**
     * The running web application ({@code datapilot serve} at baseUrl, e.g. http://localhost:8099), in a
     * real browser with scripts/a11y/check-app.mjs: zero axe violation on every page and form state,
     * keyboard-only login and prediction, the result announced (aria-live) and focused, per-field
     * errors linked with aria-describedby, no console error nor CSP violation. user must be an analyst;
     * the credentials go to the checker through its environment, never on its command line.
     */
    public static void application(String baseUrl, String user, String password) {
        Path checker = Paths.root().resolve("scripts/a11y/check-app.mjs");
        if (!Files.isDirectory(Paths.root().resolve("scripts/a11y/node_modules/axe-core"))) {
            fail("axe-core is not installed: run scripts/a11y/setup (it installs Chromium and runs npm ci in scripts/a11y).");
        }
        Result result = run(List.of("node", checker.toString(), baseUrl, "--quiet"), 300,
                Map.of("DATAPILOT_APP_USER", user, "DATAPILOT_APP_PASSWORD", password));
        assertThat(result.code()).as("check-app on %s:%n%s", baseUrl, result.output()).isZero();
        assertThat(result.output()).as("check-app on %s:%n%s", baseUrl, result.output()).containsPattern("(?m)(^|\\D)0 problem\\(s\\)$");
    }

    /** A notebook that the nbformat package (Debian's python3-nbformat) validates as nbformat 4. */
    public static void validNotebook(Path notebook) {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Result result = run(List.of(python, "-c", "import sys, nbformat\n"
                + "nb = nbformat.read(sys.argv[1], as_version=4)\n"
                + "nbformat.validate(nb)\n"
                + "print('valid', nb.nbformat, len(nb.cells))", notebook.toString()), 60);
        if (result.output().contains("No module named 'nbformat'")) {
            fail("nbformat is not installed: run scripts/a11y/setup (Debian package python3-nbformat).");
        }
        assertThat(result.code()).as("nbformat on %s:%n%s", notebook, result.output()).isZero();
        assertThat(result.output()).startsWith("valid 4 ");
    }

    private record Result(int code, String output) {}

    private static Result run(List<String> command, int timeoutSeconds) {
        return run(command, timeoutSeconds, Map.of());
    }

    private static Result run(List<String> command, int timeoutSeconds, Map<String, String> environment) {
        try {
            Path log = Files.createTempFile("datapilot-check", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(Paths.root().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command.get(0) + " did not finish in " + timeoutSeconds + " s: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
