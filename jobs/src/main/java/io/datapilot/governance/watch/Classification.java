package io.datapilot.governance.watch;

import java.util.List;

/**
 * The themes an item is in and the keywords that put it there.
 *
 * @param themes the themes' names, in the configuration's order; {@code autre} alone when no keyword matched
 * @param keywords the matched keywords as configured, each once
 */
public record Classification(List<String> themes, List<String> keywords) {
    public Classification {
        themes = List.copyOf(themes);
        keywords = List.copyOf(keywords);
    }
}
