package io.rnnbench.benchmarks.run;

import io.rnnbench.benchmarks.Durations;
import io.rnnbench.benchmarks.grid.GridPoint;
import io.rnnbench.benchmarks.stats.GroupVerdicts;
import io.rnnbench.benchmarks.stats.VerdictPolicy;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs a grid as interleaved forks with adaptive repeats, within a time budget.
 *
 * <p><b>Members.</b> A group is the points that differ in one parameter only, the group's members: for the grid the
 * backends of one benchmark and parameter combination ({@link GridPoint#group()}); for an A/B run the two sides of
 * one benchmark point. Below, "backend" stands for any member.
 *
 * <p><b>Interleaving.</b> The grid runs in rounds; in each round every point that still needs forks gets one, group
 * by group, the group's backends in an order rotated by one each round. So the forks of the backends that are compared run minutes
 * apart at most and a drift of the machine falls on all of them alike, and no backend always runs first.
 *
 * <p><b>Adaptive repeats.</b> Every point first gets {@code firstForks} forks. Then, per group, the pairs of backends
 * are judged ({@link GroupVerdicts} under the {@link VerdictPolicy}); the backends of a pair that is still undecided
 * and that the policy would look at again get forks up to that pair's next look, in further rounds, until every pair
 * is decided, has reached the last look, or the budget is spent. A group's extra forks are granted only when their
 * estimated time (the group's measured mean fork time) fits in what is left of the budget, cheapest groups first; a
 * group that does not fit keeps its undecided pairs, and the report says why.
 */
public final class ForkScheduler {
    private final List<GridPoint> grid;
    private final int firstForks;
    private final VerdictPolicy policy;
    private final Duration budget;
    private final LongSupplier nanoTime;
    private final PrintStream out;
    private final String member;

    /** A scheduler of the grid: the members of a group are its backends ({@link GridPoint#BACKEND}). */
    public ForkScheduler(List<GridPoint> grid, int firstForks, VerdictPolicy policy, Duration budget, LongSupplier nanoTime,
                         PrintStream out) {
        this(grid, firstForks, policy, budget, nanoTime, out, GridPoint.BACKEND);
    }

    /**
     * @param grid       the points, in the order their groups run
     * @param firstForks forks of every point before the first verdict (≥ 1)
     * @param policy     when pairs are judged, and at which α
     * @param budget     the time the whole run may take; extra forks only while they fit ({@link Duration#ZERO}: none)
     * @param nanoTime   the clock ({@link System#nanoTime} but in tests)
     * @param out        where the progress lines go
     * @param member     the parameter whose values are the members of a group (the backend, an A/B side)
     */
    public ForkScheduler(List<GridPoint> grid, int firstForks, VerdictPolicy policy, Duration budget, LongSupplier nanoTime,
                         PrintStream out, String member) {
        if (firstForks < 1) {
            throw new IllegalArgumentException("forks per point must be ≥ 1, got " + firstForks);
        }
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("the grid is empty: no benchmark × parameter combination to run");
        }
        this.grid = List.copyOf(grid);
        this.firstForks = firstForks;
        this.policy = policy;
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.out = out;
        this.member = member;
    }

    /**
     * What the run did.
     *
     * @param forkSeconds   per point, its forks' times in the order run
     * @param forkWallNanos per point, the wall time of all its forks (JVM start to exit)
     * @param verdicts      per group, the final verdicts
     * @param budgetLimited the groups whose undecided pairs were refused extra forks for want of budget
     * @param elapsed       the run's wall time
     */
    public record Outcome(Map<GridPoint, double[]> forkSeconds, Map<GridPoint, Long> forkWallNanos,
                          Map<String, GroupVerdicts> verdicts, Set<String> budgetLimited, Duration elapsed) {
        /** Forks run in all. */
        public int forks() {
            return forkSeconds.values().stream().mapToInt(f -> f.length).sum();
        }
    }

    /** Runs the grid with {@code runner}. */
    public Outcome run(ForkRunner runner) throws ForkRunner.ForkFailedException {
        long start = nanoTime.getAsLong();
        Map<String, List<GridPoint>> groups = new LinkedHashMap<>();
        grid.forEach(p -> groups.computeIfAbsent(p.group(member), g -> new ArrayList<>()).add(p));
        Map<GridPoint, List<Double>> seconds = new LinkedHashMap<>();
        Map<GridPoint, Long> wall = new LinkedHashMap<>();
        Map<GridPoint, Integer> target = new LinkedHashMap<>();
        grid.forEach(p -> {
            seconds.put(p, new ArrayList<>());
            wall.put(p, 0L);
            target.put(p, firstForks);
        });
        Set<String> budgetLimited = new LinkedHashSet<>();
        int round = 0;
        String phase = "first " + firstForks + " forks of every point";
        while (true) {
            int planned = target.values().stream().mapToInt(Integer::intValue).sum();
            while (target.entrySet().stream().anyMatch(e -> seconds.get(e.getKey()).size() < e.getValue())) {
                for (List<GridPoint> members : groups.values()) {
                    List<GridPoint> due = new ArrayList<>(members.stream().filter(p -> seconds.get(p).size() < target.get(p)).toList());
                    if (!due.isEmpty()) {
                        Collections.rotate(due, -(round % due.size()));
                    }
                    for (GridPoint p : due) {
                        int fork = seconds.get(p).size() + 1;
                        progress(p, fork, seconds, planned, start, wall, target, phase);
                        long t0 = nanoTime.getAsLong();
                        double s = runner.run(p, fork);
                        wall.merge(p, nanoTime.getAsLong() - t0, Long::sum);
                        seconds.get(p).add(s);
                    }
                }
                round++;
            }
            Map<String, GroupVerdicts> verdicts = verdicts(groups, seconds);
            Map<String, Map<GridPoint, Integer>> wanted = new LinkedHashMap<>();
            for (var group : groups.entrySet()) {
                Map<String, Integer> next = verdicts.get(group.getKey()).nextTargets(policy);
                Map<GridPoint, Integer> raise = new LinkedHashMap<>();
                for (GridPoint p : group.getValue()) {
                    Integer t = next.get(p.member(member));
                    if (t != null && t > seconds.get(p).size()) {
                        raise.put(p, t);
                    }
                }
                if (!raise.isEmpty()) {
                    wanted.put(group.getKey(), raise);
                }
            }
            if (wanted.isEmpty()) {
                return outcome(seconds, wall, verdicts, budgetLimited, start);
            }
            if (budget.isZero()) {
                budgetLimited.addAll(wanted.keySet());
                return outcome(seconds, wall, verdicts, budgetLimited, start);
            }
            long left = budget.toNanos() - (nanoTime.getAsLong() - start);
            List<String> byCost = new ArrayList<>(wanted.keySet());
            Map<String, Long> cost = new LinkedHashMap<>();
            byCost.forEach(g -> cost.put(g, extraCost(wanted.get(g), seconds, wall)));
            byCost.sort(Comparator.comparingLong(cost::get));
            boolean granted = false;
            List<String> extended = new ArrayList<>();
            for (String g : byCost) {
                if (cost.get(g) <= left) {
                    left -= cost.get(g);
                    wanted.get(g).forEach(target::put);
                    budgetLimited.remove(g);
                    extended.add(g);
                    granted = true;
                } else {
                    budgetLimited.add(g);
                }
            }
            if (!granted) {
                out.printf(Locale.ROOT, "[plan] %d group(s) with undecided pairs, but their extra forks do not fit in what is "
                        + "left of the %s budget; stopping%n", wanted.size(), Durations.minutesAndSeconds(budget));
                return outcome(seconds, wall, verdicts, budgetLimited, start);
            }
            int extra = extended.stream().mapToInt(g -> wanted.get(g).entrySet().stream()
                    .mapToInt(e -> e.getValue() - seconds.get(e.getKey()).size()).sum()).sum();
            phase = "extra forks for undecided pairs";
            out.printf(Locale.ROOT, "[plan] undecided pairs in %d group(s): %d extra forks, about %s (%s); %s%n", extended.size(),
                    extra, Durations.minutesAndSeconds(Duration.ofNanos(extended.stream().mapToLong(cost::get).sum())),
                    String.join("; ", extended), budgetLimited.isEmpty() ? "every undecided group fits in the budget"
                            : budgetLimited.size() + " group(s) left undecided: no budget left for them");
        }
    }

    private Map<String, GroupVerdicts> verdicts(Map<String, List<GridPoint>> groups, Map<GridPoint, List<Double>> seconds) {
        Map<String, GroupVerdicts> verdicts = new LinkedHashMap<>();
        groups.forEach((g, members) -> {
            Map<String, double[]> byBackend = new LinkedHashMap<>();
            members.forEach(p -> byBackend.put(p.member(member), array(seconds.get(p))));
            verdicts.put(g, GroupVerdicts.of(byBackend, policy));
        });
        return verdicts;
    }

    /** The estimated wall time of the extra forks: each point's mean fork time so far × its extra forks. */
    private static long extraCost(Map<GridPoint, Integer> raise, Map<GridPoint, List<Double>> seconds, Map<GridPoint, Long> wall) {
        long total = 0;
        for (var e : raise.entrySet()) {
            int have = seconds.get(e.getKey()).size();
            total += wall.get(e.getKey()) / have * (e.getValue() - have);
        }
        return total;
    }

    private void progress(GridPoint p, int fork, Map<GridPoint, List<Double>> seconds, int planned, long start,
                          Map<GridPoint, Long> wall, Map<GridPoint, Integer> target, String phase) {
        int done = seconds.values().stream().mapToInt(List::size).sum();
        long elapsed = nanoTime.getAsLong() - start;
        String left;
        if (done == 0) {
            left = "estimate after the first fork";
        } else {
            long remaining = 0;
            for (var e : target.entrySet()) {
                int have = seconds.get(e.getKey()).size();
                long mean = have > 0 ? wall.get(e.getKey()) / have : elapsed / done;
                remaining += mean * Math.max(0, e.getValue() - have);
            }
            left = "about " + Durations.minutesAndSeconds(Duration.ofNanos(remaining)) + " left";
        }
        out.printf(Locale.ROOT, "[fork %d/%d] %s, fork %d — %s elapsed, %s (%s)%n", done + 1, planned, p.describe(member), fork,
                Durations.minutesAndSeconds(Duration.ofNanos(elapsed)), left, phase);
    }

    private Outcome outcome(Map<GridPoint, List<Double>> seconds, Map<GridPoint, Long> wall, Map<String, GroupVerdicts> verdicts,
                            Set<String> budgetLimited, long start) {
        Map<GridPoint, double[]> forks = new LinkedHashMap<>();
        seconds.forEach((p, s) -> forks.put(p, array(s)));
        return new Outcome(forks, wall, verdicts, budgetLimited, Duration.ofNanos(nanoTime.getAsLong() - start));
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
