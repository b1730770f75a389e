package io.rnnbench.workloads.text;

import io.rnnbench.core.model.SequenceBatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text and its {@link Vocabulary}, cut into the seeds' training chunks: chunk n has inputs
 * {@code text[p .. p+T)} and targets {@code text[p+1 .. p+T+1)} with {@code p = n·T} (min-char-rnn's pointer),
 * as one-hot indices with B = 1.
 */
public final class TextCorpus {
    private final Vocabulary vocabulary;
    private final int[] encoded;

    private TextCorpus(String text) {
        this.vocabulary = Vocabulary.of(text);
        this.encoded = vocabulary.encode(text);
    }

    /** A corpus of the given text (at least two characters: one input and its target). */
    public static TextCorpus of(String text) {
        if (text == null || text.codePointCount(0, text.length()) < 2) {
            throw new IllegalArgumentException("corpus: need at least 2 characters (an input and its target), got "
                    + (text == null ? "none" : text.length()));
        }
        return new TextCorpus(text);
    }

    /**
     * Reads a UTF-8 text file.
     *
     * @throws IOException with the file name and the byte offset when the file is not valid UTF-8
     */
    public static TextCorpus read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return of(text);
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not valid UTF-8 (" + e + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The text as vocabulary indices. */
    public int length() {
        return encoded.length;
    }

    /** Number of whole chunks of T steps (each needs T+1 characters). */
    public int chunkCount(int steps) {
        requireSteps(steps);
        return (encoded.length - 1) / steps;
    }

    /** Chunk n of T steps: inputs text[n·T ..), targets shifted by one. */
    public SequenceBatch chunk(int n, int steps) {
        int count = chunkCount(steps);
        if (n < 0 || n >= count) {
            throw new IllegalArgumentException("chunk " + n + " of " + steps + " steps is outside [0, " + count + ")");
        }
        int p = n * steps;
        int[] inputs = java.util.Arrays.copyOfRange(encoded, p, p + steps);
        int[] targets = java.util.Arrays.copyOfRange(encoded, p + 1, p + steps + 1);
        return SequenceBatch.ofClasses(steps, 1, inputs, targets);
    }

    private void requireSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("chunk length must be ≥ 1, got " + steps);
        }
        if (steps + 1 > encoded.length) {
            throw new IllegalArgumentException("chunk of " + steps + " steps needs " + (steps + 1)
                    + " characters; the corpus has " + encoded.length);
        }
    }
}
