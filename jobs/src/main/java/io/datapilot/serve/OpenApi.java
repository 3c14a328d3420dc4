package io.datapilot.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 description of the API, written from the models in service: the request body of
 * {@code POST /api/predict/{target}} lists each target's fields with their types, ranges and allowed
 * values, so that a client can be generated or checked against it.
 */
final class OpenApi {
    private OpenApi() {}

    static ObjectNode document(ModelRegistry.Snapshot snapshot, String title, String version, int maxBatch) {
        ObjectNode root = Api.JSON.createObjectNode().put("openapi", "3.0.3");
        root.putObject("info").put("title", title + " – API de prédiction").put("version", version)
                .put("description", "Prédictions des modèles entraînés par datapilot, sans Spark. Authentification : Authorization: Bearer <jeton> "
                        + "(datapilot serve --add-user). Toute entrée invalide reçoit un 400 avec un message par champ.");
        ObjectNode components = root.putObject("components");
        components.putObject("securitySchemes").putObject("jeton").put("type", "http").put("scheme", "bearer");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Erreur", errorSchema());
        ObjectNode paths = root.putObject("paths");
        for (ServedModel model : snapshot.models().values()) {
            String name = "Entree_" + model.target();
            schemas.set(name, input(model));
            ObjectNode post = paths.putObject("/api/predict/" + model.target()).putObject("post");
            post.put("summary", "Prédire " + model.targetLabel() + " (" + model.modelLabel() + ", version " + model.version() + ")");
            post.putArray("security").addObject().putArray("jeton");
            ObjectNode schema = post.putObject("requestBody").put("required", true).putObject("content").putObject("application/json").putObject("schema");
            ArrayNode oneOf = schema.putArray("oneOf");
            oneOf.addObject().put("$ref", "#/components/schemas/" + name);
            oneOf.addObject().put("type", "array").put("minItems", 1).put("maxItems", maxBatch).putObject("items").put("$ref", "#/components/schemas/" + name);
            ObjectNode responses = post.putObject("responses");
            responses.putObject("200").put("description", "La prédiction (ou une par objet de la liste), avec "
                    + (model.classification() ? "les probabilités" : "l'intervalle des résidus de test") + " et les principaux facteurs");
            error(responses, "400", "Entrée invalide : un message par champ");
            error(responses, "401", "Jeton absent ou inconnu");
            error(responses, "403", "Rôle insuffisant (analyst requis)");
            error(responses, "413", "Corps trop grand");
            error(responses, "415", "Content-Type autre que application/json");
        }
        simple(paths, "/api/models", "Les modèles en service, leurs mesures et leurs variables");
        simple(paths, "/api/models/{target}", "Un modèle : sa description complète (model.json)");
        simple(paths, "/health", "200 quand tous les modèles sont chargés, 503 sinon");
        simple(paths, "/metrics", "Les mesures des opérateurs, au format texte de Prometheus (rôle admin)");
        return root;
    }

    private static ObjectNode input(ServedModel model) {
        ObjectNode schema = Api.JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (Field field : model.fields()) {
            required.add(field.column());
            ObjectNode property = properties.putObject(field.column()).put("description", field.labelWithUnit()).put("nullable", true);
            switch (field.kind()) {
                case NUMERIC -> {
                    property.put("type", "number");
                    Double min = InputValidation.number(field.min());
                    Double max = InputValidation.number(field.max());
                    if (min != null && max != null) {
                        property.put("minimum", min).put("maximum", max);
                    }
                }
                case BOOLEAN -> property.put("type", "boolean");
                case DATE -> property.put("type", "string").put("format", "date");
                default -> {
                    property.put("type", "string");
                    field.values().forEach(property.putArray("enum")::add);
                }
            }
            Object example = Explained.typical(field);
            if (example instanceof Double number) {
                property.put("example", number);
            } else if (example instanceof Boolean bool) {
                property.put("example", bool);
            } else if (example != null) {
                property.put("example", example.toString());
            }
        }
        return schema;
    }

    private static ObjectNode errorSchema() {
        ObjectNode schema = Api.JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("error").put("type", "string");
        properties.putObject("message").put("type", "string");
        ObjectNode item = properties.putObject("fields").put("type", "array").putObject("items").put("type", "object");
        item.putObject("properties").putObject("field").put("type", "string");
        ((ObjectNode) item.get("properties")).putObject("message").put("type", "string");
        return schema;
    }

    private static void error(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/Erreur");
    }

    private static void simple(ObjectNode paths, String path, String summary) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("summary", summary);
        get.putObject("responses").putObject("200").put("description", summary);
    }
}
