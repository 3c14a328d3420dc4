package io.datapilot.core.state;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * How {@code datapilot serve} last started on this warehouse: whether it served HTTPS, on which address, when. The web
 * application writes it at start-up in {@code <warehouse>/_state/serve.json}; the governance stage, which runs without
 * the server, reads it to tell whether the application is exposed without HTTPS (the risk map's {@code R-HTTP}). Only
 * settings, never a password nor a user.
 *
 * @param https whether a keystore was given ({@code --keystore}): the server speaks HTTPS
 * @param host the address it listens on ({@code 127.0.0.1}: this machine only)
 * @param behindProxy whether {@code --behind-proxy} was given: a reverse proxy (which may terminate TLS) forwards the requests
 */
public record ServeState(boolean https, String host, int port, boolean behindProxy, Instant startedAt) {
    public static final String FILE = "_state/serve.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ServeState {
        requireNonNull(host, "host is null");
        requireNonNull(startedAt, "startedAt is null");
    }

    /** Whether the address is this machine's only: a plain HTTP server there is reachable from nowhere else. */
    public boolean localOnly() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    /** Writes the file under a local warehouse folder (the only kind the web application serves), replacing the last one. */
    public void write(java.nio.file.Path warehouse) {
        ObjectNode node = JSON.createObjectNode().put("https", https).put("host", host).put("port", port)
                .put("behind_proxy", behindProxy).put("started_at", startedAt.toString());
        java.nio.file.Path file = warehouse.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            java.nio.file.Path next = file.resolveSibling("serve.json.tmp");
            Files.writeString(next, node.toPrettyString() + "\n", StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The last start-up's settings, on any Hadoop file system; empty when the application never started here or the file is unreadable. */
    public static Optional<ServeState> read(String warehouse, Configuration hadoop) {
        try {
            Path file = new Path(warehouse + "/" + FILE);
            FileSystem fs = file.getFileSystem(hadoop);
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(file)) {
                JsonNode node = JSON.readTree(in);
                return Optional.of(new ServeState(node.path("https").asBoolean(false), node.path("host").asText("?"),
                        node.path("port").asInt(0), node.path("behind_proxy").asBoolean(false), Instant.parse(node.path("started_at").asText())));
            }
        } catch (IOException | RuntimeException e) {
            // a damaged file says nothing sure about the server: the risk map says "not known"
            return Optional.empty();
        }
    }
}
