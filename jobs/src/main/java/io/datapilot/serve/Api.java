package io.datapilot.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON API: predictions (one object or an array), the models' descriptions, health. Every bad
 * input is a 400 with one message per field; the scorer runs only on rows that passed every check.
 */
final class Api {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxNumberLength(100)
                .maxStringLength(10_000).build());
    }

    private final ModelRegistry registry;
    private final RequestMetrics metrics;
    private final int maxBatch;

    Api(ModelRegistry registry, RequestMetrics metrics, int maxBatch) {
        this.registry = registry;
        this.metrics = metrics;
        this.maxBatch = maxBatch;
    }

    void predict(Context ctx) {
        ServedModel model = model(ctx.pathParam("target"));
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new Refusal(415, "unsupported_media_type", "Content-Type doit être application/json, pas « "
                    + InputValidation.shortened(type.isEmpty() ? "(aucun)" : type) + " »");
        }
        JsonNode body = parse(ctx.bodyAsBytes());
        List<JsonNode> items = new ArrayList<>();
        boolean batch = body.isArray();
        if (batch) {
            if (body.isEmpty() || body.size() > maxBatch) {
                throw new Refusal(400, "invalid_input", "Une liste de 1 à " + maxBatch + " objets est attendue, elle en a " + body.size()
                        + " : découpez-la, ou utilisez datapilot predict pour un fichier entier");
            }
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            InputValidation.Result result = InputValidation.json(model, items.get(i), batch ? "[" + i + "]." : "");
            errors.addAll(result.errors());
            rows.add(result.row());
        }
        if (!errors.isEmpty()) {
            throw new Refusal(400, "invalid_input", errors.size() == 1 ? "Entrée invalide : " + errors.get(0).field() + " : " + errors.get(0).message()
                    : errors.size() + " champs sont invalides (voir fields)", errors);
        }
        ArrayNode answers = JSON.createArrayNode();
        for (Map<String, Object> row : rows) {
            answers.add(answer(model, Explained.of(model, row)));
        }
        metrics.predictions(model.target(), model.version(), rows.size());
        ObjectNode out = JSON.createObjectNode().put("target", model.target()).put("model", model.description().path("model").asText())
                .put("model_version", model.version());
        if (batch) {
            out.set("predictions", answers);
        } else {
            out.setAll((ObjectNode) answers.get(0));
        }
        json(ctx, 200, out);
    }

    void models(Context ctx) {
        ArrayNode array = JSON.createArrayNode();
        registry.snapshot().models().values().forEach(model -> array.add(summary(model)));
        json(ctx, 200, JSON.createObjectNode().set("models", array));
    }

    void model(Context ctx) {
        ServedModel model = model(ctx.pathParam("target"));
        ObjectNode out = summary(model);
        out.set("description", model.description());
        json(ctx, 200, out);
    }

    void health(Context ctx) {
        ModelRegistry.Snapshot snapshot = registry.snapshot();
        ObjectNode out = JSON.createObjectNode();
        boolean ready = snapshot.loaded() && !snapshot.models().isEmpty() && snapshot.failures().keySet().stream()
                .allMatch(snapshot.models()::containsKey);
        out.put("status", !snapshot.loaded() ? "loading" : ready ? (snapshot.failures().isEmpty() ? "ready" : "degraded") : "not_ready");
        ObjectNode models = out.putObject("models");
        snapshot.models().forEach((target, model) -> models.put(target, model.version()));
        ObjectNode failures = out.putObject("failures");
        snapshot.failures().forEach(failures::put);
        if (snapshot.loaded() && snapshot.models().isEmpty()) {
            out.put("message", "Aucun modèle dans " + registry.folder() + " : lancez la phase train du pipeline (scripts/datapilot run)");
        }
        json(ctx, ready ? 200 : 503, out);
    }

    /** The answer of POST /api/admin/reload: the targets whose version changed, and what could not be loaded. */
    void reloaded(Context ctx, List<String> changed) {
        ObjectNode out = JSON.createObjectNode();
        changed.forEach(out.putArray("reloaded")::add);
        ObjectNode failures = out.putObject("failures");
        registry.snapshot().failures().forEach(failures::put);
        json(ctx, 200, out);
    }

    ServedModel model(String target) {
        ServedModel model = registry.snapshot().models().get(target);
        if (model == null) {
            throw new Refusal(404, "unknown_target", "Aucun modèle pour la cible « " + InputValidation.shortened(target) + " » ; les cibles servies sont : "
                    + String.join(", ", registry.snapshot().models().keySet()));
        }
        return model;
    }

    private static ObjectNode summary(ServedModel model) {
        ObjectNode out = JSON.createObjectNode().put("target", model.target()).put("target_label", model.targetLabel())
                .put("task", model.scorer().task()).put("model", model.description().path("model").asText())
                .put("model_label", model.modelLabel()).put("version", model.version());
        out.set("metrics", model.description().path("metrics"));
        ArrayNode fields = out.putArray("features");
        for (Field field : model.fields()) {
            ObjectNode node = fields.addObject().put("name", field.column()).put("label", field.label()).put("unit", field.unit())
                    .put("kind", field.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (!field.values().isEmpty()) {
                field.values().forEach(node.putArray("values")::add);
            } else {
                node.put("min", field.min()).put("max", field.max());
            }
            node.put("typical", field.reference());
        }
        model.scorer().labels().forEach(out.putArray("labels")::add);
        return out;
    }

    private static ObjectNode answer(ServedModel model, Explained explained) {
        ObjectNode out = JSON.createObjectNode();
        if (model.classification()) {
            out.put("prediction", explained.prediction().label());
            ObjectNode probabilities = out.putObject("probabilities");
            List<String> labels = model.scorer().labels();
            for (int i = 0; i < labels.size(); i++) {
                probabilities.put(labels.get(i), explained.prediction().probabilities()[i]);
            }
        } else {
            out.put("prediction", explained.prediction().value());
            if (Double.isFinite(explained.low())) {
                out.putObject("interval").put("low", explained.low()).put("high", explained.high()).put("level", 0.9)
                        .put("from", "test residuals, 5th and 95th percentiles");
            }
        }
        ArrayNode factors = out.putArray("factors");
        for (Explained.Factor factor : explained.factors()) {
            ObjectNode node = factors.addObject().put("feature", factor.field().column()).put("label", factor.field().labelWithUnit());
            node.putPOJO("value", plain(factor.value()));
            node.putPOJO("typical", plain(factor.typical()));
            node.put("effect", factor.effect());
        }
        return out;
    }

    private static Object plain(Object value) {
        return value instanceof java.time.LocalDate date ? date.toString() : value;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new Refusal(400, "invalid_json", "Le corps de la requête est vide : envoyez un objet JSON, ou une liste d'objets");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (ligne " + e.getLocation().getLineNr() + ", colonne " + e.getLocation().getColumnNr() + ")";
            // the original message only: Jackson's full one quotes the body, which may hold personal values
            throw new Refusal(400, "invalid_json", "JSON invalide" + where + " : " + e.getOriginalMessage()
                    + ". NaN et Infinity ne sont pas des nombres JSON ; une clé ne peut pas être répétée");
        } catch (java.io.IOException e) {
            throw new Refusal(400, "invalid_json", "Corps illisible : " + e.getMessage());
        }
    }

    static void json(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON answer: " + e.getMessage(), e);
        }
    }

    static ObjectNode error(Refusal refusal) {
        ObjectNode out = JSON.createObjectNode().put("error", refusal.code()).put("message", refusal.getMessage());
        if (!refusal.fields().isEmpty()) {
            ArrayNode fields = out.putArray("fields");
            refusal.fields().forEach(field -> fields.addObject().put("field", field.field()).put("message", field.message()));
        }
        return out;
    }
}
