package io.rnnbench.verification.golden;

import io.rnnbench.core.data.Vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Seed 002's dinosaur-name data read from this module's test resource {@value #RESOURCE}; the preparation (vocabulary,
 * examples, X and Y) is the core's {@link io.rnnbench.core.workload.DinoNames}, which this class delegates to.
 */
public final class DinoNames {
    /** The class-path resource holding the seed's {@code dinos.txt}. */
    public static final String RESOURCE = "/data/dinos.txt";

    private final io.rnnbench.core.workload.DinoNames core;

    private DinoNames(io.rnnbench.core.workload.DinoNames core) {
        this.core = core;
    }

    /** The data of {@code text}, the whole file. */
    public static DinoNames of(String text) {
        return new DinoNames(io.rnnbench.core.workload.DinoNames.of(text));
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

    /** The core's prepared data. */
    public io.rnnbench.core.workload.DinoNames core() {
        return core;
    }

    public Vocabulary vocabulary() {
        return core.vocabulary();
    }

    /** The names, in file order (a new, mutable list, e.g. to shuffle). */
    public List<String> examples() {
        return core.examples();
    }

    /** X = [None] + indices of the name's characters; None is −1. */
    public static int[] inputs(Vocabulary vocabulary, String name) {
        return io.rnnbench.core.workload.DinoNames.inputs(vocabulary, name);
    }

    /** Y = X[1:] + [index of newline]. */
    public static int[] targets(Vocabulary vocabulary, String name) {
        return io.rnnbench.core.workload.DinoNames.targets(vocabulary, name);
    }
}
