package io.datapilot.governance.watch;

import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/** The plain text of a feed's HTML summary: what a digest can show without rendering anything. */
final class HtmlText {
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<(/?[A-Za-z][^>]*|!--.*?--)>");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

    private HtmlText() {}

    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(INVISIBLE.matcher(html).replaceAll(" ")).replaceAll(" ");
        // summaries escaped twice (&lt;p&gt; inside CDATA) give tags again once decoded
        text = TAG.matcher(StringEscapeUtils.unescapeHtml4(text)).replaceAll(" ");
        return SPACES.matcher(text).replaceAll(" ").trim();
    }
}
