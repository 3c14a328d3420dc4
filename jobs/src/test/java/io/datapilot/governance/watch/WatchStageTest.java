package io.datapilot.governance.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.Datapilot;
import io.datapilot.testing.Paths;
import io.datapilot.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datapilot watch} end to end on the fixture feeds, in a temporary warehouse: a first run date, a later one
 * when the CNIL-like feed has two more items, a rerun, then broken and unreachable feeds next to a good one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Tag("slow")
class WatchStageTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 28);
    private static final LocalDate LATER = LocalDate.of(2026, 12, 3);
    private static final String UNREACHABLE = "http://127.0.0.1:1/feed.xml";
    private static final String THEMES = """
              themes:
                - { name: donnees_personnelles, label: Données personnelles, keywords: [RGPD, données personnelles, données de santé] }
                - { name: securite, label: Sécurité, keywords: [cybersécurité, ANSSI] }
                - { name: reglementation_ia, label: Réglementation de l'IA, keywords: [AI Act, IA, intelligence artificielle] }
                - { name: ethique, label: Éthique, keywords: [éthique, biais] }
            """;
    @TempDir
    static Path folder;
    private Path feeds;

    @BeforeAll
    void copyTheFeeds() throws IOException {
        TestSpark.session();
        feeds = folder.resolve("feeds");
        Files.createDirectories(feeds);
        for (String name : List.of("cnil.xml", "ai-act.xml", "malformed.xml", "xxe.xml")) {
            Files.copy(fixture(name), feeds.resolve(name));
        }
        Files.writeString(folder.resolve("clients.csv"), "id;nom\n1;Dupont\n", StandardCharsets.UTF_8);
        // the AI Act feed by file: URI, the CNIL one by a path relative to base_dir
        config("pipeline.yaml", "    - { name: cnil, url: feeds/cnil.xml }\n    - { name: ai_act, url: \""
                + feeds.resolve("ai-act.xml").toUri() + "\" }\n");
    }

    @Test
    @Order(1)
    void aFirstRunRecordsEveryItemAsNewAndWritesTheDigest() throws IOException {
        Result first = watch("pipeline.yaml", "warehouse", FIRST);
        assertThat(first.code()).as(first.output()).isZero();
        assertThat(first.output()).contains("[watch] 2 of 2 feeds read, 7 items, 7 new; digest: ");
        Dataset<Row> items = items("warehouse");
        assertThat(items.count()).isEqualTo(7);
        assertThat(items.where("first_seen = DATE'" + FIRST + "' AND _run_date = DATE'" + FIRST + "'").count()).isEqualTo(7);
        Row sanction = items.where("id = 'cnil-2026-0412'").first();
        assertThat(sanction.getString(sanction.fieldIndex("themes"))).isEqualTo("donnees_personnelles");
        assertThat(sanction.getString(sanction.fieldIndex("keywords"))).isEqualTo("RGPD;données personnelles");
        Row password = items.where("id = 'https://www.cnil.example/fr/mots-de-passe-2026'").first();
        assertThat(password.getString(password.fieldIndex("themes"))).isEqualTo("securite");

        String digest = digest(FIRST);
        assertThat(digest).startsWith("# Veille risques et réglementation du 28/11/2026\n\n7 nouveaux éléments, 0 élément déjà vu ;"
                + " 2 flux lus sur 2.\n");
        assertThat(digest).contains("## Données personnelles\n\n- [Sanction de 150 000 euros contre un courtier en données personnelles]"
                + "(<https://www.cnil.example/fr/sanction-courtier-donnees>) — cnil, 24/11/2026 (RGPD, données personnelles)\n");
        assertThat(digest).contains("- [AI Act : les obligations des systèmes à haut risque précisées](<https://ai-act.example/fr/haut-risque>)"
                + " — ai_act, 27/11/2026");
        assertThat(digest).contains("- Intelligence artificielle : lancement d'une consultation publique — cnil, 16/11/2026");
        assertThat(digest).contains("## Éthique\n\nAucun nouvel élément.\n");
        assertThat(digest).contains("## Autres sujets\n\n- [La Commission recrute un délégué à la communication]");
        assertThat(digest).contains("| cnil | " + folder.resolve("feeds/cnil.xml") + " | lu | 4 |");
    }

    @Test
    @Order(2)
    void aLaterRunDateRecordsOnlyTheItemsNotSeenBefore() throws IOException {
        Files.copy(fixture("cnil-suite.xml"), feeds.resolve("cnil.xml"), StandardCopyOption.REPLACE_EXISTING);
        Result later = watch("pipeline.yaml", "warehouse", LATER);
        assertThat(later.code()).as(later.output()).isZero();
        assertThat(later.output()).contains("[watch] 2 of 2 feeds read, 9 items, 2 new;");
        Dataset<Row> items = items("warehouse");
        assertThat(items.count()).isEqualTo(9);
        assertThat(items.select("feed", "id").distinct().count()).isEqualTo(9);
        assertThat(items.where("_run_date = DATE'" + LATER + "'").select("id").collectAsList()).extracting(row -> row.getString(0))
                .containsExactlyInAnyOrder("cnil-2026-0431", "cnil-2026-0433");
        String digest = digest(LATER);
        assertThat(digest).contains("2 nouveaux éléments, 7 éléments déjà vus ; 2 flux lus sur 2.");
        assertThat(digest).contains("- [Violation de données : une clinique mise en demeure]").contains("cnil, 01/12/2026 (données de santé)");
        assertThat(digest).contains("## Éthique\n\n- [Biais des algorithmes de recrutement : un guide éthique]");
        assertThat(digest).contains("_2 éléments déjà vus lors d'une veille précédente._");
        assertThat(digest).doesNotContain("Sanction de 150 000 euros");
    }

    @Test
    @Order(3)
    void aRerunOfADateReplacesItsRowsWithoutDuplicates() {
        Result again = watch("pipeline.yaml", "warehouse", LATER);
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(items("warehouse").count()).isEqualTo(9);
        assertThat(items("warehouse").where("_run_date = DATE'" + LATER + "'").count()).isEqualTo(2);
        assertThat(table("warehouse", "watch_feeds").where("_run_date = DATE'" + LATER + "'").count()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void aRerunDuringWhichAFeedFailsKeepsWhatItGaveThatDate() throws IOException {
        config("cnil-down.yaml", "    - { name: cnil, url: \"" + UNREACHABLE + "\" }\n    - { name: ai_act, url: feeds/ai-act.xml }\n");
        Result rerun = watch("cnil-down.yaml", "warehouse", LATER);
        assertThat(rerun.code()).as(rerun.output()).isZero();
        assertThat(items("warehouse").where("_run_date = DATE'" + LATER + "'").count()).isEqualTo(2);
        assertThat(digest(LATER)).contains("- [Violation de données : une clinique mise en demeure]");
    }

    @Test
    @Order(5)
    void brokenAndUnreachableFeedsAreReportedWithoutLosingTheOthers() throws IOException {
        config("mixed.yaml", "    - { name: cnil, url: feeds/cnil.xml }\n    - { name: casse, url: feeds/malformed.xml }\n"
                + "    - { name: injoignable, url: \"" + UNREACHABLE + "\" }\n    - { name: piege, url: feeds/xxe.xml }\n"
                + "    - { name: absent, url: feeds/absent.xml }\n");
        Result mixed = watch("mixed.yaml", "warehouse-mixed", FIRST);
        assertThat(mixed.code()).as(mixed.output()).isZero();
        assertThat(mixed.output())
                .contains("[watch] Cannot read feed \"injoignable\" (" + UNREACHABLE + "): the connection was refused or the host cannot"
                        + " be reached. To fix it: check the URL and that this machine reaches it")
                .contains("[watch] Cannot read feed \"casse\" (" + feeds.resolve("malformed.xml") + "): the document is not well-formed")
                .contains("[watch] Cannot read feed \"piege\" (" + feeds.resolve("xxe.xml") + "): the document declares a DOCTYPE")
                .contains("[watch] Cannot read feed \"absent\" (" + feeds.resolve("absent.xml") + "): the file does not exist")
                .contains("The other feeds are still read.")
                .contains("[watch] 1 of 5 feeds read, 6 items, 6 new;");
        assertThat(items("warehouse-mixed").count()).isEqualTo(6);
        List<Row> statuses = table("warehouse-mixed", "watch_feeds").orderBy("feed").select("feed", "status", "items", "reason").collectAsList();
        assertThat(statuses).extracting(row -> row.getString(0) + " " + row.getString(1) + " " + row.getInt(2))
                .containsExactly("absent failed 0", "casse failed 0", "cnil read 6", "injoignable failed 0", "piege failed 0");
        assertThat(digest(FIRST, "reports-mixed")).contains("4 flux en erreur, voir plus bas")
                .contains("| injoignable | " + UNREACHABLE + " | en erreur : the connection was refused");
    }

    @Test
    @Order(6)
    void noFeedReadExitsWithOne() throws IOException {
        config("down.yaml", "    - { name: injoignable, url: \"" + UNREACHABLE + "\" }\n");
        Result down = watch("down.yaml", "warehouse-down", FIRST);
        assertThat(down.code()).as(down.output()).isEqualTo(1);
        assertThat(down.output()).contains("Cannot read any of the 1 feeds of watch.feeds (see the lines above): nothing new was recorded.");
        assertThat(Files.exists(folder.resolve("warehouse-down/governance/watch_items"))).isFalse();
        assertThat(table("warehouse-down", "watch_feeds").count()).isEqualTo(1);
    }

    private void config(String name, String feedLines) throws IOException {
        Files.writeString(folder.resolve(name), "base_dir: .\nsources:\n  - { name: clients, format: csv, path: clients.csv }\n"
                + "watch:\n  feeds:\n" + feedLines + THEMES,
                StandardCharsets.UTF_8);
    }

    private record Result(int code, String output) {}

    private Result watch(String config, String warehouse, LocalDate runDate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        String reports = warehouse.replace("warehouse", "reports");
        int code = Datapilot.execute(new String[] {"watch", "--config", folder.resolve(config).toString(), "--run-date", runDate.toString(),
                "--warehouse", folder.resolve(warehouse).toString(), "--reports-dir", folder.resolve(reports).toString()}, stream, stream);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    private String digest(LocalDate runDate) throws IOException {
        return digest(runDate, "reports");
    }

    private String digest(LocalDate runDate, String reports) throws IOException {
        return Files.readString(folder.resolve(reports + "/" + runDate + "/governance/" + WatchDigest.NAME));
    }

    private Dataset<Row> items(String warehouse) {
        return table(warehouse, "watch_items");
    }

    private Dataset<Row> table(String warehouse, String name) {
        return TestSpark.session().read().format("delta").load(folder.resolve(warehouse + "/governance/" + name).toString());
    }

    private static Path fixture(String name) {
        return Paths.resource("governance/watch/" + name);
    }
}
