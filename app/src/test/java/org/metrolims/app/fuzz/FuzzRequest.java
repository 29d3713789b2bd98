package org.metrolims.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One generated API request: who sends it, the operation it was made for, the URL (path and query already
 * percent-encoded, possibly badly on purpose) and a body made of {@link Part}s, so that a 200,000-element array or a
 * non-UTF-8 byte stays short to print. {@link #toString()} is a curl line that replays it against an app on
 * localhost:8080 (jqwik prints the shrunk sample with it).
 */
record FuzzRequest(String user, String operation, String method, String pathAndQuery, String contentType,
        List<Part> body, String mutation) {

    FuzzRequest {
        body = List.copyOf(body);
    }

    boolean writes() {
        return !method.equals("GET");
    }

    byte[] bodyBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.forEach(p -> p.writeTo(out));
        return out.toByteArray();
    }

    /** A piece of a body: text, text repeated n times, or raw bytes. */
    sealed interface Part {
        void writeTo(ByteArrayOutputStream out);

        /** How bash's printf writes it. */
        String printf();
    }

    record Text(String text) implements Part {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String printf() {
            return "printf '%s' " + shellQuote(text);
        }
    }

    record Repeat(String unit, int times) implements Part {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            byte[] bytes = unit.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < times; i++) {
                out.writeBytes(bytes);
            }
        }

        @Override
        public String printf() {
            return "printf '%.0s" + unit.replace("%", "%%").replace("'", "'\\''") + "' $(seq " + times + ")";
        }
    }

    record Bytes(byte[] bytes) implements Part {
        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.writeBytes(bytes);
        }

        @Override
        public String printf() {
            StringBuilder s = new StringBuilder("printf '");
            for (byte b : bytes) {
                s.append("\\x%02X".formatted(b & 0xff));
            }
            return s.append('\'').toString();
        }
    }

    /** The curl line that sends this request (bash, for the body's process substitution). */
    @Override
    public String toString() {
        StringBuilder curl = new StringBuilder("curl -sS -i -u ").append(shellQuote(user + ":" + ApiFuzzTest.PASSWORD))
                .append(" -X ").append(method).append(' ').append(shellQuote("http://localhost:8080" + pathAndQuery));
        if (contentType != null) {
            curl.append(" -H ").append(shellQuote("Content-Type: " + contentType));
        }
        if (!body.isEmpty()) {
            curl.append(" --data-binary @<(")
                    .append(body.stream().map(Part::printf).collect(Collectors.joining("; ")))
                    .append(')');
        }
        return curl.append("   # ").append(operation).append(", ").append(mutation).toString();
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
