package io.datapilot.governance.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapilot.testing.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    private static List<FeedItem> fixture(String name) throws IOException, FeedFailure {
        return FeedReader.read(Files.readAllBytes(Paths.resource("governance/watch/" + name)));
    }

    @Test
    void readsRssItemsWithTheirGuidElseLinkElseAHashOfTitleAndDate() throws Exception {
        List<FeedItem> items = fixture("cnil.xml");
        assertThat(items).extracting(FeedItem::id).hasSize(4).startsWith("cnil-2026-0412", "https://www.cnil.example/fr/mots-de-passe-2026")
                .endsWith("https://www.cnil.example/fr/recrutement");
        FeedItem withoutLink = items.get(2);
        assertThat(withoutLink.link()).isNull();
        assertThat(withoutLink.id()).isEqualTo(FeedReader.hash(withoutLink.title(), withoutLink.published())).startsWith("sha256:")
                .hasSize("sha256:".length() + 64);
        assertThat(fixture("cnil.xml").get(2).id()).as("the same from one reading to the next").isEqualTo(withoutLink.id());
    }

    @Test
    void readsRfc822DatesWithTheirOffset() throws Exception {
        List<FeedItem> items = fixture("cnil.xml");
        assertThat(items.get(0).published()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(items.get(1).published()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
    }

    @Test
    void stripsHtmlFromSummariesInCdataOrEscaped() throws Exception {
        List<FeedItem> items = fixture("cnil.xml");
        assertThat(items.get(0).summary()).isEqualTo("La formation restreinte sanctionne un courtier pour absence de base légale au"
                + " titre du RGPD. Lire la décision…");
        assertThat(items.get(1).summary()).isEqualTo("Avec l'ANSSI, la Commission publie une nouvelle version de sa recommandation.");
    }

    @Test
    void readsAtomEntriesWithTheirIdIso8601DatesAndSummaryElseContent() throws Exception {
        List<FeedItem> entries = fixture("ai-act.xml");
        assertThat(entries).extracting(FeedItem::id).containsExactly("urn:example:ai-act:2026-11-27-haut-risque",
                "urn:example:ai-act:2026-11-18-gpai", "urn:example:ai-act:2026-11-10-bac-a-sable");
        FeedItem first = entries.get(0);
        assertThat(first.title()).isEqualTo("AI Act : les obligations des systèmes à haut risque précisées");
        assertThat(first.link()).isEqualTo("https://ai-act.example/fr/haut-risque");
        assertThat(first.published()).as("published, not updated").isEqualTo(Instant.parse("2026-11-27T16:45:00Z"));
        assertThat(first.summary()).isEqualTo("La Commission publie des lignes directrices sur la gestion des risques.");
        assertThat(entries.get(1).published()).as("updated when not published").isEqualTo(Instant.parse("2026-11-18T09:00:00Z"));
        assertThat(entries.get(1).summary()).isEqualTo("Transparence, droit d'auteur et sécurité des modèles.");
    }

    @Test
    void refusesADoctypeSoThatNoExternalEntityIsRead() {
        assertThatThrownBy(() -> fixture("xxe.xml")).isInstanceOf(FeedFailure.class)
                .hasMessageContaining("declares a DOCTYPE, which the watch refuses")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("root:"));
    }

    @Test
    void saysAMalformedDocumentIsNotWellFormed() {
        assertThatThrownBy(() -> fixture("malformed.xml")).isInstanceOf(FeedFailure.class)
                .hasMessageStartingWith("the document is not well-formed RSS or Atom")
                .satisfies(failure -> assertThat(((FeedFailure) failure).hint()).contains("RSS 2.0 or Atom 1.0"));
    }

    @Test
    void saysAnXmlDocumentThatIsNoFeedIsNeitherRssNorAtom() {
        byte[] page = "<?xml version=\"1.0\"?><html><body>Bonjour</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FeedReader.read(page)).isInstanceOf(FeedFailure.class)
                .hasMessageStartingWith("the document is XML but neither RSS nor Atom");
    }
}
