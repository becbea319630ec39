package dev.lambdaguard.input.detect;

/**
 * JavaScript and JSON string escapes of characters (<code>&#92;u0070</code>, <code>&#92;u{70}</code>,
 * <code>&#92;x70</code>), resolved the way
 * {@code JSON.parse} and a JavaScript string literal read them. Other backslashes are kept. Linear in the text: each
 * character is copied once, and text before the first escape is not copied at all.
 */
final class JsEscapes {

  private JsEscapes() {}

  /** The text with its character escapes resolved; {@code s} itself (the same instance) when it has none. */
  static String unescape(String s) {
    // an escape is a backslash before u or x: the u and the x are looked for (one character each, a search that
    // reads many characters at a time), their next positions kept until passed, so that a run of backslashes
    // escaping other characters costs two searches
    int u = nextEscape(s, 'u', 1);
    int x = nextEscape(s, 'x', 1);
    StringBuilder out = null;
    int copied = 0;
    while (u >= 0 || x >= 0) {
      int at = (x < 0 || (u >= 0 && u < x) ? u : x) - 1; // the backslash
      long read = at >= copied ? escapeAt(s, at) : -1;
      if (read >= 0) {
        if (out == null) {
          out = new StringBuilder(s.length());
        }
        out.append(s, copied, at).append((char) read);
        copied = (int) (read >>> 16);
      }
      int from = Math.max(at + 2, copied + 1);
      u = u >= 0 && u < from ? nextEscape(s, 'u', from) : u;
      x = x >= 0 && x < from ? nextEscape(s, 'x', from) : x;
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** The next {@code kind} at or after {@code from} that follows a backslash, or -1. */
  private static int nextEscape(String s, char kind, int from) {
    for (int i = s.indexOf(kind, from); i >= 0; i = s.indexOf(kind, i + 1)) {
      if (s.charAt(i - 1) == '\\') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The character an escape at {@code at} spells (low 16 bits) and the index after it (the bits above), or -1 when
   * none begins there: a number rather than a pair, so that a run of escapes allocates nothing per escape.
   */
  private static long escapeAt(String s, int at) {
    char kind = s.charAt(at + 1);
    if (kind == 'x') {
      int v = hex(s, at + 2, at + 4);
      return v < 0 ? -1 : (long) (at + 4) << 16 | v;
    }
    if (kind != 'u') {
      return -1;
    }
    if (at + 2 < s.length() && s.charAt(at + 2) == '{') {
      int close = at + 3; // at most six digits: a bounded look keeps a run of unclosed braces linear
      while (close < s.length() && close - at - 3 <= 6 && s.charAt(close) != '}') {
        close++;
      }
      if (close >= s.length() || s.charAt(close) != '}') {
        return -1;
      }
      int v = hex(s, at + 3, close);
      return v < 0 || v > 0xffff ? -1 : (long) (close + 1) << 16 | v;
    }
    int v = hex(s, at + 2, at + 6);
    return v < 0 ? -1 : (long) (at + 6) << 16 | v;
  }

  /** The hex number {@code s[from, to)}, or -1 when it is empty, runs past the text or has a non-hex digit. */
  private static int hex(String s, int from, int to) {
    if (from >= to || to > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = XssText.hex(s.charAt(i)); // ASCII digits only, as JavaScript reads them
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
