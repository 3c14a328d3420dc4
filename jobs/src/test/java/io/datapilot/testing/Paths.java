package io.datapilot.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where test inputs live: the repository (the bundled sample) and the test resources. */
public final class Paths {
    private Paths() {}

    /** The repository root (Surefire passes it; the working directory is jobs/ otherwise). */
    public static Path root() {
        String root = System.getProperty("datapilot.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    public static Path resource(String name) {
        try {
            return Path.of(Paths.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("No test resource " + name, e);
        }
    }
}
