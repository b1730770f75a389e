package io.rnnbench.workloads.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Every JSON document the project reads (checkpoint configs, fixtures, JMH results, environment sidecars, history)
 * goes through here, so that untrusted input is read within bounds: at most a stated number of bytes (the file is
 * never read past it), nesting at most {@value #NESTING_LIMIT} levels deep (Gson's reader then stops with an error,
 * never a {@link StackOverflowError}), strict JSON, strict UTF-8, one document and nothing after it. Numbers keep
 * their text, so {@link JsonElement#getAsDouble()} is {@link Double#parseDouble}'s exact value.
 *
 * <p>Every failure is a {@link BadFileException} whose message names the file (or what the text came from), the
 * JSON path where reading stopped ({@code $.cases[3].args}) and what is wrong.
 */
public final class JsonFiles {
    /** The deepest nesting any of our formats needs is under 10 levels. */
    public static final int NESTING_LIMIT = 64;

    private JsonFiles() {
    }

    /** Reads the whole JSON document in {@code file}, which may hold at most {@code maxBytes} bytes. */
    public static JsonElement read(Path file, long maxBytes) throws BadFileException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BadFileException(file + ": no such file");
        } catch (IOException e) {
            throw new BadFileException(file + ": unreadable (" + e.getMessage() + ")", e);
        }
        if (size > maxBytes) {
            throw new BadFileException(file + ": " + size + " bytes, more than the " + maxBytes + " bytes a file of this kind may have");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, maxBytes, file.toString());
        } catch (BadFileException e) {
            throw e;
        } catch (IOException e) {
            throw new BadFileException(file + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Parses one document from {@code in}, reading at most {@code maxBytes} bytes of it.
     *
     * @param where what the bytes are, for messages ("run.npz, entry config.json")
     */
    public static JsonElement parse(InputStream in, long maxBytes, String where) throws BadFileException {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new BadFileException(where + ": unreadable (" + e.getMessage() + ")", e);
        }
        if (bytes.length > maxBytes) {
            throw new BadFileException(where + ": more than the " + maxBytes + " bytes a document of this kind may have");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadFileException(where + ": not UTF-8 text (" + e.getMessage() + ")", e);
        }
        return parse(new StringReader(text), where);
    }

    /** Parses one document from {@code text}. */
    public static JsonElement parse(String text, String where) throws BadFileException {
        return parse(new StringReader(text), where);
    }

    private static JsonElement parse(Reader text, String where) throws BadFileException {
        JsonReader reader = new JsonReader(text);
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(NESTING_LIMIT);
        try {
            JsonElement document = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new BadFileException(where + ": text after the JSON document at " + reader.getPath());
            }
            return document;
        } catch (JsonParseException | IOException e) {
            // Gson wraps the reader's own exception (MalformedJsonException, EOFException), whose message says where;
            // its first line is kept (Gson adds a troubleshooting link on a second one)
            String detail = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            detail = detail.lines().findFirst().orElse("").replaceAll("\\.$", "");
            throw new BadFileException(where + ": not valid JSON: " + detail, e);
        }
    }

    /** An input file that is not what it should be; the message says which file, where and what. */
    public static final class BadFileException extends IOException {
        public BadFileException(String message) {
            super(message);
        }

        public BadFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
