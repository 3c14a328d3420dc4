package io.datapilot.rgpd.erasure;

import java.util.Set;
import org.apache.spark.sql.api.java.UDF1;

/**
 * Whether a row's identifying values are the subject's. A Spark function object that holds the values,
 * so that they travel inside the serialised task and never appear in the text of a plan — the
 * {@code DELETE}'s predicate is written into the table's log ({@code commitInfo}), which must not hold them.
 */
final class SubjectMatcher implements UDF1<String, Boolean> {
    private static final long serialVersionUID = 1L;
    private final Set<String> tuples;

    SubjectMatcher(Set<String> tuples) {
        this.tuples = Set.copyOf(tuples);
    }

    @Override
    public Boolean call(String tuple) {
        return tuple != null && tuples.contains(tuple);
    }

    @Override
    public String toString() {
        return "SubjectMatcher";
    }
}
