package io.rnnbench.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The workloads' data files, read from the class path (UTF-8), so the project runs from its own clone. */
public final class Resources {
    /** Seed 002's dinosaur names, one per line. */
    public static final String DINOS = "dinos.txt";
    /** Karpathy's tiny Shakespeare, 1,115,394 characters. */
    public static final String TINY_SHAKESPEARE = "tinyshakespeare.txt";

    private Resources() {
    }

    /** The text of the resource {@code name} next to this class. */
    public static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource io/rnnbench/workloads/" + name + " not found");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("class-path resource " + name + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading class-path resource " + name, e);
        }
    }
}
