package io.rnnbench.verification.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict JSON reader of the fixtures: values, and errors that say what is wrong and where. */
class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5e-3, 0.1, 1E2], \"s\": \"x\\n\\u00e9\\\"\", \"t\": true, \"f\": false, \"n\": null,"
                + " \"o\": {}, \"l\": []} ", "test");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1.0, -2.5e-3, 0.1, 100.0), m.get("a"));
        assertEquals("x\né\"", m.get("s"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(Boolean.FALSE, m.get("f"));
        assertTrue(m.containsKey("n"));
        assertNull(m.get("n"));
        assertEquals(Map.of(), m.get("o"));
        assertEquals(List.of(), m.get("l"));
        assertEquals(List.of("a", "s", "t", "f", "n", "o", "l"), List.copyOf(m.keySet()));
    }

    @Test
    void numbersRoundTripPythonRepr() {
        // Python's repr is the shortest round-trip form, so Double.parseDouble gives back the identical double
        for (double d : new double[] {0.1, 1.6243453636632417, -0.6117564136500754, 5e-324, 1.7976931348623157e308, -0.0}) {
            Object parsed = Json.parse(Double.toString(d), "test");
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) parsed), () -> "for " + d);
        }
    }

    @ParameterizedTest(name = "{0} → offset {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\": [1, 2|                 11 | end of document (the file is truncated)",
            "{\"a\": 1,}|                   8  | trailing comma",
            "[1, 2,]|                       6  | trailing comma",
            "{\"a\": 01}|                   7  | leading zeros",
            "{\"a\": NaN}|                  6  | expected a value",
            "{\"a\": 1} x|                  9  | end of document after the top-level value",
            "{\"a\": 1, \"a\": 2}|          9  | a second key \"a\"",
            "{a: 1}|                        1  | a string key",
            "[1 2]|                         3  | ',' or ']'",
            "\"abc|                         4  | closing '\"' for the string opened at offset 0",
            "[1.]|                          3  | a digit after the decimal point",
            "[1e400]|                       1  | overflows to infinity",
            "[tru]|                         1  | expected a value",
            "\"\\x\"|                       2  | \\x",
            "''|                            0  | expected a value",
    })
    void errorsSayWhatAndWhere(String text, int offset, String fragment) {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(text, "broken.json"));
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().startsWith("broken.json: invalid JSON at character offset " + offset + " (line 1, column "
                + (offset + 1) + ")"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + fragment + "\" not in: " + e.getMessage());
    }

    @Test
    void emptyAndMultiLineErrorsGiveTheLine() {
        Json.JsonException empty = assertThrows(Json.JsonException.class, () -> Json.parse("", "empty.json"));
        assertTrue(empty.getMessage().contains("offset 0") && empty.getMessage().contains("truncated"), empty.getMessage());
        Json.JsonException second = assertThrows(Json.JsonException.class, () -> Json.parse("{\n  \"a\": [1,\n  2,,\n]}", "m.json"));
        assertTrue(second.getMessage().contains("(line 3, column 5)"), second.getMessage());
    }

    @Test
    void rawControlCharactersInStringsAreRejected() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("[\"a\tb\"]", "t.json"));
        assertTrue(e.getMessage().contains("U+0009"), e.getMessage());
    }

    @Test
    void structureErrorsNameThePath() {
        Node root = Node.parse("{\"cases\": [{\"inputs\": {\"Wax\": {\"shape\": [2, 2], \"data\": [1, 2, 3]}}}]}", "f.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> root.get("cases").list().get(0).get("inputs").get("Wax").asArray());
        assertTrue(e.getMessage().startsWith("f.json: $.cases[0].inputs.Wax: expected data matching the shape"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> root.get("kind"));
        assertTrue(missing.getMessage().contains("$: expected a key \"kind\""), missing.getMessage());
        assertEquals("[2, 2]", Arrays.toString(Node.parse("{\"shape\": [2, 2], \"data\": [1, 2, 3, 4]}", "g").asArray().shape()));
    }
}
