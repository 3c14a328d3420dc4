package io.datapilot.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.AlertsConfig;
import io.datapilot.profile.Alert.Kind;
import io.datapilot.profile.Alert.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each alert fires on a column built to trigger it, and none fires on a clean column. */
class QualityAlertsTest {
    private static final AlertContext CONTEXT = new AlertContext(new AlertsConfig(null, null, null, null, null, null, null, null),
            Set.of(), Set.of("echeance"), Map.of("jour", 3L), Map.of(), List.of(new AlertContext.JoinFinding("ds", "id", 5, 2, 1)));

    /** A clean numeric column: 100 rows, no nulls, moderate spread. */
    private static ColumnProfile number(String name, SemanticType semantic) {
        return new ColumnProfile(name, "double", semantic, 100, 100, 0, null, null, 60, 60L, "1.0", "90.0", 40.0, 10.0, 0.1, 0.0,
                List.of(30.0, 40.0, 50.0), 0L, 0L, null, null, null, null, null, null, null, null, 0L, null, null, List.of(), List.of(),
                List.of("1.0"), false);
    }

    private static ColumnProfile text(String name, long distinct, List<ValueCount> values, long numericText) {
        return new ColumnProfile(name, "string", SemanticType.CATEGORICAL, 100, 100, 0, 0L, 0L, distinct, distinct, "a", "z", null,
                null, null, null, null, null, null, 1, 20, 1, 20, 8.0, numericText, 0L, null, null, null, null, values, values,
                List.of("a"), false);
    }

    private static List<Alert> alerts(ColumnProfile... columns) {
        return QualityAlerts.of(new TableProfile("t", 100, List.of(columns), 0, null, List.of(), 3, 0), new AlertContext(
                new AlertsConfig(null, null, null, null, null, null, null, null), Set.of(), Set.of(), Map.of(), Map.of(), List.of()));
    }

    @Test
    void raisesNothingOnCleanColumns() {
        assertThat(alerts(number("montant", SemanticType.AMOUNT),
                text("canal", 3, List.of(new ValueCount("Magasin", 50), new ValueCount("Site web", 40), new ValueCount("Parrainage", 10)), 0)))
                .isEmpty();
    }

    @Test
    void flagsConstantMissingSkewedZerosAndOutliers() {
        ColumnProfile clean = number("x", SemanticType.CONTINUOUS);
        ColumnProfile constant = new ColumnProfile("constante", "string", SemanticType.CATEGORICAL, 100, 100, 0, 0L, 0L, 1, 1L, "a", "a",
                null, null, null, null, null, null, null, 1, 1, 1, 1, 1.0, 0L, 0L, null, null, null, null, List.of(), List.of(), List.of("a"), false);
        ColumnProfile missing = new ColumnProfile("rare", clean.type(), clean.semanticType(), 100, 40, 60, null, null, 10, 10L, "1", "2",
                1.0, 0.5, 0.0, 0.0, List.of(1.0, 1.0, 2.0), 0L, 0L, null, null, null, null, null, null, null, null, 0L, null, null,
                List.of(), List.of(), List.of(), false);
        ColumnProfile skewed = new ColumnProfile("revenu", clean.type(), SemanticType.AMOUNT, 100, 100, 0, null, null, 90, 90L, "0", "1e6",
                5.0, 50.0, 25.0, 700.0, List.of(1.0, 2.0, 3.0), 30L, 0L, null, null, null, null, null, null, null, null, 12L, null, null,
                List.of(), List.of(), List.of(), false);
        List<Alert> found = alerts(constant, missing, skewed);
        assertThat(found).extracting(Alert::column, Alert::kind, Alert::severity).contains(
                org.assertj.core.groups.Tuple.tuple("constante", Kind.CONSTANT, Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("rare", Kind.MISSING, Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("revenu", Kind.SKEWED, Severity.INFO),
                org.assertj.core.groups.Tuple.tuple("revenu", Kind.ZEROS, Severity.INFO),
                org.assertj.core.groups.Tuple.tuple("revenu", Kind.OUTLIERS, Severity.WARNING));
    }

    @Test
    void flagsCategoryVariantsTyposHighCardinalityAndMixedTypes() {
        List<ValueCount> values = List.of(new ValueCount("Linge de lit", 500), new ValueCount("linge de lit", 7),
                new ValueCount("Linge  de lit ", 3), new ValueCount("Linge de lti", 2), new ValueCount("Décoration", 300),
                new ValueCount("Decoration", 4));
        List<Alert> found = alerts(text("categorie", 6, values, 0), text("libre", 80, List.of(), 30));
        Alert variants = found.stream().filter(alert -> alert.kind() == Kind.INCONSISTENT_CATEGORIES
                && alert.example().contains("Linge de lit")).findFirst().orElseThrow();
        assertThat(variants.count()).isEqualTo(10);
        assertThat(found).filteredOn(alert -> alert.kind() == Kind.INCONSISTENT_CATEGORIES).hasSize(2);
        assertThat(found).filteredOn(alert -> alert.kind() == Kind.POSSIBLE_TYPO).singleElement()
                .satisfies(alert -> assertThat(alert.example()).isEqualTo("«Linge de lti»"));
        assertThat(found).extracting(Alert::column, Alert::kind).contains(
                org.assertj.core.groups.Tuple.tuple("libre", Kind.HIGH_CARDINALITY),
                org.assertj.core.groups.Tuple.tuple("libre", Kind.MIXED_TYPES));
    }

    @Test
    void flagsImpossibleValuesDuplicatesAndKeysThatDoNotJoin() {
        ColumnProfile quantity = new ColumnProfile("quantite", "bigint", SemanticType.DISCRETE, 100, 100, 0, null, null, 10, 10L, "-3", "9",
                2.0, 1.0, 0.0, 0.0, List.of(1.0, 2.0, 3.0), 0L, 4L, null, null, null, null, null, null, null, null, 0L, null, null,
                List.of(), List.of(), List.of(), false);
        ColumnProfile day = new ColumnProfile("jour", "date", SemanticType.DATE, 100, 100, 0, null, null, 90, 90L, "1890-01-01",
                "2031-01-01", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 2L, 1L,
                List.of(), List.of(), List.of(), false);
        ColumnProfile due = new ColumnProfile("echeance", "date", SemanticType.DATE, 100, 100, 0, null, null, 90, 90L, "2024-01-01",
                "2031-01-01", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 5L, 0L,
                List.of(), List.of(), List.of(), false);
        List<Alert> found = QualityAlerts.of(new TableProfile("t", 100, List.of(quantity, day, due), 6, 2L, List.of("id"), 3, 0), CONTEXT);
        assertThat(found).extracting(Alert::column, Alert::kind, Alert::count).contains(
                org.assertj.core.groups.Tuple.tuple("quantite", Kind.NEGATIVE_VALUES, 4L),
                org.assertj.core.groups.Tuple.tuple("jour", Kind.FUTURE_DATES, 2L),
                org.assertj.core.groups.Tuple.tuple("jour", Kind.IMPLAUSIBLE_DATES, 1L),
                org.assertj.core.groups.Tuple.tuple("jour", Kind.INVALID_DATE, 3L),
                org.assertj.core.groups.Tuple.tuple(null, Kind.DUPLICATE_ROWS, 6L),
                org.assertj.core.groups.Tuple.tuple("id", Kind.DUPLICATE_KEYS, 2L),
                org.assertj.core.groups.Tuple.tuple("id", Kind.UNMATCHED_KEYS, 5L),
                org.assertj.core.groups.Tuple.tuple("id", Kind.DUPLICATE_LOOKUP_KEYS, 1L));
        assertThat(found).noneMatch(alert -> "echeance".equals(alert.column()) && alert.kind() == Kind.FUTURE_DATES);
    }
}
