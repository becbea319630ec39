package dev.lambdaguard.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.input.detect.Normalized;
import dev.lambdaguard.input.detect.Normalizer;
import org.junit.jupiter.api.Test;

/** What the detectors see: encodings undone, bounded, plain text untouched. */
class NormalizerTest {

  @Test
  void plainTextIsTakenAsItCame() {
    Normalized n = Normalized.of("O'Brien & Sons, 100% natural (a < b)");
    assertEquals("O'Brien & Sons, 100% natural (a < b)", n.decoded());
    assertEquals(0, n.layers());
    String ascii = "select the best plan from our offers";
    assertSame(ascii, Normalized.of(ascii).decoded());
  }

  @Test
  void percentEncodingIsUndoneLayerByLayerUpToTheLimit() {
    assertEquals("../etc/passwd", Normalized.of("%2e%2e%2fetc%2fpasswd").decoded());
    assertEquals("../", Normalized.of("%252e%252e%252f").decoded());
    assertEquals(2, Normalized.of("%252e%252e%252f").layers());
    assertEquals("%25252e", Normalized.of("%25252525252e").decoded(), "beyond three layers, left encoded");
    assertEquals("' or 1=1", Normalized.of("%27+or+1%3D1").decoded(), "form encoding: + is a space");
    assertEquals("C++ and a+b", Normalized.of("C++ and a+b").decoded(), "no escapes, no form decoding");
  }

  @Test
  void textBetweenEscapesIsKeptWhetherShortOrLongAndItsPlusSignsBecomeSpaces() {
    // the text between escapes is appended a character at a time when short, copied in bulk when long
    String longText = "x+y".repeat(30);
    String unit = "a+%2fb%41" + longText + "%e2%82%ac%uff0e" + "€+é" + "%";
    String expected = "a /bA" + "x y".repeat(30) + "€." + "€ é" + "%";
    assertEquals(expected.repeat(2000), Normalized.of(unit.repeat(2000)).decoded());
    // an escaped plus is a plus, not a space
    assertEquals("%A" + longText.replace('+', ' ') + "+", Normalized.of("%%41" + longText + "%2b").decoded());
  }

  @Test
  void overlongUtf8AndIisUnicodeEscapesDecodeToTheCharactersTheySpell() {
    assertEquals("../", Normalized.of("%c0%ae%c0%ae%c0%af").decoded());
    assertEquals("..", Normalized.of("%e0%80%ae%e0%80%ae").decoded());
    assertEquals("../", Normalized.of("%u002e%u002e%u002f").decoded());
    assertEquals("../", Normalized.of("%f8%80%80%80%ae%fc%80%80%80%80%ae%c0%af").decoded(), "five- and six-byte leads");
    assertEquals("..", Normalized.of("%uff0e%uff0e").decoded(), "full-width dots fold under NFKC");
  }

  @Test
  void aReferenceThatThePercentLayerSpellsIsDecodedInTheSameLayerWhereverItStands() {
    // %26 is an &: the reference it starts is decoded although the value as received holds no & (short, long, and
    // long with the escape past the first characters, where a long value is profiled before it is decoded)
    for (String before : new String[] {"a", "a".repeat(5000), "%41" + "a".repeat(5000)}) {
      Normalized n = Normalized.of(before + "%26lt;script%26gt;");
      assertEquals(before.replace("%41", "A") + "<script>", n.decoded(), "after " + before.length() + " characters");
      assertEquals(1, n.layers());
    }
    assertEquals("a".repeat(5000) + "<b", Normalized.of("a".repeat(5000) + "&lt;b").decoded(), "an & without a %");
  }

  @Test
  void htmlReferencesAndFullWidthFormsAreDecoded() {
    assertEquals("<script>", Normalized.of("&lt;script&gt;").decoded());
    assertEquals("<script>", Normalized.of("&#60;script&#x3E;").decoded());
    assertEquals("javascript:", Normalized.of("javascript&colon;").decoded());
    assertEquals("<", Normalized.of("&#0000060").decoded(), "zero padding, no semicolon");
    assertEquals("<script>", Normalized.of("＜ｓｃｒｉｐｔ＞").decoded());
    assertEquals("AT&T and Tom & Jerry", Normalized.of("AT&T and Tom & Jerry").decoded());
  }

  @Test
  void referencesBeyondTheBasicPlaneAndWholeFloodsOfThemAreDecodedInPlace() {
    assertEquals("a\uD83D\uDE00b", Normalized.of("a&#128512;b").decoded(), "a surrogate pair from one reference");
    assertEquals("x\uD83D\uDE00", Normalized.of("x&#x1F600").decoded(), "at the end, without a semicolon");
    assertEquals("&x<", Normalized.of("&ampx&lt").decoded(), "a legacy name decoded as a prefix of a longer word");
    String flood = "&lt;".repeat(250_000) + "&#60;".repeat(10);
    assertEquals("<".repeat(250_010), Normalized.of(flood).decoded());
  }

  @Test
  void lowerCaseKeepsEveryPositionOfTheDecodedValue() {
    Normalized n = Normalized.of("İSTANBUL <SCRIPT>");
    assertEquals(n.decoded().length(), n.lower().length());
    assertEquals("<script>", n.lower().substring(n.lower().indexOf('<')));
  }

  @Test
  void nulAndInvisibleCharactersAreRemovedAndNoted() {
    Normalized n = Normalized.of("file.php%00.jpg");
    assertEquals("file.php.jpg", n.decoded());
    assertTrue(n.hadNul());
    assertEquals("javascript", Normalized.of("java\u200bscr\u00adipt").decoded());
  }

  @Test
  void aNulIsNotedWhereverItCameFromInShortAndLongValues() {
    // raw, percent-encoded, encoded twice (found only by the second layer), as overlong UTF-8, and
    // in a long value of full-width forms (which is decoded without a search for % or &)
    String padding = "\uff21".repeat(5000);
    for (String nul : new String[] {"\0", "%00", "%2500", "%c0%80"}) {
      for (String value : new String[] {"file.php" + nul + ".jpg", padding + nul + "x", "a".repeat(5000) + nul}) {
        Normalized n = Normalized.of(value);
        assertTrue(n.hadNul(), () -> nul + " in " + value.length() + " characters");
        assertEquals(-1, n.decoded().indexOf('\0'), "and removed");
      }
    }
    for (String value : new String[] {"file.php%20.jpg", padding + "%2541", "a".repeat(5000) + "&#48;"}) {
      assertFalse(Normalized.of(value).hadNul(), () -> value.substring(value.length() - 6));
    }
    assertEquals("A".repeat(5000) + "x", Normalized.of(padding + "x").decoded(), "full-width forms still fold");
  }

  @Test
  void adversarialInputIsDecodedOnlyAsFarAsTheLayerLimitAndNearMissesStayAsTheyCame() {
    // No timing assertion (benchmarks own those): a quadratic path would make this test time out in CI.
    String nested = "%25".repeat(200_000) + "2e";
    Normalized n = Normalized.of(nested);
    assertEquals(2, n.layers(), "%25 becomes %, then only the last %2e is an escape");
    assertEquals("%".repeat(199_999) + ".", n.decoded());
    String refs = "&#".repeat(200_000) + "&" + "a".repeat(200_000);
    assertEquals(refs, Normalized.of(refs).decoded(), "no digits, no known name: nothing to decode");
  }

  @Test
  void lettersOutsideAsciiAreTakenAsTheyCameUnlessAMarkOrACompatibilityFormNeedsFolding() {
    String names = "Zoë Müller, São Paulo, Ивана Петрова";
    assertSame(names, Normalized.of(names).decoded(), "inert letters: no decoding, no copy");
    assertEquals(0, Normalized.of(names).layers());
    assertEquals("zoë müller, são paulo, ивана петрова", Normalized.of(names).lower());
    // a combining accent joins the letter before it, wherever it stands in a long value
    assertEquals("x".repeat(1000) + "café", Normalized.of("x".repeat(1000) + "cafe\u0301").decoded());
    assertEquals("a b", Normalized.of("a\u00a0b").decoded(), "no-break space folds to a space");
    assertEquals("ab<c", Normalized.of("ab\uff1cc").decoded());
    assertEquals(1, Normalized.of("ab\uff1cc").layers());
  }

  @Test
  void escapesThatStartNoUtf8SequenceStayAsLatin1AndFormSpacesOnlyComeWithEscapes() {
    assertEquals("\u00c0&a", Normalized.of("%c0&a").decoded(), "a lead byte with no escaped continuation");
    assertEquals("\u00c03a", Normalized.of("%c03a").decoded(), "hex digits after an escape are no escape");
    assertEquals("a b c", Normalized.of("a+b%20c").decoded());
    assertEquals("a+b c", Normalized.of("a+b c").decoded());
    assertEquals("\ud83d\ude00", Normalized.of("%f0%9f%98%80").decoded(), "four bytes, one code point beyond the BMP");
  }

  @Test
  void fullWidthFoldsByItselfAndAFloodOfCombiningMarksIsFoldedOnlyUpToTheBudget() {
    assertEquals("<script>", Normalized.of("＜ｓｃｒｉｐｔ＞").decoded());
    assertEquals("é<", Normalized.of("ｅ\u0301＜").decoded(), "a full-width letter still joins the mark after it");
    // beyond the budget (for the whole value, over all its layers) the rest is left as it came, in linear time
    String marks = "e\u0301".repeat(Normalizer.MAX_FOLDED);
    String decoded = Normalized.of(marks + "＜").decoded();
    assertTrue(decoded.startsWith("é".repeat(Normalizer.MAX_FOLDED / 2 - 8)), "the first stretch is folded");
    assertTrue(decoded.endsWith("e\u0301<"), "the rest is not, and full-width still folds");
  }
}
