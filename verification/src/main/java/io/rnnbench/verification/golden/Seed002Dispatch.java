package io.rnnbench.verification.golden;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.spi.Backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a case of a {@code seed002-cases} fixture by its {@code functions} list, never by its id: each entry
 * ({@link FunctionCall}: NAME, {@code (QUALIFIER)}, {@code xN}) goes to the runner of its family — cells
 * ({@link CellRunner}), sequences ({@link SequenceRunner}), training steps ({@link TrainingRunner}: clip, optimize,
 * initialize_parameters), sampling ({@link SamplingRunner}: sample, np.random.choice) and the dataset
 * ({@link DatasetRunner}). Entries that follow {@code optimize} and are functions it calls run inside it.
 *
 * <p>Every expected key a runner of the case knows is compared (with {@code expected_corrected} where the fixture
 * has it); a missing optional key is skipped; an expected key no runner of the case knows is reported as not
 * compared ({@link #plan}); an unknown function fails the case, naming it and the known ones.
 */
public final class Seed002Dispatch {
    private Seed002Dispatch() {
    }

    /** What one function does on a case. */
    private interface Runner {
        <M> void run(CaseRun<M> run, FunctionCall call);
    }

    /** One function: its family, the expected keys it knows, and its runner. */
    private record Function(String family, List<String> keys, Runner runner) {
    }

    private static final Map<String, Function> FUNCTIONS = new LinkedHashMap<>();

    static {
        for (CellType cell : CellType.values()) {
            String p = cell == CellType.RNN ? "rnn" : "lstm";
            FUNCTIONS.put(p + "_cell_forward", new Function("cells", CellRunner.keys(p + "_cell_forward"), new Runner() {
                public <M> void run(CaseRun<M> run, FunctionCall call) {
                    CellRunner.forward(run, cell);
                }
            }));
            FUNCTIONS.put(p + "_cell_backward", new Function("cells", CellRunner.keys(p + "_cell_backward"), new Runner() {
                public <M> void run(CaseRun<M> run, FunctionCall call) {
                    CellRunner.backward(run, cell);
                }
            }));
            FUNCTIONS.put(p + "_forward", new Function("sequences", SequenceRunner.keys(p + "_forward"), new Runner() {
                public <M> void run(CaseRun<M> run, FunctionCall call) {
                    SequenceRunner.forward(run, cell);
                }
            }));
            FUNCTIONS.put(p + "_backward", new Function("sequences", SequenceRunner.keys(p + "_backward"), new Runner() {
                public <M> void run(CaseRun<M> run, FunctionCall call) {
                    SequenceRunner.backward(run, cell);
                }
            }));
        }
        FUNCTIONS.put("clip", new Function("training steps", TrainingRunner.keys("clip"), new Runner() {
            public <M> void run(CaseRun<M> run, FunctionCall call) {
                TrainingRunner.clip(run);
            }
        }));
        FUNCTIONS.put("initialize_parameters", new Function("training steps", TrainingRunner.keys("initialize_parameters"), new Runner() {
            public <M> void run(CaseRun<M> run, FunctionCall call) {
                TrainingRunner.initializeParameters(run);
            }
        }));
        FUNCTIONS.put("optimize", new Function("training steps", TrainingRunner.keys("optimize"), new Runner() {
            public <M> void run(CaseRun<M> run, FunctionCall call) {
                TrainingRunner.optimize(run, call);
            }
        }));
        FUNCTIONS.put("sample", new Function("sampling", SamplingRunner.keys("sample"), new Runner() {
            public <M> void run(CaseRun<M> run, FunctionCall call) {
                SamplingRunner.sample(run);
            }
        }));
        FUNCTIONS.put("np.random.choice", new Function("sampling", SamplingRunner.keys("np.random.choice"), new Runner() {
            public <M> void run(CaseRun<M> run, FunctionCall call) {
                SamplingRunner.choice(run);
            }
        }));
        FUNCTIONS.put("dataset example", new Function("dataset", DatasetRunner.keys(), new Runner() {
            public <M> void run(CaseRun<M> run, FunctionCall call) {
                DatasetRunner.example(run);
            }
        }));
    }

    /** The functions a case may name (after a {@code cllm_utils.} prefix is dropped). */
    public static List<String> knownFunctions() {
        List<String> names = new ArrayList<>(FUNCTIONS.keySet());
        names.add("update_parameters (inside optimize)");
        return names;
    }

    /**
     * What a case will run and compare, known before it runs.
     *
     * @param steps      per entry of {@code functions}: the function and its family, "inside optimize", or the
     *                   reason it cannot run (unknown function)
     * @param compared   the expected keys a runner of the case knows, in the file's order (compared when present)
     * @param notCompared the other expected keys, each with the reason
     * @param unknown    the entries naming no known function
     */
    public record Plan(List<String> steps, List<String> compared, Map<String, String> notCompared, List<String> unknown) {
    }

    /** The plan of case {@code c}. */
    public static Plan plan(Seed002Case c) {
        List<String> steps = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        boolean insideOptimize = false;
        for (FunctionCall call : c.functions()) {
            Function f = FUNCTIONS.get(call.name());
            if (insideOptimize && TrainingRunner.OPTIMIZE_CALLEES.contains(call.name())) {
                steps.add(call.entry() + ": inside optimize");
                continue;
            }
            insideOptimize = call.name().equals("optimize");
            if (f == null) {
                unknown.add(call.entry());
                steps.add(call.entry() + ": unknown");
                continue;
            }
            known.addAll(f.keys());
            steps.add(call.entry() + ": " + f.family() + (call.corrected() ? ", expected from the corrected maths" : ""));
        }
        List<String> compared = new ArrayList<>();
        Map<String, String> notCompared = new LinkedHashMap<>();
        for (String key : c.expectedKeys()) {
            if (known.contains(key)) {
                compared.add(key);
            } else {
                notCompared.put(key, "no runner of " + names(c) + " knows expected key \"" + key + "\"");
            }
        }
        return new Plan(steps, compared, notCompared, unknown);
    }

    private static List<String> names(Seed002Case c) {
        return c.functions().stream().map(FunctionCall::entry).toList();
    }

    /** Runs case {@code c} on {@code backend}, recording every comparison in {@code checks}. */
    public static <M> void run(Backend<M> backend, Seed002Case c, CaseChecks checks) {
        CaseRun<M> run = new CaseRun<>(backend, c, checks);
        boolean insideOptimize = false;
        for (FunctionCall call : c.functions()) {
            if (insideOptimize && TrainingRunner.OPTIMIZE_CALLEES.contains(call.name())) {
                continue; //                                                  ran inside the optimize call before it
            }
            insideOptimize = call.name().equals("optimize");
            Function f = FUNCTIONS.get(call.name());
            if (f == null) {
                checks.failure(c.source() + ": case \"" + c.id() + "\": unknown function \"" + call.entry() + "\"; known: "
                        + knownFunctions());
                continue;
            }
            f.runner().run(run, call);
        }
        Plan plan = plan(c);
        Set<String> missed = new LinkedHashSet<>();
        for (String key : plan.compared()) {
            if (!run.compared().contains(key)) {
                missed.add(key);
            }
        }
        if (!missed.isEmpty() && plan.unknown().isEmpty()) {
            checks.failure("expected " + missed + " of case " + c.id() + " are known to its runners " + names(c)
                    + " but were not compared (the inputs they need are missing?)");
        }
    }
}
