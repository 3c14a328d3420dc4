package io.datapilot.core.config;

/** How to read delimited text. {@code auto} values are detected from the file's first bytes. */
public record CsvOptions(
        String separator,
        String quote,
        String escape,
        Boolean header,
        Boolean multiLine,
        String encoding,
        String comment) {

    public static final String AUTO = "auto";

    public CsvOptions {
        separator = separator == null ? AUTO : separator;
        quote = quote == null ? "\"" : quote;
        escape = escape == null ? "\"" : escape;
        header = header == null ? Boolean.TRUE : header;
        multiLine = multiLine == null ? Boolean.FALSE : multiLine;
        encoding = encoding == null ? AUTO : encoding;
    }

    static CsvOptions defaults() {
        return new CsvOptions(null, null, null, null, null, null, null);
    }
}
