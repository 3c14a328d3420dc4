package io.datapilot.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.profile.Alert.Kind;
import io.datapilot.testing.Ingest;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The audit of the bundled sample, checked against what the generator injected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class SampleAuditTest {
    private static final LocalDate RUN = io.datapilot.testing.Sample.RUN;
    private Path warehouse;
    private Path reports;
    private AuditResult result;
    private List<io.datapilot.clean.CleanStage.TableResult> cleaned;
    private String log;

    @BeforeAll
    void audit() {
        io.datapilot.testing.Sample.Run run = io.datapilot.testing.Sample.run();
        warehouse = run.warehouse();
        reports = run.reports();
        result = run.audit();
        cleaned = run.cleaned();
        log = run.log();
    }

    /** Both targets of the sample trained by the CLI: leaderboard, cross-validation, final models and their cards. */
    @Test
    void trainsBothTargetsOfTheSample() throws IOException {
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> board = TestSpark.session().read().format("delta")
                .load(warehouse.resolve("gold/leaderboard").toString());
        assertThat(board.where("target = 'resilie'").select("model").collectAsList()).extracting(row -> row.getString(0))
                .containsExactlyInAnyOrder("knn", "random_forest", "decision_tree", "logistic_regression", "gradient_boosting");
        assertThat(board.where("target = 'depenses_annee_suivante'").select("model").collectAsList()).extracting(row -> row.getString(0))
                .containsExactlyInAnyOrder("lasso", "ridge", "elastic_net", "random_forest", "gradient_boosting");
        assertThat(board.where("chosen").count()).isEqualTo(2);
        assertThat(TestSpark.session().read().format("delta").load(warehouse.resolve("gold/cv_results").toString()).count())
                .isGreaterThan(board.count());
        for (String target : List.of("resilie", "depenses_annee_suivante")) {
            Path model = warehouse.resolve("models/clients_360").resolve(target).resolve(RUN.toString());
            assertThat(model.resolve("model.json")).exists();
            assertThat(model.resolve("scorer.json")).exists();
            assertThat(model.resolve("pipeline")).isDirectory();
            String card = Files.readString(model.resolve("model_card.md"), StandardCharsets.UTF_8);
            assertThat(card).contains("## Usages exclus et limites").contains("## Performances");
            // personal data never a feature, said in the card with its reason
            assertThat(card).contains("personal data").doesNotContainPattern("Utilisées : [^\\n]*(E-mail|Téléphone)");
        }
    }

    /** The report of the sample: every page accessible (axe-core in Chromium), links resolving, notebook valid. */
    @Test
    void writesAnAccessibleReportWithTheSampleStatistics() throws IOException {
        Path site = reports.resolve(RUN + "/site");
        String index = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("<html lang=\"fr\">").contains("Chiffres clés").contains("Lumen");
        String bivariate = Files.readString(site.resolve("bivarie.html"), StandardCharsets.UTF_8);
        // the generator makes next year's spending follow this year's revenue: the strongest link with that target
        assertThat(bivariate).contains("Liens avec les cibles").contains("depenses_annee_suivante").contains("Corrélations de Pearson");
        org.apache.spark.sql.Row strongest = Ingest.table(warehouse, "gold.stats_target")
                .where("target = 'depenses_annee_suivante'").orderBy(org.apache.spark.sql.functions.abs(
                        org.apache.spark.sql.functions.col("effect_value")).desc()).first();
        assertThat(strongest.<String>getAs("variable")).isEqualTo("chiffre_affaires");
        io.datapilot.testing.SiteChecks.accessible(site);
        io.datapilot.testing.SiteChecks.validNotebook(site.resolve(io.datapilot.report.ReportStage.NOTEBOOK));
    }

    private io.datapilot.clean.CleaningAction action(String column, String action) {
        return cleaned.get(0).actions().stream().filter(candidate -> candidate.action().equals(action)
                && java.util.Objects.equals(candidate.column(), column)).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + action + " of " + column + " in " + cleaned.get(0).actions()));
    }

    /** The data set's cleaning, checked against the generator's ground truth and against values computed here. */
    @Test
    void cleansTheDataSetAsTheGroundTruthSays() throws IOException {
        io.datapilot.clean.CleanStage.TableResult table = cleaned.get(0);
        assertThat(table.table()).isEqualTo("bronze.clients_360");
        assertThat(table.rowsIn()).isEqualTo(table.rowsOut() + table.duplicates() + table.quarantined());
        assertThat(table.duplicates()).as("injected duplicate customers").isEqualTo(injected("clients", "", "duplicate_row"));
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> clean = Ingest.table(warehouse, "silver.clients_360_clean");
        assertThat(clean.count()).isEqualTo(table.rowsOut());
        // no missing value left where a strategy applied
        for (io.datapilot.clean.CleaningAction impute : table.actions().stream().filter(action -> action.action().equals("impute")).toList()) {
            assertThat(clean.where(org.apache.spark.sql.functions.col(impute.column()).isNull()).count()).as(impute.column()).isZero();
        }
        // impossible negatives: as many as injected, none left, and the median computed without them
        assertThat(action("nombre_d_enfants", "impossible").rows()).isEqualTo(injected("clients", "nombre_d_enfants", "negative_count"));
        assertThat(clean.where("nombre_d_enfants < 0").count()).isZero();
        List<Long> children = Ingest.table(warehouse, "bronze.clients_360").dropDuplicates(dataColumns())
                .where("nombre_d_enfants >= 0").select("nombre_d_enfants").as(org.apache.spark.sql.Encoders.LONG()).collectAsList()
                .stream().sorted().toList();
        assertThat(Double.parseDouble(action("nombre_d_enfants", "impute").value())).isEqualTo((double) children.get((children.size() - 1) / 2));
        // the configured strategies are used and say so
        assertThat(action("categorie_preferee", "impute")).extracting(io.datapilot.clean.CleaningAction::value,
                io.datapilot.clean.CleaningAction::decidedBy).containsExactly("aucune commande", "config");
        // variants merged: one spelling per label
        List<String> channels = clean.select("canal_d_acquisition").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(channels.stream().map(QualityAlerts::canonical).distinct().count()).isEqualTo(channels.size()).isEqualTo(6);
        // targets untouched: their missing values stay for the training stage to count
        for (String target : List.of("resilie", "depenses_annee_suivante")) {
            long bronzeNulls = Ingest.table(warehouse, "bronze.clients_360").dropDuplicates(dataColumns()).where(target + " IS NULL").count();
            assertThat(clean.where(target + " IS NULL").count()).as(target).isEqualTo(bronzeNulls);
        }
        // personal columns get no default: the generalised birth year keeps its missing values
        assertThat(table.actions()).noneMatch(action -> "date_de_naissance".equals(action.column()));
        assertThat(Ingest.table(warehouse, "audit.cleaning").count()).isEqualTo(table.actions().size());
    }

    private String[] dataColumns() {
        return java.util.Arrays.stream(Ingest.table(warehouse, "bronze.clients_360").columns())
                .filter(column -> !Profiler.BOOKKEEPING.contains(column)).toArray(String[]::new);
    }

    /**
     * No clear personal value of the sample anywhere the pipeline wrote: tables, Delta logs and their
     * statistics, checkpoints, quarantine, dictionary, register, reports, progress lines.
     */
    @Test
    void writesNoClearPersonalValueAnywhere() throws Exception {
        PersonalValues values = PersonalValues.ofSample();
        io.datapilot.testing.OutputScanner scanner = new io.datapilot.testing.OutputScanner(values.tokens(), values.phrases());
        assertThat(values.tokens()).hasSizeGreaterThan(1000);
        List<String> leaks = new java.util.ArrayList<>(scanner.scan(warehouse, reports));
        leaks.addAll(scanner.scanText("progress lines", log));
        assertThat(leaks).isEmpty();
        // the scanner itself finds what it looks for
        assertThat(scanner.scanText("check", "{\"email\":\"" + values.anEmail() + "\"}")).isNotEmpty();
        assertThat(scanner.scan(Paths.root().resolve("data/sample"))).isNotEmpty();
    }

    private List<Alert> alerts(String table, String column, Kind kind) {
        return result.alerts().stream().filter(alert -> alert.table().equals("bronze." + table) && alert.kind() == kind
                && (column == null ? alert.column() == null : column.equals(alert.column()))).toList();
    }

    /** Ground-truth anomalies of a kind on rows that were loaded (not quarantined). */
    private long injected(String source, String column, String kind) throws IOException {
        Set<String> quarantined = Ingest.table(warehouse, "audit.quarantine").collectAsList().stream()
                .map(row -> row.getAs("source") + "#" + row.getAs("row_number")).collect(Collectors.toSet());
        return Files.readAllLines(Paths.root().resolve("data/sample/ground_truth/anomalies.csv"), StandardCharsets.UTF_8).stream()
                .skip(1).map(line -> line.split(";", -1))
                .filter(fields -> fields[0].equals(source) && fields[2].equals(column) && fields[3].equals(kind))
                .filter(fields -> !quarantined.contains(fields[0] + "#" + fields[1])).count();
    }

    @Test
    void detectsTheInjectedAnomalies() throws IOException {
        assertThat(alerts("lignes_commandes", "quantite", Kind.NEGATIVE_VALUES)).singleElement()
                .extracting(Alert::count).isEqualTo(injected("lignes_commandes", "quantite", "negative_quantity"));
        assertThat(alerts("lignes_commandes", null, Kind.DUPLICATE_ROWS)).singleElement()
                .extracting(Alert::count).isEqualTo(injected("lignes_commandes", "", "duplicate_row"));
        assertThat(alerts("clients", null, Kind.DUPLICATE_ROWS)).singleElement()
                .extracting(Alert::count).isEqualTo(injected("clients", "", "duplicate_row"));
        assertThat(alerts("clients", "email", Kind.INVALID_FORMAT)).singleElement()
                .extracting(Alert::count).isEqualTo(injected("clients", "email", "invalid_format"));
        assertThat(alerts("lignes_commandes", "date_de_commande", Kind.FUTURE_DATES)).singleElement()
                .extracting(Alert::count).isEqualTo(injected("lignes_commandes", "date_de_commande", "future_date"));
        assertThat(alerts("lignes_commandes", "date_de_livraison", Kind.FUTURE_DATES)).as("allowed by the config").isEmpty();
        assertThat(alerts("lignes_commandes", "date_de_commande", Kind.INVALID_DATE)).singleElement()
                .extracting(Alert::count).isEqualTo(4L);
        assertThat(alerts("clients", "nombre_d_enfants", Kind.NEGATIVE_VALUES)).singleElement()
                .extracting(Alert::count).isEqualTo(injected("clients", "nombre_d_enfants", "negative_count"));
        assertThat(alerts("lignes_commandes", null, Kind.UNMATCHED_KEYS)).singleElement()
                .extracting(Alert::count).isEqualTo(86L);
    }

    @Test
    void findsEverySpellingVariantOfTheCategories() throws IOException {
        long variantRows = alerts("lignes_commandes", "categorie", Kind.INCONSISTENT_CATEGORIES).stream().mapToLong(Alert::count).sum()
                + alerts("lignes_commandes", "categorie", Kind.POSSIBLE_TYPO).stream().mapToLong(Alert::count).sum();
        assertThat(variantRows).isEqualTo(injected("lignes_commandes", "categorie", "category_variant"));
        assertThat(alerts("clients", "canal_d_acquisition", Kind.INCONSISTENT_CATEGORIES)).extracting(Alert::example)
                .anySatisfy(example -> assertThat(example).contains("«Site web»"));
    }

    @Test
    void profilesEveryTableWithABoundedNumberOfJobs() {
        assertThat(result.profiles()).extracting(TableProfile::table)
                .containsExactly("bronze.clients", "bronze.lignes_commandes", "bronze.magasins", "bronze.clients_360");
        Set<Integer> jobs = new HashSet<>();
        result.profiles().forEach(profile -> jobs.add(profile.sparkJobs()));
        assertThat(jobs).as("the same number of jobs whatever the table's width (15 to 32 columns)").hasSize(1);
        ColumnProfile amount = result.profiles().get(1).column("montant_ttc_eur").orElseThrow();
        assertThat(amount.semanticType()).isEqualTo(SemanticType.AMOUNT);
        assertThat(result.profiles().get(0).column("email").orElseThrow().semanticType()).isEqualTo(SemanticType.PSEUDONYM);
        assertThat(result.profiles().get(0).column("telephone").orElseThrow().semanticType()).isEqualTo(SemanticType.PHONE);
        assertThat(result.profiles().get(1).column("date_de_commande").orElseThrow().semanticType()).isEqualTo(SemanticType.TIMESTAMP);
        assertThat(result.profiles().get(1).column("id_client").orElseThrow().semanticType()).isEqualTo(SemanticType.IDENTIFIER);
    }

    @Test
    void writesTheDictionaryWithOriginsAndNoClearPersonalValue() throws IOException {
        DictionaryEntry email = result.dictionary().stream()
                .filter(entry -> entry.table().equals("bronze.clients") && entry.column().equals("email")).findFirst().orElseThrow();
        assertThat(email.originalNames()).isEqualTo("E-mail");
        assertThat(email.personal()).isTrue();
        assertThat(email.rgpdTreatment()).contains("pseudonymised");
        assertThat(email.examples()).contains("••••").doesNotContain("@");
        assertThat(email.alerts()).contains("invalid_format");
        DictionaryEntry amount = result.dictionary().stream()
                .filter(entry -> entry.table().equals("bronze.lignes_commandes") && entry.column().equals("montant_ttc_eur"))
                .findFirst().orElseThrow();
        assertThat(amount.originalNames()).isEqualTo("Montant TTC (€)");
        assertThat(amount.unit()).isEqualTo("EUR");
        assertThat(amount.description()).startsWith("Montant en EUR de ");
        assertThat(Ingest.table(warehouse, "audit.data_dictionary").count()).isEqualTo(result.dictionary().size());
        Path folder = reports.resolve("2025-01-06/audit");
        assertThat(Files.readString(folder.resolve("dictionnaire_de_donnees.md"))).contains("## bronze.clients", "| montant_ttc_eur |");
        try (InputStream in = Files.newInputStream(folder.resolve("dictionnaire_de_donnees.xlsx")); Workbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("Dictionnaire").getLastRowNum()).isEqualTo(result.dictionary().size());
        }
    }

    @Test
    void writesTheRegisterVolumetryAndReport() throws IOException {
        assertThat(result.register().checkpoints()).allSatisfy(checkpoint -> assertThat(checkpoint.met()).as(checkpoint.name()).isTrue());
        Path folder = reports.resolve("2025-01-06/audit");
        String register = Files.readString(folder.resolve("registre_des_traitements.md"));
        assertThat(register).contains("Intérêt légitime").contains("| clients | email |").contains("pseudonymise")
                .contains("| magasins | nom |").contains("Nom commercial du magasin");
        assertThat(result.volumes()).allSatisfy(volume -> {
            assertThat(volume.diskBytes()).isPositive();
            assertThat(volume.volumeClass()).isEqualTo("faible");
            assertThat(volume.recommendation()).contains("Delta");
        });
        assertThat(Ingest.table(warehouse, "audit.volumetry").count()).isEqualTo(4);
        assertThat(Files.readString(folder.resolve("rapport_audit.md"))).contains("## Volumétrie et stockage", "## Alertes qualité",
                "## Données personnelles (RGPD)");
    }
}
