package io.rnnbench.workloads.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0, for 2-d little-endian float64 C-order arrays: the magic
 * {@code \x93NUMPY}, version bytes 1 0, a little-endian uint16 header length, the header
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (r, c), }} padded with spaces and ended by a newline so
 * that magic + length + header is a multiple of 64 bytes (as {@code numpy.lib.format} writes it), then the data.
 */
final class Npy {
    /** The longest array every JVM can allocate. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{\\s*'descr'\\s*:\\s*'([^']*)'\\s*,\\s*'fortran_order'\\s*:\\s*(True|False)\\s*,\\s*'shape'\\s*:\\s*\\(([^)]*)\\)\\s*,?\\s*}\\s*");

    private Npy() {
    }

    static byte[] write(Tensor t) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + t.rows() + ", " + t.cols() + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 8 * t.data().length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : t.data()) {
            out.putLong(Double.doubleToRawLongBits(v));
        }
        return out.array();
    }

    /**
     * Reads one array from {@code in}, which must hold exactly one .npy array and nothing after it. The header is
     * read first; the data only if the shape it declares holds at most {@code maxValues} values and fits in the
     * heap, so a hostile header or an entry that inflates without end costs no more memory than the declared array.
     *
     * @param where     "file, entry x", the start of every message
     * @param maxValues the most values this array may hold
     * @throws CheckpointException when the bytes are not one complete 2-d {@code <f8} C-order .npy array within the
     *                             limit
     */
    static Tensor read(InputStream in, String where, long maxValues) throws CheckpointException {
        try {
            byte[] start = in.readNBytes(10);
            if (start.length < 10) {
                throw new CheckpointException(where + ": truncated .npy (" + start.length + " bytes, the header alone needs 10)");
            }
            for (int i = 0; i < MAGIC.length; i++) {
                if (start[i] != MAGIC[i]) {
                    throw new CheckpointException(where + ": not a .npy array (bad magic bytes)");
                }
            }
            if (start[6] != 1) {
                throw new CheckpointException(where + ": .npy version " + start[6] + "." + start[7] + " is not supported (expected 1.0)");
            }
            int headerLength = Short.toUnsignedInt(ByteBuffer.wrap(start, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
            byte[] headerBytes = in.readNBytes(headerLength);
            if (headerBytes.length < headerLength) {
                throw new CheckpointException(where + ": truncated .npy header (" + headerLength + " bytes announced, "
                        + headerBytes.length + " present)");
            }
            int[] shape = shape(new String(headerBytes, StandardCharsets.US_ASCII), where);
            long values = (long) shape[0] * shape[1];
            String declared = "shape [" + shape[0] + ", " + shape[1] + "]";
            if (values > Math.min(maxValues, MAX_ARRAY_LENGTH)) {
                throw new CheckpointException(where + ": " + declared + " holds " + values + " values, more than the "
                        + Math.min(maxValues, MAX_ARRAY_LENGTH) + " allowed (config.json's models, one Java array)");
            }
            HeapBudget.require(8 * values, where + ": " + declared);
            double[] data = new double[(int) values];
            readValues(in, data, where, declared, 10L + headerLength);
            if (in.read() != -1) {
                throw new CheckpointException(where + ": " + declared + " needs " + (10L + headerLength + 8 * values)
                        + " bytes, the entry has more (trailing bytes)");
            }
            return new Tensor(shape[0], shape[1], data);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(where + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    private static void readValues(InputStream in, double[] data, String where, String declared, long headerBytes)
            throws IOException {
        byte[] chunk = new byte[8 * 8192];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int filled = 0;
        while (filled < data.length) {
            int want = Math.min(data.length - filled, 8192) * 8;
            int got = in.readNBytes(chunk, 0, want);
            if (got < want) {
                throw new CheckpointException(where + ": " + declared + " needs " + (headerBytes + 8L * data.length)
                        + " bytes, the entry has " + (headerBytes + 8L * filled + got) + " (truncated)");
            }
            view.clear();
            for (int i = 0; i < want / 8; i++) {
                data[filled++] = view.getDouble();
            }
        }
    }

    /** [rows, cols] from a header dictionary, which must say {@code <f8}, C order and a 2-d shape. */
    private static int[] shape(String header, String where) throws CheckpointException {
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw new CheckpointException(where + ": unreadable .npy header " + header.strip());
        }
        if (!m.group(1).equals("<f8")) {
            throw new CheckpointException(where + ": dtype " + m.group(1) + ", expected <f8 (little-endian float64)");
        }
        if (m.group(2).equals("True")) {
            throw new CheckpointException(where + ": Fortran order, expected C order");
        }
        String[] dims = m.group(3).split(",");
        if (dims.length != 2 || dims[1].isBlank()) {
            throw new CheckpointException(where + ": shape (" + m.group(3) + ") is not 2-d");
        }
        try {
            return new int[] {Integer.parseInt(dims[0].strip()), Integer.parseInt(dims[1].strip())};
        } catch (NumberFormatException e) {
            throw new CheckpointException(where + ": bad shape (" + m.group(3) + ")");
        }
    }
}
