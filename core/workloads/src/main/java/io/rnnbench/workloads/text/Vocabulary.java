package io.rnnbench.workloads.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The characters of a text, sorted by code point so that indices are reproducible (the seeds' {@code set(data)}
 * order is not; we sort, as seed 002 does). Characters are Unicode code points, so a text with characters outside
 * the BMP still maps one character to one index.
 */
public final class Vocabulary {
    private final int[] codePoints;
    private final Map<Integer, Integer> indexOf = new HashMap<>();

    private Vocabulary(int[] sortedCodePoints) {
        this.codePoints = sortedCodePoints;
        for (int i = 0; i < sortedCodePoints.length; i++) {
            indexOf.put(sortedCodePoints[i], i);
        }
    }

    /** The sorted distinct characters of {@code text}. */
    public static Vocabulary of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("vocabulary: the text is empty");
        }
        return new Vocabulary(text.codePoints().distinct().sorted().toArray());
    }

    /** V, the number of distinct characters. */
    public int size() {
        return codePoints.length;
    }

    /** The index of {@code codePoint}. */
    public int index(int codePoint) {
        Integer index = indexOf.get(codePoint);
        if (index == null) {
            throw new IllegalArgumentException("character " + describe(codePoint) + " is not in the vocabulary of " + size()
                    + " characters");
        }
        return index;
    }

    /** The character at {@code index}, as a code point. */
    public int codePoint(int index) {
        if (index < 0 || index >= codePoints.length) {
            throw new IllegalArgumentException("index " + index + " is outside the vocabulary [0, " + codePoints.length + ")");
        }
        return codePoints[index];
    }

    /** The index of every character of {@code text}. */
    public int[] encode(String text) {
        int[] cps = text.codePoints().toArray();
        int[] encoded = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            Integer index = indexOf.get(cps[i]);
            if (index == null) {
                throw new IllegalArgumentException("character " + describe(cps[i]) + " at position " + i
                        + " is not in the vocabulary of " + size() + " characters");
            }
            encoded[i] = index;
        }
        return encoded;
    }

    /** The text of the given indices. */
    public String decode(int[] indices) {
        StringBuilder text = new StringBuilder(indices.length);
        for (int index : indices) {
            text.appendCodePoint(codePoint(index));
        }
        return text.toString();
    }

    private static String describe(int codePoint) {
        return "'" + new String(Character.toChars(codePoint)) + "' (U+" + String.format("%04X", codePoint) + ")";
    }

    @Override
    public String toString() {
        return "Vocabulary" + Arrays.toString(Arrays.stream(codePoints).mapToObj(Character::toString).toArray());
    }
}
