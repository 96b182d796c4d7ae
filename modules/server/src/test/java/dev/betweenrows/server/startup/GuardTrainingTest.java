package dev.betweenrows.server.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AOT training run must train the paths real statements take: forwarded rewrites, and a refusal. */
class GuardTrainingTest {
    @Test void everyShapeIsForwardedByTheRealGuardAndTheHiddenColumnRefused() {
        GuardTraining.Result r = GuardTraining.run(3);
        assertEquals(3 * GuardTraining.shapes(), r.forwarded(), "a refused shape would train the refusal path only");
        assertEquals(3, r.refused());
    }

    @Test void onlyAnEmptyOrMissingDataDirectoryIsTrainedOn(@TempDir Path dir) throws IOException {
        assertTrue(GuardTraining.isEmptyOrMissing(dir.resolve("missing")));
        assertTrue(GuardTraining.isEmptyOrMissing(dir));
        Files.writeString(dir.resolve("store.lock"), "x");
        assertFalse(GuardTraining.isEmptyOrMissing(dir), "a data directory in use must not be trained on");
    }
}
