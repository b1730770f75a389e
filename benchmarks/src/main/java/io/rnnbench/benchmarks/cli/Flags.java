package io.rnnbench.benchmarks.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} command-line flags of the people-facing commands ({@link Train}, {@link Sample}): every name
 * must be known, every flag needs a value, numbers are checked where they are read. Errors are
 * {@link IllegalArgumentException}s whose message says which flag and what was expected; the commands print it with
 * their usage and exit with status {@value #USAGE_ERROR}.
 */
final class Flags {
    /** Exit status of a command given bad arguments (as an unknown workload or backend). */
    static final int USAGE_ERROR = 2;

    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args} as {@code --name value} pairs.
     *
     * @param known    the flag names (without {@code --}) the command accepts
     * @param required those that must be given
     * @throws IllegalArgumentException for an unknown or repeated flag, a flag without a value, or a missing one
     */
    static Flags parse(String[] args, Set<String> known, List<String> required) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + arg + "'");
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: --" + String.join(", --", known));
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            if (values.put(name, args[i + 1]) != null) {
                throw new IllegalArgumentException(arg + " is given twice");
            }
        }
        for (String name : required) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
        }
        return new Flags(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A whole number ≥ {@code min}, or {@code fallback} when the flag is absent. */
    long integer(String name, long fallback, long min) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
        if (n < min) {
            throw new IllegalArgumentException("--" + name + " must be ≥ " + min + ", got " + n);
        }
        return n;
    }

    /** A finite number &gt; 0, or {@code fallback} when the flag is absent. */
    double positive(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        double x;
        try {
            x = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
        }
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("--" + name + " must be a finite number > 0, got " + value);
        }
        return x;
    }
}
