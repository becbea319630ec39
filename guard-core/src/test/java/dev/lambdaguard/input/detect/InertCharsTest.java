package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer.Form;
import org.junit.jupiter.api.Test;

/** The constant table of characters no decoding layer changes, checked against the running JDK. */
class InertCharsTest {

  @Test
  void everyCharacterTheTableCallsInertIsAStarterNfkcLeavesAsItIsAndNotInvisible() {
    int inert = 0;
    for (int code = 0x80; code <= 0xffff; code++) {
      char c = (char) code;
      if (!InertChars.contains(c)) {
        continue;
      }
      inert++;
      String alone = String.valueOf(c);
      assertEquals(alone, java.text.Normalizer.normalize(alone, Form.NFKC), () -> "NFKC changes U+" + hex(c));
      int type = Character.getType(c);
      assertTrue(type != Character.FORMAT && type != Character.NON_SPACING_MARK
          && type != Character.COMBINING_SPACING_MARK && type != Character.ENCLOSING_MARK
          && type != Character.UNASSIGNED && type != Character.CONTROL, () -> "not a plain starter: U+" + hex(c));
      // a starter composes with nothing before it: after an ASCII letter or another inert letter it stays apart
      String pair = "e" + c + 'é' + c;
      assertEquals(pair, java.text.Normalizer.normalize(pair, Form.NFKC), () -> "joins its neighbour: U+" + hex(c));
    }
    assertTrue(inert > 1400 + 20_000 + 11_000, "the table covers the letters of Latin, Greek, Cyrillic, Hebrew and "
        + "Arabic, and the CJK ideographs, Hangul syllables and kana: " + inert);
  }

  @Test
  void lettersOfEverydayNamesAreInertAndWhatDecodingChangesIsNot() {
    for (char c : "éüñçøßÀŁŽДжΩαשع東京한국がカ嘊–—‘’“”•、。「」ー".toCharArray()) {
      assertTrue(InertChars.contains(c), () -> "U+" + hex(c));
    }
    // no-break space, ª, ², ſ, a combining acute accent, a soft hyphen, a zero-width space, full-width <, …, the
    // non-breaking hyphen, ‼ and the ideographic space (NFKC changes those four)
    for (char c : "\u00a0\u00aa\u00b2\u017f\u0301\u00ad\u200b\uff1c\u3099\u309f\uff76\uf900\u2026\u2011\u203c\u3000"
        .toCharArray()) {
      assertFalse(InertChars.contains(c), () -> "U+" + hex(c));
    }
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }
}
