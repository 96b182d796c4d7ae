package dev.betweenrows.server.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The AOT training run must train the paths real statements take: forwarded rewrites, and a refusal. */
class GuardTrainingTest {
    @Test void everyShapeIsForwardedByTheRealGuardAndTheHiddenColumnRefused() {
        GuardTraining.Result r = GuardTraining.run(3);
        assertEquals(3 * GuardTraining.shapes(), r.forwarded(), "a refused shape would train the refusal path only");
        assertEquals(3, r.refused());
    }
}
