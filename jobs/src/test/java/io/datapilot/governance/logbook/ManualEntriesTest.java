package io.datapilot.governance.logbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManualEntriesTest {
    @TempDir
    Path folder;

    @Test
    void readsTheTeamsEntriesWithFrenchOrEnglishHeaders() throws IOException {
        Path file = write("carnet.csv", """
                N°;Date du problème;Problème;Date de résolution;URL de la source de résolution;Solution;Catégorie;Table;Colonne;Statut
                ;03/06/2024;Cluster Spark indisponible;;;;infrastructure;;;ouvert
                7;2024-06-01;Certificat TLS expiré;04/06/2024;https://wiki.example.org/tls;Certificat renouvelé;sécurité;;;Résolu
                ;05/06/2024;Export CRM en retard;06/06/2024;;;;clients;;
                """);

        List<LogbookEntry> entries = ManualEntries.read(file);

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0)).isEqualTo(new LogbookEntry(0, LocalDate.of(2024, 6, 3), "Cluster Spark indisponible", null, null, null,
                "infrastructure", null, null, "open", 1, LocalDate.of(2024, 6, 3), "equipe",
                "equipe:2024-06-03:cluster_spark_indisponible"));
        assertThat(entries.get(1)).satisfies(entry -> {
            assertThat(entry.index()).isEqualTo(7);
            assertThat(entry.resolutionDate()).isEqualTo(LocalDate.of(2024, 6, 4));
            assertThat(entry.resolutionUrl()).isEqualTo("https://wiki.example.org/tls");
            assertThat(entry.solution()).isEqualTo("Certificat renouvelé");
            assertThat(entry.status()).isEqualTo("resolved");
        });
        // without a status, an entry with a resolution date is resolved
        assertThat(entries.get(2).status()).isEqualTo("resolved");
        assertThat(entries.get(2).table()).isEqualTo("clients");
    }

    @Test
    void reportsEveryProblemOfTheFileInOneError() throws IOException {
        Path file = write("carnet.csv", """
                n;date_du_probleme;intitule_du_probleme_technique;date_de_resolution;url_de_la_source_de_resolution;statut;priorite
                1;31/02/2024;Date impossible;;;ouvert;
                2;03/06/2024;Résolu avant le problème;01/06/2024;;résolu;
                3;03/06/2024;Résolu sans date;;;résolu;
                x;03/06/2024;Lien non web;;ftp://example.org/doc;ouvert;
                5;03/06/2024;;;;peut-être;
                """);

        assertThatThrownBy(() -> ManualEntries.read(file)).isInstanceOfSatisfying(DatapilotException.class, error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
            assertThat(error.getMessage()).startsWith("Invalid logbook entries in " + file + ": 8 problems:").contains(
                    "line 1, column «priorite» (G): unknown column; the columns are n, date_du_probleme,",
                    "line 2, column «date_du_probleme» (B): «31/02/2024» is not a date; write it dd/mm/yyyy",
                    "line 3, column «date_de_resolution» (D): the resolution date 2024-06-01 is before the problem date 2024-06-03",
                    "line 4, column «date_de_resolution» (D): the entry is resolved but has no resolution date",
                    "line 5, column «n» (A): «x» is not an entry number",
                    "line 5, column «url_de_la_source_de_resolution» (E): «ftp://example.org/doc» is not a web address",
                    "line 6, column «intitule_du_probleme_technique» (C): is empty; it is required.",
                    "line 6, column «statut» (F): «peut-être» is not a status; write ouvert (open) or résolu (resolved).");
        });
    }

    @Test
    void namesTheMissingRequiredColumns() throws IOException {
        Path file = write("carnet.csv", "n;statut\n1;ouvert\n");

        assertThatThrownBy(() -> ManualEntries.read(file)).isInstanceOf(DatapilotException.class)
                .hasMessageContaining("line 1: the header has no column date_du_probleme (required); the file's columns are n, statut.")
                .hasMessageContaining("line 1: the header has no column intitule_du_probleme_technique (required)");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
