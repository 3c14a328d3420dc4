package io.datapilot.report;

import io.datapilot.core.report.Table;
import io.datapilot.report.Page.Block;
import io.datapilot.report.Page.Heading;
import io.datapilot.report.Page.Paragraph;
import io.datapilot.report.Page.TableBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The Markdown that datapilot writes itself (the model card) as blocks of a page: each {@code ##}
 * heading a heading of {@code level}, each pipe table a table with a caption, each list item and
 * paragraph a paragraph; emphasis and code marks are dropped. Not a general Markdown parser.
 */
final class MarkdownBlocks {
    /** A list item that starts with a link, {@code [text](url)} or {@code [text](<url>)}: a link block, the rest after it. */
    private static final java.util.regex.Pattern LINK_ITEM = java.util.regex.Pattern.compile("\\[(.+?)\\]\\(<?([^()<>\\s]+)>?\\)(.*)");

    private final int level;
    private final String captionPrefix;
    private final List<String> emptyHeaders;
    private final Predicate<String> skippedSection;
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder paragraph = new StringBuilder();
    private final List<List<String>> table = new ArrayList<>();
    private String heading;
    private boolean skipping;

    /**
     * @param emptyHeaders the headers of a table whose header row is empty (a table of name and value)
     * @param skippedSection the headings of the sections to leave out (shown elsewhere on the page)
     */
    private MarkdownBlocks(int level, String captionPrefix, List<String> emptyHeaders, Predicate<String> skippedSection) {
        this.level = level;
        this.captionPrefix = captionPrefix;
        this.emptyHeaders = emptyHeaders;
        this.skippedSection = skippedSection;
    }

    static List<Block> of(String markdown, int level, String captionPrefix, List<String> emptyHeaders, Predicate<String> skippedSection) {
        MarkdownBlocks parser = new MarkdownBlocks(level, captionPrefix, emptyHeaders, skippedSection);
        markdown.lines().forEach(parser::line);
        parser.flush();
        return parser.blocks;
    }

    private void line(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("## ")) {
            flush();
            heading = plain(trimmed.substring(3));
            skipping = skippedSection.test(heading);
            if (!skipping) {
                blocks.add(new Heading(level, heading));
            }
        } else if (skipping || trimmed.startsWith("# ")) {
            return;
        } else if (trimmed.startsWith("|")) {
            flushParagraph();
            List<String> cells = cells(trimmed);
            // the line under the header row (|---|---|) is no row
            if (!cells.stream().allMatch(cell -> cell.matches(":?-+:?"))) {
                table.add(cells);
            }
        } else if (trimmed.isEmpty()) {
            flush();
        } else if (trimmed.startsWith("- ")) {
            flush();
            java.util.regex.Matcher link = LINK_ITEM.matcher(trimmed.substring(2));
            if (link.matches()) {
                String after = plain(link.group(3)).strip();
                blocks.add(new Page.Link(plain(link.group(1)), link.group(2), after.isEmpty() ? null : after));
                return;
            }
            paragraph.append(plain(trimmed.substring(2)));
            flushParagraph();
        } else {
            flushTable();
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(plain(trimmed));
        }
    }

    private void flush() {
        flushParagraph();
        flushTable();
    }

    private void flushParagraph() {
        if (!paragraph.isEmpty()) {
            blocks.add(new Paragraph(paragraph.toString()));
            paragraph.setLength(0);
        }
    }

    private void flushTable() {
        if (table.isEmpty()) {
            return;
        }
        List<String> headers = table.get(0).stream().allMatch(String::isBlank) && table.get(0).size() == emptyHeaders.size()
                ? emptyHeaders : table.get(0);
        String caption = heading == null ? captionPrefix : captionPrefix + " – " + heading;
        blocks.add(new TableBlock(new Table(caption, headers, List.copyOf(table.subList(1, table.size()))), caption, null));
        table.clear();
    }

    /** The cells of a pipe table row; {@code \|} is a bar inside a cell. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && !row.endsWith("\\|") ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(plain(cell.strip()));
        }
        return cells;
    }

    private static String plain(String text) {
        // a whole line in _emphasis_ (the note's closing line) reads the same without its marks
        return text.replace("\\|", "|").replace("**", "").replace("`", "").replaceAll("^_(.+)_$", "$1");
    }
}
