package io.rnnbench.verification;

import io.rnnbench.workloads.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Collects the outcome of every verification check, per backend × check: how many cases ran, how many failed, and
 * the worst error as a fraction of its tolerance (≤ 1 passes). {@link VerificationReportListener} writes it as
 * Markdown when the test run ends.
 */
public final class VerificationReport {
    private static final Map<String, Map<String, Row>> ROWS = new TreeMap<>();
    /** Fixture file → backend → cases run and failed. */
    private static final Map<String, Map<String, int[]>> FIXTURE_CASES = new TreeMap<>();
    /** The fixture files passed in with -Drnnbench.fixtures, in order. */
    private static final Set<String> FILES_PASSED_IN = new LinkedHashSet<>();
    /** Fixture file → case id → what the case runs, compares and does not compare (the same on every backend). */
    private static final Map<String, Map<String, String>> COVERAGE = new TreeMap<>();
    /** Whether the current thread runs inside a suite's dynamic test ({@link #recording}). */
    private static final ThreadLocal<Boolean> IN_SUITE = ThreadLocal.withInitial(() -> false);

    private VerificationReport() {
    }

    /**
     * Runs one case of a check and records it. {@code body} returns the worst error as a fraction of the tolerance
     * (0 for exact checks); an {@link AssertionError} it throws is recorded as a failure and rethrown.
     */
    public static void check(String backend, String check, Callable<Double> body) {
        try {
            double worst = body.call();
            record(backend, check, worst, null);
        } catch (AssertionError e) {
            record(backend, check, Double.POSITIVE_INFINITY, e.getMessage());
            throw e;
        } catch (Exception e) {
            record(backend, check, Double.POSITIVE_INFINITY, e.toString());
            throw new AssertionError(backend + ", " + check + ": " + e, e);
        }
    }

    /**
     * Like {@link #check}, but records only when called from within {@link #recording} (a suite's dynamic test);
     * elsewhere (e.g. tests proving that a check can fail) it just runs the body.
     */
    public static void checkIfRecording(String backend, String check, Callable<Double> body) {
        if (IN_SUITE.get()) {
            check(backend, check, body);
        } else {
            try {
                body.call();
            } catch (AssertionError | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError(backend + ", " + check + ": " + e, e);
            }
        }
    }

    /** Runs a suite's dynamic test so that {@link #checkIfRecording} inside it records. */
    public static void recording(org.junit.jupiter.api.function.Executable body) throws Throwable {
        IN_SUITE.set(true);
        try {
            body.execute();
        } finally {
            IN_SUITE.set(false);
        }
    }

    /** Records that one case (or checkpoint) of fixture {@code file} ran on {@code backend}, within a suite's test. */
    public static void fixtureCase(String backend, String file, boolean passed) {
        if (!IN_SUITE.get()) {
            return;
        }
        synchronized (VerificationReport.class) {
            int[] counts = FIXTURE_CASES.computeIfAbsent(file, f -> new TreeMap<>()).computeIfAbsent(backend, b -> new int[2]);
            counts[0]++;
            counts[1] += passed ? 0 : 1;
        }
    }

    /** Records a fixture file named by -Drnnbench.fixtures. */
    public static synchronized void fixtureFilePassedIn(String file) {
        FILES_PASSED_IN.add(file);
    }

    /**
     * Records, once per case, what a golden case runs and which expected keys it compares and does not (within a
     * suite's test).
     */
    public static void caseCoverage(String file, String caseId, List<String> functions, List<String> compared,
                                    Map<String, String> notCompared) {
        if (!IN_SUITE.get()) {
            return;
        }
        StringBuilder line = new StringBuilder("`").append(caseId).append("`: ").append(String.join("; ", functions))
                .append(". Compared: ").append(compared.isEmpty() ? "nothing" : String.join(", ", compared)).append('.');
        if (!notCompared.isEmpty()) {
            line.append(" **Not compared**: ");
            notCompared.forEach((key, why) -> line.append(key).append(" (").append(why).append("); "));
            line.setLength(line.length() - 2);
            line.append('.');
        }
        synchronized (VerificationReport.class) {
            COVERAGE.computeIfAbsent(file, f -> new LinkedHashMap<>()).putIfAbsent(caseId, line.toString());
        }
    }

    private static synchronized void record(String backend, String check, double worst, String failure) {
        Row row = ROWS.computeIfAbsent(backend, b -> new TreeMap<>()).computeIfAbsent(check, c -> new Row());
        row.cases++;
        if (failure != null) {
            row.failures++;
            if (row.firstFailure == null) {
                row.firstFailure = failure.lines().findFirst().orElse(failure);
            }
        } else {
            row.worst = Math.max(row.worst, worst);
        }
    }

    /** True when nothing was recorded (e.g. a run of unrelated tests). */
    static synchronized boolean isEmpty() {
        return ROWS.isEmpty();
    }

    /** The report as Markdown: one row per backend × check. */
    static synchronized String markdown() {
        StringBuilder md = new StringBuilder("# Verification report\n\n");
        md.append("Worst error is the largest error found as a fraction of its tolerance (≤ 1 passes; 0 = exact). ")
                .append("Checks: gradient check (central differences, DESIGN.md §4), agreement with `raw`, primitive ")
                .append("operations, determinism, golden NumPy values.\n\n");
        md.append("| backend | check | cases | failed | worst error / tolerance | result |\n|---|---|---:|---:|---:|---|\n");
        ROWS.forEach((backend, checks) -> checks.forEach((check, row) -> md.append(String.format("| %s | %s | %d | %d | %s | %s |%n",
                backend, check, row.cases, row.failures, row.cases == row.failures ? "—" : String.format("%.3g", row.worst),
                row.failures == 0 ? "pass" : "**FAIL**: " + row.firstFailure.replace("|", "\\|")))));
        if (!FIXTURE_CASES.isEmpty() || !FILES_PASSED_IN.isEmpty()) {
            md.append("\n## Fixture files\n\nCases run per fixture file and backend (a `dinos-trajectory` file counts its ")
                    .append("checkpoints).\n\n| fixture file | backend | cases run | failed |\n|---|---|---:|---:|\n");
            FIXTURE_CASES.forEach((file, byBackend) -> byBackend.forEach((backend, n) -> md.append(String.format(
                    "| `%s` | %s | %d | %d |%n", file, backend, n[0], n[1]))));
            if (!FILES_PASSED_IN.isEmpty()) {
                md.append("\nFiles passed in with `-Drnnbench.fixtures`:\n\n");
                for (String file : FILES_PASSED_IN) {
                    Map<String, int[]> byBackend = FIXTURE_CASES.getOrDefault(file, Map.of());
                    java.util.TreeSet<Integer> counts = new java.util.TreeSet<>();
                    byBackend.values().forEach(n -> counts.add(n[0]));
                    md.append("- `").append(file).append("`: ").append(byBackend.isEmpty() ? "**no case ran** (see the failures above)"
                            : (counts.size() == 1 ? counts.first() + " cases ran on each of " + byBackend.size() + " backends"
                            : "cases ran per backend: " + byBackend.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0])
                            .collect(java.util.stream.Collectors.joining(", ")))).append('\n');
                }
            }
        }
        if (!COVERAGE.isEmpty()) {
            md.append("\n## Golden cases: what each compares\n\nThe same on every backend; `*` marks a key compared with ")
                    .append("`expected_corrected`.\n");
            COVERAGE.forEach((file, cases) -> {
                md.append("\n`").append(file).append("`:\n\n");
                cases.values().forEach(line -> md.append("- ").append(line).append('\n'));
            });
        }
        return md.toString();
    }

    /** One line per backend: checks passed of checks run. */
    static synchronized List<String> summary() {
        List<String> lines = new ArrayList<>();
        ROWS.forEach((backend, checks) -> {
            long failedChecks = checks.values().stream().filter(r -> r.failures > 0).count();
            int cases = checks.values().stream().mapToInt(r -> r.cases).sum();
            double worst = checks.values().stream().mapToDouble(r -> r.worst).max().orElse(0);
            lines.add(String.format("%-22s %s: %d checks, %d cases, worst error %.3g of tolerance%s", backend,
                    failedChecks == 0 ? "PASS" : "FAIL", checks.size(), cases, worst,
                    failedChecks == 0 ? "" : ", failed: " + String.join(", ", checks.entrySet().stream()
                            .filter(e -> e.getValue().failures > 0).map(Map.Entry::getKey).toList())));
        });
        return lines;
    }

    /** Writes the Markdown report atomically (temporary file, then move). */
    static synchronized void write(Path file) throws IOException {
        AtomicFiles.writeString(file, markdown());
    }

    private static final class Row {
        int cases;
        int failures;
        double worst;
        String firstFailure;
    }
}
