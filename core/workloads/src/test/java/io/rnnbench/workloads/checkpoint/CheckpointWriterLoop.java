package io.rnnbench.workloads.checkpoint;

import io.rnnbench.core.model.CellType;
import io.rnnbench.core.model.HeadType;
import io.rnnbench.core.model.ModelConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The process {@link CheckpointCrashTest} kills: writes checkpoint {@code step} = 1, 2, 3, … to the file named by
 * its argument, forever, printing "wrote N" after each write has returned.
 */
public final class CheckpointWriterLoop {
    /** Its W_x [400, 200] is the one array: 640 kB per write, so that kills land mid-write. */
    static final ModelConfig MODEL = new ModelConfig(CellType.RNN, 400, 200, 1, 1, HeadType.PER_STEP_SOFTMAX);

    private CheckpointWriterLoop() {
    }

    /** The checkpoint of step {@code step}: every value a function of the step and the index. */
    static Checkpoint checkpoint(long step) {
        double[] w = new double[400 * 200];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sin(step * 1e-3 + i);
        }
        Checkpoint.Info info = new Checkpoint.Info("crash-test", Map.of("network", MODEL), List.of("a"), "sgd", Map.of(), step,
                step / 7.0);
        return Checkpoint.of(info, Map.of("layer0.wX", new Tensor(400, 200, w)), Map.of());
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        for (long step = 1; ; step++) {
            checkpoint(step).write(file);
            System.out.println("wrote " + step);
            System.out.flush();
        }
    }
}
