package io.rnnbench.benchmarks.grid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part {@code index} of {@code count} of a grid ({@code --shard 2/3}): the comparison groups that {@link ShardPlan}
 * assigns to it.
 *
 * @param index from 1
 * @param count the number of shards, ≥ 1
 */
public record Shard(int index, int count) {
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected k/n with 1 ≤ k ≤ n, e.g. 2/3");
        }
    }

    /**
     * Parses {@code k/n}.
     *
     * @throws IllegalArgumentException with the syntax for anything else
     */
    public static Shard parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("shard '" + text + "': expected k/n with 1 ≤ k ≤ n, e.g. 2/3");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
