package io.rnnbench.benchmarks.regression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scripts/baseline-ref.sh, the A/B baseline of .ci/run, in a throwaway repository. */
class BaselineRefTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "baseline-ref.sh").toAbsolutePath().normalize();

    @TempDir
    Path repo;

    private String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@t", "GIT_COMMITTER_NAME", "t",
                "GIT_COMMITTER_EMAIL", "t@t"));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        return run(Map.of(), command.toArray(String[]::new));
    }

    private String baseline(Map<String, String> env) throws IOException, InterruptedException {
        return run(env, "bash", SCRIPT.toString());
    }

    @Test
    void aBranchIsComparedWithItsMergeBaseMainWithItsPreviousCommit() throws Exception {
        git("init", "-q");
        git("commit", "-q", "--allow-empty", "-m", "one");
        git("commit", "-q", "--allow-empty", "-m", "two");
        String two = git("rev-parse", "--short=10", "HEAD");
        String one = git("rev-parse", "--short=10", "HEAD~1");
        assertEquals(one + " (HEAD~1 on main)", baseline(Map.of()));

        git("checkout", "-q", "-b", "feature");
        git("commit", "-q", "--allow-empty", "-m", "three");
        git("commit", "-q", "--allow-empty", "-m", "four");
        assertEquals(two + " (merge base with main)", baseline(Map.of()), "not HEAD~1, which is 'three'");

        git("checkout", "-q", "main");
        git("commit", "-q", "--allow-empty", "-m", "main moves on");
        git("checkout", "-q", "feature");
        assertEquals(two + " (merge base with main)", baseline(Map.of()));

        assertEquals(one + " (BASELINE_REF=HEAD~3)", baseline(Map.of("BASELINE_REF", "HEAD~3")));
        assertTrue(baseline(Map.of("MAIN_BRANCH", "trunk")).endsWith("(HEAD~1 on trunk)"), "no trunk: the previous commit");
    }
}
