package io.datapilot.governance.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogbookTest {
    private static final String DOCS = "https://example.org/datapilot/docs/";
    private static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    private static final Incident MISSING_EMAIL = new Incident(Incident.QUALITY_ALERT, "missing", "clients", "email",
            "12 % de valeurs manquantes", 120);
    private static final Incident LOAD_FAILED = new Incident(Incident.STAGE_FAILURE, "load", null, null,
            "Cannot load silver.clients for run date 2024-06-03: the new data does not fit", 0);

    @Test
    void opensAnEntryThenResolvesItOnTheFirstRunDateWithoutTheIncident() {
        List<LogbookEntry> monday = Logbook.update(List.of(), List.of(MISSING_EMAIL), List.of(), MONDAY, DOCS);
        List<LogbookEntry> tuesday = Logbook.update(monday, List.of(MISSING_EMAIL), List.of(), TUESDAY, DOCS);
        List<LogbookEntry> wednesday = Logbook.update(tuesday, List.of(), List.of(), WEDNESDAY, DOCS);

        LogbookEntry opened = monday.get(0);
        assertThat(opened.index()).isEqualTo(1);
        assertThat(opened.problemDate()).isEqualTo(MONDAY);
        assertThat(opened.label()).isEqualTo("Valeurs manquantes dans clients.email");
        assertThat(opened.status()).isEqualTo(LogbookEntry.OPEN);
        assertThat(opened.resolutionDate()).isNull();
        assertThat(opened.resolutionUrl()).isEqualTo(DOCS + "INCIDENTS.md#valeurs-manquantes-missing");
        assertThat(opened.solution()).contains("clean.columns.<colonne>.impute");
        assertThat(opened.source()).isEqualTo(LogbookEntry.PIPELINE);
        assertThat(opened.key()).isEqualTo("quality_alert:missing:clients:email");

        assertThat(tuesday).singleElement().satisfies(entry -> {
            assertThat(entry.index()).isEqualTo(1);
            assertThat(entry.occurrences()).isEqualTo(2);
            assertThat(entry.lastSeen()).isEqualTo(TUESDAY);
            assertThat(entry.isOpen()).isTrue();
        });
        assertThat(wednesday).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(LogbookEntry.RESOLVED);
            assertThat(entry.resolutionDate()).isEqualTo(WEDNESDAY);
            assertThat(entry.occurrences()).isEqualTo(2);
            assertThat(entry.lastSeen()).isEqualTo(TUESDAY);
        });
    }

    @Test
    void opensANewEntryPointingToTheResolvedOneWhenAnIncidentRecurs() {
        List<LogbookEntry> monday = Logbook.update(List.of(), List.of(LOAD_FAILED, MISSING_EMAIL), List.of(), MONDAY, DOCS);
        List<LogbookEntry> tuesday = Logbook.update(monday, List.of(MISSING_EMAIL), List.of(), TUESDAY, DOCS);
        List<LogbookEntry> wednesday = Logbook.update(tuesday, List.of(LOAD_FAILED, MISSING_EMAIL), List.of(), WEDNESDAY, DOCS);

        // numbered in the order of their keys: quality_alert:… before stage_failure:…
        assertThat(monday).extracting(LogbookEntry::index, LogbookEntry::key)
                .containsExactly(tuple(1, MISSING_EMAIL.key()),
                        tuple(2, LOAD_FAILED.key()));
        assertThat(wednesday).hasSize(3);
        assertThat(wednesday.get(1)).satisfies(resolved -> {
            assertThat(resolved.index()).isEqualTo(2);
            assertThat(resolved.resolutionDate()).isEqualTo(TUESDAY);
        });
        assertThat(wednesday.get(2)).satisfies(recurred -> {
            assertThat(recurred.index()).isEqualTo(3);
            assertThat(recurred.problemDate()).isEqualTo(WEDNESDAY);
            assertThat(recurred.isOpen()).isTrue();
            assertThat(recurred.occurrences()).isEqualTo(1);
            assertThat(recurred.label()).isEqualTo("Échec de l'étape load : Cannot load silver.clients for run date 2024-06-03: the new"
                    + " data does not fit (réapparu, voir n° 2)");
        });
        assertThat(wednesday.get(0).occurrences()).isEqualTo(3);
    }

    @Test
    void givesTheSameStateWhenARunDateIsRunAgain() {
        List<LogbookEntry> monday = Logbook.update(List.of(), List.of(LOAD_FAILED, MISSING_EMAIL), List.of(), MONDAY, DOCS);
        List<LogbookEntry> manual = List.of(teamEntry(0, "Cluster indisponible", MONDAY, null));

        List<LogbookEntry> first = Logbook.update(monday, List.of(MISSING_EMAIL), manual, TUESDAY, DOCS);
        List<LogbookEntry> second = Logbook.update(monday, List.of(MISSING_EMAIL), manual, TUESDAY, DOCS);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void leavesTheRunDatesOwnOrALaterStateUnchanged() {
        List<LogbookEntry> monday = Logbook.update(List.of(), List.of(MISSING_EMAIL), List.of(), MONDAY, DOCS);
        List<LogbookEntry> tuesday = Logbook.update(monday, List.of(), List.of(), TUESDAY, DOCS);

        List<LogbookEntry> tuesdayAgain = Logbook.update(tuesday, List.of(), List.of(), TUESDAY, DOCS);
        List<LogbookEntry> backfill = Logbook.update(tuesday, List.of(MISSING_EMAIL), List.of(), MONDAY.minusDays(7), DOCS);

        assertThat(tuesdayAgain).isEqualTo(tuesday);
        assertThat(backfill).isEqualTo(tuesday);
    }

    @Test
    void mergesTeamEntriesAfterThePipelinesAndNeverResolvesThem() {
        LogbookEntry cluster = teamEntry(0, "Cluster indisponible", MONDAY, null);
        LogbookEntry certificate = teamEntry(0, "Certificat TLS expiré", MONDAY, TUESDAY);
        List<LogbookEntry> monday = Logbook.update(List.of(), List.of(MISSING_EMAIL), List.of(cluster), MONDAY, DOCS);
        List<LogbookEntry> tuesday = Logbook.update(monday, List.of(LOAD_FAILED), List.of(cluster, certificate), TUESDAY, DOCS);
        // the team numbers the cluster entry with its logbook number, edits its label and drops the certificate from the file
        LogbookEntry renamed = teamEntry(2, "Cluster Spark indisponible", MONDAY, null);
        List<LogbookEntry> wednesday = Logbook.update(tuesday, List.of(), List.of(renamed), WEDNESDAY, DOCS);

        assertThat(monday).extracting(LogbookEntry::index, LogbookEntry::source)
                .containsExactly(tuple(1, "pipeline"), tuple(2, "equipe"));
        assertThat(tuesday).extracting(LogbookEntry::index, LogbookEntry::label).containsExactly(
                tuple(1, "Valeurs manquantes dans clients.email"),
                tuple(2, "Cluster indisponible"),
                tuple(3, "Échec de l'étape load : " + LOAD_FAILED.detail()),
                tuple(4, "Certificat TLS expiré"));
        assertThat(tuesday.get(1)).isEqualTo(cluster.withIndex(2));
        assertThat(wednesday).extracting(LogbookEntry::index, LogbookEntry::label, LogbookEntry::status).containsExactly(
                tuple(1, "Valeurs manquantes dans clients.email", "resolved"),
                tuple(2, "Cluster Spark indisponible", "open"),
                tuple(3, "Échec de l'étape load : " + LOAD_FAILED.detail(), "resolved"),
                tuple(4, "Certificat TLS expiré", "resolved"));
    }

    @Test
    void neverGivesANumberTwice() {
        List<LogbookEntry> monday = Logbook.update(List.of(), List.of(MISSING_EMAIL), List.of(), MONDAY, DOCS);
        List<LogbookEntry> tuesday = Logbook.update(monday, List.of(), List.of(), TUESDAY, DOCS);
        List<LogbookEntry> wednesday = Logbook.update(tuesday, List.of(LOAD_FAILED), List.of(), WEDNESDAY, DOCS);

        assertThat(wednesday).extracting(LogbookEntry::index).containsExactly(1, 2);
    }

    private static LogbookEntry teamEntry(int number, String label, LocalDate problemDate, LocalDate resolutionDate) {
        return new LogbookEntry(number, problemDate, label, resolutionDate, null, null, "infrastructure", null, null,
                resolutionDate == null ? LogbookEntry.OPEN : LogbookEntry.RESOLVED, 1, problemDate, LogbookEntry.TEAM,
                LogbookEntry.teamKey(problemDate, label));
    }
}
