package dev.lambdaguard.events;

/** JSON string escaping for the library's own small writers (events, error bodies). */
public final class JsonText {

  /** The longest string value a writer outputs: a longer one is cut and ends in {@code ...}. */
  public static final int MAX_VALUE_LENGTH = 256;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /**
   * Appends {@code value} as a quoted JSON string. Control characters, quotes, backslashes, the line and
   * paragraph separators and lone surrogates are escaped, so the output is always one line of valid JSON.
   */
  public static StringBuilder appendQuoted(StringBuilder sb, String value) {
    sb.append('"');
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            unicodeEscape(sb, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
            sb.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(sb, c);
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /**
   * {@code redacted} cut to {@value #MAX_VALUE_LENGTH} characters. Cut only what the redactor has already seen: a
   * secret that straddled the cut would otherwise no longer match and its first part would be written.
   */
  public static String cut(String redacted) {
    return redacted.length() > MAX_VALUE_LENGTH ? redacted.substring(0, MAX_VALUE_LENGTH) + "..." : redacted;
  }

  /** {@code value} as a quoted JSON string. */
  public static String quote(String value) {
    return appendQuoted(new StringBuilder(value.length() + 2), value).toString();
  }

  private static void unicodeEscape(StringBuilder sb, char c) {
    sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
  }
}
