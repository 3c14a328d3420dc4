package io.datapilot.report;

import io.datapilot.core.report.Table;
import java.util.List;

/** A page of the report site, as sections of blocks; the HTML site and the notebook are written from it. */
public record Page(String file, String title, String intro, List<Section> sections) {

    /** A section with an anchor, a heading, a text saying what it shows and how to read it, then its blocks. */
    public record Section(String id, String heading, String text, List<Block> blocks) {}

    public sealed interface Block permits Figures, TableBlock, ChartBlock, Paragraph, Heading, Link {}

    /** Key figures, shown as cards. */
    public record Figures(List<Figure> figures) implements Block {}

    public record Figure(String label, String value, String detail) {}

    /**
     * A table, its caption and the SQL that gives its data again; {@code links} gives, for a column (by
     * index), the target of each row's cell (null: no link), so that a cell's text is a link.
     */
    public record TableBlock(Table table, String caption, String sql, java.util.Map<Integer, List<String>> links) implements Block {
        public TableBlock {
            links = java.util.Map.copyOf(links);
        }

        public TableBlock(Table table, String caption, String sql) {
            this(table, caption, sql, java.util.Map.of());
        }

        /** The target of a cell's link, or null. */
        public String link(int row, int column) {
            List<String> targets = links.get(column);
            return targets == null || row >= targets.size() ? null : targets.get(row);
        }
    }

    /** A paragraph that is a link (to a file of the site, or a page elsewhere), with a text after it. */
    public record Link(String text, String href, String after) implements Block {
        public Link {
            java.util.Objects.requireNonNull(text, "text is null");
            java.util.Objects.requireNonNull(href, "href is null");
        }
    }

    /** A chart and the technical names of the variables it shows (given next to its heading). */
    public record ChartBlock(Chart chart, List<String> variables) implements Block {
        public ChartBlock {
            variables = List.copyOf(variables);
        }

        public ChartBlock(Chart chart) {
            this(chart, List.of());
        }
    }

    public record Paragraph(String text) implements Block {}

    /**
     * A heading inside a section (level 3 or 4, under the section's level 2), for the parts of a long
     * section; the charts after it take the level below it.
     */
    public record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 3 || level > 5) {
                throw new IllegalArgumentException("A heading inside a section has level 3 to 5, not " + level);
            }
            java.util.Objects.requireNonNull(text, "text is null");
        }
    }
}
