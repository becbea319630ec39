package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The anchored search for words in long values finds exactly what {@code String.indexOf} finds. */
class SubstringsTest {

  private static final String[] WORDS = {"select", "union", "waitfor", "file", "--", "sys", "serverproperty"};

  @Test
  void findsWhatStringIndexOfFindsFromEveryStartOnTextWhereTheAnchorIsRareDenseOrMixed() {
    Random random = new Random(3);
    // few letters, so the words' letters (and so their anchors) are dense; then prose; then both by turns
    String[] alphabets = {"selctunwaifrd-y ", "the quick brown fox jumps over a lazy dog, ", "ffff--ccc uuu yyy "};
    for (int round = 0; round < 300; round++) {
      StringBuilder b = new StringBuilder();
      int length = 600 + random.nextInt(3000);
      while (b.length() < length) {
        String alphabet = alphabets[random.nextInt(alphabets.length)];
        if (random.nextInt(40) == 0) {
          b.append(WORDS[random.nextInt(WORDS.length)]);
        } else {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String s = b.toString();
      for (String word : WORDS) {
        for (int from = 0; from < s.length(); from += 1 + random.nextInt(200)) {
          int f = from;
          assertEquals(s.indexOf(word, from), Substrings.indexOf(s, word, from),
              () -> word + " from " + f + " in " + s);
        }
      }
    }
  }

  @Test
  void aWordAtTheVeryStartOrEndOfALongValueIsFound() {
    String filler = "a".repeat(2000);
    assertEquals(0, Substrings.indexOf("waitfor" + filler, "waitfor", 0));
    assertEquals(2000, Substrings.indexOf(filler + "waitfor", "waitfor", 0));
    assertEquals(-1, Substrings.indexOf(filler + "waitfo", "waitfor", 0));
    assertEquals(-1, Substrings.indexOf("w".repeat(5000), "waitfor", 0));
  }
}
