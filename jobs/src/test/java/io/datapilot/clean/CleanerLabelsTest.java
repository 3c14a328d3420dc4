package io.datapilot.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanerLabelsTest {

    @Test
    void mergesCaseAccentAndSpacingVariantsIntoTheMostFrequentSpelling() {
        Map<String, String> labels = Cleaner.labels(Map.of("Électroménager", 40L, "electromenager", 3L, "ÉLECTROMÉNAGER ", 2L,
                "Linge  de maison", 5L, "Linge de maison", 9L, "Luminaires", 1L));
        assertThat(labels).containsEntry("electromenager", "Électroménager").containsEntry("ÉLECTROMÉNAGER ", "Électroménager")
                .containsEntry("Électroménager", "Électroménager").containsEntry("Linge  de maison", "Linge de maison")
                .containsEntry("Luminaires", "Luminaires");
    }

    @Test
    void breaksTiesAlphabeticallySoThatRunsAgree() {
        assertThat(Cleaner.labels(Map.of("Web", 2L, "web", 2L))).containsEntry("web", "Web").containsEntry("Web", "Web");
    }
}
