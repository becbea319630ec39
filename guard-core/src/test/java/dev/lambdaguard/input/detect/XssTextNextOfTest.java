package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link XssText.NextOf} remembers where the next character of its set is across asks: whatever the order of the
 * asks (forward in small and large steps, at the place it found, behind an earlier ask), each answer is the first
 * index at or after the ask that holds a character of the set, or the length.
 */
class XssTextNextOfTest {

  @Test
  void everyAnswerIsTheFirstCharacterOfTheSetAtOrAfterTheAsk() {
    boolean[] set = CharSets.table("'\"`(0");
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      String text = text(random, 1 + random.nextInt(400), round % 3 == 0 ? 60 : 6);
      XssText.NextOf next = new XssText.NextOf(set);
      int ask = 0;
      for (int k = 0; k < 60; k++) {
        int move = random.nextInt(10);
        ask = move == 0 ? random.nextInt(text.length() + 1) // behind, or anywhere
            : move == 1 ? next.next(text, ask) // where it found the last one
            : Math.min(text.length(), ask + random.nextInt(move < 5 ? 3 : 40));
        assertEquals(firstOf(text, set, ask), next.next(text, ask), "ask " + ask + " in " + text);
      }
    }
  }

  @Test
  void aValueWithoutTheSetIsAnsweredWithItsLengthAndOneBeyondAsciiIsNoMember() {
    XssText.NextOf next = new XssText.NextOf(CharSets.table("'\"`"));
    String text = "a\u2019b\u201cc\uff07d".repeat(100);
    assertEquals(text.length(), next.next(text, 0));
    assertEquals(text.length(), next.next(text, 5));
  }

  private static int firstOf(String text, boolean[] set, int from) {
    for (int i = from; i < text.length(); i++) {
      if (CharSets.has(set, text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  private static String text(Random random, int length, int oneIn) {
    String members = "'\"`(0";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(random.nextInt(oneIn) == 0 ? members.charAt(random.nextInt(members.length()))
          : (char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }
}
