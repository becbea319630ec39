package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.input.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Line breaks that start a header or a response; what counts depends on where the break came from (encoded,
 * truncating character, raw, escaped). Multi-line text in body fields is not injection.
 */
class CrlfDetectorTest {

  private final CrlfDetector detector = new CrlfDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String rule, String value) {
    Detection d = detect(value);
    assertNotNull(d, value);
    assertEquals(Category.CRLF, d.category());
    assertEquals(rule, d.ruleId(), value);
  }

  @Test
  void theDetectorIsForCrlfInjection() {
    assertEquals(Category.CRLF, detector.category());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "%0d%0aSet-Cookie:crlf=injection", "/%0aSet-Cookie:x", "/%0dSet-Cookie:x",
      "%0d%0aLocation:%20http://evil.example",
      "%250aSet-Cookie:x", "%25250aSet-Cookie:x", "%25%30%61Set-Cookie:x", "%u000aSet-Cookie:x", "%%0a0aSet-Cookie:x",
      "%0d%0aX-Custom-Header:1", "%0d%0aHeader-Test:BLATRUC", "&#13;&#10;Set-Cookie: a=b", "%0D%0A%09Refresh:0;url=x",
      "%0d%0aHost:evil.example", "http://www.example.net/%0D%0ASet-Cookie:mycookie=myvalue",
      "victim@example.com%0aBcc:attacker@evil.example", "x%0d%0aCc: a@evil.example", "x%0aSubject: hacked"})
  void anEncodedLineBreakBeforeAHeaderNameIsHeaderInjection(String value) {
    assertRule(CrlfDetector.HEADER, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "%E5%98%8A%E5%98%8DSet-Cookie:x", "嘊嘍location:x", "%C4%8D%C4%8ASet-Cookie:x", "\u010aX-Forwarded-For:1"})
  void aCharacterWhoseLowByteIsALineBreakBeforeAHeaderNameIsHeaderInjection(String value) {
    assertRule(CrlfDetector.HEADER, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "value\r\nSet-Cookie: admin=true", "a\nContent-Length: 0", "x\nHeader-Test:BLATRUC",
      "/home\r\nAccess-Control-Allow-Origin: *", "value\\r\\nSet-Cookie: a=b", "%5cr%5cnSet-Cookie:a"})
  void aRawOrEscapedLineBreakBeforeAHeaderWorthInjectingIsHeaderInjection(String value) {
    assertRule(CrlfDetector.HEADER, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "en%0D%0AContent-Length%3A%200%0A%20%0AHTTP/1.1%20200%20OK%0AContent-Type%3A%20text/html",
      "%0d%0aHTTP/1.1 200 OK", "%0d%0a%0d%0a<script>alert(1)</script>",
      "%0d%0aContent-Type:text/html%0d%0a%0d%0a<svg onload=alert(1)>",
      "%E5%98%8A%E5%98%8Dcontent-type:text/html%E5%98%8A%E5%98%8D%E5%98%8A%E5%98%8D%E5%98%BCsvg/onload=alert(1)"})
  void aStatusLineOrAnEmptyLineBeforeABodyIsResponseSplitting(String value) {
    assertRule(CrlfDetector.SPLITTING, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "5 Washington Blvd\nDenver, CO 80202", "Hi,\nNote: call me first", "Hi,\r\nNote: call me first",
      "Job title: Engineer\nLocation: Berlin\nSalary: 100k", "Our party\nHost: Jane Doe\nDate: Friday",
      "name: Jane Doe\nrole: admin\nteam: platform", "---\ntitle: My first post\ndate: 2024-03-15\n---",
      "Contact\nE-mail:jane@example.com", "Plan\nFollow-up: Friday", "Line1\r\nLine2\r\n\r\n<b>bold</b>",
      "I got this back:\nHTTP/1.1 500 Internal Server Error", "C:\\new\\folder", "C:\\Users\\rob\\notes.txt",
      "## FAQ\n**Q:** Do you ship abroad?\n**A:** Yes.", "Cena: 100 Kč\nDate: zítra", "好嘍Note: ok",
      "učet: 100", "printf(\"HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\n\\r\\n\");", "100%0A",
      "title = '\\r\\nContent-Disposition: form-data; name=\"%s\"' % key",
      "Dear all,\nTo: the whole team\nSubject: lunch", "Forwarded message\r\nCc: Bob"})
  void multiLineTextAndLookAlikesAreNotCrlfInjection(String value) {
    assertNull(detect(value), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%0d%0a", "%0a", "%0D", "%0D%0A%20", "%0d%0a%0d%0a", "%250a", "%25%30%61", "%u000a",
      "&#13;&#10;", "%E5%98%8A%E5%98%8D", "/%0d%0a", "%3f%0d%0a", "%23%0d%0a", "%2F..%0d%0a"})
  void aValueThatIsNothingButEncodedBreaksIsAProbe(String value) {
    assertRule(CrlfDetector.ENCODED_BREAK, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\n", "\n\n", "\t\n", "\\r\\n", "\\n", "a%0d%0a", "hello%0aworld",
      "%0d%0a%0d%0aHello", "%20", "%0d%0a%0d%0a%0d%0a%0d%0a%0d%0a%0d%0a%0d%0a%0d%0a%0d%0a%0d%0a%0d%0ax", "\r\n%0d%0a"})
  void rawOrWrittenOutBreaksAndEncodedBreaksInTextAreNoProbe(String value) {
    Detection d = detect(value);
    assertTrue(d == null || !d.ruleId().equals(CrlfDetector.ENCODED_BREAK), value);
  }

  @Test
  void withoutAColonOnlyAStatusLineOrABodyAfterAnEncodedBreakCounts() {
    // A value without a colon can hold no header: it is left from its character set, unless it has the slash
    // of a status line or the bracket of markup and a line break that is no escape.
    assertRule(CrlfDetector.SPLITTING, "x%0d%0aHTTP/1.1 200 OK");
    assertRule(CrlfDetector.SPLITTING, "\\r\\n%0d%0a<html>");
    assertRule(CrlfDetector.SPLITTING, "%E5%98%8A%E5%98%8DHTTP/1.1 302 Found");
    assertNull(detect("\\\\n".repeat(1000) + "HTTP/1.1 200 OK"));
    assertNull(detect("\\\\n".repeat(1000)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%0d%0aSET-COOKIE:x", "%0d%0ASet-cookie2:x", "a\\r\\nLOCATION:x", "%0aX-A-B:1",
      "%0d%0aCONTENT-SECURITY-POLICY:x", "%0aDnt:1", "%0aP3P:x"})
  void headerNamesAreLookedUpInAnyCase(String value) {
    assertRule(CrlfDetector.HEADER, value);
  }

  @Test
  void aMegabyteOfEscapesWithAHeaderAtTheEndIsStillRead() {
    assertRule(CrlfDetector.HEADER, "\\\\n".repeat(100_000) + "\\r\\nSet-Cookie:a=b");
    assertRule(CrlfDetector.HEADER, "a\n".repeat(100_000) + "x\r\nSet-Cookie: a=b");
  }

  @Test
  void aMegabyteOfRawHeadersKeepsItsVerdict() {
    Detection d = detect("\r\nSet-Cookie:".repeat(1_000_000 / 13));
    assertEquals(CrlfDetector.HEADER, d.ruleId());
    assertEquals(75, d.score());
    assertEquals(55, detect("\\r\\nSet-Cookie:".repeat(1_000_000 / 15)).score()); // escaped: a lower ceiling
  }

  @Test
  void aSplitAfterAHundredKilobytesOfRawHeadersIsStillRead() {
    // the raw headers reach all a raw line break can; a truncating one after them still splits the response
    String headers = "\r\nSet-Cookie: a".repeat(100_000 / 15);
    assertRule(CrlfDetector.SPLITTING, headers + "\u010d\u010a\u010d\u010a<html>");
    assertRule(CrlfDetector.SPLITTING, headers + "\u010d\u010aHTTP/1.1 200 OK");
    assertEquals(90, detect("\nX:".repeat(100_000 / 3) + "\u010d\u010aLocation: http://e.example/").score());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\nX:", "\\", "\\u", "\\x", "\n", "\r\n", ";C:\\a\\b "})
  void aHeaderAfterAFloodOfBreaksOrBackslashesKeepsItsVerdict(String unit) {
    // backslashes that escape no line break are not stopped at; a flood without a hyphen or the letters of a
    // takeover header is left at its character set: what comes after either is still read
    String flood = unit.repeat(100_000 / unit.length());
    String letters = Floods.EVERY_LETTER;
    for (String attack : new String[] {"\\r\\nSet-Cookie: sid=1", "\\nLocation: https://e.example/",
        "\\u000d\\u000aRefresh: 0", "\\nHeader-Test:value"}) {
      Detection alone = detect(attack);
      assertNotNull(alone, attack);
      for (String value : new String[] {flood + attack, flood + letters + attack}) {
        assertEquals(alone, detect(value), () -> unit + " then " + attack);
      }
    }
    assertNull(detect(flood + letters), unit);
    assertNull(detect(flood + "\\nNote: call me"), unit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\nX:", "\\r\\nab:", "\\u000aLoc:", "\\x0dabcd", "\\n-", "%\\n"})
  void anEscapedBreakThatCanCountIsFoundAfterAFloodOfOnesThatCannot(String unit) {
    // an escaped break before a name too short to count is passed over by the search; one before a longer name, a
    // blank, another break or a split escape is read as ever
    String flood = unit.repeat(100_000 / unit.length()) + Floods.EVERY_LETTER;
    for (String attack : new String[] {"\\r\\nSet-Cookie: sid=1", "\\nab-cd:x", "\\n \\nLocation: /x",
        "\\n\\r\\nRefresh: 0", "\\u000aab-cd:x", "x%\\n0aLocation: /x", "\\nHeader-Test:value"}) {
      Detection alone = detect(attack);
      assertNotNull(alone, attack);
      assertEquals(alone, detect(flood + attack + " \\nNote: call me"), () -> unit + " then " + attack);
    }
    assertNull(detect(flood));
    assertNull(detect(flood + "\\nNote: call me \\nabcd:x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Grüße aus Köln, señor Müller: ça va très bien. ", "東京の天気は晴れです。ソウル、서울: 맑음. "})
  void textWithoutATruncatingCharacterIsSearchedForBreaksAndOneAfterItStillCounts(String sentence) {
    // accented letters, ideographs and Hangul have no low byte that is a line break: such text is searched for
    // breaks as ASCII is, and a character that truncates to one is still found after it
    String prose = sentence.repeat(200);
    assertNull(detect(prose + "\nNote: à bientôt"));
    assertNull(detect(prose));
    assertRule(CrlfDetector.HEADER, prose + "%0d%0aSet-Cookie: sid=1");
    assertRule(CrlfDetector.HEADER, prose + "value\r\nSet-Cookie: a=b");
    assertRule(CrlfDetector.HEADER, prose + "x\\r\\nSet-Cookie: a=b");
    assertRule(CrlfDetector.HEADER, prose + "\u010aX-Forwarded-For:1");
    assertRule(CrlfDetector.HEADER, prose + "嘊嘍location:x");
  }

  @Test
  void aMegabyteOfNearMissesCompletes() {
    String[] nearMisses = {"\n", "a\nNote: x ", "\r\n \t", "嘊x", "\\n\\r", "%0aNote: b ", "\nHTTP/1.x ", "\nX:",
        "\nX:a", "\r\nX-Y: z", "\\nX:", "%0d%0a", "\\u000d\\u000a"};
    for (String nearMiss : nearMisses) {
      String value = nearMiss.repeat(1_000_000 / nearMiss.length());
      assertNull(detect(value), nearMiss);
    }
  }

  @Test
  void aUnicodeOrHexEscapedLineBreakCountsAsAnEscapedOne() {
    // JSON and JavaScript write a line break as a unicode or hex escape, which a later layer decodes
    assertEquals(detect("\\r\\nSet-Cookie: x=1"), detect("\\u000d\\u000aSet-Cookie: x=1"));
    assertNotNull(detect("\\u000d\\u000aSet-Cookie: sid=attacker"));
    assertNotNull(detect("\\x0d\\x0aLocation: https://evil.example/"));
    assertNotNull(detect("a\\u000ALocation: https://evil.example/"));
    assertNull(detect("{\"text\":\"line one\\u000aContent-Type: text/plain\"}")); // not a takeover header
    assertNull(detect("caf\\u00e9\\u000a menu: soup"));
    assertNull(detect("\\u000d"));
    assertNull(detect("\\x0dx: 1"));
  }
}
