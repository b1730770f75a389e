package io.rnnbench.verification.golden;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a case's {@code functions} list, in the grammar of the fixtures' {@code format."case.functions"}:
 * {@code NAME}, optionally followed by {@code (QUALIFIER)} and/or {@code " xN"}. A {@code cllm_utils.} prefix names
 * the same function. A qualifier (e.g. {@code corrected}, {@code fixed dxt}) says that the expected values come from
 * the corrected maths; {@code xN} means N successive calls, each from the state the previous one left, with
 * {@code expected.steps} holding one object per call.
 *
 * @param entry     the entry as written
 * @param name      the function name without prefix, qualifier or repetition
 * @param qualifier the qualifier, or null
 * @param repeat    N of {@code xN}, or 0 when the entry has no repetition (one call, outputs directly in expected)
 */
public record FunctionCall(String entry, String name, String qualifier, int repeat) {
    private static final String PREFIX = "cllm_utils.";
    private static final Pattern GRAMMAR = Pattern.compile("^\\s*(.+?)\\s*(?:\\(([^()]*)\\))?\\s*(?:\\sx([0-9]+))?\\s*$");

    /** Parses one entry; fails with the entry when it is not in the grammar. */
    public static FunctionCall parse(String entry) {
        Matcher m = GRAMMAR.matcher(entry);
        if (!m.matches() || m.group(1).isBlank() || m.group(1).contains("(") || m.group(1).contains(")")) {
            throw new IllegalArgumentException("function entry \"" + entry + "\" is not NAME, NAME(QUALIFIER), NAME xN "
                    + "or NAME(QUALIFIER) xN");
        }
        String name = m.group(1).startsWith(PREFIX) ? m.group(1).substring(PREFIX.length()) : m.group(1);
        int repeat = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (m.group(3) != null && repeat < 1) {
            throw new IllegalArgumentException("function entry \"" + entry + "\": xN needs N ≥ 1");
        }
        return new FunctionCall(entry, name, m.group(2) == null ? null : m.group(2).trim(), repeat);
    }

    /** Whether the expected values of this call come from the corrected maths (it has a qualifier). */
    public boolean corrected() {
        return qualifier != null;
    }

    /** Calls made: N of {@code xN}, else 1. */
    public int calls() {
        return Math.max(repeat, 1);
    }
}
