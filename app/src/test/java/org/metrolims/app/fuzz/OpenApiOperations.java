package org.metrolims.app.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The operations of the app's OpenAPI document (springdoc's {@code /v3/api-docs}, read as a Jackson tree): method,
 * path template, parameters and the request body's schema, with {@code $ref}s resolved against
 * {@code components.schemas}.
 */
final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    record Operation(String method, String path, List<Parameter> parameters, String contentType, JsonNode bodySchema) {
        Operation {
            parameters = List.copyOf(parameters);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode schemas;

    private OpenApiOperations(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
    }

    static List<Operation> read(JsonNode document) {
        OpenApiOperations reader = new OpenApiOperations(document);
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                    operations.add(reader.operation(method.toUpperCase(), path.getKey(), op));
                }
            }
        }
        return operations;
    }

    private Operation operation(String method, String path, JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            p = resolve(p);
            parameters.add(new Parameter(p.path("name").asString(), p.path("in").asString(),
                    resolve(p.path("schema")), p.path("required").asBoolean(false)));
        }
        String contentType = null;
        JsonNode body = null;
        JsonNode content = op.path("requestBody").path("content");
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            // JSON first where an operation takes several kinds
            if (contentType == null || media.getKey().contains("json")) {
                contentType = media.getKey();
                body = media.getValue().path("schema");
            }
        }
        return new Operation(method, path, parameters, contentType, body);
    }

    /** The schema a {@code $ref} points at, or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema.has("$ref") && hops++ < 20) {
            String ref = schema.get("$ref").asString();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema.isMissingNode() ? JsonNodeFactory.instance.objectNode() : schema;
    }

    /** A resolver for the schemas of one document, for the value generators. */
    static OpenApiOperations resolverOf(JsonNode document) {
        return new OpenApiOperations(document);
    }
}
