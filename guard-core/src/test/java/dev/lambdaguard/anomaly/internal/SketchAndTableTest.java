package dev.lambdaguard.anomaly.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SketchAndTableTest {

  @Test
  void aRegionHashesAsItsSubstringDoes() {
    String header = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2ln";
    for (int start = 0; start < 12; start++) {
      for (int end = start; end <= header.length(); end += 3) {
        org.junit.jupiter.api.Assertions.assertEquals(FastHash.of(header.substring(start, end), 42L),
            FastHash.of(header, start, end, 42L), start + ".." + end);
      }
    }
  }

  @Test
  void theSketchCountsSmallSetsCloselyAndForgetsAfterTwoEpochs() {
    DistinctSketch sketch = new DistinctSketch();
    for (int i = 0; i < 30; i++) {
      sketch.add(FastHash.of("/orders/" + i, 42), 1000, 60_000);
      sketch.add(FastHash.of("/orders/" + i, 42), 1000, 60_000); // repeats do not count
    }
    assertEquals(30, sketch.estimate(), 4);
    sketch.add(FastHash.of("/x", 42), 61_000, 60_000); // second epoch: the first is still counted
    assertTrue(sketch.estimate() >= 28);
    sketch.add(FastHash.of("/y", 42), 121_500, 60_000); // third epoch: the first is gone
    assertEquals(2, sketch.estimate(), 0.5);
  }

  @Test
  void bitsForIsTheFewestBitsWhoseEstimateReachesTheCount() {
    assertEquals(1, DistinctSketch.bitsFor(1));
    int bits = DistinctSketch.bitsFor(40);
    assertTrue(DistinctSketch.estimate(bits) >= 40);
    assertTrue(DistinctSketch.estimate(bits - 1) < 40);
  }

  @Test
  void theHashDependsOnEveryCharacterAndOnTheSeed() {
    String token = "Bearer " + "a".repeat(500);
    String changed = "Bearer " + "a".repeat(250) + "b" + "a".repeat(249);
    assertNotEquals(FastHash.of(token, 1), FastHash.of(changed, 1));
    assertNotEquals(FastHash.of(token, 1), FastHash.of(token, 2));
    assertEquals(FastHash.of(token, 1), FastHash.of(new StringBuilder(token), 1));
    assertNotEquals(0, FastHash.of("", 0));
  }

  static final class Counter extends KeyedTable.Entry {
    int value;

    @Override
    protected void clear() {
      value = 0;
    }
  }

  @Test
  void theTableReturnsTheSameStateForAKeyAndReusesTheOldestWhenFull() {
    KeyedTable<Counter> table = new KeyedTable<>(64, Counter::new);
    Counter a = table.get(FastHash.of("a", 7), 1);
    a.value = 5;
    assertSame(a, table.get(FastHash.of("a", 7), 2));
    for (int i = 0; i < 10_000; i++) {
      table.get(FastHash.of("k" + i, 7), 10 + i);
    }
    assertEquals(64, table.capacity());
    assertTrue(table.size() <= 64);
    assertTrue(table.evictions() >= 10_000 - 63);
    assertEquals(0, table.get(FastHash.of("a", 7), 20_000).value, "evicted state comes back cleared");
  }
}
