package io.rnnbench.verification.golden;

import io.rnnbench.core.data.Vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002's dinosaur-name data, prepared as the seed does it: the vocabulary is the sorted distinct characters of
 * the lower-cased file (27: newline and a–z); the examples are the file's lines, lower-cased and stripped
 * ({@code [x.lower().strip() for x in f.readlines()]}); one training pair is {@code X = [None] + indices(name)},
 * {@code Y = X[1:] + [index of newline]}, with None (a zero input vector) written as −1.
 */
public final class DinoNames {
    /** The class-path resource holding the seed's {@code dinos.txt}. */
    public static final String RESOURCE = "/data/dinos.txt";

    private final Vocabulary vocabulary;
    private final List<String> examples;

    private DinoNames(Vocabulary vocabulary, List<String> examples) {
        this.vocabulary = vocabulary;
        this.examples = examples;
    }

    /** The data of {@code text}, the whole file. */
    public static DinoNames of(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        List<String> examples = new ArrayList<>();
        for (String line : lower.split("\n")) { // readlines(): a trailing newline does not make an empty last line
            examples.add(line.strip());
        }
        return new DinoNames(Vocabulary.of(lower), examples);
    }

    /** The data of {@link #RESOURCE}. */
    public static DinoNames fromResource() {
        try (InputStream in = DinoNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource " + RESOURCE + " not found (it lives in "
                        + "verification/src/test/resources/data/)");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
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
}
