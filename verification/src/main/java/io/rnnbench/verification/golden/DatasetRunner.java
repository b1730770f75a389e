package io.rnnbench.verification.golden;

import io.rnnbench.workloads.DinoNames;
import io.rnnbench.workloads.text.Vocabulary;

import java.util.List;

/**
 * The dataset family: {@code dataset example}, the training pair of one name built as the dinos run builds it
 * ({@link DinoNames#inputs}, {@link DinoNames#targets}): X = [None] + indices of the name, Y = X[1:] + [newline],
 * over the vocabulary of the built-in dinos list.
 */
final class DatasetRunner {
    private DatasetRunner() {
    }

    static List<String> keys() {
        return List.of("X", "Y");
    }

    /** {@code examples[index % len(examples)]} as (X, Y). */
    static <M> void example(CaseRun<M> run) {
        FixtureValue args = run.c.args();
        List<String> examples = args.get("examples").asStringList();
        String name = examples.get(args.get("index").asInt() % examples.size());
        Vocabulary vocabulary = DinoNames.fromResource().vocabulary();
        if (run.c.hasExpected("X")) {
            run.checks.equal("X (None as −1)", DinoNames.inputs(vocabulary, name), run.c.expected("X").asIndexArrayWithNone());
            run.markCompared("X");
        }
        if (run.c.hasExpected("Y")) {
            run.checks.equal("Y", DinoNames.targets(vocabulary, name), run.c.expected("Y").asIntArray());
            run.markCompared("Y");
        }
    }
}
