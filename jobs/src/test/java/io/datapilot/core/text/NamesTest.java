package io.datapilot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void normalisesFrenchHeadersToAsciiSnakeCase() {
        assertThat(Names.normalise("Prénom du client", 1)).isEqualTo("prenom_du_client");
        assertThat(Names.normalise("Montant TTC (€)", 1)).isEqualTo("montant_ttc_eur");
        assertThat(Names.normalise("Remise (%)", 1)).isEqualTo("remise_pct");
        assertThat(Names.normalise("N° client", 1)).isEqualTo("n_client");
        assertThat(Names.normalise("Cœur d'activité", 1)).isEqualTo("coeur_d_activite");
        assertThat(Names.normalise("  Date  de   naissance ", 1)).isEqualTo("date_de_naissance");
    }

    @Test
    void splitsCamelCaseAndKeepsDigits() {
        assertThat(Names.normalise("customerId", 1)).isEqualTo("customer_id");
        assertThat(Names.normalise("adresseLigne2", 1)).isEqualTo("adresse_ligne2");
        assertThat(Names.normalise("2024 ventes", 1)).isEqualTo("c_2024_ventes");
    }

    @Test
    void removesAByteOrderMarkGluedToTheFirstHeader() {
        assertThat(Names.normalise("\uFEFFIdentifiant", 1)).isEqualTo("identifiant");
    }

    @Test
    void namesBlankHeadersByPositionAndDisambiguatesDuplicates() {
        assertThat(Names.normaliseAll(List.of("Montant", "", "montant", "Montant (€)", "???", "montant_2")))
                .containsExactly("montant", "column_2", "montant_2", "montant_eur", "column_5", "montant_2_2");
    }
}
