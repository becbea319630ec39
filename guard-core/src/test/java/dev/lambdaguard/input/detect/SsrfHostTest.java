package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one-pass search for names that point inside, against a search for each name on its own. */
class SsrfHostTest {

  private static final String PROSE = "lorem ipsum dolor sit amet, a long line of mail and metal with loops ";

  @Test
  void everyNameIsFoundAtTheStartInTheMiddleAndAtTheVeryEnd() {
    for (String name : SsrfHost.namesInside()) {
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      assertTrue(SsrfHost.containsNameInside(lower), lower);
      assertTrue(SsrfHost.containsNameInside(lower + PROSE), lower + " first");
      assertTrue(SsrfHost.containsNameInside(PROSE.repeat(50) + lower + PROSE), lower + " inside");
      assertTrue(SsrfHost.containsNameInside(PROSE.repeat(50) + lower), lower + " last");
    }
  }

  @Test
  void aNameCutShortOrChangedInAnyCharacterIsNotFound() {
    for (String name : SsrfHost.namesInside()) {
      for (int k = 0; k < name.length(); k++) {
        String changed = name.substring(0, k) + '#' + name.substring(k + 1);
        String cut = name.substring(0, name.length() - 1);
        if (SsrfHost.namesInside().stream().noneMatch(changed::contains)) {
          assertFalse(SsrfHost.containsNameInside(PROSE + changed), changed);
        }
        if (SsrfHost.namesInside().stream().noneMatch(cut::contains)) {
          assertFalse(SsrfHost.containsNameInside(PROSE + cut), cut + " at the end");
        }
      }
    }
  }

  @Test
  void agreesWithASearchForEachNameOnRandomText() {
    java.util.Random random = new java.util.Random(11);
    java.util.List<String> names = SsrfHost.namesInside();
    String alphabet = "lmivocahst.ep-dbkng ";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(random.nextInt(4) == 0
            ? names.get(random.nextInt(names.size())).substring(0, 2 + random.nextInt(5))
            : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      String s = text.toString();
      boolean expected = names.stream().anyMatch(s::contains);
      assertEquals(expected, SsrfHost.containsNameInside(s), s);
    }
  }
}
