package io.datapilot.governance.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.profile.Alert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IncidentCatalogTest {
    private static final Path INCIDENTS = Path.of("../docs/INCIDENTS.md");
    private static final Path QUALITY_GATE = Path.of("src/main/java/io/datapilot/quality/QualityGate.java");

    @Test
    void pointsEveryEntryToAHeadingOfIncidentsMd() throws IOException {
        List<String> anchors = headingAnchors();

        assertThat(anchors).doesNotHaveDuplicates();
        assertThat(IncidentCatalog.entries().values()).allSatisfy(entry -> assertThat(anchors).contains(entry.anchor()));
    }

    @Test
    void followsGithubAnchorRules() {
        assertThat(anchor("Échec d'une étape (stage_failure)")).isEqualTo("échec-dune-étape-stage_failure");
        assertThat(anchor("Trop d'alertes critiques (critical_alerts)")).isEqualTo("trop-dalertes-critiques-critical_alerts");
    }

    @Test
    void hasAnEntryForEveryAlertKindOrFallsBackOnPurpose() {
        for (Alert.Kind kind : Alert.Kind.values()) {
            boolean own = IncidentCatalog.hasOwnEntry(Incident.QUALITY_ALERT, kind.key());
            assertThat(own != IncidentCatalog.ALERT_KINDS_WITH_CATEGORY_ENTRY.contains(kind.key()))
                    .as("%s has an entry of its own or is listed as falling back, not both", kind.key()).isTrue();
        }
        assertThat(IncidentCatalog.entry(Incident.QUALITY_ALERT, "skewed").anchor()).isEqualTo("alerte-qualité-quality_alert");
    }

    @Test
    void hasAnEntryForEveryCheckOfTheQualityGate() throws IOException {
        Matcher checks = Pattern.compile("new GateCheck\\(\"([a-z_]+)\"").matcher(Files.readString(QUALITY_GATE));
        Set<String> found = new HashSet<>();
        while (checks.find()) {
            found.add(checks.group(1));
        }

        assertThat(found).containsExactlyInAnyOrder("quarantine_ratio", "critical_alerts", "completeness");
        assertThat(found).allSatisfy(check -> assertThat(IncidentCatalog.hasOwnEntry(Incident.GATE_FAILURE, check)).isTrue());
    }

    @Test
    void hasAnEntryForEveryQuarantineCodeButOther() {
        for (String code : List.of(QuarantineReasons.EXCEL_ERROR, QuarantineReasons.UNREADABLE_VALUE, QuarantineReasons.TYPE_MISMATCH,
                QuarantineReasons.MALFORMED_RECORD, QuarantineReasons.MALFORMED_JSON, QuarantineReasons.OUTLIER,
                QuarantineReasons.IMPOSSIBLE_VALUE)) {
            assertThat(IncidentCatalog.hasOwnEntry(Incident.QUARANTINE, code)).as(code).isTrue();
        }
        assertThat(IncidentCatalog.entry(Incident.QUARANTINE, QuarantineReasons.OTHER).anchor()).isEqualTo("lignes-en-quarantaine-quarantine");
        assertThat(IncidentCatalog.entry(Incident.STAGE_FAILURE, "train").anchor()).isEqualTo("échec-dune-étape-stage_failure");
    }

    @Test
    void buildsTheResolutionUrlFromTheDocumentationFolder() {
        assertThat(IncidentCatalog.resolutionUrl("https://example.org/docs/", "valeurs-manquantes-missing"))
                .isEqualTo("https://example.org/docs/INCIDENTS.md#valeurs-manquantes-missing");
        assertThat(IncidentCatalog.resolutionUrl("https://example.org/docs", "x")).isEqualTo("https://example.org/docs/INCIDENTS.md#x");
    }

    @Test
    void readsStableCodesAndColumnsFromQuarantineReasons() {
        assertThat(List.of("column age: expected a whole number", "column total: Excel error value (#N/A, #DIV/0!...) instead of data;"
                        + " fix the formula or list the value in null_values", "column n: value does not fit bigint",
                "malformed record: wrong number of fields or an unclosed quote", "malformed JSON record",
                "valeur aberrante dans montant (hors de [2,5 ; 90])", "valeur négative impossible dans quantite", "something else")
                .stream().map(reason -> QuarantineReasons.code(reason) + "/" + QuarantineReasons.column(reason)).toList())
                .containsExactly("unreadable_value/age", "excel_error/total", "type_mismatch/n", "malformed_record/null",
                        "malformed_json/null", "outlier/montant", "impossible_value/quantite", "other/null");
    }

    private static List<String> headingAnchors() throws IOException {
        return Files.readAllLines(INCIDENTS).stream().filter(line -> line.startsWith("#"))
                .map(line -> anchor(line.replaceFirst("^#+\\s*", ""))).toList();
    }

    /** GitHub's rule: lower case, accents kept, punctuation removed, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }
}
