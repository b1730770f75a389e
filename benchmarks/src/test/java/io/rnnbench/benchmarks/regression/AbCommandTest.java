package io.rnnbench.benchmarks.regression;

import io.rnnbench.benchmarks.ExitStatus;
import io.rnnbench.benchmarks.cli.CommandRun;
import io.rnnbench.benchmarks.report.RunFiles;
import io.rnnbench.benchmarks.results.JmhResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rnnbench ab} end to end with a stand-in for {@code java} ({@code --java}): a script that lists two benchmarks
 * for {@code -lp} and otherwise writes one fork's JMH JSON, with the forward pass 1.5× slower in the candidate jar, and
 * logs every command line. No JMH runs.
 */
class AbCommandTest {
    private static final String FAKE_JAVA = """
            #!/bin/bash
            echo "$*" >> "$(dirname "$0")/commands.log"
            jar=""; bench=""; rff=""; params=""; lp=0
            while [ $# -gt 0 ]; do
              case "$1" in
                -jar) jar="$2"; shift ;;
                -lp) lp=1 ;;
                -rff) rff="$2"; shift ;;
                -p) params="$params\\"${2%%=*}\\": \\"${2#*=}\\", "; shift ;;
                ^*) bench="$1" ;;
              esac
              shift
            done
            if [ $lp = 1 ]; then
              printf 'Benchmarks: \\nio.rnnbench.benchmarks.rnn.ForwardBenchmark.forward\\n  param "backend" = {raw}\\n'
              printf '  param "cell" = {rnn}\\nio.rnnbench.benchmarks.ruler.RulerBenchmark.fmaDot\\n'
              exit 0
            fi
            bench=${bench#^\\\\Q}; bench=${bench%\\\\E$}
            base=1.0; jitter=0.01
            case "$bench/$jar" in *Forward*candidate.jar) base=1.5 ;; esac
            case "$bench" in *Forward*) jitter=0.1 ;; esac
            score=$(awk -v b=$base -v j=$jitter -v r=$RANDOM 'BEGIN { printf "%.4f", b + j * r / 32768 }')
            cat > "$rff" <<JSON
            [{"benchmark": "$bench", "mode": "avgt", "jmhVersion": "1.37", "jdkVersion": "17", "vmName": "VM",
              "params": {${params%, }}, "forks": 1,
              "primaryMetric": {"score": $score, "scoreUnit": "ms/op", "rawData": [[$score, $score, $score]]},
              "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 0, "scoreUnit": "B/op", "rawData": [[0, 0, 0]]}}}]
            JSON
            """;

    @Test
    void sidesAlternatePointByPointAndTheVerdictComesFromTheComparison(@TempDir Path dir) throws IOException {
        Path java = dir.resolve("java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Path a = Files.createFile(dir.resolve("baseline.jar"));
        Path b = Files.createFile(dir.resolve("candidate.jar"));
        Path out = dir.resolve("ab");

        CommandRun ab = CommandRun.of("ab", "--java", java.toString(), "--baseline", a.toString(), "--candidate", b.toString(),
                "--forks", "6", "--param", "cell=rnn", "--baseline-param", "backend=raw", "--candidate-param", "backend=raw",
                "--out", out.toString());

        assertEquals(ExitStatus.FAILED, ab.status(), "the forward pass is 1.5× slower: a blocking regression\n" + ab.out() + ab.err());
        assertTrue(ab.out().contains("**slower** +"), ab.out());
        for (String side : List.of("baseline", "candidate")) {
            JmhResults merged = JmhResults.read(out.resolve(side).resolve(RunFiles.RESULTS));
            assertEquals(2, merged.entries().size(), side + ": the forward pass and the ruler");
            merged.entries().forEach(e -> assertEquals(6, e.primary().rawData().size(), side + " " + e.benchmark() + ": 6 forks"));
        }
        assertTrue(Files.isRegularFile(out.resolve("verdict.json")));

        List<String> commands = Files.readAllLines(dir.resolve("commands.log"), StandardCharsets.UTF_8);
        assertEquals(2 + 2 * 2 * 6, commands.size(), "two listings, then 6 forks of 2 points on 2 sides");
        assertTrue(commands.get(0).startsWith("-jar " + a + " io.rnnbench.benchmarks.rnn.(Forward|TrainingStep)Benchmark "
                + "io.rnnbench.benchmarks.ruler.RulerBenchmark -p cell=rnn -p shape=char -p backend=raw -lp"), commands.get(0));
        String forward = "\\Qio.rnnbench.benchmarks.rnn.ForwardBenchmark.forward\\E$ -p cell=rnn -p backend=raw -wi 2";
        assertTrue(commands.get(2).startsWith("-jar " + a + " ^" + forward), commands.get(2));
        assertTrue(commands.get(2).endsWith(" -f 1 -rf json -rff " + out.resolve("forks").resolve("0001-baseline.json")),
                commands.get(2));
        assertTrue(commands.get(3).startsWith("-jar " + b + " ^" + forward), commands.get(3));
        assertTrue(commands.get(4).startsWith("-jar " + a + " ^\\Qio.rnnbench.benchmarks.ruler.RulerBenchmark.fmaDot\\E$"),
                commands.get(4));
        assertTrue(commands.get(6).startsWith("-jar " + b + " ^" + forward), "the next round starts with the other side: "
                + commands.get(6));
    }
}
