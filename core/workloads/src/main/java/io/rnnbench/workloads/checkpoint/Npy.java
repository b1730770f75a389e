package io.rnnbench.workloads.checkpoint;

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
     * Reads one array; {@code where} ("file, entry x") starts every error message.
     *
     * @throws CheckpointException when the bytes are not a complete 2-d {@code <f8} C-order .npy array
     */
    static Tensor read(byte[] bytes, String where) throws CheckpointException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw new CheckpointException(where + ": truncated .npy (" + bytes.length + " bytes, the header alone needs 10)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new CheckpointException(where + ": not a .npy array (bad magic bytes)");
            }
        }
        int major = bytes[6];
        if (major != 1) {
            throw new CheckpointException(where + ": .npy version " + major + "." + bytes[7] + " is not supported (expected 1.0)");
        }
        int headerLength = Short.toUnsignedInt(in.getShort(8));
        if (10 + headerLength > bytes.length) {
            throw new CheckpointException(where + ": truncated .npy header (" + headerLength + " bytes announced, "
                    + (bytes.length - 10) + " present)");
        }
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
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
        int rows;
        int cols;
        try {
            if (dims.length != 2 || dims[1].isBlank()) {
                throw new CheckpointException(where + ": shape (" + m.group(3) + ") is not 2-d");
            }
            rows = Integer.parseInt(dims[0].strip());
            cols = Integer.parseInt(dims[1].strip());
        } catch (NumberFormatException e) {
            throw new CheckpointException(where + ": bad shape (" + m.group(3) + ")");
        }
        long expected = 10L + headerLength + 8L * rows * cols;
        if (bytes.length != expected) {
            throw new CheckpointException(where + ": shape [" + rows + ", " + cols + "] needs " + expected + " bytes, the entry has "
                    + bytes.length + (bytes.length < expected ? " (truncated)" : " (trailing bytes)"));
        }
        double[] data = new double[rows * cols];
        in.position(10 + headerLength);
        for (int i = 0; i < data.length; i++) {
            data[i] = Double.longBitsToDouble(in.getLong());
        }
        return new Tensor(rows, cols, data);
    }
}
