package io.datapilot.serve;

import static java.util.Objects.requireNonNull;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.core.config.RgpdConfig;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How {@code datapilot serve} runs.
 *
 * @param port 0 for any free port (tests)
 * @param keystore a PKCS12 or JKS keystore for HTTPS; null for plain HTTP (behind a TLS reverse proxy, or on localhost)
 * @param reloadSeconds how often the model folders are checked for a new version; 0 to check only on POST /api/admin/reload
 * @param behindProxy whether a reverse proxy on this machine forwards the requests: the client's address is then the last
 *     of X-Forwarded-For (else every client would share the proxy's address, and one guesser would lock out every login)
 * @param accessLog where the access log lines go (no query string, no body, no user name, address cut to its network)
 */
public record ServerSettings(String host, int port, Path warehouse, Path reports, String dataset, String title, RgpdConfig rgpd,
        Path users, Path keystore, String keystorePassword, int maxBatch, int reloadSeconds, boolean behindProxy,
        Consumer<String> accessLog) {

    public static final int DEFAULT_MAX_BATCH = 100;
    public static final long MAX_BODY_BYTES = 256 * 1024;

    public ServerSettings {
        requireNonNull(host, "host is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(reports, "reports is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(users, "users is null");
        requireNonNull(accessLog, "accessLog is null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Invalid port " + port + ": use 1 to 65535, or 0 for any free port");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("Invalid batch size " + maxBatch + ": at least 1");
        }
        title = title == null ? "datapilot" : title;
        rgpd = rgpd == null ? new RgpdConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : rgpd;
    }

    /**
     * The local folder of a configured location (a path or a file: URI): the web server reads models
     * and reports from the local file system; a remote store must be copied or mounted first.
     */
    public static Path localFolder(String location, String key) {
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !location.startsWith("file:")) {
            throw new DatapilotException(ErrorKind.USAGE, "Cannot serve from " + location + " (" + key + "): datapilot serve reads the models and"
                    + " reports from a local folder; copy them there (or mount the storage) and give it with --warehouse / --reports-dir");
        }
        return Path.of(location.startsWith("file:") ? java.net.URI.create(location).getPath() : location).toAbsolutePath();
    }
}
