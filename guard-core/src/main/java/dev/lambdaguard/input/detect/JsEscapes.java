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
    int slash = s.indexOf('\\');
    StringBuilder out = null;
    int copied = 0;
    while (slash >= 0 && slash + 1 < s.length()) {
      int[] read = escapeAt(s, slash);
      if (read != null) {
        if (out == null) {
          out = new StringBuilder(s.length());
        }
        out.append(s, copied, slash).append((char) read[0]);
        copied = read[1];
      }
      slash = s.indexOf('\\', read != null ? read[1] : slash + 1);
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** The character an escape at {@code at} spells and the index after it, or null when none begins there. */
  private static int[] escapeAt(String s, int at) {
    char kind = s.charAt(at + 1);
    if (kind == 'x') {
      int v = hex(s, at + 2, at + 4);
      return v < 0 ? null : new int[] {v, at + 4};
    }
    if (kind != 'u') {
      return null;
    }
    if (at + 2 < s.length() && s.charAt(at + 2) == '{') {
      int close = at + 3; // at most six digits: a bounded look keeps a run of unclosed braces linear
      while (close < s.length() && close - at - 3 <= 6 && s.charAt(close) != '}') {
        close++;
      }
      if (close >= s.length() || s.charAt(close) != '}') {
        return null;
      }
      int v = hex(s, at + 3, close);
      return v < 0 || v > 0xffff ? null : new int[] {v, close + 1};
    }
    int v = hex(s, at + 2, at + 6);
    return v < 0 ? null : new int[] {v, at + 6};
  }

  /** The hex number {@code s[from, to)}, or -1 when it is empty, runs past the text or has a non-hex digit. */
  private static int hex(String s, int from, int to) {
    if (from >= to || to > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
