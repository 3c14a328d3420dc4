package io.datapilot.ml.features;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns {@link FeaturePipeline} derives from a feature list, in the order of the features
 * vector: every number first (numerics, booleans, the three numbers of each date), then one
 * one-hot block per categorical feature.
 *
 * <p>Internal names are {@code __datapilot_<feature index>[_<part>]}: they depend on the position
 * of the feature only, so no client column name can change them, and none is ever parsed.
 *
 * <pre>{@code
 * FeatureLayout layout = FeatureLayout.of(List.of(new Feature("date_commande", FeatureKind.DATE)));
 * layout.numeric().get(1).label();   // "date_commande__mois"
 * }</pre>
 */
public final class FeatureLayout {
    static final String PREFIX = "__datapilot_";

    /** What a prepared column holds; {@link #suffix} ends the client-facing name of date parts. */
    public enum Part {
        /** The value itself: a number, a boolean as 1/0, or the text of a categorical feature. */
        VALUE(""),
        /** Days since 1970-01-01. */
        DAYS("__jours"),
        /** Month, 1 to 12. */
        MONTH("__mois"),
        /** ISO weekday, Monday = 1 … Sunday = 7. */
        WEEKDAY("__jour_semaine");

        private final String suffix;

        Part(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    /**
     * One column produced by the prepare step.
     *
     * @param name internal column name
     * @param label the name in the client's words ({@code <column>} or {@code <column>__mois})
     * @param feature index of the source feature in the feature list
     */
    public record Prepared(String name, String label, int feature, Part part) {
        public Prepared {
            requireNonNull(name, "name is null");
            requireNonNull(label, "label is null");
            requireNonNull(part, "part is null");
        }

        public String imputed() {
            return name + "_imputed";
        }

        public String indexed() {
            return name + "_index";
        }

        public String oneHot() {
            return name + "_onehot";
        }
    }

    private final List<Feature> features;
    private final List<Prepared> numeric;
    private final List<Prepared> categorical;

    private FeatureLayout(List<Feature> features, List<Prepared> numeric, List<Prepared> categorical) {
        this.features = features;
        this.numeric = numeric;
        this.categorical = categorical;
    }

    public static FeatureLayout of(List<Feature> features) {
        requireNonNull(features, "features is null");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("Invalid feature list: it is empty; give at least one column to learn from");
        }
        List<Prepared> numeric = new ArrayList<>();
        List<Prepared> categorical = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            String name = PREFIX + i;
            switch (feature.kind()) {
                case NUMERIC, BOOLEAN -> numeric.add(new Prepared(name, feature.column(), i, Part.VALUE));
                case DATE -> {
                    for (Part part : List.of(Part.DAYS, Part.MONTH, Part.WEEKDAY)) {
                        numeric.add(new Prepared(name + part.suffix(), feature.column() + part.suffix(), i, part));
                    }
                }
                case CATEGORICAL -> categorical.add(new Prepared(name, feature.column(), i, Part.VALUE));
            }
        }
        return new FeatureLayout(List.copyOf(features), List.copyOf(numeric), List.copyOf(categorical));
    }

    public List<Feature> features() {
        return features;
    }

    /** Numbers, in the order they open the features vector. */
    public List<Prepared> numeric() {
        return numeric;
    }

    /** Categorical features, in the order of their one-hot blocks after the numbers. */
    public List<Prepared> categorical() {
        return categorical;
    }
}
