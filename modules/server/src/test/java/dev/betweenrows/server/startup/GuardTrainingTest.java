package dev.betweenrows.server.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The AOT training run must train the paths real statements take: forwarded rewrites, and a refusal. */
class GuardTrainingTest {
    @Test void everyShapeIsForwardedByTheRealGuardAndTheHiddenColumnRefused() {
        GuardTraining.Result r = GuardTraining.run(3);
        assertEquals(3 * GuardTraining.shapes(), r.forwarded(), "a refused shape would train the refusal path only");
        assertEquals(3, r.refused());
    }

    @Test void onlyAnEmptyOrMissingDataDirectoryIsTrainedOn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        assertTrue(GuardTraining.isEmptyOrMissing(dir.resolve("missing")));
        assertTrue(GuardTraining.isEmptyOrMissing(dir));
        java.nio.file.Files.writeString(dir.resolve("store.lock"), "x");
        assertFalse(GuardTraining.isEmptyOrMissing(dir), "a data directory in use must not be trained on");
    }
}
