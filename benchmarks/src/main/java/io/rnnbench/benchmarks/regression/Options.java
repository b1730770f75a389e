package io.rnnbench.benchmarks.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options of the regression commands; repeatable ones keep every value. Unknown names fail
 * with the list of known ones.
 */
final class Options {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Options() {
    }

    /**
     * Parses {@code args}.
     *
     * @param known  option names without the dashes
     * @param flags  the names among them that take no value
     * @throws IllegalArgumentException on an unknown name or a missing value
     */
    static Options parse(String[] args, Set<String> known, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("expected an option (--name value), got '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (flags.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: --" + String.join(", --", known));
            }
            o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return o;
    }

    String get(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    String required(String name) {
        String v = get(name, null);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(get(name, "false"));
    }

    double number(String name, double fallback) {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1) : v) / (v.endsWith("%") ? 100 : 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " " + v + ": expected a number");
        }
    }

    int integer(String name, int fallback) {
        String v = get(name, null);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " " + v + ": expected an integer");
        }
    }

    /** The thresholds from --threshold, --alpha, --alloc-threshold, --alloc-bytes, --ruler-tolerance, --time-blocking. */
    Thresholds thresholds() {
        Thresholds d = Thresholds.DEFAULT;
        return new Thresholds(number("threshold", d.time()), number("alpha", d.alpha()),
                number("alloc-threshold", d.allocRelative()), number("alloc-bytes", d.allocBytes()),
                number("ruler-tolerance", d.rulerTolerance()), Boolean.parseBoolean(get("time-blocking", String.valueOf(d.timeBlocking()))));
    }

    /** The names {@link #thresholds()} reads. */
    static final List<String> THRESHOLD_OPTIONS = List.of("threshold", "alpha", "alloc-threshold", "alloc-bytes",
            "ruler-tolerance", "time-blocking");
}
