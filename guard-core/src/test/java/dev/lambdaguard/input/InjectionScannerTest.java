package dev.lambdaguard.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.input.detect.Detection;
import dev.lambdaguard.input.detect.Normalized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One value, every category; and the scan a guard runs, which stops at the detection that settles the value. */
class InjectionScannerTest {

  final InjectionScanner scanner = InjectionScanner.allCategories();

  @Test
  void aValueThatReadsAsSeveralAttacksGetsOneDetectionPerCategory() {
    List<Detection> all = scanner.scan("; cat /etc/passwd");
    assertTrue(all.size() >= 2, () -> "command injection and path traversal: " + all);
    assertEquals(all.size(), all.stream().map(Detection::category).distinct().count());
  }

  @Test
  void aDecisiveDetectionEndsTheScanAndIsTheLastOneReturned() {
    Normalized value = Normalized.of("`cat ../../../etc/passwd`"); // command injection 90, then path traversal 95
    List<Detection> all = scanner.scan(value);
    List<Detection> first = scanner.scan(value, d -> d.score() >= Detection.SURE);
    assertEquals(1, first.size());
    assertEquals(all.get(0), first.get(0), "the detectors run in the same order");
    assertEquals(all, scanner.scan(value, d -> false), "nothing decisive: every category is read");
    assertEquals(List.of(), scanner.scan(Normalized.of("Leave at the door"), d -> true));
  }
}
