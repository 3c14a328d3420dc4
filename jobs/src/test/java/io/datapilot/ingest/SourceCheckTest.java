package io.datapilot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.testing.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every unusable source file is reported, with its name and the fix, before any Spark work. */
class SourceCheckTest {
    private static final Path BAD = Paths.resource("bad");
    private static final Path CLINIC = Paths.resource("datasets/clinique");
    private static final Path STOCK = Paths.resource("datasets/stock");

    private static DatapilotException check(Path folder, String yaml) throws IOException {
        Path config = folder.resolve("pipeline.yaml");
        Files.writeString(config, yaml);
        try {
            IngestCheck.check(config);
        } catch (DatapilotException error) {
            return error;
        }
        throw new AssertionError("The check passed but should have failed");
    }

    @Test
    void reportsEveryBadFileAndUnknownColumnInOneError(@TempDir Path folder) throws IOException {
        DatapilotException error = check(folder, """
                sources:
                  - { name: absent, path: %1$s/absent.csv }
                  - { name: vide, path: %1$s/vide.csv }
                  - { name: entete, path: %1$s/entete_seule.csv }
                  - { name: encodage, path: %1$s/windows1252.csv, csv: { encoding: UTF-8 } }
                  - { name: classeur, path: %1$s/corrompu.xlsx }
                  - { name: feuille, path: %2$s/inventaire.xlsx, xlsx: { sheet: Inventaire } }
                  - { name: json, path: %1$s/casse.json }
                  - name: animaux
                    path: %3$s/animaux.csv
                    key: [identifiant]
                    columns: { "Poids": { type: double } }
                """.formatted(BAD, STOCK, CLINIC));
        assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
        assertThat(error.getMessage())
                .startsWith("Invalid configuration")
                .contains("9 problems")
                .contains("sources[0].path (line 2): no file matches " + BAD.resolve("absent.csv"))
                .contains("sources[1].path (line 3): the file file:" + BAD.resolve("vide.csv") + " is empty (0 bytes)")
                .contains("sources[2].path (line 4): the file file:" + BAD.resolve("entete_seule.csv") + " has a header line but no data rows")
                .contains("sources[3].csv.encoding (line 5): the file file:" + BAD.resolve("windows1252.csv")
                        + " is not valid UTF-8: byte 0xE9 at line 1 cannot be decoded. It looks like windows-1252")
                .contains("sources[4].path (line 6): the file file:" + BAD.resolve("corrompu.xlsx")
                        + " cannot be read as an Excel (.xlsx) workbook")
                .contains("sources[5].xlsx.sheet (line 7): the workbook file:" + STOCK.resolve("inventaire.xlsx")
                        + " has no sheet \"Inventaire\"; its sheets are: Notes, Stock")
                .contains("sources[6].path (line 8): the file file:" + BAD.resolve("casse.json") + " is not valid JSON at line 4")
                .contains("sources[7].key[0] (line 11): no column \"identifiant\" in source animaux")
                .contains("did you mean \"identifiant_animal\"?")
                .contains("sources[7].columns[\"Poids\"] (line 12): no column \"Poids\"")
                .contains("did you mean \"Poids (kg)\"?");
    }

    @Test
    void unusableFilesAloneAreADataError(@TempDir Path folder) throws IOException {
        DatapilotException error = check(folder, "sources:\n  - { name: vide, path: %s/vide.csv }\n".formatted(BAD));
        assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
        assertThat(error.exitCode()).isEqualTo(1);
        assertThat(error.getMessage()).startsWith("Cannot use the sources of").contains("vide.csv");
    }

    @Test
    void rejectsIso88591ForAWindows1252Export(@TempDir Path folder) throws IOException {
        DatapilotException error = check(folder, "sources:\n  - { name: ventes, path: %s/windows1252.csv, csv: { encoding: ISO-8859-1 } }\n"
                .formatted(BAD));
        assertThat(error.getMessage()).contains("byte 0x80 at line 3").contains("set encoding: windows-1252");
    }

    @Test
    void resolvesReferencesOfTheDataSetAgainstTheFilesColumns(@TempDir Path folder) throws IOException {
        DatapilotException error = check(folder, """
                sources:
                  - { name: animaux, path: %1$s/animaux.csv, key: [identifiant_animal], csv: { multi_line: true } }
                  - { name: consultations, path: %1$s/consultations.jsonl }
                dataset:
                  name: suivi
                  base: animaux
                  relations:
                    - source: consultations
                      kind: aggregate
                      on: { identifiant_animal: animale }
                      aggregations:
                        - { name: total, function: sum, column: montants }
                        - { name: nom_de_l_animal, function: count }
                  targets:
                    - { column: vaccin, kind: classification }
                """.formatted(CLINIC));
        assertThat(error.getMessage())
                .contains("dataset.relations[0].on[\"identifiant_animal\"] (line 10): no column \"animale\" in source consultations")
                .contains("did you mean \"animal\"?")
                .contains("dataset.relations[0].aggregations[0].column (line 12): no column \"montants\"")
                .contains("dataset.relations[0].aggregations[1].name (line 13): \"nom_de_l_animal\" is already a column")
                .contains("dataset.targets[0].column (line 15): \"vaccin\" is not a column of the data set; did you mean \"vaccine\"?");
    }

    @Test
    void acceptsTheBundledSampleAndResolvesItsSettings() {
        IngestCheck.Checked checked = IngestCheck.check(Paths.root().resolve("conf/pipeline.yaml"));
        SourcePlan lines = checked.plan().sources().get("lignes_commandes");
        assertThat(lines.inspection().encoding()).isEqualTo("windows-1252");
        assertThat(lines.inspection().separator()).isEqualTo(';');
        assertThat(lines.names()).startsWith("num_commande", "num_ligne", "id_client", "date_de_commande");
        assertThat(lines.find("Montant TTC (€)")).map(SourcePlan.PlannedColumn::name).hasValue("montant_ttc_eur");
        SourcePlan customers = checked.plan().sources().get("clients");
        assertThat(customers.inspection().sheet()).isEqualTo("Clients");
        assertThat(customers.inspection().expectedRows()).isPositive();
        assertThat(checked.plan().sharedColumns()).anySatisfy(group -> assertThat(group).containsExactlyInAnyOrder(
                new IngestPlan.ColumnRef("clients", "id_client"), new IngestPlan.ColumnRef("lignes_commandes", "id_client")));
    }
}
