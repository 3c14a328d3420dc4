package io.datapilot.rgpd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.testing.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Precision and recall of personal-data detection, on fixtures and on the sample's ground truth. */
class PersonalDataDetectorTest {
    private static final LocalDate RUN = LocalDate.of(2025, 1, 6);

    private static Set<String> detectedAbove(Map<String, List<String>> columns, double threshold) {
        Set<String> detected = new HashSet<>();
        columns.forEach((column, values) -> {
            List<Detection> found = PersonalDataDetector.detect(column, values, RUN);
            if (!found.isEmpty() && found.get(0).confidence() >= threshold) {
                detected.add(column + "=" + found.get(0).category().key());
            }
        });
        return detected;
    }

    @Test
    void findsValidIdentityAndPaymentNumbersButNotLookAlikes() throws IOException {
        List<String> lines = Files.readAllLines(Paths.resource("datasets/identites/identites.csv"), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(";");
        Map<String, List<String>> columns = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(";");
            for (int i = 0; i < header.length; i++) {
                columns.computeIfAbsent(header[i], key -> new ArrayList<>()).add(fields[i]);
            }
        }
        Set<String> detected = detectedAbove(columns, 0.5);
        Set<String> expected = Set.of("securite_sociale=nir", "iban=iban", "carte=card", "ip_poste=ip");
        // code_article: 16 digits failing Luhn; reference: 15 random digits (a NIR look-alike)
        assertThat(detected).isEqualTo(expected);
    }

    @Test
    void scoresNameHintsAndContent() {
        Detection email = PersonalDataDetector.detect("courriel", List.of("a.b@example.com", "c@example.org"), RUN).get(0);
        assertThat(email.category()).isEqualTo(PersonalCategory.EMAIL);
        assertThat(email.confidence()).isEqualTo(1.0);
        Detection hintOnly = PersonalDataDetector.detect("prenom", List.of("Camille", "Léa"), RUN).get(0);
        assertThat(hintOnly.category()).isEqualTo(PersonalCategory.NAME);
        assertThat(hintOnly.confidence()).isEqualTo(0.6);
        assertThat(PersonalDataDetector.detect("adresse_ville", List.of("Lyon"), RUN)).isEmpty();
        assertThat(PersonalDataDetector.detect("categorie", List.of("Linge de lit", "Décoration"), RUN)).isEmpty();
        assertThat(PersonalDataDetector.detect("montant", List.of("12.5", "3"), RUN)).isEmpty();
    }

    /** The generator knows which of the sample's columns are personal. */
    @Test
    void measuresPrecisionAndRecallOnTheSample() throws Exception {
        JsonNode truth = new ObjectMapper().readTree(Paths.root().resolve("data/sample/ground_truth/summary.json").toFile());
        Set<String> personal = new HashSet<>();
        truth.get("personal_columns").fieldNames().forEachRemaining(personal::add);
        Map<String, List<String>> customers = SampleValues.customers();
        Set<String> detected = new HashSet<>();
        customers.forEach((column, values) -> {
            List<Detection> found = PersonalDataDetector.detect(column, values, RUN);
            if (!found.isEmpty() && found.get(0).confidence() >= 0.5) {
                detected.add("clients." + column);
            }
        });
        Set<String> truePositives = new HashSet<>(detected);
        truePositives.retainAll(personal);
        Set<String> customerTruth = new HashSet<>(personal);
        customerTruth.removeIf(column -> !column.startsWith("clients."));
        double recall = (double) truePositives.size() / customerTruth.size();
        double precision = (double) truePositives.size() / detected.size();
        assertThat(recall).as("recall, missed: %s", difference(customerTruth, detected)).isEqualTo(1.0);
        assertThat(precision).as("precision, false alarms: %s", difference(detected, customerTruth)).isGreaterThanOrEqualTo(0.85);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
