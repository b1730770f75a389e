package io.rnnbench.benchmarks.cli;

import io.rnnbench.benchmarks.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RnnbenchTest {
    private static final List<String> COMMANDS = List.of("run", "merge", "report", "advise", "compare", "ab", "history", "train", "sample");

    @Test
    void everyCommandHasHelp() {
        for (String command : COMMANDS) {
            CommandRun help = CommandRun.of(command, "--help");
            assertEquals(ExitStatus.OK, help.status(), command + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: rnnbench " + command), help.out());
        }
        CommandRun top = CommandRun.of("--help");
        assertEquals(ExitStatus.OK, top.status());
        for (String command : COMMANDS) {
            assertTrue(top.out().contains("\n  " + command + " "), command + " missing in: " + top.out());
        }
    }

    @Test
    void noOrAnUnknownCommandIsAUsageErrorThatListsTheCommands() {
        CommandRun none = CommandRun.of();
        assertEquals(ExitStatus.USAGE, none.status());
        assertTrue(none.err().contains("name a command: " + String.join(", ", COMMANDS)), none.err());

        CommandRun unknown = CommandRun.of("bench");
        assertEquals(ExitStatus.USAGE, unknown.status());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'bench'"), unknown.err());
    }

    @Test
    void badInputOfTheOtherCommandsExitsTwoAndSaysWhat(@TempDir Path dir) {
        CommandRun report = CommandRun.of("report", dir.resolve("none.json").toString(), dir.toString());
        assertEquals(ExitStatus.USAGE, report.status());
        assertTrue(report.err().contains("report: no result file at "), report.err());

        CommandRun run = CommandRun.of("run", "-f", "0");
        assertEquals(ExitStatus.USAGE, run.status());
        assertTrue(run.err().contains("rnnbench: bad option: -f 0: every backend × shape needs its own fork"), run.err());

        CommandRun ab = CommandRun.of("ab", "--baseline", dir.resolve("a.jar").toString(), "--candidate", dir.resolve("b.jar").toString());
        assertEquals(ExitStatus.USAGE, ab.status());
        assertTrue(ab.err().contains("a.jar: no such jar"), ab.err());

        CommandRun advise = CommandRun.of("advise", "--cell", "gru", "--shape", "char");
        assertEquals(ExitStatus.USAGE, advise.status());
        assertTrue(advise.err().contains("Invalid value for option '--cell': expected one of [RNN, LSTM]"), advise.err());

        CommandRun shape = CommandRun.of("advise", "--cell", "lstm", "--shape", "huge");
        assertEquals(ExitStatus.USAGE, shape.status());
        assertTrue(shape.err().contains("Invalid value for option '--shape': "), shape.err());

        CommandRun suite = CommandRun.of("advise", "--cell", "lstm", "--shape", "char", "--suite", "sideways");
        assertEquals(ExitStatus.USAGE, suite.status());
        assertTrue(suite.err().contains("unknown suite 'sideways': cell-step, forward, backward, training-step or all"), suite.err());
    }
}
