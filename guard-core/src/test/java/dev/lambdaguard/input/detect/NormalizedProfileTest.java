package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The character profile a value gets at construction, read back through the questions detectors ask, against the
 * text itself: short values and long ones are profiled by different loops (see {@link Normalized#MARKED_FROM}), and
 * both must answer the same.
 */
class NormalizedProfileTest {

  /** Characters of every kind the profile tells apart: ASCII, Latin-1 inert or not, beyond Latin-1 inert or not. */
  private static final String ALPHABET = "\0aZ09%&<>;:/\\\"' \n~\u007f\u0080\u00ad\u00e9\u00aa\u00ff\u0100\u0416"
      + "\u6771\u0301\u200b\uff1c\ud83d\ude00\u560a\u010d";

  @Test
  void everyAnswerOfTheProfileMatchesTheTextOnEitherSideOfTheLengthWhereTheLoopChanges() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      int length = Normalized.MARKED_FROM - 8 + random.nextInt(16) + (round % 4 == 0 ? random.nextInt(5_000) : 0);
      String text = text(random, length, 1 + random.nextInt(ALPHABET.length()));
      assertProfileOf(text);
    }
  }

  @Test
  void aLongValueOfAsciiWithOneCharacterOfAnotherKindAtTheEndIsProfiledWithIt() {
    String ascii = "a".repeat(Normalized.MARKED_FROM * 4);
    for (char last : "\u00e9\u00ad\u0416\u0301\u200b\u6771\u560a\u010d".toCharArray()) {
      assertProfileOf(ascii + last);
      assertProfileOf(last + ascii);
    }
  }

  private static void assertProfileOf(String text) {
    Normalized profiled = new Normalized(text, text, 0, false);
    String shown = text.length() > 40 ? text.substring(0, 40) + "… (" + text.length() + ")" : text;
    for (char c = 0; c < 128; c++) {
      Normalized.CharSet one = new Normalized.CharSet(c < 64 ? 1L << c : 0, c < 64 ? 0 : 1L << (c - 64));
      assertEquals(text.indexOf(c) >= 0, profiled.containsAny(one), "ASCII " + (int) c + " in " + shown);
    }
    boolean nonAscii = text.chars().anyMatch(c -> c >= 0x80);
    boolean beyondLatin1 = text.chars().anyMatch(c -> c > 0xff);
    boolean notInert = text.chars().anyMatch(c -> c >= 0x80 && !InertChars.contains((char) c));
    boolean truncates = text.chars().anyMatch(c -> c > 0xff && ((c & 0xff) == '\n' || (c & 0xff) == '\r'));
    assertEquals(nonAscii, profiled.hasNonAscii(), "non-ASCII in " + shown);
    assertEquals(beyondLatin1, profiled.hasBeyondLatin1(), "beyond Latin-1 in " + shown);
    assertEquals(text.indexOf('\0') >= 0 || notInert, profiled.mayHoldInvisible(), "may hold invisible in " + shown);
    assertEquals(!nonAscii, profiled.isPlainAscii(), "plain ASCII " + shown);
    assertEquals(truncates, profiled.mayTruncateToLineBreak(), "truncates to a line break: " + shown);
  }

  private static String text(Random random, int length, int kinds) {
    StringBuilder out = new StringBuilder(length);
    int offset = random.nextInt(ALPHABET.length());
    while (out.length() < length) {
      char c = ALPHABET.charAt((offset + random.nextInt(kinds)) % ALPHABET.length());
      out.append(Character.isHighSurrogate(c) ? "\ud83d\ude00" : Character.isLowSurrogate(c) ? "x" : String.valueOf(c));
      if (random.nextInt(3) == 0) {
        out.append((char) (' ' + random.nextInt(95)));
      }
    }
    return out.toString();
  }
}
