package io.rnnbench.benchmarks.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A grid split into {@code count} shards of about equal estimated time, so that CI runners can share it without
 * talking to each other: each computes the same plan from the same grid and estimates, and runs its own part.
 *
 * <p>The unit is a whole comparison group ({@link GridPoint#group()}): backends are compared within a group, so a
 * group never spans shards. A group's cost is the sum of its points' costs. Assignment is greedy longest processing
 * time first: groups by decreasing cost (equal costs by name), each to the shard with the least cost so far (equal
 * loads: the lowest shard number). The most and the least loaded shard then differ by at most one group's cost (the
 * last group given to the most loaded shard went to the least loaded one of that moment).
 *
 * @param count     the number of shards
 * @param gridGroups every group of the whole grid, sorted by name: the grid's fingerprint
 * @param groups    per shard (index 0 is shard 1), its groups in the order assigned
 * @param costs     per shard, the sum of its groups' costs
 */
public record ShardPlan(int count, List<String> gridGroups, List<List<String>> groups, List<Double> costs) {

    /**
     * Splits {@code grid} into {@code count} shards by {@code cost} (e.g. the estimated seconds of a point's forks).
     *
     * @throws IllegalArgumentException when the grid has fewer groups than {@code count}: some shard would be empty
     */
    public static ShardPlan of(List<GridPoint> grid, int count, ToDoubleFunction<GridPoint> cost) {
        Map<String, Double> groupCost = new TreeMap<>();
        grid.forEach(p -> groupCost.merge(p.group(), cost.applyAsDouble(p), Double::sum));
        if (groupCost.size() < count) {
            throw new IllegalArgumentException(count + " shards of a grid of " + groupCost.size() + " comparison group(s): "
                    + "a group never spans shards, so some shards would be empty; use at most " + groupCost.size());
        }
        List<String> order = new ArrayList<>(groupCost.keySet());
        order.sort(Comparator.comparing((String g) -> groupCost.get(g)).reversed().thenComparing(Comparator.naturalOrder()));
        List<List<String>> groups = new ArrayList<>();
        double[] loads = new double[count];
        for (int s = 0; s < count; s++) {
            groups.add(new ArrayList<>());
        }
        for (String group : order) {
            int least = 0;
            for (int s = 1; s < count; s++) {
                if (loads[s] < loads[least]) {
                    least = s;
                }
            }
            groups.get(least).add(group);
            loads[least] += groupCost.get(group);
        }
        List<Double> costs = new ArrayList<>();
        for (double load : loads) {
            costs.add(load);
        }
        return new ShardPlan(count, List.copyOf(groupCost.keySet()), groups.stream().map(List::copyOf).toList(), List.copyOf(costs));
    }

    /** The groups of {@code shard}, sorted by name. */
    public List<String> groups(Shard shard) {
        check(shard);
        return List.copyOf(new TreeSet<>(groups.get(shard.index() - 1)));
    }

    /** The points of {@code grid} (the grid this plan was made of) that {@code shard} runs, in the grid's order. */
    public List<GridPoint> points(List<GridPoint> grid, Shard shard) {
        check(shard);
        List<String> mine = groups.get(shard.index() - 1);
        return grid.stream().filter(p -> mine.contains(p.group())).toList();
    }

    /** The cost of {@code shard}. */
    public double cost(Shard shard) {
        check(shard);
        return costs.get(shard.index() - 1);
    }

    private void check(Shard shard) {
        if (shard.count() != count) {
            throw new IllegalArgumentException("shard " + shard + " of a plan of " + count + " shards");
        }
    }
}
