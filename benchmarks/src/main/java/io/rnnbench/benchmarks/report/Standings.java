package io.rnnbench.benchmarks.report;

import io.rnnbench.benchmarks.stats.GroupVerdicts;
import io.rnnbench.benchmarks.stats.PairwiseVerdict;
import io.rnnbench.benchmarks.stats.VerdictPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the report ranks the backends of one comparison group and words its advice, the same way for the training
 * suites, the GEMM kernel and time to quality: pairwise verdicts on per-fork times ({@link GroupVerdicts} under
 * {@link VerdictPolicy#DEFAULT}, the policy the runner used), never per-row intervals.
 */
final class Standings {
    private Standings() {
    }

    /** The verdicts of every pair of {@code measurements}' backends. */
    static GroupVerdicts verdicts(List<? extends TimedScore> measurements) {
        Map<String, double[]> forks = new LinkedHashMap<>();
        measurements.forEach(m -> forks.put(m.backend(), m.forkSeconds()));
        return GroupVerdicts.of(forks, VerdictPolicy.DEFAULT);
    }

    /** {@code measurements} fastest first (by median time), each with its verdict against the fastest. */
    static <M extends TimedScore> List<Standing<M>> rank(List<M> measurements, GroupVerdicts verdicts) {
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException("nothing to rank");
        }
        List<M> sorted = new ArrayList<>(measurements);
        sorted.sort(Comparator.comparingDouble(TimedScore::seconds));
        M fastest = sorted.get(0);
        List<Standing<M>> standings = new ArrayList<>();
        standings.add(new Standing<>(fastest, 1, null));
        for (M m : sorted.subList(1, sorted.size())) {
            PairwiseVerdict v = verdicts.versus(fastest.backend(), m.backend());
            double ratio = Double.isFinite(v.ratio()) ? v.ratio() : m.seconds() / fastest.seconds();
            standings.add(new Standing<>(m, ratio, v));
        }
        return List.copyOf(standings);
    }

    /** The backends as good as the fastest as far as the run can tell (not decided slower), fastest first. */
    static List<String> recommended(List<? extends Standing<?>> standings) {
        return standings.stream().filter(Standing::contender).map(s -> s.measurement().backend()).toList();
    }

    /**
     * The advice after {@code what}: "use raw-simd: 1.42× faster than raw [1.30, 1.55], …"; with contenders, "use
     * raw-simd or raw-simd-mt (the same within ±5%: 1.01× [0.98, 1.03]) …"; undecided ones named with their forks.
     */
    static String recommendation(String what, List<? extends Standing<?>> standings) {
        Standing<?> fastest = standings.get(0);
        String best = fastest.measurement().backend();
        if (standings.size() == 1) {
            return what + ": only " + best + " was measured";
        }
        double band = VerdictPolicy.DEFAULT.sameWithin();
        List<String> same = new ArrayList<>(), undecided = new ArrayList<>(), slower = new ArrayList<>(), faster = new ArrayList<>();
        for (Standing<?> s : standings.subList(1, standings.size())) {
            String name = s.measurement().backend();
            if (s.slower()) {
                slower.add(s.timesFastest().replaceFirst(" \\[", " faster than " + name + " ["));
            } else if (s.versusFastest().kind() == PairwiseVerdict.Kind.B_FASTER) {
                faster.add(s.versusFastest().describe(best, name, band)); // its median is higher, its forks mostly lower
            } else if (s.same()) {
                same.add(name + " (" + s.timesFastest().substring(2) + ")");
            } else {
                PairwiseVerdict v = s.versusFastest();
                undecided.add(name + " (" + s.timesFastest().substring(2)
                        + (s.timesFastest().endsWith("forks") ? "" : ", " + v.forksA() + " + " + v.forksB() + " forks") + ")");
            }
        }
        StringBuilder text = new StringBuilder(what).append(" use ").append(best);
        if (!same.isEmpty()) {
            text.append(same.size() == 1 && undecided.isEmpty() ? " or " + firstName(same.get(0)) : "")
                    .append(String.format(java.util.Locale.ROOT, "; the same within ±%.0f%%: ", 100 * band))
                    .append(String.join(", ", same));
        }
        if (!undecided.isEmpty()) {
            text.append("; undecided against ").append(best).append(": ").append(String.join(", ", undecided));
        }
        faster.forEach(f -> text.append("; but ").append(f));
        if (!slower.isEmpty()) {
            text.append("; ").append(best).append(" is ").append(String.join(", ", slower));
        }
        return text.toString();
    }

    private static String firstName(String entry) {
        return entry.substring(0, entry.indexOf(" ("));
    }
}
