package io.rnnbench.verification.golden;

import io.rnnbench.verification.VerificationReport;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Golden values of seed document 002 ({@code 002_b8e24a33f7939657.txt}: Andrew Ng's RNN/LSTM step by step and the
 * dinosaur-name model) on one backend, by name: the 13 NumPy test blocks and 9 extra cases ({@link Seed002Dispatch}), the NumPy
 * training trajectory of the dinosaur-name model ({@link DinosTrajectory}), and every extra fixture file named by
 * {@code -Drnnbench.fixtures=a.json,b.json} (dispatched on its {@code kind}). A backend is verified by a subclass
 * with one constructor: {@code super("my-backend")}. Formats: {@code verification/README.md}, "Golden values".
 */
public abstract class GoldenValuesSuite {
    private final String backendName;

    protected GoldenValuesSuite(String backendName) {
        this.backendName = backendName;
    }

    /** Seed 002's test blocks: inputs regenerated from seed + draws, then every expected output through the core. */
    @TestFactory
    Stream<DynamicNode> seed002Cases() {
        return recorded(GoldenFixtures.resource(backendName, GoldenFixtures.SEED002_RESOURCE));
    }

    /** The extra seed-002 cases: other shapes and seeds, and the format's general features ({@code xN}, qualifiers, …). */
    @TestFactory
    Stream<DynamicNode> seed002ExtraCases() {
        return recorded(GoldenFixtures.resource(backendName, GoldenFixtures.SEED002_EXTRA_RESOURCE));
    }

    /** Seed 002's dinosaur-name model trained for 20,001 steps, against the NumPy smoothed loss at every 2,000th. */
    @TestFactory
    Stream<DynamicNode> dinosTrajectory() {
        return recorded(GoldenFixtures.resource(backendName, GoldenFixtures.DINOS_RESOURCE));
    }

    /** The files named by {@value GoldenFixtures#PROPERTY}, if any. */
    @TestFactory
    Stream<DynamicNode> extraFixtures() {
        return recorded(GoldenFixtures.extraFiles(backendName));
    }

    /** The same tests, recording their outcomes in the {@link VerificationReport}. */
    private static Stream<DynamicNode> recorded(Stream<DynamicNode> nodes) {
        return nodes.map(GoldenValuesSuite::recorded);
    }

    private static DynamicNode recorded(DynamicNode node) {
        if (node instanceof DynamicContainer container) {
            return DynamicContainer.dynamicContainer(container.getDisplayName(), container.getTestSourceUri().orElse(null),
                    container.getChildren().map(GoldenValuesSuite::recorded));
        }
        DynamicTest test = (DynamicTest) node;
        return DynamicTest.dynamicTest(test.getDisplayName(), test.getTestSourceUri().orElse(null),
                () -> VerificationReport.recording(test.getExecutable()));
    }
}
