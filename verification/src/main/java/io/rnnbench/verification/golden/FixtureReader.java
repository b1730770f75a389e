package io.rnnbench.verification.golden;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;

/**
 * Reads a fixture file into Gson's tree with Gson's {@link JsonReader} in {@link Strictness#STRICT} mode (RFC 8259:
 * no comments, no single quotes, no trailing commas, no NaN/Infinity, no leading zeros, no unescaped control
 * characters, nothing after the top-level value), and with the guarantees the fixtures need beyond that:
 * <ul>
 *   <li><b>exact doubles</b>: a number keeps its text ({@link NumberText}), so {@link JsonElement#getAsDouble()} is
 *       {@link Double#parseDouble} of what the file says, and Python's shortest round-trip {@code repr} gives back
 *       the identical double (−0.0 included);</li>
 *   <li><b>a nesting limit</b> of {@value #MAX_NESTING} arrays/objects ({@link JsonReader#setNestingLimit}): a deeply
 *       nested file fails with a message, never with {@link StackOverflowError};</li>
 *   <li><b>unique keys</b>: a second key of the same name in one object is an error (Gson's own tree keeps the last);</li>
 *   <li><b>errors that say where</b>: every error names the file and the JSON path ({@link JsonReader#getPath()}),
 *       with Gson's line and column for syntax errors.</li>
 * </ul>
 * A structural error found later (a key missing, a wrong type) names the file and path too: {@link FixtureValue}.
 */
public final class FixtureReader {
    private FixtureReader() {
    }

    /** Maximum nesting of arrays and objects; the fixtures use at most 5. */
    public static final int MAX_NESTING = 256;
    /** The largest fixture file read (the published ones are under 1 MB). */
    public static final long MAX_BYTES = 256L << 20;

    /**
     * Parses one JSON document.
     *
     * @param text   the whole document
     * @param source the file path or resource name, for error messages
     * @throws FixtureException if the text is not exactly one valid JSON value
     */
    public static JsonElement parse(String text, String source) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(MAX_NESTING);
        try {
            JsonElement root = read(reader, source);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new FixtureException(source + ": invalid JSON at " + reader.getPath()
                        + ": expected the end of the document after the top-level value, found " + reader.peek());
            }
            return root;
        } catch (IOException e) { // MalformedJsonException, EOFException: Gson's message has line, column and path
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new FixtureException(source + ": invalid JSON: " + message
                    + (e instanceof java.io.EOFException || message.startsWith("Unterminated") ? " (the file is truncated?)" : ""), e);
        } catch (NumberFormatException | IllegalStateException e) {
            throw new FixtureException(source + ": invalid JSON at " + reader.getPath() + ": " + e.getMessage(), e);
        }
    }

    /** The {@link FixtureValue} of a parsed document's root. */
    public static FixtureValue parseFixture(String text, String source) {
        return FixtureValue.root(source, parse(text, source));
    }

    private static JsonElement read(JsonReader in, String source) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    if (object.has(name)) {
                        throw new FixtureException(source + ": invalid JSON at " + in.getPath() + ": a second key \""
                                + name + "\" in one object (keys must be unique)");
                    }
                    object.add(name, read(in, source));
                }
                in.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    array.add(read(in, source));
                }
                in.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                String path = in.getPath();
                String literal = in.nextString();
                double value = Double.parseDouble(literal);
                if (Double.isInfinite(value)) {
                    throw new FixtureException(source + ": invalid JSON at " + path + ": " + literal
                            + " overflows a double to infinity");
                }
                return new JsonPrimitive(new NumberText(literal));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new FixtureException(source + ": invalid JSON at " + in.getPath() + ": expected a value, found "
                    + in.peek());
        }
    }

    /**
     * A JSON number as written in the file: {@link #doubleValue()} is {@link Double#parseDouble} of the text (exact,
     * −0.0 kept), {@link #toString()} the text itself (so Gson writes it back unchanged).
     */
    static final class NumberText extends Number {
        private static final long serialVersionUID = 1L;
        private final String text;

        NumberText(String text) {
            this.text = text;
        }

        @Override
        public double doubleValue() {
            return Double.parseDouble(text);
        }

        @Override
        public float floatValue() {
            return Float.parseFloat(text);
        }

        @Override
        public long longValue() {
            return (long) doubleValue();
        }

        @Override
        public int intValue() {
            return (int) doubleValue();
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NumberText other && Double.doubleToLongBits(doubleValue()) == Double.doubleToLongBits(other.doubleValue());
        }

        @Override
        public int hashCode() {
            return Double.hashCode(doubleValue());
        }
    }

    /** A fixture that is not valid JSON or does not have the expected structure; the message names file and path. */
    public static final class FixtureException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public FixtureException(String message) {
            super(message);
        }

        FixtureException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
