package io.datapilot.report;

import io.datapilot.core.text.Html;
import io.datapilot.core.report.ReportFiles;
import io.datapilot.core.report.Table;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Figures;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import io.datapilot.report.Page.TableBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the pages as a static site (one folder, no external resource): the same header,
 * navigation and footer on every page, a skip link, landmarks, headings in order, tables with
 * caption and header cells, charts inline as SVG images with their data table next to them, and
 * each chart also as its own {@code .svg} file.
 */
final class SiteWriter {
    private static final Pattern NUMBER = Pattern.compile("[−\\-+<]?\\s?[0-9][0-9\u202F\u00A0 ,.]*(\\s?%|\u00A0?[kMGT]?[oB]| s)?");

    private final ReportFiles files;
    private final Texts texts;
    private final VariableLabels labels;
    private final String siteTitle;
    private final String subtitle;
    private final List<String> downloads;
    private int tables;
    /** The level of the next chart's heading: under the section's h2, or under the last heading inside it. */
    private int chartLevel;
    private final java.util.Set<String> ids = new java.util.HashSet<>();

    SiteWriter(ReportFiles files, Texts texts, VariableLabels labels, String siteTitle, String subtitle, List<String> downloads) {
        this.files = files;
        this.texts = texts;
        this.labels = labels;
        this.siteTitle = siteTitle;
        this.subtitle = subtitle;
        this.downloads = downloads;
    }

    void write(List<Page> pages) {
        files.writeText("style.css", resource("style.css"));
        for (Page page : pages) {
            files.writeText(page.file(), html(page, pages));
            for (Section section : page.sections()) {
                for (Block block : section.blocks()) {
                    if (block instanceof ChartBlock chart) {
                        String svg = chart.chart().svg();
                        if (!svg.substring(0, svg.indexOf('>')).contains("xmlns=")) {
                            svg = svg.replaceFirst("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ");
                        }
                        files.writeText("charts/" + chart.chart().id() + ".svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg);
                    }
                }
            }
        }
    }

    /** Every id of the page once: a second use is a bug of the report, not of the data. */
    private void register(String id) {
        if (!ids.add(id)) {
            throw new IllegalStateException("The report page would hold the HTML id " + id + " twice");
        }
    }

    private String html(Page page, List<Page> pages) {
        tables = 0;
        ids.clear();
        register("contenu");
        StringBuilder out = new StringBuilder(64_000);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(texts.language()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(page.title() + " – " + siteTitle)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip-link\" href=\"#contenu\">").append(Html.escape(texts.get("site.skip"))).append("</a>\n")
                .append("<header class=\"site-header\">\n<p class=\"site-title\">").append(Html.escape(siteTitle)).append("</p>\n")
                .append("<p class=\"site-subtitle\">").append(Html.escape(subtitle)).append("</p>\n</header>\n")
                .append("<nav class=\"site-nav\" aria-label=\"").append(Html.escape(texts.get("site.nav"))).append("\">\n<ul>\n");
        for (Page other : pages) {
            out.append("<li><a href=\"").append(other.file()).append('"')
                    .append(other.file().equals(page.file()) ? " aria-current=\"page\"" : "").append('>')
                    .append(Html.escape(other.title())).append("</a></li>\n");
        }
        out.append("</ul>\n</nav>\n<main id=\"contenu\" tabindex=\"-1\">\n<h1>").append(Html.escape(page.title())).append("</h1>\n");
        if (page.intro() != null) {
            out.append("<p class=\"intro\">").append(Html.escape(page.intro())).append("</p>\n");
        }
        if (page.sections().size() > 2) {
            out.append("<nav class=\"toc\" aria-label=\"").append(Html.escape(texts.get("site.toc"))).append("\">\n<ul>\n");
            for (Section section : page.sections()) {
                out.append("<li><a href=\"#").append(section.id()).append("\">").append(Html.escape(section.heading()))
                        .append("</a></li>\n");
            }
            out.append("</ul>\n</nav>\n");
        }
        for (Section section : page.sections()) {
            register(section.id());
            out.append("<section>\n<h2 id=\"").append(section.id()).append("\">")
                    .append(Html.escape(section.heading())).append("</h2>\n");
            if (section.text() != null) {
                out.append("<p>").append(Html.escape(section.text())).append("</p>\n");
            }
            chartLevel = 3;
            for (Block block : section.blocks()) {
                block(out, block);
            }
            out.append("</section>\n");
        }
        out.append("</main>\n<footer class=\"site-footer\">\n<p>").append(Html.escape(texts.get("site.footer"))).append("</p>\n<ul>\n");
        for (String download : downloads) {
            out.append("<li><a href=\"").append(download).append("\">").append(Html.escape(texts.get("site.download." + extension(download))))
                    .append(" (").append(download).append(")</a></li>\n");
        }
        out.append("</ul>\n</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private void block(StringBuilder out, Block block) {
        if (block instanceof Figures figures) {
                out.append("<ul class=\"figures\">\n");
                for (Page.Figure figure : figures.figures()) {
                    out.append("<li><span class=\"figure-label\">").append(Html.escape(figure.label()))
                            .append("</span> <span class=\"figure-value\">").append(Html.escape(figure.value())).append("</span>");
                    if (figure.detail() != null) {
                        out.append(" <span class=\"figure-detail\">").append(Html.escape(figure.detail())).append("</span>");
                    }
                    out.append("</li>\n");
                }
                out.append("</ul>\n");
        } else if (block instanceof TableBlock table) {
            table(out, table.table(), table.caption(), table);
        } else if (block instanceof ChartBlock chart) {
                Chart c = chart.chart();
                String colon = texts.get("site.colon");
                register(c.id());
                register(c.id() + "-title");
                register(c.id() + "-desc");
                // figcaption last: a figure's caption is its first or last child
                out.append("<figure class=\"chart\" id=\"").append(c.id()).append("\">\n<h").append(chartLevel).append('>')
                        .append(Html.escape(c.title())).append("</h").append(chartLevel).append(">\n").append(technicalNames(chart.variables())).append(c.svg()).append("\n<details>\n<summary>").append(Html.escape(texts.get("site.chart.data")))
                        .append("<span class=\"visually-hidden\">").append(Html.escape(colon + c.title())).append("</span></summary>\n");
                table(out, c.data(), texts.get("site.chart.data") + colon + c.title(), null);
                out.append("</details>\n<figcaption>").append(Html.escape(c.description())).append(" <a href=\"charts/").append(c.id())
                        .append(".svg\">").append(Html.escape(texts.get("site.chart.download"))).append("<span class=\"visually-hidden\">")
                        .append(Html.escape(colon + c.title())).append("</span></a></figcaption>\n</figure>\n");
        } else if (block instanceof Paragraph paragraph) {
            out.append("<p>").append(Html.escape(paragraph.text())).append("</p>\n");
        } else if (block instanceof Page.Link link) {
            out.append("<p><a href=\"").append(Html.escape(link.href())).append("\">").append(Html.escape(link.text())).append("</a>")
                    .append(link.after() == null ? "" : " " + Html.escape(link.after())).append("</p>\n");
        } else if (block instanceof Page.Heading heading) {
            out.append("<h").append(heading.level()).append('>').append(Html.escape(heading.text())).append("</h").append(heading.level())
                    .append(">\n");
            chartLevel = Math.min(6, heading.level() + 1);
        }
    }

    /** {@code block}: where the links of the cells are, or null for a table without any. */
    private void table(StringBuilder out, Table table, String caption, TableBlock block) {
        String id = "t" + (++tables);
        if (table.rows().isEmpty()) {
            out.append("<p class=\"empty\">").append(Html.escape(caption + texts.get("site.colon") + texts.get("site.empty")))
                    .append("</p>\n");
            return;
        }
        register(id);
        out.append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").append(id).append("\">\n<table>\n")
                .append("<caption id=\"").append(id).append("\">").append(Html.escape(caption)).append("</caption>\n<thead>\n<tr>");
        for (String header : table.headers()) {
            out.append("<th scope=\"col\">").append(variable(header, List.of())).append("</th>");
        }
        out.append("</tr>\n</thead>\n<tbody>\n");
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                String value = row.get(c) == null ? "" : row.get(c);
                String link = block == null ? null : block.link(r, c);
                String cell = link == null ? variable(value, row) : "<a href=\"" + Html.escape(link) + "\">" + Html.escape(value) + "</a>";
                if (c == 0) {
                    out.append("<th scope=\"row\">").append(cell).append("</th>");
                } else {
                    out.append(NUMBER.matcher(value).matches() ? "<td class=\"num\">" : "<td>").append(cell).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
    }

    /**
     * A cell's text, escaped; when it is a variable's label, its technical name below it (unless the
     * row already shows it, as the dictionary does).
     */
    private String variable(String text, List<String> row) {
        return labels.technical(text).filter(technical -> !row.contains(technical))
                .map(technical -> Html.escape(text) + " <code class=\"technical\">" + Html.escape(technical) + "</code>")
                .orElseGet(() -> Html.escape(text));
    }

    /** The technical names of a chart's variables, under its heading, for those who write the queries. */
    private String technicalNames(List<String> variables) {
        if (variables.isEmpty()) {
            return "";
        }
        return "<p class=\"technical-names\">" + Html.escape(texts.get("site.technical") + texts.get("site.colon"))
                + String.join(", ", variables.stream().map(v -> "<code>" + Html.escape(v) + "</code>").toList()) + "</p>\n";
    }

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1);
    }

    static String resource(String name) {
        try (InputStream in = SiteWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource io/datapilot/report/" + name + " in the application jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
