package io.datapilot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapilot.core.fs.LocalFolders;
import io.datapilot.ml.ModelStore;
import io.datapilot.testing.Logements;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health before and after the models load, and a new model version swapped in under concurrent requests. */
@org.junit.jupiter.api.Tag("slow")
class ServeReloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "prix_eur";

    @Test
    void isReadyOnlyOnceTheModelsAreLoadedAndSwapsANewVersionAtomically(@TempDir Path warehouse) throws Exception {
        Logements.Run run = Logements.run();
        Path trained = Path.of(ModelStore.folder(run.warehouse().toString(), TestServer.DATASET, TARGET, Logements.RUN.toString()));
        Path models = Path.of(ModelStore.root(warehouse.toString())).resolve(TestServer.DATASET).resolve(TARGET);
        try (TestServer server = TestServer.own(warehouse, run.reports())) {
            String admin = server.tokens.get(Role.ADMIN);
            server.awaitLoaded();
            HttpResponse<String> before = server.get("/health", null);
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(before.body()).path("message").asText()).contains("Aucun modèle").contains("scripts/datapilot run");

            LocalFolders.copy(trained, models.resolve("2025-01-06"), Set.of());
            HttpResponse<String> reloaded = server.postJson("/api/admin/reload", admin, "{}");
            assertThat(JSON.readTree(reloaded.body()).path("reloaded")).extracting(JsonNode::asText).containsExactly(TARGET);
            assertThat(server.get("/health", null).statusCode()).isEqualTo(200);

            // version B: the same scorer, residuals shifted, so that each answer shows which model.json went with its scorer
            Path next = models.resolve("2025-01-07");
            LocalFolders.copy(trained, next, Set.of());
            ObjectNode description = (ObjectNode) JSON.readTree(next.resolve(ModelStore.MODEL_JSON).toFile());
            double shift = 1_000_000;
            ObjectNode residuals = (ObjectNode) description.path("residuals");
            residuals.put("p05", residuals.path("p05").asDouble() + shift).put("p95", residuals.path("p95").asDouble() + shift);
            description.put("version", "2025-01-07");
            JSON.writeValue(next.resolve(ModelStore.MODEL_JSON).toFile(), description);

            ServedModel served = server.server.registry().snapshot().models().get(TARGET);
            String body = ServeApiTest.typicalRow(served).toString();
            double prediction = JSON.readTree(server.postJson("/api/predict/" + TARGET, admin, body).body()).path("prediction").asDouble();
            double low = prediction + served.description().path("residuals").path("p05").asDouble();
            Map<String, Double> expectedLow = Map.of("2025-01-06", low, "2025-01-07", low + shift);

            AtomicBoolean stop = new AtomicBoolean();
            List<String> problems = new CopyOnWriteArrayList<>();
            Map<String, Integer> versions = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 4; i++) {
                clients.execute(() -> {
                    while (!stop.get()) {
                        HttpResponse<String> response = server.postJson("/api/predict/" + TARGET, admin, body);
                        try {
                            JsonNode answer = JSON.readTree(response.body());
                            String version = answer.path("model_version").asText();
                            versions.merge(version, 1, Integer::sum);
                            if (response.statusCode() != 200 || !expectedLow.containsKey(version)
                                    || Math.abs(answer.path("interval").path("low").asDouble() - expectedLow.get(version)) > 1e-6) {
                                problems.add(response.statusCode() + " " + response.body());
                            }
                        } catch (IOException e) {
                            problems.add(e.toString());
                        }
                    }
                });
            }
            TestServer.sleep(300);
            server.postJson("/api/admin/reload", admin, "{}");
            TestServer.sleep(300);
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(problems).isEmpty();
            assertThat(versions).containsKeys("2025-01-06", "2025-01-07");
            JsonNode health = JSON.readTree(server.get("/health", null).body());
            assertThat(health.path("models").path(TARGET).asText()).isEqualTo("2025-01-07");
            assertThat(server.accessLog).anyMatch(line -> line.contains("models loaded: " + TARGET + " 2025-01-07"));
            assertThat(server.accessLog).anyMatch(line -> line.contains("POST /api/admin/reload 200"));
        }
    }

    @Test
    void keepsServingThePreviousVersionWhenTheNewOneIsBroken(@TempDir Path warehouse) throws Exception {
        Logements.Run run = Logements.run();
        Path trained = Path.of(ModelStore.folder(run.warehouse().toString(), TestServer.DATASET, TARGET, Logements.RUN.toString()));
        Path models = Path.of(ModelStore.root(warehouse.toString())).resolve(TestServer.DATASET).resolve(TARGET);
        LocalFolders.copy(trained, models.resolve("2025-01-06"), Set.of());
        try (TestServer server = TestServer.own(warehouse, run.reports())) {
            server.awaitReady();
            Path broken = models.resolve("2025-01-08");
            LocalFolders.copy(trained, broken, Set.of());
            Files.writeString(broken.resolve("scorer.json"), "{\"format_version\": 99}");
            JsonNode reload = JSON.readTree(server.postJson("/api/admin/reload", server.tokens.get(Role.ADMIN), "{}").body());
            assertThat(reload.path("failures").path(TARGET).asText()).contains("format_version 99").contains("2025-01-06 stays in service");
            HttpResponse<String> health = server.get("/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("degraded");
            assertThat(JSON.readTree(health.body()).path("models").path(TARGET).asText()).isEqualTo("2025-01-06");
        }
    }
}
