package dev.lambdaguard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Outcome;
import org.junit.jupiter.api.Test;

/** Functional checks only: the detection benchmark measures what it claims to. */
class AnomalyDetectionBenchmarkTest {

  @Test
  void bothGuardsDecideAlikeAndTheStreamMakesTheTablesEvict() {
    AnomalyDetectionBenchmark b = new AnomalyDetectionBenchmark();
    b.setUp();
    int refused = 0;
    for (int i = 0; i < 4096; i++) {
      b.next = i;
      Outcome without = b.guardWithoutDetection(null);
      b.next = i;
      Outcome with = b.guardWithDetection(null);
      assertEquals(without.getClass(), with.getClass(), "detection never changes a decision");
      refused += without instanceof Outcome.Handled ? 0 : 1;
    }
    assertTrue(refused > 100 && refused < 400, "about one in twenty refused: " + refused);
    for (int i = 0; i < 20_000; i++) {
      b.observeOnly(null);
    }
    assertTrue(b.detector.evictions() > 0, "the stream holds more keys than the tables");
  }
}
