package io.rnnbench.verification.golden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON parser (RFC 8259) for the golden fixtures, so that the verification module needs no
 * third-party library. Values map to: object → {@code Map<String, Object>} (insertion order kept, duplicate keys
 * rejected), array → {@code List<Object>}, number → {@link Double} via {@link Double#parseDouble} (Python's
 * shortest round-trip {@code repr} therefore gives back the identical double), string → {@link String},
 * {@code true}/{@code false} → {@link Boolean}, {@code null} → {@code null}. Both collections are unmodifiable.
 *
 * <p>Strict: no comments, no trailing commas, no {@code NaN}/{@code Infinity}, no leading zeros, no unescaped control
 * characters in strings, nothing but whitespace after the top-level value. Every error says what was expected, what
 * came and where: character offset, line and column.
 */
public final class Json {
    private final String text;
    private final String source;
    private int pos;

    private Json(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * Parses one JSON document.
     *
     * @param text   the whole document
     * @param source a name for error messages (a file path or resource name)
     * @throws JsonException if the text is not exactly one valid JSON value
     */
    public static Object parse(String text, String source) {
        Json parser = new Json(text, source);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("end of document after the top-level value", parser.describeHere());
        }
        return value;
    }

    /** Maximum nesting of arrays and objects (a guard against stack overflow on hostile input). */
    private static final int MAX_DEPTH = 512;

    private Object value(int depth) {
        if (pos >= text.length()) {
            throw error("a value", "end of document (the file is truncated)");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("a value (object, array, string, number, true, false or null)", describeHere());
            }
        };
    }

    private Map<String, Object> object(int depth) {
        requireDepth(depth);
        int start = pos;
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("a string key in the object opened at offset " + start, describeHere());
            }
            int keyAt = pos;
            String key = string();
            skipWhitespace();
            expect(':', "':' after key \"" + key + "\"");
            skipWhitespace();
            Object value = value(depth);
            if (map.containsKey(key)) {
                throw errorAt(keyAt, "unique keys", "a second key \"" + key + "\" in the object opened at offset " + start);
            }
            map.put(key, value);
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipWhitespace();
                if (peek() == '}') {
                    throw error("another key after ','", "'}' (trailing comma)");
                }
            } else if (c == '}') {
                pos++;
                return Collections.unmodifiableMap(map);
            } else {
                throw error("',' or '}' in the object opened at offset " + start, describeHere());
            }
        }
    }

    private List<Object> array(int depth) {
        requireDepth(depth);
        int start = pos;
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipWhitespace();
                if (peek() == ']') {
                    throw error("another value after ','", "']' (trailing comma)");
                }
            } else if (c == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            } else {
                throw error("',' or ']' in the array opened at offset " + start, describeHere());
            }
        }
    }

    private String string() {
        int start = pos;
        pos++; // '"'
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a closing '\"' for the string opened at offset " + start, "end of document (the file is truncated)");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("an escaped control character in the string opened at offset " + start,
                        String.format("raw U+%04X", (int) c));
            }
            if (c == '\\') {
                pos++;
                if (pos >= text.length()) {
                    throw error("an escape character", "end of document (the file is truncated)");
                }
                char e = text.charAt(pos);
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 >= text.length()) {
                            throw error("four hex digits after \\u", "end of document (the file is truncated)");
                        }
                        int code = 0;
                        for (int k = 1; k <= 4; k++) {
                            int digit = Character.digit(text.charAt(pos + k), 16);
                            if (digit < 0) {
                                pos += k;
                                throw error("a hex digit in the \\u escape", describeHere());
                            }
                            code = code * 16 + digit;
                        }
                        sb.append((char) code);
                        pos += 4;
                    }
                    default -> throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", "\\" + e);
                }
                pos++;
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private Double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("'.', 'e' or the end of the number after a leading 0", "another digit (leading zeros are not JSON)");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("a digit", describeHere() + (text.startsWith("Infinity", pos) ? " (Infinity is not JSON)" : ""));
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("a digit after the decimal point", describeHere());
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("a digit in the exponent", describeHere());
            }
            digits();
        }
        String literal = text.substring(start, pos);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw errorAt(start, "a number in the range of a double", literal + " (overflows to infinity)");
        }
        return value;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("a value (object, array, string, number, true, false or null)", describeHere());
        }
        pos += word.length();
        return value;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The current character, or U+0000 at the end (never valid where a real character is expected). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw error(what, describeHere());
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " nested arrays/objects", "deeper nesting");
        }
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "end of document (the file is truncated)";
        }
        int end = Math.min(text.length(), pos + 20);
        String snippet = text.substring(pos, end).replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return "'" + snippet + (end < text.length() ? "…" : "") + "'";
    }

    private JsonException error(String expected, String found) {
        return errorAt(pos, expected, found);
    }

    private JsonException errorAt(int offset, String expected, String found) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException(source + ": invalid JSON at character offset " + offset + " (line " + line + ", column "
                + column + "): expected " + expected + ", found " + found, offset);
    }

    /** A syntax error, with the character offset where it was detected. */
    public static final class JsonException extends IllegalArgumentException {
        private final int offset;

        JsonException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        /** The character offset (0-based) where the error was detected. */
        public int offset() {
            return offset;
        }
    }
}
