package dev.lambdaguard;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The request body, decoded once: base64 bodies become their bytes, text bodies stay text.
 *
 * <p>Conversions between text and bytes happen on first use and are kept. A body whose base64 encoding is
 * invalid is {@linkplain #isMalformed() malformed}: the guard refuses the request before any interceptor.
 */
public final class Body {

  private static final Body EMPTY = new Body(null, new byte[0], false, false);
  private static final Body MALFORMED = new Body(null, new byte[0], true, true);

  private volatile String text;
  private volatile byte[] bytes;
  private final boolean base64;
  private final boolean malformed;

  private Body(String text, byte[] bytes, boolean base64, boolean malformed) {
    this.text = text;
    this.bytes = bytes;
    this.base64 = base64;
    this.malformed = malformed;
  }

  /** No body. */
  public static Body empty() {
    return EMPTY;
  }

  /**
   * The body as an event carries it.
   *
   * @param raw the body string from the event, may be null
   * @param isBase64Encoded whether the event marks it as base64
   */
  public static Body fromEvent(String raw, boolean isBase64Encoded) {
    if (raw == null || raw.isEmpty()) {
      return EMPTY;
    }
    if (!isBase64Encoded) {
      return new Body(raw, null, false, false);
    }
    try {
      return new Body(null, Base64.getDecoder().decode(raw), true, false);
    } catch (IllegalArgumentException notBase64) {
      return MALFORMED;
    }
  }

  /** A body the event promised but did not deliver in a readable form: the guard refuses the request. */
  public static Body malformed() {
    return MALFORMED;
  }

  /** A body of raw bytes. */
  public static Body ofBytes(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Body(null, bytes.clone(), false, false);
  }

  /** Whether the body is absent or zero-length. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** Whether the event promised base64 and the body was not valid base64. */
  public boolean isMalformed() {
    return malformed;
  }

  /** Whether the event carried the body base64-encoded. */
  public boolean wasBase64Encoded() {
    return base64;
  }

  /** The size in bytes. */
  public int size() {
    return bytesView().length;
  }

  /** The body as UTF-8 text (invalid sequences become U+FFFD). */
  public String text() {
    String t = text;
    if (t == null) {
      t = new String(bytes, StandardCharsets.UTF_8);
      text = t;
    }
    return t;
  }

  /** A copy of the body's bytes. */
  public byte[] bytes() {
    return bytesView().clone();
  }

  /** The body as a stream over its bytes, without a copy; each call starts at the beginning. */
  public InputStream stream() {
    return new ByteArrayInputStream(bytesView());
  }

  private byte[] bytesView() {
    byte[] b = bytes;
    if (b == null) {
      b = text.getBytes(StandardCharsets.UTF_8);
      bytes = b;
    }
    return b;
  }

  @Override
  public String toString() {
    return "Body[" + size() + " bytes]";
  }
}
