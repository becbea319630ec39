package dev.lambdaguard;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The body decoded once: base64 to bytes, text kept as text, conversions both ways. */
class BodyTest {

  @Test
  void aBase64BodyIsDecodedToItsBytes() {
    byte[] raw = {0, 1, (byte) 0xff, 'a'};

    Body body = Body.fromEvent(Base64.getEncoder().encodeToString(raw), true);

    assertArrayEquals(raw, body.bytes());
    assertEquals(4, body.size());
    assertTrue(body.wasBase64Encoded());
    assertFalse(body.isMalformed());
  }

  @Test
  void aBase64BodyReadsAsUtf8Text() {
    Body body = Body.fromEvent(Base64.getEncoder().encodeToString("Zoë 😀".getBytes(UTF_8)), true);

    assertEquals("Zoë 😀", body.text());
  }

  @Test
  void invalidBase64MakesTheBodyMalformedAndEmpty() {
    Body body = Body.fromEvent("not*base64!", true);

    assertTrue(body.isMalformed());
    assertTrue(body.wasBase64Encoded());
    assertTrue(body.isEmpty());
    assertEquals("", body.text());
  }

  @Test
  void urlSafeOrLineWrappedBase64IsMalformed() {
    assertTrue(Body.fromEvent("-_-_", true).isMalformed());
    assertTrue(Body.fromEvent("YWJj\nZGVm", true).isMalformed());
  }

  @Test
  void base64WithoutPaddingIsDecoded() {
    Body body = Body.fromEvent("YWJjZA", true);

    assertFalse(body.isMalformed());
    assertEquals("abcd", body.text());
  }

  @Test
  void aTextBodyIsKeptAsTextAndEncodedAsUtf8() {
    Body body = Body.fromEvent("{\"name\":\"Zoë\"}", false);

    assertEquals("{\"name\":\"Zoë\"}", body.text());
    assertArrayEquals("{\"name\":\"Zoë\"}".getBytes(UTF_8), body.bytes());
    assertEquals(15, body.size(), "bytes, not characters");
    assertFalse(body.wasBase64Encoded());
    assertFalse(body.isMalformed());
  }

  @Test
  void aMissingOrEmptyBodyIsTheEmptyBody() {
    assertSame(Body.empty(), Body.fromEvent(null, false));
    assertSame(Body.empty(), Body.fromEvent("", true));
    assertSame(Body.empty(), Body.ofBytes(new byte[0]));
    assertTrue(Body.empty().isEmpty());
    assertEquals("", Body.empty().text());
    assertEquals(0, Body.empty().bytes().length);
  }

  @Test
  void invalidUtf8BytesReadAsReplacementCharacters() {
    Body body = Body.ofBytes(new byte[] {'a', (byte) 0xc0, (byte) 0xaf, 'b'});

    assertEquals("a\ufffd\ufffdb", body.text());
  }

  @Test
  void theBytesAreCopiedInAndOut() {
    byte[] raw = "abc".getBytes(UTF_8);
    Body body = Body.ofBytes(raw);

    raw[0] = 'X';
    body.bytes()[1] = 'Y';

    assertEquals("abc", body.text());
    assertArrayEquals("abc".getBytes(UTF_8), body.bytes());
  }

  @Test
  void eachStreamStartsAtTheBeginning() throws IOException {
    Body body = Body.fromEvent("hello", false);

    assertArrayEquals("hello".getBytes(UTF_8), body.stream().readAllBytes());
    assertArrayEquals("hello".getBytes(UTF_8), body.stream().readAllBytes());
  }

  @Test
  void printingShowsTheSizeButNeverTheContent() {
    assertEquals("Body[6 bytes]", Body.fromEvent("secret", false).toString());
  }
}
