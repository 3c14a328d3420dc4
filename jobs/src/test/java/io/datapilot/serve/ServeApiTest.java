package io.datapilot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapilot.ml.features.FeatureKind;
import io.datapilot.ml.scorer.LocalScorer;
import io.datapilot.ml.scorer.Prediction;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON API over real HTTP: predictions, models, health, OpenAPI, metrics, roles, and every kind of bad input. */
@org.junit.jupiter.api.Tag("slow")
class ServeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASSIFICATION = "vendu_en_30_jours";
    private static final String REGRESSION = "prix_eur";

    private final TestServer server = TestServer.shared();

    @Test
    void predictsWhatTheLocalScorerPredictsForBothTargets() throws Exception {
        for (String target : List.of(CLASSIFICATION, REGRESSION)) {
            ServedModel model = server.server.registry().snapshot().models().get(target);
            ObjectNode row = typicalRow(model);
            HttpResponse<String> response = server.postJson("/api/predict/" + target, analyst(), row.toString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.path("model_version").asText()).isEqualTo("2025-01-06");
            Prediction expected = LocalScorer.load(model.folder()).score(scorerRow(model, row));
            if (target.equals(CLASSIFICATION)) {
                assertThat(answer.path("prediction").asText()).isEqualTo(expected.label());
                assertThat(answer.path("probabilities").path(expected.label()).asDouble())
                        .isEqualTo(expected.probabilities()[(int) expected.value()]);
            } else {
                assertThat(answer.path("prediction").asDouble()).isEqualTo(expected.value());
                assertThat(answer.path("interval").path("low").asDouble()).isLessThan(answer.path("interval").path("high").asDouble());
            }
            assertThat(answer.path("factors").isArray()).isTrue();
        }
    }

    @Test
    void explainsAPredictionByItsMainFactors() throws Exception {
        ServedModel model = server.server.registry().snapshot().models().get(REGRESSION);
        ObjectNode row = typicalRow(model);
        Field surface = numeric(model);
        row.put(surface.column(), Double.parseDouble(surface.max()));
        JsonNode answer = JSON.readTree(server.postJson("/api/predict/" + REGRESSION, analyst(), row.toString()).body());
        JsonNode factors = answer.path("factors");
        assertThat(factors).isNotEmpty();
        assertThat(factors.get(0).path("feature").asText()).isEqualTo(surface.column());
        // the effect is the prediction minus the prediction with the typical value
        ObjectNode typical = row.deepCopy();
        typical.put(surface.column(), Double.parseDouble(surface.reference()));
        double other = JSON.readTree(server.postJson("/api/predict/" + REGRESSION, analyst(), typical.toString()).body()).path("prediction").asDouble();
        assertThat(factors.get(0).path("effect").asDouble()).isCloseTo(answer.path("prediction").asDouble() - other, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void scoresABatchAndNamesTheBadItemOfABatch() throws Exception {
        ServedModel model = server.server.registry().snapshot().models().get(CLASSIFICATION);
        ArrayNode batch = JSON.createArrayNode().add(typicalRow(model)).add(typicalRow(model)).add(typicalRow(model));
        HttpResponse<String> response = server.postJson("/api/predict/" + CLASSIFICATION, analyst(), batch.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("predictions")).hasSize(3);
        ((ObjectNode) batch.get(1)).put(numeric(model).column(), "beaucoup");
        response = server.postJson("/api/predict/" + CLASSIFICATION, analyst(), batch.toString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("fields").get(0).path("field").asText()).isEqualTo("[1]." + numeric(model).column());
    }

    /** A change to a valid row on the feature of a kind (null: a field of no kind), and the message expected for that field. */
    interface Change extends java.util.function.BiConsumer<ObjectNode, String> {}

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("unknown field", null, (row, column) -> row.put("inconnu", 1), "champ inconnu"),
                bad("number as text", FeatureKind.NUMERIC, (row, column) -> row.put(column, "abc"), "un nombre est attendu"),
                bad("number too large for a double", FeatureKind.NUMERIC,
                        (row, column) -> row.set(column, JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e400"))), "trop grand"),
                bad("number out of the training range", FeatureKind.NUMERIC, (row, column) -> row.put(column, 1e12), "intervalle"),
                bad("unknown category", FeatureKind.CATEGORICAL, (row, column) -> row.put(column, "Atlantide"), "valeur inconnue"),
                bad("category as number", FeatureKind.CATEGORICAL, (row, column) -> row.put(column, 3), "texte"),
                bad("boolean as text", FeatureKind.BOOLEAN, (row, column) -> row.put(column, "peut-être"), "true ou false"),
                bad("date in the wrong format", FeatureKind.DATE, (row, column) -> row.put(column, "31/12/2024"), "AAAA-MM-JJ"),
                bad("impossible date", FeatureKind.DATE, (row, column) -> row.put(column, "2024-02-31"), "illisible"),
                bad("date out of the training period", FeatureKind.DATE, (row, column) -> row.put(column, "1950-01-01"), "période"),
                bad("missing field", FeatureKind.NUMERIC, (row, column) -> row.remove(column), "champ manquant"));
    }

    private static Arguments bad(String name, FeatureKind kind, Change change, String message) {
        return Arguments.of(name, kind, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusesABadFieldWithAMessageForIt(String name, FeatureKind kind, Change change, String message) throws Exception {
        ServedModel model = server.server.registry().snapshot().models().get(REGRESSION);
        ObjectNode row = typicalRow(model);
        String column = kind == null ? "inconnu" : columnOf(model, kind);
        change.accept(row, column);
        HttpResponse<String> response = server.postJson("/api/predict/" + REGRESSION, analyst(), row.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo("invalid_input");
        assertThat(body.path("fields")).hasSize(1);
        assertThat(body.path("fields").get(0).path("field").asText()).isEqualTo(column);
        assertThat(body.path("fields").get(0).path("message").asText()).contains(message);
    }

    static Stream<Arguments> badBodies() {
        String big = "[" + "{\"a\":1},".repeat(40_000) + "{}]";
        return Stream.of(
                Arguments.of("NaN", "application/json", "{\"x\": NaN}", 400, "invalid_json", "NaN"),
                Arguments.of("Infinity", "application/json", "{\"x\": Infinity}", 400, "invalid_json", "Infinity"),
                Arguments.of("truncated JSON", "application/json", "{\"x\": ", 400, "invalid_json", "JSON invalide"),
                Arguments.of("trailing garbage", "application/json", "{} {}", 400, "invalid_json", "JSON invalide"),
                Arguments.of("repeated key", "application/json", "{\"x\": 1, \"x\": 2}", 400, "invalid_json", "JSON invalide"),
                Arguments.of("empty body", "application/json", "", 400, "invalid_json", "vide"),
                Arguments.of("a number instead of an object", "application/json", "42", 400, "invalid_input", "objet JSON"),
                Arguments.of("too many rows", "application/json", "[" + "{},".repeat(ServerSettings.DEFAULT_MAX_BATCH) + "{}]", 400, "invalid_input", "1 à 100"),
                Arguments.of("an empty list", "application/json", "[]", 400, "invalid_input", "1 à 100"),
                Arguments.of("oversized body", "application/json", big, 413, "http_413", "trop grand"),
                Arguments.of("form instead of JSON", "application/x-www-form-urlencoded", "x=1", 415, "unsupported_media_type", "application/json"),
                Arguments.of("text instead of JSON", "text/plain", "{}", 415, "unsupported_media_type", "application/json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusesABadBodyWithAClearMessageAndNeverA500(String name, String type, String body, int status, String code, String message) throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/predict/" + REGRESSION, analyst()).header("Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("error").asText()).isEqualTo(code);
        assertThat(answer.path("message").asText()).contains(message).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void answersAnUnknownTargetOrPathWith404AndAWrongMethodWith405() throws Exception {
        HttpResponse<String> response = server.postJson("/api/predict/nothing", analyst(), "{}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains(CLASSIFICATION).contains(REGRESSION);
        assertThat(server.get("/api/nothing", analyst()).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/predict/" + REGRESSION, analyst()).statusCode()).isEqualTo(405);
    }

    @Test
    void grantsEachEndpointToItsRolesOnly() {
        String body = typicalRow(server.server.registry().snapshot().models().get(REGRESSION)).toString();
        assertThat(server.postJson("/api/predict/" + REGRESSION, null, body).statusCode()).isEqualTo(401);
        assertThat(server.postJson("/api/predict/" + REGRESSION, "dp_not-a-token", body).statusCode()).isEqualTo(401);
        assertThat(server.postJson("/api/predict/" + REGRESSION, server.tokens.get(Role.VIEWER), body).statusCode()).isEqualTo(403);
        assertThat(server.postJson("/api/predict/" + REGRESSION, server.tokens.get(Role.ANALYST), body).statusCode()).isEqualTo(200);
        assertThat(server.postJson("/api/predict/" + REGRESSION, server.tokens.get(Role.ADMIN), body).statusCode()).isEqualTo(200);
        assertThat(server.get("/api/models", null).statusCode()).isEqualTo(401);
        assertThat(server.get("/api/models", server.tokens.get(Role.VIEWER)).statusCode()).isEqualTo(200);
        assertThat(server.get("/metrics", server.tokens.get(Role.ANALYST)).statusCode()).isEqualTo(403);
        assertThat(server.get("/metrics", server.tokens.get(Role.ADMIN)).statusCode()).isEqualTo(200);
        assertThat(server.postJson("/api/admin/reload", server.tokens.get(Role.ANALYST), "{}").statusCode()).isEqualTo(403);
        assertThat(server.get("/health", null).statusCode()).isEqualTo(200);
        assertThat(server.get("/openapi.json", null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = server.postJson("/api/predict/" + REGRESSION, null, body);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void describesTheModelsAndTheApi() throws Exception {
        JsonNode models = JSON.readTree(server.get("/api/models", server.tokens.get(Role.VIEWER)).body()).path("models");
        assertThat(models).extracting(model -> model.path("target").asText()).containsExactlyInAnyOrder(CLASSIFICATION, REGRESSION);
        JsonNode one = JSON.readTree(server.get("/api/models/" + REGRESSION, server.tokens.get(Role.VIEWER)).body());
        assertThat(one.path("description").path("target").asText()).isEqualTo(REGRESSION);
        assertThat(one.path("features")).allSatisfy(feature -> assertThat(feature.path("label").asText()).isNotBlank());
        JsonNode openapi = JSON.readTree(server.get("/openapi.json", null).body());
        assertThat(openapi.path("openapi").asText()).startsWith("3.");
        JsonNode schema = openapi.path("components").path("schemas").path("Entree_" + REGRESSION);
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("required")).hasSize(one.path("features").size());
        assertThat(openapi.path("paths").has("/api/predict/" + CLASSIFICATION)).isTrue();
    }

    @Test
    void sayReadyWithTheModelVersionsOnHealth() throws Exception {
        HttpResponse<String> response = server.get("/health", null);
        JsonNode health = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asText()).isEqualTo("ready");
        assertThat(health.path("models").path(REGRESSION).asText()).isEqualTo("2025-01-06");
    }

    @Test
    void countsRequestsErrorsLatencyAndPredictionsForPrometheus() {
        String body = typicalRow(server.server.registry().snapshot().models().get(REGRESSION)).toString();
        server.postJson("/api/predict/" + REGRESSION, analyst(), body);
        server.postJson("/api/predict/" + REGRESSION, analyst(), "{");
        HttpResponse<String> metrics = server.get("/metrics", server.tokens.get(Role.ADMIN));
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body())
                .contains("# TYPE datapilot_http_requests_total counter")
                .containsPattern("datapilot_http_requests_total\\{method=\"POST\",endpoint=\"/api/predict/\\{target\\}\",status=\"200\"\\} [1-9]")
                .containsPattern("datapilot_http_errors_total\\{method=\"POST\",endpoint=\"/api/predict/\\{target\\}\",class=\"4xx\"\\} [1-9]")
                .contains("datapilot_http_request_duration_seconds_bucket{method=\"POST\",endpoint=\"/api/predict/{target}\",le=\"+Inf\"}")
                .containsPattern("datapilot_predictions_total\\{target=\"prix_eur\",model_version=\"2025-01-06\"\\} [1-9]");
    }

    @Test
    void setsTheSecurityHeadersOnEveryAnswer() {
        for (HttpResponse<String> response : List.of(server.get("/", null), server.get("/health", null), server.get("/nothing", null),
                server.postJson("/api/predict/" + REGRESSION, analyst(), "{"))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void keepsInputsTokensAndNamesOutOfTheAccessLog() {
        ServedModel model = server.server.registry().snapshot().models().get(REGRESSION);
        ObjectNode row = typicalRow(model);
        row.put(numeric(model).column(), 47.123456);
        server.postJson("/api/predict/" + REGRESSION, analyst(), row.toString());
        server.send(server.request("/predire/" + REGRESSION + "?ville=Villeurbanne-secret", null).GET().build());
        TestServer.sleep(200);
        String log = String.join("\n", server.accessLog);
        assertThat(log).contains("POST /api/predict/{target} 200").doesNotContain("47.123456").doesNotContain("Villeurbanne-secret")
                .doesNotContain(analyst()).doesNotContain("ali.analyst").doesNotContain("127.0.0.1 ");
    }

    private String analyst() {
        return server.tokens.get(Role.ANALYST);
    }

    /** A row of typical values: the medians, the most frequent labels; a date feature at its median or first day. */
    static ObjectNode typicalRow(ServedModel model) {
        ObjectNode row = JSON.createObjectNode();
        for (Field field : model.fields()) {
            switch (field.kind()) {
                case NUMERIC -> row.put(field.column(), Double.parseDouble(field.reference()));
                case BOOLEAN -> row.put(field.column(), Double.parseDouble(field.reference()) >= 0.5);
                case DATE -> row.put(field.column(), field.reference() != null ? field.reference() : field.min().substring(0, 10));
                default -> row.put(field.column(), field.values().get(0));
            }
        }
        return row;
    }

    private static Map<String, Object> scorerRow(ServedModel model, ObjectNode row) {
        Map<String, Object> values = new HashMap<>();
        for (Field field : model.fields()) {
            JsonNode value = row.get(field.column());
            values.put(field.column(), switch (field.kind()) {
                case NUMERIC -> value.asDouble();
                case BOOLEAN -> value.asBoolean();
                case DATE -> java.time.LocalDate.parse(value.asText());
                default -> value.asText();
            });
        }
        return values;
    }

    private static Field numeric(ServedModel model) {
        return model.field(columnOf(model, FeatureKind.NUMERIC));
    }

    /** The first feature of a kind; the flats have one of each. */
    private static String columnOf(ServedModel model, FeatureKind kind) {
        return model.fields().stream().filter(field -> field.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("the flats' model has no " + kind + " feature")).column();
    }
}
