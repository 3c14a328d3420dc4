package io.datapilot.report;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the {@code style='fill: …; stroke: …'} attributes that JFreeSVG writes into SVG presentation
 * attributes ({@code fill="…" stroke="…"}), which draw the same but are not inline styles: a page
 * served with a Content-Security-Policy of {@code style-src 'self'} (the web application) shows the
 * charts unchanged. A property that has no presentation attribute stays in a style attribute.
 */
final class SvgStyles {
    private static final Pattern STYLE = Pattern.compile(" style='([^']*)'| style=\"([^\"]*)\"");
    private static final Set<String> PRESENTATION = Set.of("alignment-baseline", "baseline-shift", "clip-path", "clip-rule", "color",
            "color-interpolation", "color-interpolation-filters", "color-rendering", "cursor", "direction", "display", "dominant-baseline",
            "fill", "fill-opacity", "fill-rule", "filter", "flood-color", "flood-opacity", "font-family", "font-size", "font-size-adjust",
            "font-stretch", "font-style", "font-variant", "font-weight", "image-rendering", "letter-spacing", "lighting-color", "marker-end",
            "marker-mid", "marker-start", "mask", "opacity", "overflow", "pointer-events", "shape-rendering", "stop-color", "stop-opacity",
            "stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity",
            "stroke-width", "text-anchor", "text-decoration", "text-rendering", "unicode-bidi", "visibility", "word-spacing", "writing-mode");

    private SvgStyles() {}

    static String asAttributes(String svg) {
        Matcher matcher = STYLE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (matcher.find()) {
            // a double-quoted attribute holds its quotes as entities: decoded before the split on ';' (which &quot; holds)
            String declarations = matcher.group(1) != null ? matcher.group(1) : matcher.group(2).replace("&quot;", "\"").replace("&apos;", "'");
            StringBuilder attributes = new StringBuilder();
            StringBuilder rest = new StringBuilder();
            for (String declaration : declarations.split(";")) {
                int colon = declaration.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = declaration.substring(0, colon).strip();
                String value = declaration.substring(colon + 1).strip().replace("\"", "&quot;");
                if (PRESENTATION.contains(name)) {
                    attributes.append(' ').append(name).append("=\"").append(value).append('"');
                } else {
                    rest.append(name).append(':').append(value).append(';');
                }
            }
            if (!rest.isEmpty()) {
                attributes.append(" style=\"").append(rest).append('"');
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(attributes.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
