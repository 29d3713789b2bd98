package org.metrolims.app.fuzz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Real values for the generators, by what a name refers to: a path parameter by the path segment before it
 * ({@code /api/calibrations/{id}} takes calibration ids), a body field or query parameter by its own name
 * ({@code instrumentId}, {@code organizationCode}). Names nobody registered get schema-shaped values only.
 */
final class Fixtures {

    private final Map<String, List<String>> byName = new HashMap<>();
    private final Map<String, List<String>> bySegment = new HashMap<>();
    private final Map<String, String> examples = new HashMap<>();

    Fixtures name(String name, Object... values) {
        byName.put(name.toLowerCase(), strings(values));
        return this;
    }

    Fixtures segment(String segment, Object... values) {
        bySegment.put(segment.toLowerCase(), strings(values));
        return this;
    }

    /** A request body known to be accepted by the operation ("POST /api/calibrations"), for mutations to start from. */
    Fixtures example(String operation, String json) {
        examples.put(operation, json);
        return this;
    }

    Optional<String> example(String operation) {
        return Optional.ofNullable(examples.get(operation));
    }

    /** The real values for a parameter or field of this name (after this path segment), or none. */
    List<String> values(String name, String segment) {
        List<String> values = byName.get(name.toLowerCase());
        if (values == null && !segment.isEmpty()) {
            values = bySegment.get(segment.toLowerCase());
        }
        return values == null ? List.of() : values;
    }

    /** Cells for generated CSV imports: every registered value. */
    List<String> csvCells() {
        return Stream.concat(byName.values().stream(), bySegment.values().stream()).flatMap(List::stream)
                .distinct().sorted().toList();
    }

    private static List<String> strings(Object... values) {
        return Stream.of(values).map(String::valueOf).toList();
    }
}
