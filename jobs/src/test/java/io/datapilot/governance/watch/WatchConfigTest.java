package io.datapilot.governance.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.ConfigProblem;
import io.datapilot.core.config.ConfigProblems;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.WatchConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchConfigTest {
    private static final Path DIRECTORY = Path.of("/data/projet/conf");
    private static final String SOURCES = """
            base_dir: ..
            sources:
              - { name: clients, format: csv, path: clients.csv }
            """;

    private static PipelineConfig parse(String yaml, ConfigProblems problems) {
        return ConfigLoader.parse(SOURCES + yaml, DIRECTORY, problems);
    }

    @Test
    void hasDefaultsWithoutAWatchSection() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        WatchConfig watch = parse("", problems).watch();
        assertThat(problems.all()).isEmpty();
        assertThat(watch.feeds()).isEmpty();
        assertThat(watch.themes()).isEmpty();
        assertThat(watch.timeoutSeconds()).isEqualTo(10);
        assertThat(watch.maxItemsPerFeed()).isEqualTo(50);
    }

    @Test
    void resolvesLocalFeedsAgainstBaseDirAndKeepsUrls() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        WatchConfig watch = parse("""
                watch:
                  feeds:
                    - { name: cnil, url: "https://www.cnil.fr/fr/rss.xml" }
                    - { name: local, url: conf/veille/cnil.xml }
                    - { name: uri, url: "file:/srv/veille/ia.xml" }
                  themes:
                    - { name: rgpd, keywords: [RGPD] }
                  timeout_seconds: 3
                  max_items_per_feed: 20
                """, problems).watch();
        assertThat(problems.all()).isEmpty();
        assertThat(watch.feeds()).extracting(WatchConfig.FeedConfig::url)
                .containsExactly("https://www.cnil.fr/fr/rss.xml", "/data/projet/conf/veille/cnil.xml", "file:/srv/veille/ia.xml");
        assertThat(watch.themes().get(0).label()).as("the name by default").isEqualTo("rgpd");
        assertThat(watch.timeoutSeconds()).isEqualTo(3);
        assertThat(watch.maxItemsPerFeed()).isEqualTo(20);
    }

    @Test
    void reportsEveryProblemWithItsYamlPath() {
        ConfigProblems problems = new ConfigProblems("test.yaml");
        parse("""
                watch:
                  feeds:
                    - { name: cnil, url: "https://www.cnil.fr/fr/rss.xml" }
                    - { url: "https://ai-act.example/feed" }
                    - { name: cnil, url: "ftp://ftp.example/feed.xml" }
                    - { name: vide }
                    - { name: sans_hote, url: "https:///feed.xml" }
                    - { name: relatif, url: "file:veille/feed.xml" }
                  themes:
                    - { name: securite, keywords: [] }
                    - { name: autre, keywords: [divers] }
                    - { name: ia, keywords: ["IA;AI"] }
                  timeout_seconds: 0
                  max_items_per_feed: 0
                """, problems);
        List<String> shown = problems.all().stream().map(ConfigProblem::toString).toList();
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.feeds[1].name").contains("is required"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.feeds[2].name").contains("\"cnil\" is given twice"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.feeds[2].url").contains("scheme \"ftp\"")
                .contains("use http://, https://, file: or a local path"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.feeds[3].url").contains("is required"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.feeds[4].url").contains("has no host"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.feeds[5].url").contains("not an absolute file: URI"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.themes[0].keywords").contains("at least one word"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.themes[1].name").contains("\"autre\" is the theme"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.themes[2].keywords[0]").contains("contains \";\""));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.timeout_seconds").contains("between 1 and 300"));
        assertThat(shown).anySatisfy(line -> assertThat(line).startsWith("watch.max_items_per_feed").contains("between 1 and 1000"));
        assertThat(shown).noneSatisfy(line -> assertThat(line).startsWith("watch.feeds[0]"));
    }
}
