package io.datapilot.core.config;

/** Who the data belongs to and how dates and texts are presented. */
public record ProjectConfig(String name, String description, String timezone, ReportLocale locale) {

    public static final String DEFAULT_TIMEZONE = "Europe/Paris";

    public ProjectConfig {
        name = name == null ? "datapilot" : name;
        timezone = timezone == null ? DEFAULT_TIMEZONE : timezone;
        locale = locale == null ? ReportLocale.FR : locale;
    }

    static ProjectConfig defaults() {
        return new ProjectConfig(null, null, null, null);
    }
}
