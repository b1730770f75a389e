package io.rnnbench.verification.golden;

import io.rnnbench.core.spi.Backend;

/** Runs one case of the published seed-002 fixture on a backend instance (e.g. a mutated one), for tests. */
public final class MutationProbe {
    private MutationProbe() {
    }

    /** Runs case {@code id} of the published fixture on {@code backend}; fails like the golden suite does. */
    public static void runPublishedCase(Backend<?> backend, String id) {
        FixtureValue root = FixtureReader.parseFixture(GoldenChecksCanFailTest.resource(GoldenFixtures.SEED002_RESOURCE),
                GoldenFixtures.SEED002_RESOURCE);
        for (FixtureValue node : root.get("cases").list()) {
            if (node.get("id").asString().equals(id)) {
                Seed002Case c = new Seed002Case(node);
                CaseChecks checks = new CaseChecks(backend.name(), "seed 002 " + id);
                Seed002Dispatch.run(backend, c, checks);
                checks.assertAllPassed();
                return;
            }
        }
        throw new IllegalArgumentException("no case " + id);
    }
}
