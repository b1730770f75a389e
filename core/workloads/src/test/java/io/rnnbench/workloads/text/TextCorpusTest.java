package io.rnnbench.workloads.text;

import io.rnnbench.core.model.Inputs;
import io.rnnbench.core.model.SequenceBatch;
import io.rnnbench.core.model.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextCorpusTest {

    @Test
    void vocabularyIsSortedSoIndicesAreReproducible() {
        Vocabulary vocabulary = Vocabulary.of("hello world");
        assertEquals(8, vocabulary.size()); // ' ', d, e, h, l, o, r, w
        assertEquals(' ', vocabulary.codePoint(0));
        assertEquals('w', vocabulary.codePoint(7));
        assertArrayEquals(new int[] {3, 2, 4, 4, 5}, vocabulary.encode("hello"));
        assertEquals("world", vocabulary.decode(vocabulary.encode("world")));
    }

    @Test
    void charactersOutsideTheBmpAreOneCharacter() {
        Vocabulary vocabulary = Vocabulary.of("a\uD83D\uDE00b");
        assertEquals(3, vocabulary.size());
        assertEquals("\uD83D\uDE00", vocabulary.decode(new int[] {2}));
    }

    @Test
    void unknownCharacterNamesItAndItsPosition() {
        Vocabulary vocabulary = Vocabulary.of("abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vocabulary.encode("abz"));
        assertTrue(e.getMessage().contains("'z' (U+007A) at position 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> vocabulary.codePoint(3));
        assertTrue(e.getMessage().contains("index 3 is outside the vocabulary [0, 3)"), e.getMessage());
    }

    @Test
    void chunksFollowMinCharRnnsPointer() {
        TextCorpus corpus = TextCorpus.of("abcdefg");
        assertEquals(2, corpus.chunkCount(3)); // needs T+1 characters per chunk: abc→bcd, def→efg
        SequenceBatch second = corpus.chunk(1, 3);
        assertArrayEquals(new int[] {3, 4, 5}, ((Inputs.OneHot) second.inputs()).index());
        assertArrayEquals(new int[] {4, 5, 6}, ((Targets.Classes) second.targets()).index());
        assertThrows(IllegalArgumentException.class, () -> corpus.chunk(2, 3));
        assertThrows(IllegalArgumentException.class, () -> corpus.chunkCount(0));
        assertThrows(IllegalArgumentException.class, () -> corpus.chunkCount(7));
    }

    @Test
    void readsUtf8AndReportsMalformedFiles(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "héllo");
        assertEquals(4, TextCorpus.read(good).vocabulary().size());

        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'a', 'b', (byte) 0xC3, 'c'});
        IOException e = assertThrows(IOException.class, () -> TextCorpus.read(bad));
        assertTrue(e.getMessage().contains("bad.txt") && e.getMessage().contains("UTF-8"), e.getMessage());

        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        e = assertThrows(IOException.class, () -> TextCorpus.read(empty));
        assertTrue(e.getMessage().contains("empty.txt") && e.getMessage().contains("at least 2 characters"), e.getMessage());
    }
}
