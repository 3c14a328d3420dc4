package io.datapilot.core.config;

/** Language and number/date formats of what datapilot writes for people. */
public enum ReportLocale {
    FR,
    EN
}
