package org.metrolims.db.failure;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Something said to a person about a failure: the message-bundle {@code key} (in {@code failure.properties} and its
 * translations) with its {@code arguments}, and the English {@code text} shown when no bundle has the key.
 *
 * @param key       the bundle key, or null when only the English text exists
 * @param arguments the values for the key's {@code {0}}, {@code {1}}, … placeholders; numbers are kept as their Java
 *                  text, as the English text shows them (an id is not grouped into 12,345)
 * @param text      the English text, complete (never null)
 */
public record Message(String key, List<Object> arguments, String text) {

    public Message {
        Objects.requireNonNull(text, "text");
        arguments = Collections.unmodifiableList(Arrays.asList(arguments.stream()
                .map(a -> a instanceof Number ? String.valueOf(a) : a).toArray()));
    }

    /** English text with no bundle key (yet). */
    public static Message text(String english) {
        return new Message(null, List.of(), english);
    }

    /** A bundle key with its arguments, and the English text for when the bundle lacks it. */
    public static Message of(String key, String english, Object... arguments) {
        return new Message(key, Arrays.asList(arguments), english);
    }
}
