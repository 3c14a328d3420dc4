package io.datapilot.ml.scorer;

import io.datapilot.ml.features.Feature;
import io.datapilot.ml.features.FeatureKind;
import io.datapilot.ml.features.FeatureLayout;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a row into the features vector the way the fitted feature stages do: the prepare casts,
 * median imputation, frequency index with its extra bucket, one-hot without the last slot, then the
 * optional standardisation. Immutable, so one instance serves every thread.
 */
final class RowEncoder {
    // the strings Spark's CAST(string AS BOOLEAN) accepts
    private static final Set<String> TRUE = Set.of("t", "true", "y", "yes", "1");
    private static final Set<String> FALSE = Set.of("f", "false", "n", "no", "0");

    private final List<Feature> features;
    private final ZoneId zone;
    private final int[] numberFeature;
    private final FeatureLayout.Part[] numberPart;
    private final double[] surrogate;
    private final int[] categoryFeature;
    private final List<Map<String, Integer>> categoryIndex;
    private final int[] categorySlots;
    private final double[] mean;
    private final double[] scale;
    private final int size;

    RowEncoder(ScorerFile file) {
        this.features = file.features();
        this.zone = ZoneId.of(file.sessionTimeZone());
        int numbers = file.numbers().size();
        numberFeature = new int[numbers];
        numberPart = new FeatureLayout.Part[numbers];
        surrogate = new double[numbers];
        for (int i = 0; i < numbers; i++) {
            ScorerFile.NumberColumn column = file.numbers().get(i);
            numberFeature[i] = column.feature();
            numberPart[i] = column.part();
            surrogate[i] = column.surrogate();
        }
        int categories = file.categories().size();
        categoryFeature = new int[categories];
        categorySlots = new int[categories];
        categoryIndex = new java.util.ArrayList<>();
        int width = numbers;
        for (int i = 0; i < categories; i++) {
            ScorerFile.CategoryColumn column = file.categories().get(i);
            categoryFeature[i] = column.feature();
            categorySlots[i] = column.categorySize() - (column.dropLast() ? 1 : 0);
            Map<String, Integer> index = new HashMap<>();
            for (int label = 0; label < column.labels().size(); label++) {
                index.put(column.labels().get(label), label);
            }
            categoryIndex.add(Map.copyOf(index));
            width += categorySlots[i];
        }
        size = width;
        if (file.scaler() != null) {
            mean = file.scaler().mean().clone();
            scale = new double[file.scaler().std().length];
            for (int i = 0; i < scale.length; i++) {
                double std = file.scaler().std()[i];
                scale[i] = std != 0.0 ? 1.0 / std : 0.0;
            }
            if (mean.length != size || scale.length != size) {
                throw new IllegalArgumentException("Invalid scorer file: the scaler has " + mean.length
                        + " slots but the features vector has " + size + "; export the model again");
            }
        } else {
            mean = null;
            scale = null;
        }
    }

    int size() {
        return size;
    }

    double[] encode(Map<String, ?> row) {
        double[] vector = new double[size];
        // a date fills three slots side by side (days, month, weekday): read and parsed once for the three
        int dateFeature = -1;
        LocalDate date = null;
        for (int i = 0; i < numberFeature.length; i++) {
            Feature feature = features.get(numberFeature[i]);
            double value;
            if (feature.kind() == FeatureKind.DATE) {
                if (numberFeature[i] != dateFeature) {
                    dateFeature = numberFeature[i];
                    Object raw = row.get(feature.column());
                    date = raw == null ? null : date(feature, raw);
                }
                value = date == null ? Double.NaN : datePart(date, numberPart[i]);
            } else {
                value = number(feature, row.get(feature.column()));
            }
            // Imputer replaces nulls and its missing value, NaN
            vector[i] = Double.isNaN(value) ? surrogate[i] : value;
        }
        int offset = numberFeature.length;
        for (int i = 0; i < categoryFeature.length; i++) {
            Feature feature = features.get(categoryFeature[i]);
            String text = text(row.get(feature.column()));
            Integer index = text == null ? null : categoryIndex.get(i).get(text);
            // unseen labels and nulls take the extra bucket, which dropLast leaves without a slot
            if (index != null && index < categorySlots[i]) {
                vector[offset + index] = 1.0;
            }
            offset += categorySlots[i];
        }
        if (mean != null) {
            for (int i = 0; i < size; i++) {
                vector[i] = (vector[i] - mean[i]) * scale[i];
            }
        }
        return vector;
    }

    private static double datePart(LocalDate date, FeatureLayout.Part part) {
        return switch (part) {
            case DAYS -> date.toEpochDay();
            case MONTH -> date.getMonthValue();
            case WEEKDAY -> date.getDayOfWeek().getValue();
            case VALUE -> throw new IllegalStateException("a date has no plain value");
        };
    }

    private double number(Feature feature, Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Boolean bool) {
            return bool ? 1.0 : 0.0;
        }
        if (value instanceof Number number) {
            double d = number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
            return feature.kind() == FeatureKind.BOOLEAN && !Double.isNaN(d) ? (d != 0 ? 1.0 : 0.0) : d;
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (feature.kind() == FeatureKind.BOOLEAN) {
                String lower = trimmed.toLowerCase(Locale.ROOT);
                return TRUE.contains(lower) ? 1.0 : FALSE.contains(lower) ? 0.0 : Double.NaN;
            }
            try {
                return Double.parseDouble(trimmed);
            } catch (NumberFormatException e) {
                // as Spark's CAST: a text that is no number is missing, hence imputed
                return Double.NaN;
            }
        }
        throw invalid(feature, value, feature.kind() == FeatureKind.BOOLEAN ? "a boolean" : "a number");
    }

    private LocalDate date(Feature feature, Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        if (value instanceof Instant instant) {
            return instant.atZone(zone).toLocalDate();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone).toLocalDate();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone).toLocalDate();
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            // yyyy-MM-dd, possibly followed by a time as Spark's CAST(string AS DATE) allows
            if (trimmed.length() < 10 || trimmed.length() > 10 && trimmed.charAt(10) != 'T' && trimmed.charAt(10) != ' ') {
                return null;
            }
            try {
                return LocalDate.parse(trimmed.substring(0, 10));
            } catch (DateTimeException e) {
                return null;
            }
        }
        throw invalid(feature, value, "a date (LocalDate, LocalDateTime or yyyy-MM-dd text)");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static IllegalArgumentException invalid(Feature feature, Object value, String expected) {
        return new IllegalArgumentException("Invalid value for column '" + feature.column() + "': expected " + expected
                + ", got a " + value.getClass().getSimpleName() + "; send " + expected + " or null");
    }
}
