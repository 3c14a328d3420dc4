package io.datapilot.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.datapilot.testing.Paths;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/CONFIG.md documents every key the configuration records accept. */
class ConfigDocumentationTest {

    @Test
    void everyKeyIsDocumented() throws IOException {
        String documentation = Files.readString(Paths.root().resolve("docs/CONFIG.md"));
        List<String> keys = new ArrayList<>();
        collect(PipelineConfig.class, "", keys);
        assertThat(keys).hasSizeGreaterThan(40);
        assertThat(keys).allSatisfy(key -> assertThat(documentation).as(key).contains("| `" + key + "` |"));
    }

    private static void collect(Class<?> type, String prefix, List<String> keys) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(component.getName());
            Class<?> raw = component.getType();
            Type generic = component.getGenericType();
            if (raw.isRecord()) {
                collect(raw, key + ".", keys);
            } else if (List.class.isAssignableFrom(raw) && element(generic, 0).isRecord()) {
                keys.add(key);
                collect(element(generic, 0), key + "[].", keys);
            } else if (Map.class.isAssignableFrom(raw) && element(generic, 1).isRecord()) {
                keys.add(key);
                collect(element(generic, 1), key + ".*.", keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static Class<?> element(Type generic, int index) {
        Type argument = ((ParameterizedType) generic).getActualTypeArguments()[index];
        return argument instanceof Class<?> type ? type : Object.class;
    }
}
