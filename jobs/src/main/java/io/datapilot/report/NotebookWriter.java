package io.datapilot.report;

import io.datapilot.core.text.Html;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapilot.core.report.Table;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.ChartBlock;
import io.datapilot.report.Page.Figures;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.Section;
import io.datapilot.report.Page.TableBlock;
import java.util.List;

/**
 * The report's pages as a Jupyter notebook (nbformat 4.4): a markdown cell per heading and text,
 * a code cell per table or chart whose source is the SQL that gives the data again
 * ({@code datapilot sql "…"}) and whose outputs are the table (HTML and plain text) or the SVG chart,
 * so that the analysis reads on any notebook viewer without running anything.
 */
final class NotebookWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Texts texts;
    private final VariableLabels labels;

    NotebookWriter(Texts texts, VariableLabels labels) {
        this.texts = texts;
        this.labels = labels;
    }

    String notebook(String title, List<Page> pages) {
        ObjectNode notebook = JSON.createObjectNode();
        ArrayNode cells = notebook.putArray("cells");
        markdown(cells, "# " + title + "\n\n" + texts.get("notebook.intro"));
        for (Page page : pages) {
            markdown(cells, "## " + page.title() + (page.intro() == null ? "" : "\n\n" + page.intro()));
            for (Section section : page.sections()) {
                markdown(cells, "### " + section.heading() + (section.text() == null ? "" : "\n\n" + section.text()));
                for (Block block : section.blocks()) {
                    if (block instanceof Figures figures) {
                        markdown(cells, String.join("\n", figures.figures().stream()
                                .map(f -> "- **" + f.label() + "**" + texts.get("site.colon") + f.value() + (f.detail() == null ? "" : " (" + f.detail() + ")"))
                                .toList()));
                    } else if (block instanceof Paragraph paragraph) {
                        markdown(cells, paragraph.text());
                    } else if (block instanceof Page.Link link) {
                        markdown(cells, "[" + link.text() + "](" + link.href().replace(" ", "%20") + ")" + (link.after() == null ? ""
                                : " " + link.after()));
                    } else if (block instanceof Page.Heading heading) {
                        // the notebook's levels are one below the site's: its page titles are level 2
                        markdown(cells, "#".repeat(heading.level() + 1) + " " + heading.text());
                    } else if (block instanceof TableBlock table) {
                            ObjectNode output = data(code(cells, table.sql(), table.caption()));
                            output.put("text/html", htmlTable(table.table(), table.caption()));
                            output.put("text/plain", table.caption() + "\n\n" + table.table().markdown());
                    } else if (block instanceof ChartBlock chart) {
                            ObjectNode output = data(code(cells, null, chart.chart().title() + (chart.variables().isEmpty() ? ""
                                    : "\n# " + texts.get("site.technical") + texts.get("site.colon") + String.join(", ", chart.variables()))));
                            output.put("image/svg+xml", chart.chart().svg());
                            output.put("text/plain", chart.chart().title() + " — " + chart.chart().description());
                    }
                }
            }
        }
        ObjectNode metadata = notebook.putObject("metadata");
        metadata.putObject("kernelspec").put("name", "python3").put("display_name", "Python 3").put("language", "python");
        metadata.putObject("language_info").put("name", "python");
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 4);
        try {
            return JSON.writeValueAsString(notebook);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the notebook", e);
        }
    }

    private static void markdown(ArrayNode cells, String text) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", "markdown");
        cell.putObject("metadata");
        lines(cell.putArray("source"), text);
    }

    private ArrayNode code(ArrayNode cells, String sql, String caption) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", "code");
        cell.putNull("execution_count");
        cell.putObject("metadata");
        String source = "# " + caption + (sql == null ? "" : "\n# " + texts.get("notebook.again") + "\n# datapilot sql \""
                + sql.replace("\"", "\\\"") + "\"");
        lines(cell.putArray("source"), source);
        return cell.putArray("outputs");
    }

    private static ObjectNode data(ArrayNode outputs) {
        ObjectNode output = outputs.addObject();
        output.put("output_type", "display_data");
        output.putObject("metadata");
        return output.putObject("data");
    }

    private static void lines(ArrayNode source, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            source.add(i < lines.length - 1 ? lines[i] + "\n" : lines[i]);
        }
    }

    private String htmlTable(Table table, String caption) {
        StringBuilder out = new StringBuilder("<table>\n<caption>").append(Html.escape(caption)).append("</caption>\n<thead><tr>");
        table.headers().forEach(h -> out.append("<th scope=\"col\">").append(variable(h, List.of())).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            row.forEach(v -> out.append("<td>").append(variable(v, row)).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>").toString();
    }

    /** A cell naming a variable by its label, with its technical name (the one the SQL uses) after it. */
    private String variable(String text, List<String> row) {
        return labels.technical(text).filter(technical -> !row.contains(technical))
                .map(technical -> Html.escape(text) + " (<code>" + Html.escape(technical) + "</code>)").orElseGet(() -> Html.escape(text));
    }
}
