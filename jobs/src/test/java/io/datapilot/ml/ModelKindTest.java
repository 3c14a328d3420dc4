package io.datapilot.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.datapilot.core.config.TrainConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The configuration validates model names from its own lists (it cannot see this package): they must name the same models. */
class ModelKindTest {
    @Test
    void theConfigurationsModelListsAreTheModelsThatLearnEachTask() {
        assertThat(Arrays.stream(ModelKind.values()).filter(kind -> kind.supports(Task.REGRESSION, 0)).map(ModelKind::key))
                .containsExactlyInAnyOrderElementsOf(TrainConfig.REGRESSION_MODELS);
        assertThat(Arrays.stream(ModelKind.values()).filter(kind -> kind.supports(Task.CLASSIFICATION, 2)).map(ModelKind::key))
                .containsExactlyInAnyOrderElementsOf(TrainConfig.CLASSIFICATION_MODELS);
    }
}
