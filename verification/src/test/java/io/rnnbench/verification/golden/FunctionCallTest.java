package io.rnnbench.verification.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grammar of a {@code functions} entry: NAME, optionally (QUALIFIER) and/or " xN"; a cllm_utils. prefix. */
class FunctionCallTest {

    @Test
    void entriesParseToNameQualifierAndRepetition() {
        assertEquals(new FunctionCall("rnn_forward", "rnn_forward", null, 0), FunctionCall.parse("rnn_forward"));
        assertEquals(new FunctionCall("cllm_utils.rnn_backward", "rnn_backward", null, 0), FunctionCall.parse("cllm_utils.rnn_backward"));
        assertEquals(new FunctionCall("lstm_cell_backward(fixed dxt)", "lstm_cell_backward", "fixed dxt", 0),
                FunctionCall.parse("lstm_cell_backward(fixed dxt)"));
        assertEquals(new FunctionCall("optimize x3", "optimize", null, 3), FunctionCall.parse("optimize x3"));
        assertEquals(new FunctionCall("lstm_backward(corrected) x2", "lstm_backward", "corrected", 2),
                FunctionCall.parse("lstm_backward(corrected) x2"));
        assertEquals("dataset example", FunctionCall.parse("dataset example").name());
        assertEquals("np.random.choice", FunctionCall.parse("np.random.choice").name());
        assertEquals(1, FunctionCall.parse("clip").calls());
        assertTrue(FunctionCall.parse("lstm_backward(corrected)").corrected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "(corrected)", "optimize x0", "a(b)c", "f((x))"})
    void otherEntriesFailNamingThem(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FunctionCall.parse(entry));
        assertTrue(e.getMessage().contains("\"" + entry + "\""), e.getMessage());
    }
}
