package io.datapilot.report;

import io.datapilot.core.report.Table;
import java.util.List;

/** A page of the report site, as sections of blocks; the HTML site and the notebook are written from it. */
public record Page(String file, String title, String intro, List<Section> sections) {

    /** A section with an anchor, a heading, a text saying what it shows and how to read it, then its blocks. */
    public record Section(String id, String heading, String text, List<Block> blocks) {}

    public sealed interface Block permits Figures, TableBlock, ChartBlock, Paragraph, Heading {}

    /** Key figures, shown as cards. */
    public record Figures(List<Figure> figures) implements Block {}

    public record Figure(String label, String value, String detail) {}

    /** A table, its caption and, when it has numbers, which columns are numeric (aligned right). */
    public record TableBlock(Table table, String caption, String sql) implements Block {}

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
