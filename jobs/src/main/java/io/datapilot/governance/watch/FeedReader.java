package io.datapilot.governance.watch;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads an RSS (2.0, also 0.9x and 1.0) or Atom (1.0, also 0.3) document with ROME: RSS {@code item}s and Atom
 * {@code entry}s, dates in RFC 822 or ISO 8601, HTML stripped from titles and summaries.
 *
 * <p>A document with a DOCTYPE is refused: a DTD can declare external entities (XXE) that make a parser read a
 * local file or call a URL, and no feed needs one.
 */
public final class FeedReader {
    private FeedReader() {}

    public static List<FeedItem> read(byte[] document) throws FeedFailure {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document), true)) {
            feed = input.build(reader);
        } catch (FeedException e) {
            throw malformed(e);
        } catch (IllegalArgumentException e) {
            throw new FeedFailure("the document is XML but neither RSS nor Atom (" + e.getMessage() + ")",
                    "point the URL to the site's RSS or Atom feed, not to a web page", e);
        } catch (IOException e) {
            throw new FeedFailure("the document's encoding cannot be read (" + e.getMessage() + ")",
                    "check that the URL gives an RSS or Atom feed", e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry));
        }
        return items;
    }

    private static FeedFailure malformed(FeedException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return new FeedFailure("the document declares a DOCTYPE, which the watch refuses (its entities could read"
                    + " local files or call other servers)", "ask the feed's publisher for a feed without DOCTYPE, or drop the feed", e);
        }
        return new FeedFailure("the document is not well-formed RSS or Atom (" + message.replace('\n', ' ') + ")",
                "open the URL in a browser to check that it gives an RSS 2.0 or Atom 1.0 feed", e);
    }

    private static FeedItem item(SyndEntry entry) {
        String title = HtmlText.plain(entry.getTitle());
        String link = blankToNull(entry.getLink());
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Instant published = date == null ? null : date.toInstant();
        String id = blankToNull(entry.getUri());
        if (id == null) {
            id = link != null ? link : hash(title, published);
        }
        return new FeedItem(id.trim(), title, link, published, HtmlText.plain(summary(entry)));
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue();
        }
        return entry.getContents().stream().map(SyndContent::getValue).filter(value -> value != null && !value.isBlank())
                .findFirst().orElse("");
    }

    /** An item with neither id nor link is still the same item from one run to the next, as long as its title and date stay. */
    static String hash(String title, Instant published) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((title + "\n" + (published == null ? "" : published.toString())).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
