package io.datapilot.report;

import io.datapilot.report.Page.Section;
import java.util.List;
import java.util.Optional;

/**
 * The watch page ({@code veille.html}): the digest the watch stage wrote in Markdown
 * ({@code reports/<run date>/governance/veille.md}), one section per theme with the new items as links, and the
 * feeds' statuses; when the watch did not run (no feed configured), one section says so.
 */
final class WatchPage implements ReportPage {
    static final String FILE = "veille.html";
    static final String DIGEST = "veille.md";

    @Override
    public Page build(PageContext context) {
        Texts texts = context.texts();
        GovernanceFiles files = GovernanceFiles.of(context);
        Optional<String> digest = files.text(DIGEST);
        if (digest.isEmpty() || digest.get().isBlank()) {
            return new Page(FILE, texts.get("page.watch"), texts.get("page.watch.intro"), List.of(new Section("veille-absente",
                    texts.get("watch.none"), texts.get("watch.none.text", files.path(DIGEST)), List.of())));
        }
        return new Page(FILE, texts.get("page.watch"), texts.get("page.watch.intro"), ManagementNotePage.sections(texts, digest.get(),
                "veille", texts.get("watch.summary"), "watch.caption"));
    }
}
