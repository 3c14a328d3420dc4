package io.datapilot.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.ConfigLoader;
import io.datapilot.core.config.PipelineConfig;
import io.datapilot.core.config.ReportLocale;
import io.datapilot.report.VariableLabels.Entry;
import io.datapilot.testing.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's words for each variable, from the dictionary's rows and the weather fixture's minimal configuration. */
class VariableLabelsTest {
    private static final PipelineConfig CONFIG = ConfigLoader.load(Paths.resource("datasets/meteo/pipeline.yaml"));
    private static final List<Entry> DICTIONARY = List.of(
            new Entry("bronze.stations", "code_station", "Code station", null),
            new Entry("bronze.stations", "altitude_m", "Altitude (m)", null),
            new Entry("bronze.stations", "type_de_station", "Type de station", null),
            new Entry("bronze.stations", "temperature_moyenne_annuelle", "Température moyenne annuelle", "degC"),
            new Entry("bronze.releves", "code_station", "Code station", null),
            new Entry("bronze.releves", "temperature_max_c", "Température max (°C)", null),
            new Entry("bronze.releves", "humidite_pct", "Humidité (%)", "%"),
            new Entry("bronze.releves", "precipitations_mm", "Précipitations (mm)", null),
            new Entry("bronze.releves", "n_releve", "N° relevé", null),
            new Entry("bronze.stations_meteo", "code_station", "Code station", null),
            new Entry("bronze.stations_meteo", "temperature_max_moyenne", null, null));

    private static VariableLabels labels(ReportLocale locale) {
        return VariableLabels.of(DICTIONARY, CONFIG, new Texts(locale), List.of("stations_meteo"));
    }

    @Test
    void namesSourceColumnsByTheirHeaderWithTheUnitInFrenchStyleUnlessTheHeaderSaysIt() {
        VariableLabels labels = labels(ReportLocale.FR);
        assertThat(labels.of("bronze.releves", "temperature_max_c")).isEqualTo("Température max (°C)");
        assertThat(labels.of("silver.stations", "temperature_moyenne_annuelle")).isEqualTo("Température moyenne annuelle (°C)");
        assertThat(labels.of("releves", "humidite_pct")).isEqualTo("Humidité (%)");
        assertThat(labels.of("stations", "altitude_m")).isEqualTo("Altitude (m)");
        // the configured label wins, keyed by the header as written in the file
        assertThat(labels.of("stations", "type_de_station")).isEqualTo("Catégorie de station");
    }

    @Test
    void namesTheDataSetsAggregationsFromTheirDefinitionAndKeepsAConfiguredLabel() {
        VariableLabels labels = labels(ReportLocale.FR);
        assertThat(labels.of("silver.stations_meteo", "temperature_max_moyenne")).isEqualTo("Moyenne de Température max (°C) – releves");
        assertThat(labels.of("stations_meteo", "nb_releves")).isEqualTo("Nombre distinct de N° relevé – releves");
        assertThat(labels.of("stations_meteo", "pluie_totale")).isEqualTo("Somme de Précipitations (mm) – releves");
        assertThat(labels.of("stations_meteo", "humidite_max")).isEqualTo("Humidité la plus forte (%)");
        assertThat(labels.of("stations_meteo", "temperature_moyenne_annuelle")).isEqualTo("Température moyenne annuelle (°C)");
        // the cleaning's flags say what they flag; an unknown column keeps its technical name
        assertThat(labels.of("stations_meteo", "altitude_m_aberrant")).isEqualTo("Altitude (m) – valeur aberrante");
        assertThat(labels.of("stations_meteo", "inconnue")).isEqualTo("inconnue");
    }

    @Test
    void keepsTheClientsWordsInEnglishAndFindsTheTechnicalNameOfALabel() {
        VariableLabels labels = labels(ReportLocale.EN);
        assertThat(labels.of("stations_meteo", "temperature_max_moyenne")).isEqualTo("Mean of Température max (°C) – releves");
        assertThat(labels.of("stations_meteo", "temperature_moyenne_annuelle")).isEqualTo("Température moyenne annuelle (°C)");
        assertThat(labels.technical("Température max (°C)")).contains("temperature_max_c");
        assertThat(labels.technical("Catégorie de station")).contains("type_de_station");
        // a label equal to its technical name needs no second mention
        assertThat(labels.technical("inconnue")).isEmpty();
    }

    @Test
    void writesUnitsInFrenchMetricStyle() {
        assertThat(Units.display("EUR")).isEqualTo("€");
        assertThat(Units.display("m2")).isEqualTo("m²");
        assertThat(Units.display("pct")).isEqualTo("%");
        assertThat(Units.display("celsius")).isEqualTo("°C");
        assertThat(Units.display("kg")).isEqualTo("kg");
        assertThat(Units.display(" ")).isNull();
        assertThat(VariableLabels.withUnit("Montant TTC (€)", "EUR")).isEqualTo("Montant TTC (€)");
        assertThat(VariableLabels.withUnit("montant", "EUR")).isEqualTo("montant (€)");
        assertThat(VariableLabels.withUnit("Poids (kg)", "kg")).isEqualTo("Poids (kg)");
    }
}
