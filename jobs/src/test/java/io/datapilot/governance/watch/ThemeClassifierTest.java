package io.datapilot.governance.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.WatchConfig.ThemeConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeClassifierTest {
    private final ThemeClassifier classifier = new ThemeClassifier(List.of(
            new ThemeConfig("donnees_personnelles", "Données personnelles", List.of("RGPD", "donnees personnelles", "CNIL")),
            new ThemeConfig("securite", "Sécurité", List.of("cybersécurité", "ANSSI", "rançongiciel")),
            new ThemeConfig("reglementation_ia", "Réglementation de l'IA", List.of("AI Act", "IA", "intelligence artificielle"))));

    @Test
    void matchesKeywordsWhateverTheCaseAndAccents() {
        Classification classification = classifier.classify("Cybersecurite : un RANÇONGICIEL frappe", "Des Données Personnelles exposées");
        assertThat(classification.themes()).containsExactly("donnees_personnelles", "securite");
        assertThat(classification.keywords()).containsExactly("donnees personnelles", "cybersécurité", "rançongiciel");
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(classifier.classify("Un accès via le portail", "Les iaas et la Maria").themes()).containsExactly("autre");
        assertThat(classifier.classify("L'IA générative", "").keywords()).containsExactly("IA");
        assertThat(classifier.classify("Ce que l'AI-Act change", "").keywords()).as("a hyphen between words").containsExactly("AI Act");
        assertThat(classifier.classify("L'AI\n Act au Journal officiel", "").keywords()).as("any space between words")
                .containsExactly("AI Act");
    }

    @Test
    void putsAnItemInEveryThemeItMatchesAndInAutreWhenNone() {
        assertThat(classifier.classify("La CNIL et l'intelligence artificielle", "").themes())
                .containsExactly("donnees_personnelles", "reglementation_ia");
        Classification none = classifier.classify("Recrutement d'un délégué", "Poste basé à Paris");
        assertThat(none.themes()).containsExactly("autre");
        assertThat(none.keywords()).isEmpty();
    }
}
