package io.datapilot.serve;

import static io.datapilot.core.text.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little Markdown a model card holds, as HTML: headings (shifted under the page's h1), paragraphs,
 * bullet lists, tables (first row as column headers) and inline {@code code} and **bold**. Text is
 * escaped first, so a card cannot inject markup.
 */
final class Markdown {
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*");

    private Markdown() {}

    static String html(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() * 2);
        List<String> table = new ArrayList<>();
        boolean list = false;
        StringBuilder paragraph = new StringBuilder();
        int tables = 0;
        for (String line : (markdown + "\n").split("\n", -1)) {
            String trimmed = line.strip();
            boolean tableLine = trimmed.startsWith("|");
            if (!tableLine && !table.isEmpty()) {
                table(out, table, ++tables);
                table.clear();
            }
            if (list && !trimmed.startsWith("- ")) {
                out.append("</ul>\n");
                list = false;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("- ") || tableLine) {
                if (!paragraph.isEmpty()) {
                    out.append("<p>").append(inline(paragraph.toString().strip())).append("</p>\n");
                    paragraph.setLength(0);
                }
            }
            if (trimmed.startsWith("#")) {
                int level = Math.min(6, trimmed.indexOf(' ') > 0 ? trimmed.indexOf(' ') + 1 : 2);
                out.append("<h").append(level).append('>').append(inline(trimmed.replaceFirst("^#+\\s*", ""))).append("</h").append(level).append(">\n");
            } else if (trimmed.startsWith("- ")) {
                if (!list) {
                    out.append("<ul>\n");
                    list = true;
                }
                out.append("<li>").append(inline(trimmed.substring(2))).append("</li>\n");
            } else if (tableLine) {
                table.add(trimmed);
            } else if (!trimmed.isEmpty()) {
                paragraph.append(trimmed).append(' ');
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, List<String> lines, int number) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.matches("\\|[\\s:|-]+\\|?")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.replaceAll("^\\||\\|$", "").split("\\|", -1)) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            return;
        }
        out.append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tableau ").append(number).append("\">\n<table>\n");
        // a table of "name | value" lines has no column headers: its first cell heads each row
        boolean rowHeaders = rows.get(0).stream().allMatch(String::isEmpty);
        if (!rowHeaders) {
            out.append("<thead><tr>");
            for (String header : rows.get(0)) {
                out.append("<th scope=\"col\">").append(inline(header)).append("</th>");
            }
            out.append("</tr></thead>\n");
        }
        out.append("<tbody>\n");
        for (List<String> row : rows.subList(1, rows.size())) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(rowHeaders && i == 0 ? "<th scope=\"row\">" : "<td>").append(inline(row.get(i)))
                        .append(rowHeaders && i == 0 ? "</th>" : "</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
    }

    private static String inline(String text) {
        Matcher matcher = INLINE.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (matcher.find()) {
            out.append(escape(text.substring(at, matcher.start())));
            out.append(matcher.group(1) != null ? "<code>" + escape(matcher.group(1)) + "</code>" : "<strong>" + escape(matcher.group(2)) + "</strong>");
            at = matcher.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }
}
