package io.datapilot.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The report sites of the run dates ({@code <reports>/<run date>/site/}) as the dashboard: the
 * summary page (and what it shows: its style sheet and charts) is public, the other pages need a
 * viewer, the downloads (workbook, notebook) an analyst. The report's own navigation gets links back
 * to the application; nothing else of a page changes.
 */
final class ReportFiles {
    static final String SUMMARY = "index.html";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CHART = Pattern.compile("charts/[A-Za-z0-9_.-]+\\.svg");
    private static final Set<String> DOWNLOADS = Set.of("xlsx", "ipynb", "csv", "zip", "parquet");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "ipynb", "application/x-ipynb+json", "csv", "text/csv; charset=utf-8", "png", "image/png", "json", "application/json");

    /** A file to send, and the role it needs. */
    record File(Path path, String type, Role needs, byte[] content) {}

    private final Path root;
    private final Map<String, Set<String>> publicCharts = new ConcurrentHashMap<>();

    ReportFiles(Path root) {
        this.root = root;
    }

    /** The run dates with a report site, latest first. */
    List<String> runDates() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(folder -> DATE.matcher(folder.getFileName().toString()).matches())
                    .filter(folder -> Files.isRegularFile(folder.resolve("site").resolve(SUMMARY)))
                    .map(folder -> folder.getFileName().toString()).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The file of a run date's site, or null when there is none (or the path leaves the site). */
    File file(String date, String relative) throws IOException {
        if (!DATE.matcher(date).matches() || relative.isEmpty() || relative.contains("..") || relative.contains("\\") || relative.startsWith("/")) {
            return null;
        }
        Path site = root.resolve(date).resolve("site").normalize();
        Path path = site.resolve(relative).normalize();
        if (!path.startsWith(site) || !Files.isRegularFile(path)) {
            return null;
        }
        String extension = relative.substring(relative.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        Role needs = DOWNLOADS.contains(extension) ? Role.ANALYST
                : relative.equals(SUMMARY) || relative.equals("style.css") || charts(date, site).contains(relative) ? Role.PUBLIC : Role.VIEWER;
        byte[] content = Files.readAllBytes(path);
        if (extension.equals("html")) {
            content = withLinks(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        return new File(path, TYPES.getOrDefault(extension, "application/octet-stream"), needs, content);
    }

    /** The report's navigation, with the links back to the application at its end. */
    static String withLinks(String html) {
        int nav = html.indexOf("<nav class=\"site-nav\"");
        int end = nav < 0 ? -1 : html.indexOf("</ul>", nav);
        return end < 0 ? html : html.substring(0, end) + Layout.reportLinks() + html.substring(end);
    }

    private Set<String> charts(String date, Path site) {
        return publicCharts.computeIfAbsent(date, key -> {
            List<String> found = new ArrayList<>();
            try {
                Matcher matcher = CHART.matcher(Files.readString(site.resolve(SUMMARY)));
                while (matcher.find()) {
                    found.add(matcher.group());
                }
            } catch (IOException e) {
                return Set.of();
            }
            return Set.copyOf(found);
        });
    }
}
