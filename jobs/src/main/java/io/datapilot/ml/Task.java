package io.datapilot.ml;

import java.util.Locale;

/** What a model learns: a number (regression) or one label of a finite set (classification). */
public enum Task {
    REGRESSION,
    CLASSIFICATION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
