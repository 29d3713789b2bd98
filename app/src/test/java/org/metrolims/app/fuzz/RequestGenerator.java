package org.metrolims.app.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.metrolims.app.fuzz.FuzzRequest.Bytes;
import org.metrolims.app.fuzz.FuzzRequest.Part;
import org.metrolims.app.fuzz.FuzzRequest.Repeat;
import org.metrolims.app.fuzz.FuzzRequest.Text;
import org.metrolims.app.fuzz.OpenApiOperations.Operation;
import org.metrolims.app.fuzz.OpenApiOperations.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests for the operations of an OpenAPI document: values shaped by each parameter's and body's schema (real ids
 * and codes from the fixtures where a name says what it refers to), then mutated — a required field dropped, a value
 * of the wrong type, numbers at and beyond the edges of double and long, over-long and non-UTF-8 strings, deep
 * nesting, huge arrays, unknown fields, malformed documents; query and path parameters likewise.
 */
final class RequestGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 6;

    /** Numbers a JSON number or a query parameter should survive: beyond double, -0, beyond long, NaN as text. */
    static final List<String> NUMBER_EDGES = List.of("1e309", "-1e309", "-0", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "\"NaN\"", "\"Infinity\"", "1e-400", "2147483648",
            "123456789012345678901234567890.123456789", "0.000000000000000000000000000001");

    /** Values of another type than the schema's. */
    static final List<String> WRONG_TYPES = List.of("{}", "[]", "\"text\"", "true", "12", "[1,\"a\",null]",
            "{\"a\":{\"b\":[]}}", "null");

    /** Path and query values (already percent-encoded): ids at and past the edges, text, NUL, bad UTF-8, dates. */
    static final List<String> PARAMETER_EDGES = List.of("0", "-1", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "2147483648", "1e309", "-0", "NaN", "abc", "%00", "%C3%28", "%FF%FE",
            "%27%22%3C%3E", "0001-01-01", "9999-12-31", "%2B1000002025-01-01", "2025-02-30", "P99999999999D",
            "-P1D", "x".repeat(3000), "%E7%95%8C".repeat(500));

    private final OpenApiOperations schemas;
    private final Fixtures fixtures;
    private final List<String> users;

    RequestGenerator(OpenApiOperations schemas, Fixtures fixtures, List<String> users) {
        this.schemas = schemas;
        this.fixtures = fixtures;
        this.users = List.copyOf(users);
    }

    /** Requests for the operation from the users the role rules let through (all of them when none is). */
    Arbitrary<FuzzRequest> requests(Operation op, List<String> allowed) {
        return new RequestGenerator(schemas, fixtures, allowed.isEmpty() ? users : allowed).requests(op);
    }

    /** The path with each path parameter at its first real value (or 1): what a role probe asks. */
    String plainPath(Operation op) {
        String path = op.path();
        for (Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                List<String> real = fixtures.values(p.name(), segmentBefore(op.path(), p.name()));
                path = path.replace("{" + p.name() + "}", encode(real.isEmpty() ? "1" : real.getFirst()));
            }
        }
        return path;
    }

    Arbitrary<FuzzRequest> requests(Operation op) {
        List<Arbitrary<String>> parameters = new ArrayList<>();
        for (Parameter p : op.parameters()) {
            parameters.add(parameter(op, p));
        }
        Arbitrary<List<Optional<String>>> parameterValues = parameters.isEmpty()
                ? Arbitraries.just(List.of()) : Combinators.combine(parameters.stream()
                        .map(p -> p.map(Optional::ofNullable)).toList()).as(List::copyOf);
        Arbitrary<Body> body = body(op);
        return Combinators.combine(Arbitraries.of(users), parameterValues, body)
                .as((user, values, b) -> new FuzzRequest(user, op.toString(), op.method(), url(op, values),
                        b.parts().isEmpty() && op.contentType() == null ? null : op.contentType(), b.parts(),
                        b.mutation() + parameterMutations(op, values)));
    }

    /** A body and what was done to it. */
    record Body(List<Part> parts, String mutation) {
    }

    // ---- parameters

    private Arbitrary<String> parameter(Operation op, Parameter p) {
        List<String> real = fixtures.values(p.name(), segmentBefore(op.path(), p.name()));
        Arbitrary<String> valid = real.isEmpty()
                ? value(p.schema(), p.name(), 0).map(RequestGenerator::plain).map(RequestGenerator::encode)
                : Arbitraries.of(real).map(RequestGenerator::encode);
        Arbitrary<String> edge = Arbitraries.of(PARAMETER_EDGES).map(v -> "\u0001" + v);
        Arbitrary<String> any = Arbitraries.frequencyOf(Tuple.of(4, valid), Tuple.of(1, edge));
        return p.in().equals("path") || p.required() ? any : any.injectNull(0.5); // null: left out
    }

    private static String url(Operation op, List<Optional<String>> values) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < op.parameters().size(); i++) {
            Parameter p = op.parameters().get(i);
            String v = values.get(i).orElse(null);
            if (v == null) {
                continue;
            }
            v = v.startsWith("\u0001") ? v.substring(1) : v;
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", v);
            } else if (p.in().equals("query")) {
                query.append(query.isEmpty() ? '?' : '&').append(encode(p.name())).append('=').append(v);
            }
        }
        return path + query;
    }

    private static String parameterMutations(Operation op, List<Optional<String>> values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < op.parameters().size(); i++) {
            if (values.get(i).orElse("").startsWith("\u0001")) {
                s.append("; parameter ").append(op.parameters().get(i).name()).append(" at an edge");
            }
        }
        return s.toString();
    }

    private static String segmentBefore(String path, String name) {
        Matcher m = Pattern.compile("/([^/{}]+)/\\{" + Pattern.quote(name) + "\\}").matcher(path);
        return m.find() ? m.group(1) : "";
    }

    // ---- bodies

    private Arbitrary<Body> body(Operation op) {
        if (op.contentType() == null) {
            return Arbitraries.just(new Body(List.of(), "valid"));
        }
        if (op.contentType().contains("csv")) {
            return csv();
        }
        if (!op.contentType().contains("json")) {
            return Arbitraries.just(new Body(List.of(new Text("x")), "valid"));
        }
        // mostly from a body known to be accepted (so that mutations reach past the first check), else from the schema
        Arbitrary<JsonNode> shaped = value(op.bodySchema(), "", 0);
        Arbitrary<JsonNode> valid = fixtures.example(op.toString())
                .map(json -> Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(JSON.readTree(json))),
                        Tuple.of(1, shaped)))
                .orElse(shaped);
        Arbitrary<Mutation> mutation = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Mutation.NONE)),
                Tuple.of(7, Arbitraries.of(Mutation.class)));
        return Combinators.combine(valid, mutation, Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 100)).as(RequestGenerator::mutate);
    }

    enum Mutation {
        NONE, DROP_REQUIRED, WRONG_TYPE, NUMBER_EDGE, NULL_VALUE, LONG_STRING, NON_UTF8, DEEP_NESTING, HUGE_ARRAY,
        UNKNOWN_FIELD, MALFORMED_DOCUMENT
    }

    /**
     * Applies the mutation to the value at {@code slot} (an index, modulo their number, into the body's nodes in
     * document order); {@code pick} chooses among the mutation's variants.
     */
    static Body mutate(JsonNode valid, Mutation mutation, int slot, int pick) {
        JsonNode body = valid.deepCopy();
        JsonNode root = body;
        List<Part> raw = new ArrayList<>();
        String where;
        switch (mutation) {
            case NONE -> where = "";
            case DROP_REQUIRED -> where = dropField(body, slot);
            case UNKNOWN_FIELD -> {
                List<String> objects = paths(body).stream().filter(p -> node(body, p).isObject()).toList();
                where = objects.isEmpty() ? "" : objects.get(slot % objects.size());
                if (!objects.isEmpty()) {
                    ((ObjectNode) node(body, where)).put("fuzzUnknownField" + pick, pick);
                }
            }
            case MALFORMED_DOCUMENT -> {
                List<String> documents = List.of("", "null", "[]", "{", "{\"a\":", "not json", "\uFEFF{}", "{}}",
                        "{\"a\":1,\"a\":2}", "[" + "{}," .repeat(10) + "{}]");
                String d = documents.get(pick % documents.size());
                return new Body(d.isEmpty() ? List.of() : List.of(new Text(d)),
                        "malformed document " + FuzzRequest.shellQuote(d));
            }
            default -> {
                List<String> paths = paths(body);
                where = paths.get(slot % paths.size());
                root = replace(body, where, marker(raw.size()));
                raw.add(switch (mutation) {
                    case WRONG_TYPE -> new Text(WRONG_TYPES.get(pick % WRONG_TYPES.size()));
                    case NUMBER_EDGE -> new Text(NUMBER_EDGES.get(pick % NUMBER_EDGES.size()));
                    case NULL_VALUE -> new Text("null");
                    case LONG_STRING -> pick % 2 == 0 ? new Repeat("x", 100_000) : new Repeat("界", 40_000);
                    case NON_UTF8 -> new Bytes(new byte[][] {{(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE},
                            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}[pick % 3]);
                    case DEEP_NESTING -> pick % 2 == 0 ? new Repeat("[", 5_000) : new Repeat("{\"a\":", 5_000);
                    case HUGE_ARRAY -> pick % 2 == 0 ? new Repeat("1,", 200_000) : new Repeat("{},", 100_000);
                    default -> throw new IllegalStateException();
                });
            }
        }
        return new Body(serialise(root, raw, mutation), describe(mutation, where, pick));
    }

    private static String describe(Mutation mutation, String where, int pick) {
        return switch (mutation) {
            case NONE -> "valid";
            case NUMBER_EDGE -> "number " + NUMBER_EDGES.get(pick % NUMBER_EDGES.size()) + " at " + where;
            case WRONG_TYPE -> "wrong type " + WRONG_TYPES.get(pick % WRONG_TYPES.size()) + " at " + where;
            default -> mutation.name().toLowerCase().replace('_', ' ') + " at " + (where.isEmpty() ? "/" : where);
        };
    }

    /** The body as JSON text, with each marker replaced by its raw part (and the brackets a nesting needs closed). */
    private static List<Part> serialise(JsonNode body, List<Part> raw, Mutation mutation) {
        String text = JSON.writeValueAsString(body);
        List<Part> parts = new ArrayList<>();
        Matcher m = Pattern.compile("\"\\\\u0000RAW(\\d+)\\\\u0000\"").matcher(text);
        int at = 0;
        while (m.find()) {
            parts.add(new Text(text.substring(at, m.start())));
            Part p = raw.get(Integer.parseInt(m.group(1)));
            switch (mutation) {
                case LONG_STRING, NON_UTF8 -> {
                    parts.add(new Text("\"a"));
                    parts.add(p);
                    parts.add(new Text("\""));
                }
                case DEEP_NESTING -> {
                    parts.add(p);
                    Repeat open = (Repeat) p;
                    parts.add(new Text("1"));
                    parts.add(new Repeat(open.unit().equals("[") ? "]" : "}", open.times()));
                }
                case HUGE_ARRAY -> {
                    parts.add(new Text("["));
                    parts.add(p);
                    parts.add(new Text(((Repeat) p).unit().startsWith("1") ? "1]" : "{}]"));
                }
                default -> parts.add(p);
            }
            at = m.end();
        }
        parts.add(new Text(text.substring(at)));
        return parts.stream().filter(p -> !(p instanceof Text t) || !t.text().isEmpty()).toList();
    }

    private static JsonNode marker(int index) {
        return NODES.stringNode("\u0000RAW" + index + "\u0000");
    }

    // ---- CSV bodies (the imports)

    private Arbitrary<Body> csv() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.of(fixtures.csvCells()),
                Arbitraries.strings().alpha().numeric().withChars("-.,; ").ofMaxLength(12),
                Arbitraries.of("\"unterminated", "\"a\"\"b\"", "1e309", "-0", "NaN", "9223372036854775808", ""));
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(11).map(cells -> String.join(",", cells));
        Arbitrary<List<String>> rows = row.list().ofMinSize(0).ofMaxSize(6);
        Arbitrary<Integer> variant = Arbitraries.integers().between(0, 9);
        return Combinators.combine(rows, variant).as((r, v) -> {
            String text = String.join("\n", r) + "\n";
            return switch (v) {
                case 0 -> new Body(List.of(new Text(text), new Bytes(new byte[] {(byte) 0xC3, 0x28}), new Text("\n")),
                        "csv with bad UTF-8");
                case 1 -> new Body(List.of(new Text(text), new Repeat(r.isEmpty() ? "a,b\n" : r.get(0) + "\n", 20_000)),
                        "csv of 20,000 rows");
                case 2 -> new Body(List.of(new Text(text), new Repeat("x", 200_000)), "csv with a 200,000-char cell");
                case 3 -> new Body(List.of(new Text("\uFEFF" + text)), "csv with a BOM");
                default -> new Body(List.of(new Text(text)), "csv");
            };
        });
    }

    // ---- values shaped by a schema

    Arbitrary<JsonNode> value(JsonNode schema, String name, int depth) {
        schema = schemas.resolve(schema);
        for (String combined : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combined) && schema.get(combined).size() > 0) {
                List<Arbitrary<JsonNode>> alternatives = new ArrayList<>();
                for (JsonNode s : schema.get(combined)) {
                    alternatives.add(value(s, name, depth));
                }
                return Arbitraries.oneOf(alternatives);
            }
        }
        List<String> real = fixtures.values(name, "");
        if (!real.isEmpty()) {
            boolean number = schema.path("type").asString("").matches("integer|number");
            return Arbitraries.of(real).map(v -> number && v.matches("-?\\d+") ? NODES.numberNode(Long.parseLong(v))
                    : (JsonNode) NODES.stringNode(v));
        }
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> depth >= MAX_DEPTH ? Arbitraries.just(NODES.arrayNode())
                    : value(schema.path("items"), singular(name), depth + 1).list().ofMaxSize(3)
                            .map(items -> {
                                ArrayNode a = NODES.arrayNode();
                                items.forEach(a::add);
                                return (JsonNode) a;
                            });
            case "integer" -> Arbitraries.longs().between(-3, 1000).map(NODES::numberNode);
            case "number" -> Arbitraries.doubles().between(-1000, 1000).ofScale(4).map(NODES::numberNode);
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            default -> string(schema, name);
        };
    }

    private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        if (properties.isEmpty() || depth >= MAX_DEPTH) {
            return Arbitraries.just(NODES.objectNode());
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        List<String> names = List.copyOf(properties.keySet());
        List<Arbitrary<Optional<JsonNode>>> values = new ArrayList<>();
        for (String n : names) {
            Arbitrary<JsonNode> v = value(properties.get(n), n, depth + 1);
            values.add(required.contains(n) ? v.map(Optional::of) : v.injectNull(0.2).map(Optional::ofNullable));
        }
        return Combinators.combine(values).as(vs -> {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                int at = i;
                vs.get(i).ifPresent(value -> o.set(names.get(at), value));
            }
            return (JsonNode) o;
        });
    }

    private static Arbitrary<JsonNode> string(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        Arbitrary<String> s = switch (format) {
            case "date" -> Arbitraries.integers().between(-800, 800)
                    .map(d -> java.time.LocalDate.of(2025, 6, 1).plusDays(d).toString());
            case "date-time" -> Arbitraries.integers().between(-800, 800)
                    .map(d -> java.time.Instant.parse("2025-06-01T08:00:00Z").plusSeconds(86_400L * d).toString());
            default -> name.toLowerCase().contains("period") || name.equals("within")
                    ? Arbitraries.of("P30D", "P1Y", "PT12H", "P0D")
                    : Arbitraries.strings().alpha().numeric().withChars("-_ .界").ofMinLength(1).ofMaxLength(12);
        };
        return s.map(NODES::stringNode);
    }

    // ---- helpers on the tree

    /** JSON pointers of every node, root first, in document order. */
    static List<String> paths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String at, List<String> paths) {
        paths.add(at);
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), at + "/" + e.getKey(), paths));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, paths);
            }
        }
    }

    private static JsonNode node(JsonNode root, String pointer) {
        return pointer.isEmpty() ? root : root.at(pointer);
    }

    /** Puts the value at the pointer; returns the new root (the value itself when the pointer is the root). */
    private static JsonNode replace(JsonNode root, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return value;
        }
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = node(root, pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(key, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(key), value);
        }
        return root;
    }

    private static String dropField(JsonNode root, int slot) {
        List<String> fields = paths(root).stream()
                .filter(p -> !p.isEmpty() && node(root, p.substring(0, p.lastIndexOf('/'))).isObject()).toList();
        if (fields.isEmpty()) {
            return "";
        }
        String pointer = fields.get(slot % fields.size());
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) node(root, pointer.substring(0, slash))).remove(pointer.substring(slash + 1));
        return pointer;
    }

    private static String plain(JsonNode v) {
        return v.isString() ? v.asString() : v.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String singular(String name) {
        return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }
}
