package dev.lambdaguard.input.detect;

/**
 * The content of a base64 {@code data:} URL, whatever media type it claims: browsers sniffed, and plugins and
 * frames render what is inside. Decoding is bounded by {@link #MAX_PAYLOAD} characters and runs only for a data URL
 * found in an attribute.
 */
final class XssDataUrl {

  /** Base64 characters of a payload decoded, at most. */
  static final int MAX_PAYLOAD = 8192;

  private XssDataUrl() {}

  /**
   * Whether the data URL whose media type starts at {@code from} (after {@code data:}) is base64 and decodes to
   * markup that runs ({@link XssScanner} finds a tag rule in it).
   */
  static boolean base64Markup(String s, int from, int to) {
    int comma = -1;
    boolean base64 = false;
    for (int k = from; k < to && k - from < 128; k++) {
      char c = s.charAt(k);
      if (c == ',') {
        comma = k;
        break;
      }
      if ((c == 'b' || c == 'B') && XssText.startsWithWord(s, k, to, "base64")) {
        base64 = true;
      }
    }
    if (!base64 || comma < 0) {
      return false;
    }
    String payload = decode(s, comma + 1, Math.min(to, comma + 1 + MAX_PAYLOAD));
    if (payload.indexOf('<') < 0) {
      return false;
    }
    XssRule rule = XssScanner.scan(payload, XssAlphabet.of(payload), true);
    return rule != null && rule.score() >= XssRule.DANGEROUS_TAG.score();
  }

  /** Base64 (standard or URL alphabet, whitespace and junk skipped) as ISO-8859-1 text. */
  private static String decode(String s, int from, int to) {
    StringBuilder out = new StringBuilder((to - from) * 3 / 4);
    int bits = 0;
    int nbits = 0;
    for (int k = from; k < to; k++) {
      int v = Base64Digits.eitherAlphabet(s.charAt(k));
      if (v < 0) {
        if (s.charAt(k) == '=') {
          break;
        }
        continue;
      }
      bits = bits << 6 | v;
      nbits += 6;
      if (nbits >= 8) {
        nbits -= 8;
        out.append((char) ((bits >>> nbits) & 0xff));
        bits &= (1 << nbits) - 1;
      }
    }
    return out.toString();
  }
}
