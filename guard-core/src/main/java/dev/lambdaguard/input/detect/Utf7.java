package dev.lambdaguard.input.detect;

/**
 * UTF-7 as a browser or an XML parser told to use it reads text (RFC 2152): {@code +} starts a run of modified
 * base64 that spells UTF-16 code units ({@code +ADw-} is {@code <}), ended by {@code -} (absorbed) or by any other
 * character; {@code +-} is a plus sign. A filter that reads the same bytes as ASCII sees none of it.
 */
final class Utf7 {

  private Utf7() {}

  /** {@code s} with its shifted runs from {@code from} on decoded (the text before {@code from} as it is). */
  static String decode(String s, int from) {
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    out.append(s, 0, from);
    int i = from;
    while (i < n) {
      char c = s.charAt(i);
      if (c != '+') {
        out.append(c);
        i++;
        continue;
      }
      int j = i + 1;
      int bits = 0;
      int nbits = 0;
      for (int digit; j < n && (digit = Base64Digits.standard(s.charAt(j))) >= 0; j++) {
        bits = bits << 6 | digit;
        nbits += 6;
        if (nbits >= 16) {
          nbits -= 16;
          out.append((char) ((bits >>> nbits) & 0xffff));
          bits &= (1 << nbits) - 1;
        }
      }
      if (j == i + 1) {
        out.append('+'); // "+-" is a plus sign, and a + before anything but base64 stays
      }
      i = j < n && s.charAt(j) == '-' ? j + 1 : j;
    }
    return out.toString();
  }
}
