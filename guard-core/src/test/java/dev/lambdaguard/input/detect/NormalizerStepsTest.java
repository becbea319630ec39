package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer.Form;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoding steps' fast paths checked against what they stand for, on random strings built from the pieces
 * attacks and near misses are made of: NFKC within its budget is the JDK's NFKC, and percent-decoding gives the same
 * text whether it writes Latin-1 bytes or characters.
 */
class NormalizerStepsTest {

  /** Escapes, references, full-width forms, marks, Hangul jamo and compatibility forms, inert letters, ASCII. */
  private static final String[] ATOMS = {"%", "%2", "%25", "%2e", "%2B", "+", "%c0", "%ae", "%e0%80", "%f0%9f%98%80",
      "%u002e", "%uff1c", "%ff", "&", "&#", "&#60", "&lt", "&sh", "a", "e", "Z", " ", "<", ".", "\0", "é", "Д",
      "\u0301", "\u0302", "\u0327", "\u0338", "=", "\uff1c", "\uff53", "\uff41", "\u00a0", "\u00b5", "\u2026",
      "\u1100", "\u1161", "\u11a8", "\u3099", "\u304b", "\u200b", "\ufb01", "\u2460", "\ud83d\ude00", "\u0f73"};

  @Test
  void nfkcWithinItsBudgetIsTheJdksNfkcAndAnUnchangedValueIsReturnedItself() {
    Random random = new Random(1);
    for (int t = 0; t < 20_000; t++) {
      String s = randomValue(random);
      if (random.nextInt(10) == 0) {
        s = s.repeat(2 + random.nextInt(40)); // runs of equal clusters, normalized once for all of them
      }
      String expected = java.text.Normalizer.normalize(s, Form.NFKC);
      String folded = UnicodeFolding.nfkc(s, new int[] {Normalizer.MAX_FOLDED});
      String input = s;
      assertEquals(expected, folded, () -> "NFKC of " + escaped(input));
      if (expected.equals(s)) {
        assertSame(s, folded, () -> "unchanged, yet copied: " + escaped(input));
      }
    }
  }

  @Test
  void aFloodOfOneClusterFoldsAsTheJdkFoldsIt() {
    for (String cluster : new String[] {"e\u0301", "\uff41\u0301", "x\u0301\u0302", "\u1100\u1161", "a\u0338"}) {
      String flood = cluster.repeat(5000) + "<" + cluster.repeat(17);
      assertEquals(java.text.Normalizer.normalize(flood, Form.NFKC),
          UnicodeFolding.nfkc(flood, new int[] {Normalizer.MAX_FOLDED}), cluster);
    }
  }

  @Test
  void percentDecodingWritesTheSameTextAsLatinOneAsAfterACharacterBeyondIt() {
    Random random = new Random(2);
    for (int t = 0; t < 20_000; t++) {
      String s = randomValue(random);
      String decoded = Normalizer.percentDecode(s);
      String afterWide = Normalizer.percentDecode("\u0100" + s); // characters from the start
      String input = s;
      assertEquals(decoded == s ? "\u0100" + s : "\u0100" + decoded, afterWide, () -> escaped(input));
    }
  }

  private static String randomValue(Random random) {
    StringBuilder value = new StringBuilder();
    int pool = 1 + random.nextInt(ATOMS.length);
    for (int k = random.nextInt(40); k > 0; k--) {
      value.append(ATOMS[random.nextInt(pool)]);
    }
    return value.toString();
  }

  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
