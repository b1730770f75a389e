package io.rnnbench.workloads.checkpoint;

import io.rnnbench.core.model.ModelConfig;
import io.rnnbench.workloads.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The file format of a {@link Checkpoint}: NumPy's {@code .npz}, a zip (entries stored uncompressed, as
 * {@code numpy.savez} writes them) holding one {@code .npy} v1.0 array ({@code <f8}, C order, 2-d) per parameter,
 * named as the parameter ({@code layer0.wX.npy} → key {@code layer0.wX}), one per optimizer state tensor
 * ({@code optimizer.<state>.<parameter>.npy}, e.g. {@code optimizer.m.layer0.wX}), and {@link CheckpointConfig
 * config.json}. {@code numpy.load(file)} reads every array (its {@code files} also lists {@code config.json}, whose
 * bytes {@code d.zip.read('config.json')} gives).
 *
 * <p>Writing is atomic and durable ({@link AtomicFiles}). Reading treats the file as untrusted and validates it whole
 * before anything is returned, within bounds that the file's own declarations set: at most {@link #MAX_ENTRIES}
 * entries before config.json is read, and then exactly the entries it lists; STORED or DEFLATED entries only (as
 * {@link ZipFile} enforces); each
 * entry read through a CRC check and never past what its .npy header declares; the parameter arrays together no
 * larger than config.json's models ({@link ModelConfig#parameterCount()}), each state array the shape of its
 * parameter; and no array larger than the heap has room for.
 */
final class CheckpointFile {
    static final String CONFIG_ENTRY = "config.json";
    /** More entries than any model here has arrays (a 3-layer seq2seq with Adagrad has 40). */
    static final int MAX_ENTRIES = 10_000;

    private CheckpointFile() {
    }

    static void write(Path file, Checkpoint checkpoint) throws IOException {
        String config = CheckpointConfig.write(new CheckpointConfig.Contents(checkpoint.info(),
                new ArrayList<>(checkpoint.parameters().keySet()), new ArrayList<>(checkpoint.optimizerState().keySet())));
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, Tensor> e : checkpoint.parameters().entrySet()) {
                    stored(zip, e.getKey() + ".npy", Npy.write(e.getValue()));
                }
                for (Map.Entry<String, Tensor> e : checkpoint.optimizerState().entrySet()) {
                    stored(zip, e.getKey() + ".npy", Npy.write(e.getValue()));
                }
                stored(zip, CONFIG_ENTRY, config.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        entry.setTime(0); // reproducible bytes
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads and validates a whole checkpoint file into memory.
     *
     * @throws CheckpointException naming the file, the entry and what is wrong (not a zip, truncated, CRC mismatch,
     *                             compression method, bad .npy, bad or missing config.json, arrays missing, unexpected
     *                             or larger than declared, a limit exceeded)
     */
    static Checkpoint read(Path file) throws CheckpointException {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": no such checkpoint file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> entries = entries(zip, file);
            ZipEntry configEntry = entries.remove(CONFIG_ENTRY);
            if (configEntry == null) {
                throw new CheckpointException(file + ": entry " + CONFIG_ENTRY + " is missing");
            }
            CheckpointConfig.Contents config = readEntry(zip, configEntry, file,
                    in -> CheckpointConfig.read(in, file + ", entry " + CONFIG_ENTRY));
            List<String> listed = new ArrayList<>(config.parameterNames());
            listed.addAll(config.stateNames());
            requireExactly(file, entries, listed);

            long allowed = 0; // the values config.json's models declare
            for (ModelConfig model : config.info().models().values()) {
                allowed += model.parameterCount();
            }
            Map<String, Tensor> parameters = new LinkedHashMap<>();
            for (String name : config.parameterNames()) {
                Tensor t = readArray(zip, entries.get(name + ".npy"), file, allowed);
                allowed -= t.data().length;
                parameters.put(name, t);
            }
            Map<String, Tensor> state = new LinkedHashMap<>();
            for (String name : config.stateNames()) {
                Tensor parameter = parameters.get(parameterOf(name));
                if (parameter == null) {
                    throw new CheckpointException(file + ": state array " + name + " belongs to no parameter listed in " + CONFIG_ENTRY);
                }
                Tensor t = readArray(zip, entries.get(name + ".npy"), file, parameter.data().length);
                if (t.rows() != parameter.rows() || t.cols() != parameter.cols()) {
                    throw new CheckpointException(file + ", entry " + name + ".npy: shape " + t.shape() + ", but its parameter is "
                            + parameter.shape());
                }
                state.put(name, t);
            }
            return Checkpoint.of(file.toString(), config.info(), parameters, state);
        } catch (ZipException e) {
            throw new CheckpointException(file + ": not a readable .npz (zip) file, truncated or corrupt (" + e.getMessage() + ")", e);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(file + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The entries by name, none twice, at most {@link #MAX_ENTRIES}. (Each is STORED or DEFLATED: {@link ZipFile}
     * refuses any other method when it opens the file.)
     */
    private static Map<String, ZipEntry> entries(ZipFile zip, Path file) throws CheckpointException {
        if (zip.size() > MAX_ENTRIES) {
            throw new CheckpointException(file + ": " + zip.size() + " entries, more than the limit of " + MAX_ENTRIES);
        }
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (entries.put(entry.getName(), entry) != null) {
                throw new CheckpointException(file + ": entry " + entry.getName() + " appears twice");
            }
        }
        return entries;
    }

    private static void requireExactly(Path file, Map<String, ZipEntry> entries, List<String> listed) throws CheckpointException {
        for (String name : listed) {
            if (!entries.containsKey(name + ".npy")) {
                throw new CheckpointException(file + ": entry " + name + ".npy is missing (listed in " + CONFIG_ENTRY + ")");
            }
        }
        List<String> unexpected = new ArrayList<>(entries.keySet());
        unexpected.removeAll(listed.stream().map(name -> name + ".npy").toList());
        if (!unexpected.isEmpty()) {
            throw new CheckpointException(file + ": unexpected entries " + unexpected + " (not listed in " + CONFIG_ENTRY + ")");
        }
    }

    /** "optimizer.m.layer0.wX" → "layer0.wX". */
    private static String parameterOf(String stateName) {
        String rest = stateName.startsWith(Checkpoint.STATE_PREFIX) ? stateName.substring(Checkpoint.STATE_PREFIX.length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? "" : rest.substring(dot + 1);
    }

    private static Tensor readArray(ZipFile zip, ZipEntry entry, Path file, long maxValues) throws IOException {
        String where = file + ", entry " + entry.getName();
        return readEntry(zip, entry, file, in -> Npy.read(in, where, maxValues));
    }

    /** How an entry's bytes are read. */
    private interface EntryReader<T> {
        T read(InputStream in) throws IOException;
    }

    /** Reads an entry through a CRC check; the CRC is compared once the reader has read the entry to its end. */
    private static <T> T readEntry(ZipFile zip, ZipEntry entry, Path file, EntryReader<T> reader) throws IOException {
        String where = file + ", entry " + entry.getName();
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
            T value = reader.read(in);
            if (in.read() != -1) {
                throw new CheckpointException(where + ": bytes after its content");
            }
            if (entry.getCrc() != -1 && in.getChecksum().getValue() != entry.getCrc()) {
                throw new CheckpointException(where + ": corrupt (CRC mismatch)");
            }
            return value;
        } catch (ZipException e) {
            throw new CheckpointException(where + ": corrupt (" + e.getMessage() + ")", e);
        }
    }
}
