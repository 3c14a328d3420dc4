package io.datapilot.report;

import io.datapilot.report.Page.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The management note page ({@code note.html}): the one-page note the governance stage wrote in
 * Markdown ({@code reports/<run date>/governance/note_direction.md}), its opening lines as a first
 * section and each of its {@code ##} parts as a section, its table as a table and its list items as
 * paragraphs. When the note was not produced, one section says so.
 */
final class ManagementNotePage implements ReportPage {
    static final String FILE = "note.html";

    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        GovernanceFiles files = GovernanceFiles.of(context);
        Optional<String> note = files.text(GovernanceFiles.NOTE);
        if (note.isEmpty() || note.get().isBlank()) {
            return new Page(FILE, texts.get("page.note"), texts.get("page.note.intro"), List.of(new Section("note-absente",
                    texts.get("note.none"), texts.get("note.none.text", files.path(GovernanceFiles.NOTE)), List.of())));
        }
        return new Page(FILE, texts.get("page.note"), texts.get("page.note.intro"), sections(texts, note.get(), "note",
                texts.get("note.summary"), "note.caption"));
    }

    /**
     * A Markdown file the governance stages wrote (the note, the watch's digest) cut at its {@code ##} headings: what
     * comes before the first one is the section {@code summary}; ids start with {@code idPrefix}.
     */
    static List<Section> sections(Texts texts, String markdown, String idPrefix, String summary, String captionKey) {
        List<Section> sections = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String heading = summary;
        StringBuilder part = new StringBuilder();
        for (String line : markdown.lines().toList()) {
            if (line.strip().startsWith("## ")) {
                add(sections, ids, texts, heading, part.toString(), idPrefix, captionKey);
                heading = line.strip().substring(3).replace("**", "").replace("`", "").strip();
                part.setLength(0);
            } else {
                part.append(line).append('\n');
            }
        }
        add(sections, ids, texts, heading, part.toString(), idPrefix, captionKey);
        return sections;
    }

    private static void add(List<Section> sections, Set<String> ids, Texts texts, String heading, String markdown, String idPrefix,
            String captionKey) {
        List<Page.Block> blocks = MarkdownBlocks.of(markdown, 3, texts.get(captionKey, heading), List.of(), title -> false);
        if (blocks.isEmpty()) {
            return;
        }
        String id = io.datapilot.core.text.Names.unique(idPrefix + "-" + Charts.slug(heading), ids);
        sections.add(new Section(id, heading, null, blocks));
    }
}
