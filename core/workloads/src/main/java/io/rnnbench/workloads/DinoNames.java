package io.rnnbench.workloads;

import io.rnnbench.workloads.text.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 002's dinosaur-name data, prepared as the seed does it: the vocabulary is the sorted distinct characters of
 * the lower-cased file (27: newline and a–z); the examples are the file's lines, lower-cased and stripped
 * ({@code [x.lower().strip() for x in f.readlines()]}); one training pair is {@code X = [None] + indices(name)},
 * {@code Y = X[1:] + [index of newline]}, with None (a zero input vector) written as −1.
 */
public final class DinoNames {
    private final Vocabulary vocabulary;
    private final List<String> examples;

    private DinoNames(Vocabulary vocabulary, List<String> examples) {
        this.vocabulary = vocabulary;
        this.examples = examples;
    }

    /** The data of {@code text}, the whole file. */
    public static DinoNames of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> examples = new ArrayList<>();
        for (String line : lower.split("\n")) { // readlines(): a trailing newline does not make an empty last line
            examples.add(line.strip());
        }
        return new DinoNames(Vocabulary.of(lower), examples);
    }

    /** The data of the class-path copy of {@code dinos.txt}. */
    public static DinoNames fromResource() {
        return of(Resources.text(Resources.DINOS));
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The names, in file order (a new, mutable list, e.g. to shuffle). */
    public List<String> examples() {
        return new ArrayList<>(examples);
    }

    /** X = [None] + indices of the name's characters; None is −1. */
    public static int[] inputs(Vocabulary vocabulary, String name) {
        int[] chars = vocabulary.encode(name);
        int[] x = new int[chars.length + 1];
        x[0] = -1;
        System.arraycopy(chars, 0, x, 1, chars.length);
        return x;
    }

    /** Y = X[1:] + [index of newline]. */
    public static int[] targets(Vocabulary vocabulary, String name) {
        int[] chars = vocabulary.encode(name);
        int[] y = new int[chars.length + 1];
        System.arraycopy(chars, 0, y, 0, chars.length);
        y[chars.length] = vocabulary.index('\n');
        return y;
    }

    /** Dense one-hot rows [T, width] of indices, −1 (None) giving a zero row. */
    public static double[] oneHotRows(int[] index, int width) {
        double[] rows = new double[index.length * width];
        for (int t = 0; t < index.length; t++) {
            if (index[t] >= 0) {
                if (index[t] >= width) {
                    throw new IllegalArgumentException("index " + index[t] + " at step " + t + " is outside [0, " + width + ")");
                }
                rows[t * width + index[t]] = 1.0;
            }
        }
        return rows;
    }
}
