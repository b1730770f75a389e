package io.rnnbench.verification.golden;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a fixture file (Gson's strict JsonReader behind {@link FixtureReader}, paths in {@link FixtureValue}):
 * exact doubles, errors that name the file and the JSON path, unique keys and a nesting limit.
 */
class FixtureReaderTest {

    @Test
    void readsEveryKindOfValueInFileOrder() {
        FixtureValue v = FixtureReader.parseFixture(" {\"a\": [1, -2.5e-3, 0.1, 1E2], \"s\": \"x\\n\\u00e9\\\"\", \"t\": true, "
                + "\"f\": false, \"n\": null, \"o\": {}, \"l\": []} ", "test");
        assertEquals(List.of(1.0, -2.5e-3, 0.1, 100.0), Arrays.stream(v.get("a").asDoubleArray()).boxed().toList());
        assertEquals("x\né\"", v.get("s").asString());
        assertTrue(v.get("t").asBoolean());
        assertTrue(!v.get("f").asBoolean());
        assertTrue(v.get("n").isNull());
        assertEquals(List.of(), v.get("o").keys());
        assertEquals(List.of(), v.get("l").list());
        assertEquals(List.of("a", "s", "t", "f", "n", "o", "l"), v.keys());
    }

    @Test
    void numbersAreExactDoubles() {
        // Python's repr is the shortest round-trip form, so Double.parseDouble gives back the identical double
        String[] texts = {"0.1", "1e-300", "5e-324", "-0.0", "0.0", "1.6243453636632417", "-0.6117564136500754",
                "2.2250738585072014e-308", "4.9406564584124654e-324", "1.7976931348623157e308", "0.30000000000000004",
                "123456789012345680", "9007199254740993", "1E2", "-2.5E-3"};
        for (String text : texts) {
            double expected = Double.parseDouble(text);
            double read = FixtureReader.parseFixture("{\"x\": [" + text + "]}", "t").get("x").asDoubleArray()[0];
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(read), () -> "for " + text);
        }
        for (double d : new double[] {0.1, -0.0, 5e-324, Math.nextUp(1.0), Math.PI, -1.0 / 3, 1e-300}) {
            double read = FixtureReader.parseFixture(Double.toString(d), "t").asDouble();
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(read), () -> "for " + d);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\": [1, 2|                 path $.a[2]",
            "{\"a\": 1,}|                   path $.a",
            "[1, 2,]|                       path $[2]",
            "{\"a\": 01}|                   path $.a",
            "{\"a\": NaN}|                  path $.a",
            "{\"a\": 1} x|                  line 1 column 11 path $",
            "{\"a\": 1, \"a\": 2}|          $.a: a second key \"a\" in one object",
            "{a: 1}|                        path $.",
            "[1 2]|                         path $[1]",
            "[1e400]|                       $[0]: 1e400 overflows a double",
            "[tru]|                         path $[0]",
            "''|                            path $",
            "[\"a\tb\"]|                    Unescaped control characters",
            "/* c */ [1]|                   path $",
    })
    void errorsNameTheFileAndThePath(String text, String fragment) {
        FixtureReader.FixtureException e = assertThrows(FixtureReader.FixtureException.class,
                () -> FixtureReader.parse(text.replace("\\n", "\n"), "broken.json"));
        assertTrue(e.getMessage().startsWith("broken.json: invalid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "\"" + fragment + "\" not in: " + e.getMessage());
    }

    @Test
    void aTruncatedOrEmptyFileSaysSo() {
        FixtureReader.FixtureException empty = assertThrows(FixtureReader.FixtureException.class, () -> FixtureReader.parse("", "empty.json"));
        assertTrue(empty.getMessage().startsWith("empty.json: invalid JSON") && empty.getMessage().contains("truncated"), empty.getMessage());
        FixtureReader.FixtureException cut = assertThrows(FixtureReader.FixtureException.class,
                () -> FixtureReader.parse("{\n  \"a\": [1,\n  2", "cut.json"));
        assertTrue(cut.getMessage().contains("line 3") && cut.getMessage().contains("path $.a[2]")
                && cut.getMessage().contains("truncated"), cut.getMessage());
    }

    @Test
    void deepNestingIsAClearErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        FixtureReader.FixtureException e = assertThrows(FixtureReader.FixtureException.class, () -> FixtureReader.parse(deep, "deep.json"));
        assertTrue(e.getMessage().startsWith("deep.json: invalid JSON: Nesting limit " + FixtureReader.MAX_NESTING + " reached"),
                e.getMessage());
        String ok = "[".repeat(FixtureReader.MAX_NESTING) + "]".repeat(FixtureReader.MAX_NESTING);
        assertTrue(FixtureReader.parse(ok, "ok.json").isJsonArray());
    }

    @Test
    void structureErrorsNameTheFileAndPath() {
        FixtureValue root = FixtureReader.parseFixture("{\"cases\": [{\"inputs\": {\"Wax\": {\"shape\": [2, 2], \"data\": [1, 2, 3]}}}]}",
                "f.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> root.get("cases").list().get(0).get("inputs").get("Wax").asArray());
        assertTrue(e.getMessage().startsWith("f.json: $.cases[0].inputs.Wax: expected data matching the shape"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> root.get("kind"));
        assertTrue(missing.getMessage().contains("f.json: $: expected a key \"kind\", found only [cases]"), missing.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> root.get("cases").asString());
        assertTrue(type.getMessage().contains("$.cases: expected a string, found an array of 1"), type.getMessage());
        assertEquals("[2, 2]", Arrays.toString(FixtureReader.parseFixture("{\"shape\": [2, 2], \"data\": [1, 2, 3, 4]}", "g")
                .asArray().shape()));
        assertEquals(-1, FixtureReader.parseFixture("[null, 3]", "n").asIndexArrayWithNone()[0]);
    }

    @Test
    void theFixturesReadAndWriteBackUnchanged() {
        JsonElement root = FixtureReader.parse(GoldenChecksCanFailTest.resource(GoldenFixtures.SEED002_EXTRA_RESOURCE), "extra");
        JsonObject first = root.getAsJsonObject().getAsJsonArray("cases").get(0).getAsJsonObject();
        assertEquals("E1_rnn_cell_fwd_bwd", first.get("id").getAsString());
        assertEquals(root, FixtureReader.parse(GoldenChecksCanFailTest.toJson(root), "again"));
    }
}
