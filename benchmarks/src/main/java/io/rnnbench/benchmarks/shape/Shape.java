package io.rnnbench.benchmarks.shape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of one benchmark workload: input width X, hidden size H, batch B, sequence length T, layers L, and
 * whether the input is one-hot (a row gather of W_x, X = vocabulary size) or dense ({@code [T·B, X]} values).
 * The head is a per-step softmax over V = X classes (a language model).
 *
 * <p>A shape is named either by a preset ({@link #PRESETS}) or by its sizes, {@code X64-H128-B8-T20-L2}, with
 * {@code -onehot} appended for one-hot input (dense otherwise). The separator is '-' because JMH splits
 * {@code -p shape=a,b} at commas; {@link #parse} also accepts {@code X=64,H=128,B=8,T=20,L=2} for the
 * {@code advise} command line.
 *
 * @param name    the preset name, or the canonical sizes form
 * @param inputSize  X
 * @param hiddenSize H
 * @param batch   B
 * @param steps   T
 * @param layers  L
 * @param oneHot  one-hot input (else dense)
 */
public record Shape(String name, int inputSize, int hiddenSize, int batch, int steps, int layers, boolean oneHot) {

    /** The seeds' char-RNN: the 65-symbol Shakespeare vocabulary, one text chunk of 25 characters. */
    public static final Shape CHAR = new Shape("char", 65, 128, 1, 25, 1, true);
    /** {@link #CHAR} with three stacked layers. */
    public static final Shape CHAR_DEEP = new Shape("char-deep", 65, 128, 1, 25, 3, true);
    /** A mid-sized batched model on dense input. */
    public static final Shape MEDIUM = new Shape("medium", 128, 256, 32, 50, 1, false);
    /** A large batched model on dense input. */
    public static final Shape LARGE = new Shape("large", 256, 512, 64, 50, 1, false);

    /** The presets, in the order reports list them. */
    public static final List<Shape> PRESETS = List.of(CHAR, CHAR_DEEP, MEDIUM, LARGE);

    private static final Pattern SIZE = Pattern.compile("([XHBTL])=?(\\d+)");

    public Shape {
        requirePositive(name, "X", inputSize);
        requirePositive(name, "H", hiddenSize);
        requirePositive(name, "B", batch);
        requirePositive(name, "T", steps);
        requirePositive(name, "L", layers);
    }

    /**
     * A preset by name, or a shape from its sizes: {@code X64-H128-B8-T20-L2[-onehot]} or
     * {@code X=64,H=128,B=8,T=20,L=2[,onehot]} (any order, each of X, H, B, T, L exactly once).
     *
     * @throws IllegalArgumentException naming the presets and the syntax when {@code text} is neither
     */
    public static Shape parse(String text) {
        for (Shape preset : PRESETS) {
            if (preset.name.equals(text)) {
                return preset;
            }
        }
        Map<Character, Integer> sizes = new LinkedHashMap<>();
        boolean oneHot = false;
        for (String part : text.split("[-,]")) {
            Matcher m = SIZE.matcher(part.trim().toUpperCase(Locale.ROOT));
            if (part.trim().equalsIgnoreCase("onehot")) {
                oneHot = true;
            } else if (!m.matches() || sizes.put(m.group(1).charAt(0), Integer.parseInt(m.group(2))) != null) {
                throw unknown(text);
            }
        }
        if (sizes.size() != 5) {
            throw unknown(text);
        }
        int x = sizes.get('X'), h = sizes.get('H'), b = sizes.get('B'), t = sizes.get('T'), l = sizes.get('L');
        return new Shape(canonicalName(x, h, b, t, l, oneHot), x, h, b, t, l, oneHot);
    }

    /** This shape with T = 1 and L = 1: the workload of one cell step. Keeps the name. */
    public Shape oneStepOfOneLayer() {
        return new Shape(name, inputSize, hiddenSize, batch, 1, 1, oneHot);
    }

    /** V, the head's classes: the vocabulary, X. */
    public int outputSize() {
        return inputSize;
    }

    /** "X=65 H=128 B=1 T=25 L=1, one-hot": the sizes, for reports. */
    public String describe() {
        return "X=" + inputSize + " H=" + hiddenSize + " B=" + batch + " T=" + steps + " L=" + layers
                + (oneHot ? ", one-hot" : ", dense");
    }

    private static String canonicalName(int x, int h, int b, int t, int l, boolean oneHot) {
        return "X" + x + "-H" + h + "-B" + b + "-T" + t + "-L" + l + (oneHot ? "-onehot" : "");
    }

    private static IllegalArgumentException unknown(String text) {
        return new IllegalArgumentException("unknown shape '" + text + "': expected a preset ("
                + String.join(", ", PRESETS.stream().map(Shape::name).toList())
                + ") or sizes such as X64-H128-B8-T20-L2 (append -onehot for one-hot input)");
    }

    private static void requirePositive(String shape, String size, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("shape " + shape + ": " + size + " must be ≥ 1, got " + value);
        }
    }
}
