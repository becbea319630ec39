package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.input.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A detector's {@link Detector#triggers()} lets the scanner skip it: this checks that no plain value without those
 * characters is one the detector would flag, on every corpus value and on every attack with its trigger characters
 * taken out (the nearest misses there are).
 */
class DetectorTriggersTest {

  @Test
  void aPlainValueWithoutAnyTriggerIsNeverFlagged() {
    // single words some detector does flag (localhost is a loopback name), and words that name attacks' targets
    List<String> values = new ArrayList<>(List.of("localhost", "whoami", "passwd", "metadata", "2130706433",
        "0x7f000001", "Li4vLi4vZXRjL3Bhc3N3ZA", "constructor", "__proto__", "jndi", "script", "alert1"));
    Random random = new Random(11);
    for (Corpus.Row row : Corpus.rows()) {
      values.add(row.value());
      // the same value with a few characters dropped at random: other near misses
      StringBuilder thinned = new StringBuilder(row.value());
      for (int k = 0; k < 3 && thinned.length() > 1; k++) {
        thinned.deleteCharAt(random.nextInt(thinned.length()));
      }
      values.add(thinned.toString());
    }
    int gated = 0;
    for (Detector detector : Detectors.all()) {
      Normalized.CharSet triggers = detector.triggers();
      if (triggers == null) {
        continue;
      }
      gated++;
      for (String value : values) {
        String without = withoutTriggers(value, triggers);
        Normalized normalized = Normalized.of(without);
        if (normalized.isPlainAscii()) {
          assertTrue(!normalized.containsAny(triggers));
          assertNull(detector.detect(normalized), () -> detector.getClass().getSimpleName() + " flags a value "
              + "without its triggers: " + without);
        }
      }
    }
    assertTrue(gated >= 3, "detectors with triggers: " + gated);
  }

  private static String withoutTriggers(String value, Normalized.CharSet triggers) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 128 || !Normalized.of(String.valueOf(c)).containsAny(triggers)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
