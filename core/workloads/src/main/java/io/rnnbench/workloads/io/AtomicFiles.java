package io.rnnbench.workloads.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Files written whole or not at all, and durably. The content goes into a new temporary file beside the target
 * ({@code .<name>.<random>.tmp}, created exclusively, so it never follows a link planted at that name and two writers
 * never share one); its data is forced to disk; it is then moved over the target in one rename, and the directory is
 * forced so that the rename survives a power cut. A crash, a kill or an exception leaves the previous file (or none),
 * never a half-written one. On every failure path the temporary file is removed; one left by a killed writer is
 * removed by the next write of the same target. A writer holds a lock on its temporary file until the file has its
 * final name, so that only temporaries whose writer is gone (unlocked) are removed, never a live writer's. Reports,
 * results, charts, verdicts, history and checkpoints are all written this way.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** What to write into the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code text} as UTF-8 to {@code file}, creating its directory. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code file}, creating its directory. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /**
     * Writes what {@code content} writes to {@code file}, creating its directory.
     *
     * @throws IOException naming the file when it cannot be written, or the file system cannot replace it in one
     *                     rename; the previous file is then unchanged
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + ": is a directory");
        }
        removeStaleTemporaries(dir, target.getFileName().toString());
        Path temp = dir.resolve(tempPrefix(target.getFileName().toString()) + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            // CREATE_NEW fails on anything already at that name, a symbolic link included: nothing is followed. The
            // lock is held until the file has its final name, so that no other writer takes it for a stale one.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(file + ": temporary file " + temp.getFileName() + " was removed before it was locked");
                }
                OutputStream out = unclosable(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            forceDirectory(dir);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(file + ": the file system cannot replace it atomically", e);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + ": temporary file " + temp.getFileName() + " exists already", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A buffered stream into {@code channel} whose close only flushes: the channel must stay open to be forced. */
    private static OutputStream unclosable(FileChannel channel) {
        return new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static String tempPrefix(String targetName) {
        return "." + targetName + ".";
    }

    /** Removes what a writer of the same target killed mid-write left (regular files only; links are not followed). */
    private static void removeStaleTemporaries(Path dir, String targetName) throws IOException {
        removeStaleTemporariesNamed(dir, tempPrefix(targetName));
    }

    /**
     * Removes, in {@code dir}, the temporary files of writes to any target there whose writer is gone (killed
     * mid-write): for a store that writes each file once under a new name, where the next write of the same target
     * never comes.
     */
    public static void removeStaleTemporaries(Path dir) throws IOException {
        removeStaleTemporariesNamed(dir, ".");
    }

    /** Removes the temporaries named {@code <prefix>…<UUID>.tmp} in {@code dir} whose writer is gone. */
    private static void removeStaleTemporariesNamed(Path dir, String prefix) throws IOException {
        int uuid = 36;
        try (var entries = Files.newDirectoryStream(dir, entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX) && name.length() >= prefix.length() + uuid + TEMP_SUFFIX.length()
                    && isUuid(name.substring(name.length() - TEMP_SUFFIX.length() - uuid, name.length() - TEMP_SUFFIX.length()));
        })) {
            for (Path candidate : entries) {
                removeIfWriterIsGone(candidate);
            }
        }
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void removeIfWriterIsGone(Path temp) throws IOException {
        if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             FileLock lock = channel.tryLock()) {
            if (lock != null) {
                Files.deleteIfExists(temp);
            }
        } catch (OverlappingFileLockException | NoSuchFileException e) {
            // a writer of this JVM holds it, or it is gone already
        }
    }

    /** Forces the directory entry of the rename to disk where the platform allows opening a directory. */
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) { // Windows cannot open a directory
                throw e;
            }
        }
    }
}
