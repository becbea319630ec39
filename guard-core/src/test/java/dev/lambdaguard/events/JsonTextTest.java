package dev.lambdaguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** JSON string quoting for the library's own writers. */
class JsonTextTest {

  @Test
  void plainTextIsOnlyQuoted() {
    assertEquals("\"GET /orders é 😀\"", JsonText.quote("GET /orders é 😀"));
    assertEquals("\"\"", JsonText.quote(""));
  }

  @Test
  void quotesAndBackslashesAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\"", JsonText.quote("a\"b\\c"));
  }

  @Test
  void commonControlCharactersUseTheirShortEscapes() {
    assertEquals("\"\\n\\r\\t\"", JsonText.quote("\n\r\t"));
  }

  @Test
  void otherControlCharactersAndDeleteUseUnicodeEscapes() {
    assertEquals("\"\\u0000\\u0001\\u0008\\u000c\\u001b\\u001f\\u007f\"",
        JsonText.quote("\u0000\u0001\b\f\u001b\u001f\u007f"));
  }

  @Test
  void lineAndParagraphSeparatorsAreEscaped() {
    assertEquals("\"a\\u2028b\\u2029c\"", JsonText.quote("a\u2028b\u2029c"));
  }

  @Test
  void loneSurrogatesAreEscapedAndPairsAreKept() {
    assertEquals("\"\\ud83d\"", JsonText.quote("\ud83d"));
    assertEquals("\"\\ude00x\"", JsonText.quote("\ude00x"));
    assertEquals("\"\\ude00\\ud83d\"", JsonText.quote("\ude00\ud83d"), "a pair in the wrong order is two lone halves");
    assertEquals("\"\ud83d\ude00\"", JsonText.quote("\ud83d\ude00"));
  }

  @Test
  void appendQuotedAppendsToWhatIsAlreadyThere() {
    assertEquals("x:\"y\"", JsonText.appendQuoted(new StringBuilder("x:"), "y").toString());
  }
}
