package io.datapilot.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.AlertsConfig;
import io.datapilot.profile.Alert.Kind;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Disguised missing values and rare modalities, found by the profile of a survey file of 210 rows
 * ({@code placeholders/enquete.csv}) holding each kind of placeholder and each look-alike that must
 * not alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceholderAlertsTest {
    private TableProfile profile;
    private List<Alert> alerts;

    @BeforeAll
    void profile() {
        Dataset<Row> survey = TestSpark.session().read().option("header", "true")
                .csv(Paths.resource("placeholders/enquete.csv").toString())
                .selectExpr("CAST(id AS BIGINT) AS id", "genre", "zone", "region", "canal", "categorie", "statut", "signe", "reference",
                        "CAST(age AS BIGINT) AS age", "CAST(revenu AS DOUBLE) AS revenu", "CAST(prix AS BIGINT) AS prix",
                        "CAST(solde AS BIGINT) AS solde", "CAST(date_inscription AS DATE) AS date_inscription");
        profile = Profiler.of(TestSpark.session(), survey, "bronze.enquete").withRunDate(LocalDate.of(2024, 6, 30))
                .withKey(List.of("id")).execute();
        alerts = alerts(new AlertsConfig(null, null, null, null, null, null, null, null));
    }

    private List<Alert> alerts(AlertsConfig thresholds) {
        return QualityAlerts.of(profile, new AlertContext(thresholds, Set.of(), Set.of(), Map.of(), Map.of(), List.of()));
    }

    private List<Alert> of(String column, Kind kind) {
        return alerts.stream().filter(alert -> column.equals(alert.column()) && alert.kind() == kind).toList();
    }

    @Test
    void flagsADotAmongMaleAndFemaleWithTheConfigurationLineThatTreatsIt() {
        assertThat(of("genre", Kind.PLACEHOLDER)).singleElement().satisfies(alert -> {
            assertThat(alert.count()).isOne();
            assertThat(alert.example()).isEqualTo("«.» (1)");
            assertThat(alert.message()).contains("clean.columns.genre: { placeholders: [\".\"] }");
        });
        assertThat(of("genre", Kind.RARE_MODALITY)).as("the dot is reported once, as a placeholder").isEmpty();
    }

    @Test
    void flagsPlaceholderWordsWhateverTheirCaseAndAccents() {
        assertThat(of("statut", Kind.PLACEHOLDER)).singleElement().satisfies(alert -> {
            assertThat(alert.count()).isEqualTo(7);
            assertThat(alert.message()).contains("«inconnu» (5)").contains("«Non renseigné» (2)")
                    .contains("clean.columns.statut: { placeholders: [\"inconnu\", \"Non renseigné\"] }");
        });
    }

    @Test
    void flagsAPlaceholderDateAndNumericSentinelsThatStandOut() {
        assertThat(of("date_inscription", Kind.PLACEHOLDER)).singleElement().satisfies(alert -> {
            assertThat(alert.count()).isOne();
            assertThat(alert.message()).contains("placeholders: [\"1900-01-01\"]");
        });
        // 9999 three times among ages of 18 to 80; 99999 once among incomes of 1 000 to 5 000 (not among the values seen)
        assertThat(of("age", Kind.PLACEHOLDER)).singleElement().satisfies(alert -> {
            assertThat(alert.count()).isEqualTo(3);
            assertThat(alert.message()).contains("clean.columns.age: { placeholders: [9999] }");
        });
        assertThat(of("revenu", Kind.PLACEHOLDER)).singleElement().satisfies(alert -> {
            assertThat(alert.count()).isOne();
            assertThat(alert.example()).isEqualTo("«99999» (1)");
        });
    }

    @Test
    void leavesLookAlikesAlone() {
        // a frequent NA among continent codes, NA as frequent as the other regions, +/- signs, dashes inside references,
        // -999 among balances of -5 000 to 5 000, 9999 among prices of 8 000 to 12 000
        for (String column : List.of("zone", "region", "signe", "reference", "solde", "prix", "id")) {
            assertThat(alerts).as(column).noneMatch(alert -> column.equals(alert.column())
                    && (alert.kind() == Kind.PLACEHOLDER || alert.kind() == Kind.RARE_MODALITY));
        }
    }

    @Test
    void flagsALoneValueAsAPlaceholderAndRareModalitiesApart() {
        // Z once where every other category has 49 rows or more
        assertThat(of("categorie", Kind.PLACEHOLDER)).singleElement().satisfies(alert -> {
            assertThat(alert.example()).isEqualTo("«Z» (1)");
            assertThat(alert.message()).contains("valeur isolée").contains("placeholders: [\"Z\"]");
        });
        assertThat(of("categorie", Kind.RARE_MODALITY)).isEmpty();
        // two channels of 2 rows each (below 1 %): rare, but neither is alone
        assertThat(of("canal", Kind.PLACEHOLDER)).isEmpty();
        assertThat(of("canal", Kind.RARE_MODALITY)).singleElement().satisfies(alert -> {
            assertThat(alert.count()).isEqualTo(4);
            assertThat(alert.severity()).isEqualTo(Alert.Severity.INFO);
            assertThat(alert.example()).contains("«courrier» (2)").contains("«telephone» (2)");
        });
    }

    @Test
    void takesTheRareModalityThresholdsFromTheConfiguration() {
        // below 0,5 % no channel is rare; above 3 modalities no column is examined for rare or lone values
        assertThat(alerts(new AlertsConfig(null, null, null, null, null, null, 0.005, null)))
                .noneMatch(alert -> alert.kind() == Kind.RARE_MODALITY);
        assertThat(alerts(new AlertsConfig(null, null, null, null, null, null, null, 3)))
                .noneMatch(alert -> alert.kind() == Kind.RARE_MODALITY || "categorie".equals(alert.column())
                        && alert.kind() == Kind.PLACEHOLDER);
    }
}
