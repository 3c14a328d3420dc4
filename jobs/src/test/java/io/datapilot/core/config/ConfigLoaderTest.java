package io.datapilot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.core.DatapilotException;
import io.datapilot.core.ErrorKind;
import io.datapilot.testing.Paths;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final Path DIRECTORY = Path.of("/data/projet/conf");

    private static List<ConfigProblem> problems(String yaml) {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        ConfigLoader.parse(yaml, DIRECTORY, problems);
        return problems.all();
    }

    @Test
    void listsEveryProblemWithItsYamlPathAndLine() {
        String yaml = """
                warehouse: w
                sources:
                  - name: ventes
                    format: csvx
                    path: ventes.csv
                    csv: { separator: ";;", header: peut-etre, sepparator: ";" }
                    max_bad_rows_ratio: 2
                  - name: Ventes Web
                    path: ventes.txt2
                    key: { a: 1 }
                dataset:
                  name: ventes
                  base: client
                  relations:
                    - source: ventes
                      kind: aggregate
                      on: { id: id }
                      aggregations:
                        - { name: total, function: summ, column: montant }
                        - { name: dernier, function: last, column: statut }
                """;
        List<String> shown = problems(yaml).stream().map(ConfigProblem::toString).toList();
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("sources[0].format (line 4)").contains("\"csvx\"").contains("csv, xlsx, json, parquet")
                .contains("Did you mean \"csv\"?"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("sources[0].csv.header (line 6)").contains("expected true or false"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("sources[0].csv.sepparator (line 6)").contains("unknown key").contains("did you mean \"separator\""));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("sources[0].csv.separator").contains("must be one character"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("sources[0].max_bad_rows_ratio").contains("between 0 and 1"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("sources[1].name").contains("snake_case").contains("ventes_web"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("sources[1].format").contains("not guessable"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("sources[1].key (line 10)").contains("expected a list"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("dataset.name").contains("also a source name"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("dataset.base").contains("\"client\" is not a source"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("dataset.relations[0].aggregations[0].function").contains("\"summ\"").contains("Did you mean \"sum\"?"));
        assertThat(shown).anySatisfy(line -> assertThat(line)
                .startsWith("dataset.relations[0].aggregations[1].by").contains("first and last need"));
        assertThat(shown).allSatisfy(line -> assertThat(line).containsPattern("\\(line \\d+\\)"));
    }

    @Test
    void throwsOneConfigurationErrorListingAllProblems() {
        ConfigProblems problems = new ConfigProblems("conf/x.yaml");
        ConfigLoader.parse("sources: []\ncolour: blue\n", DIRECTORY, problems);
        assertThatThrownBy(problems::throwIfAny)
                .isInstanceOfSatisfying(DatapilotException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(error.exitCode()).isEqualTo(2);
                })
                .hasMessageStartingWith("Invalid configuration conf/x.yaml: 2 problems")
                .hasMessageContaining("colour (line 2): unknown key")
                .hasMessageContaining("sources (line 1): at least one source is needed")
                .hasMessageContaining("docs/CONFIG.md");
    }

    @Test
    void refusesCredentialsInTheSparkSectionAndKeepsTheStoresOtherSettings() {
        String yaml = """
                spark:
                  spark.hadoop.fs.s3a.endpoint: http://127.0.0.1:9000
                  spark.hadoop.fs.s3a.path.style.access: "true"
                  spark.hadoop.fs.s3a.aws.credentials.provider: com.amazonaws.auth.EnvironmentVariableCredentialsProvider
                  spark.hadoop.fs.s3a.secret.key: abc
                  spark.hadoop.fs.s3a.bucket.lac.access.key: def
                  spark.ssl.keyStorePassword: ghi
                sources:
                  - { name: ventes, path: ventes.csv }
                """;
        List<String> shown = problems(yaml).stream().map(ConfigProblem::toString).toList();
        assertThat(shown).hasSize(3).allSatisfy(line -> assertThat(line).contains("holds a credential").contains("AWS_SECRET_ACCESS_KEY")
                .doesNotContain("abc", "def", "ghi"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("spark[\"spark.hadoop.fs.s3a.secret.key\"] (line 5)"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("spark[\"spark.hadoop.fs.s3a.bucket.lac.access.key\"]"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("spark[\"spark.ssl.keyStorePassword\"]"));
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        List<ConfigProblem> found = problems("sources:\n  - name: a\n   path: x\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).line()).isEqualTo(3);
        assertThat(found.get(0).message()).contains("not valid YAML");
    }

    @Test
    void appliesDocumentedDefaults() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        PipelineConfig config = ConfigLoader.parse("sources:\n  - name: ventes\n    path: ventes.csv\n", DIRECTORY, problems);
        assertThat(problems.all()).isEmpty();
        assertThat(config.warehouse()).isEqualTo("/data/projet/conf/warehouse");
        assertThat(config.project().timezone()).isEqualTo("Europe/Paris");
        assertThat(config.project().locale()).isEqualTo(ReportLocale.FR);
        SourceConfig source = config.sources().get(0);
        assertThat(source.effectiveFormat()).isEqualTo(SourceFormat.CSV);
        assertThat(source.path()).isEqualTo("/data/projet/conf/ventes.csv");
        assertThat(source.numberFormat()).isEqualTo(NumberFormat.AUTO);
        assertThat(source.maxBadRowsRatio()).isEqualTo(0.01);
        assertThat(source.detectSampleRows()).isEqualTo(10_000);
        assertThat(source.nullValues()).contains("", "NA", "n.c.", "NULL");
        assertThat(source.csv()).isEqualTo(new CsvOptions("auto", "\"", "\"", true, false, "auto", null));
        assertThat(source.xlsx()).isEqualTo(new XlsxOptions(null, "A1", true));
        assertThat(source.json()).isEqualTo(new JsonOptions(null, List.of()));
    }

    @Test
    void resolvesPathsAgainstBaseDirAndKeepsUris() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        PipelineConfig config = ConfigLoader.parse("""
                base_dir: ..
                warehouse: s3a://bucket/datapilot
                sources:
                  - { name: a, path: data/a.csv }
                  - { name: b, path: /abs/b.parquet }
                  - { name: c, path: "hdfs://nn:8020/in/c.json" }
                """, DIRECTORY, problems);
        assertThat(problems.all()).isEmpty();
        assertThat(config.warehouse()).isEqualTo("s3a://bucket/datapilot");
        assertThat(config.sources()).extracting(SourceConfig::path)
                .containsExactly("/data/projet/data/a.csv", "/abs/b.parquet", "hdfs://nn:8020/in/c.json");
    }

    @Test
    void rejectsInvalidTypesFormatsAndTimeZones() {
        List<String> shown = problems("""
                project: { timezone: Europe/Lutece }
                sources:
                  - name: a
                    path: a.csv
                    date_formats: ["YYYY-MM-dd"]
                    columns:
                      montant: { type: "money" }
                      jour: { type: integer, formats: [dd/MM/yyyy] }
                      prix: { type: "decimal(40,2)" }
                """).stream().map(ConfigProblem::toString).toList();
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("project.timezone").contains("Europe/Paris"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("sources[0].date_formats[0]").contains("week-based"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("sources[0].columns[\"montant\"].type")
                .contains("\"money\" is not a column type"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("sources[0].columns[\"jour\"].formats")
                .contains("date and timestamp columns"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("sources[0].columns[\"prix\"].type")
                .contains("precision must be 1 to 38"));
    }

    @Test
    void loadsTheBundledSampleConfiguration() {
        PipelineConfig config = ConfigLoader.load(Paths.root().resolve("conf/pipeline.yaml"));
        assertThat(config.sources()).extracting(SourceConfig::name).containsExactly("clients", "lignes_commandes", "magasins");
        assertThat(config.dataset().base()).isEqualTo("clients");
        assertThat(config.warehouse()).isEqualTo(Paths.root().resolve("warehouse").toString());
    }
}
