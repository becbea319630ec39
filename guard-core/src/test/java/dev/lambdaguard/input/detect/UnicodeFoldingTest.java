package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer.Form;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Unicode layer's fast paths (full-width runs folded by subtraction into a Latin-1 or a character buffer,
 * pieces, runs of one cluster normalized once) checked against what they stand for, on random strings built from
 * the pieces attacks and near misses are made of: within its budget, it is the JDK's NFKC.
 */
class UnicodeFoldingTest {

  /** Full-width forms, marks, Hangul jamo, compatibility forms, inert letters, ASCII. */
  private static final String[] ATOMS = {"%", "&", "a", "e", "Z", " ", "<", ".", "\0", "é", "Д",
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
