package io.rnnbench.core.spi;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core alone has no backend on its class path (backend modules depend on it, not the other way); its tests
 * register one provider, {@link UnavailableProvider}, that can never run.
 */
class BackendsTest {

    /** Registered in this module's test resources: a backend that is never available. */
    public static final class UnavailableProvider implements BackendProvider {
        @Override
        public String name() {
            return "never";
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.of("it needs hardware this test does not have");
        }

        @Override
        public Backend<?> create() {
            throw new AssertionError("create() called on an unavailable backend");
        }
    }

    @Test
    void unknownNameSaysWhatIsOnTheClassPath() {
        assertTrue(Backends.names().isEmpty(), "core must not register a backend: " + Backends.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.byName("raw"));
        assertEquals("unknown backend 'raw'; backends on the class path: none (add a backend module, e.g. rnnbench-backend-raw)"
                + " (registered but unable to run here: never)", e.getMessage());
    }

    @Test
    void unavailableBackendIsListedApartAndSaysWhy() {
        assertEquals(Map.of("never", "it needs hardware this test does not have"), Backends.unavailable());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.byName("never"));
        assertEquals("backend 'never' is on the class path but cannot run in this JVM: it needs hardware this test does not have",
                e.getMessage());
    }

    /** A provider that says nothing of its precision is float64; an unknown name fails as {@link Backends#byName} does. */
    @Test
    void precisionDefaultsToFloat64AndAnUnknownNameIsAnError() {
        assertEquals(Precision.FLOAT64, Backends.precision("never"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.precision("raw"));
        assertTrue(e.getMessage().startsWith("unknown backend 'raw'; backends on the class path: none"), e.getMessage());
        assertEquals(0x1p-24, Precision.FLOAT32.unitRoundoff());
        assertEquals(Math.ulp(1.0) / 2, Precision.FLOAT64.unitRoundoff());
    }
}
