package io.rnnbench.benchmarks.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every pair of backends of one comparison group (one suite, cell and shape; one GEMM shape; one workload), each with
 * its {@link PairwiseVerdict} under a {@link VerdictPolicy}: the one place where a run's per-fork times become verdicts,
 * used by the runner to decide where extra forks go and by the report to word its tables and recommendations.
 *
 * @param forkSeconds per backend, its per-fork times in the order run (seconds per operation)
 * @param pairs       every pair once, {@code a} before {@code b} in the order of {@code forkSeconds}
 */
public record GroupVerdicts(Map<String, double[]> forkSeconds, List<Pair> pairs) {

    /**
     * A pair and its verdict.
     *
     * @param a       one backend
     * @param b       the other
     * @param verdict time(b) / time(a) with its interval
     */
    public record Pair(String a, String b, PairwiseVerdict verdict) {
        /** Whether this pair is {@code x} and {@code y} in either order. */
        public boolean is(String x, String y) {
            return a.equals(x) && b.equals(y) || a.equals(y) && b.equals(x);
        }

        /** The verdict in words ({@link PairwiseVerdict#describe}), the faster one by the estimate named first. */
        public String describe(double sameWithin) {
            return verdict.ratio() < 1 ? verdict.reversed().describe(b, a, sameWithin) : verdict.describe(a, b, sameWithin);
        }
    }

    /** The verdicts of every pair of {@code forkSeconds}' backends. */
    public static GroupVerdicts of(Map<String, double[]> forkSeconds, VerdictPolicy policy) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        forkSeconds.forEach((backend, times) -> copy.put(backend, times.clone()));
        List<String> backends = new ArrayList<>(copy.keySet());
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < backends.size(); i++) {
            for (int j = i + 1; j < backends.size(); j++) {
                String a = backends.get(i), b = backends.get(j);
                pairs.add(new Pair(a, b, policy.verdict(copy.get(a), copy.get(b))));
            }
        }
        return new GroupVerdicts(copy, List.copyOf(pairs));
    }

    /** The verdict on {@code x} against {@code y}, oriented so that its ratio is time(y) / time(x). */
    public PairwiseVerdict versus(String x, String y) {
        Pair pair = find(x, y).orElseThrow(() -> new IllegalArgumentException("no pair " + x + " / " + y + " in " + forkSeconds.keySet()));
        return pair.a().equals(x) ? pair.verdict() : pair.verdict().reversed();
    }

    /** The pair of {@code x} and {@code y}, if both are in the group. */
    public Optional<Pair> find(String x, String y) {
        return pairs.stream().filter(p -> p.is(x, y)).findFirst();
    }

    /** The pairs that are still undecided. */
    public List<Pair> undecided() {
        return pairs.stream().filter(p -> p.verdict().undecided()).toList();
    }

    /**
     * The fork count each backend needs next: for every undecided pair that the policy would still look at again,
     * both backends up to that pair's next look (the larger one when a backend is in several such pairs). Backends
     * with no such pair are absent.
     */
    public Map<String, Integer> nextTargets(VerdictPolicy policy) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            int forks = Math.min(forkSeconds.get(pair.a()).length, forkSeconds.get(pair.b()).length);
            if (policy.wantsMore(pair.verdict(), forks)) {
                int next = policy.nextLook(forks);
                targets.merge(pair.a(), next, Math::max);
                targets.merge(pair.b(), next, Math::max);
            }
        }
        return targets;
    }
}
