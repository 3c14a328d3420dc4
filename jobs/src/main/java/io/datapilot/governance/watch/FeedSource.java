package io.datapilot.governance.watch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Fetches a feed's document: over HTTP(S) with a timeout, or from a local file ({@code file:} URI or path). */
public final class FeedSource {
    /** Larger than any feed: a URL that gives something else (a video, a dump) is not read to the end. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final Duration timeout;
    private final HttpClient client;

    public FeedSource(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public byte[] fetch(String location) throws FeedFailure {
        try {
            return fetchValid(location);
        } catch (IllegalArgumentException e) {
            throw new FeedFailure("the location is not a valid URL or path (" + e.getMessage() + ")",
                    "write an http(s) URL, an absolute file: URI or a path relative to base_dir in watch.feeds", e);
        }
    }

    private byte[] fetchValid(String location) throws FeedFailure {
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return download(URI.create(location));
        }
        Path path = lower.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw tooLarge();
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new FeedFailure("the file does not exist", "check the path in watch.feeds (relative to base_dir)", e);
        } catch (AccessDeniedException e) {
            throw new FeedFailure("the file cannot be read (permission denied)", "make the file readable", e);
        } catch (IOException e) {
            throw new FeedFailure("the file cannot be read (" + e.getMessage() + ")", "check the path in watch.feeds", e);
        }
    }

    private byte[] download(URI uri) throws FeedFailure {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "datapilot-watch")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new FeedFailure("the server answered HTTP " + response.statusCode(),
                            "check the URL in a browser; the feed may have moved", null);
                }
                byte[] content = body.readNBytes(MAX_BYTES + 1);
                if (content.length > MAX_BYTES) {
                    throw tooLarge();
                }
                return content;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFailure("the download was interrupted", "run the watch again", e);
        } catch (IOException e) {
            throw new FeedFailure(networkReason(e), "check the URL and that this machine reaches it (proxy, firewall),"
                    + " or raise watch.timeout_seconds", e);
        }
    }

    private String networkReason(IOException error) {
        // HttpClient wraps the cause and often leaves the message empty: name what happened from its type
        if (error instanceof HttpConnectTimeoutException) {
            return "no connection within " + timeout.toSeconds() + " s";
        }
        if (error instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "the host is unknown (no DNS entry)";
            }
        }
        if (error instanceof ConnectException) {
            return "the connection was refused or the host cannot be reached";
        }
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    private static FeedFailure tooLarge() {
        return new FeedFailure("the document is larger than " + MAX_BYTES / (1024 * 1024) + " MB, which no feed is",
                "check that the URL gives an RSS or Atom feed", null);
    }
}
