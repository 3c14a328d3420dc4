package io.datapilot.core.text;

import org.apache.commons.text.StringEscapeUtils;

/** HTML text escaping. */
public final class Html {
    private Html() {}

    public static String escape(String text) {
        return text == null ? "" : StringEscapeUtils.escapeXml10(text);
    }
}
