package io.datapilot.report;

import io.datapilot.core.config.ReportLocale;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The report's words, from {@code texts_fr.properties} or {@code texts_en.properties} (UTF-8, read by
 * {@link ResourceBundle}); {@code {0}}-style arguments are filled by {@link MessageFormat}.
 */
public final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(ReportLocale locale) {
        this.locale = locale == ReportLocale.EN ? Locale.ENGLISH : Locale.FRENCH;
        this.bundle = ResourceBundle.getBundle("io.datapilot.report.texts", this.locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("The report text " + key + " is missing from texts_" + locale.getLanguage()
                    + ".properties", e);
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text with its {0}, {1}… replaced (arguments already formatted). */
    public String get(String key, Object... arguments) {
        return new MessageFormat(get(key).replace("'", "''"), locale).format(arguments);
    }

    /** The header of a table column: its translation ({@code col.<name>}) when there is one, else the name itself. */
    public String column(String name) {
        return bundle.containsKey("col." + name) ? bundle.getString("col." + name) : name;
    }

    public String language() {
        return locale.getLanguage();
    }
}
