package dev.lambdaguard.input.detect;

/**
 * Characters as {@link PathScan} and {@link PathTraversalDetector} see them: separators (with their look-alikes
 * and the text {@code 0x2f}), dots (with {@code 0x2e}), characters that end a path, and what broken encodings
 * leave behind. A table for ASCII; a few comparisons above it.
 */
final class PathChars {

  static final byte PLAIN = 0;
  static final byte LETTER = 1;
  static final byte SEP = 2;
  static final byte TERMINATOR = 3;
  /** {@code 0}, {@code 2}, {@code 5}: perhaps the start of {@code 0x2f}, {@code 0x2e}, or {@code 2f} after a dot. */
  static final byte ZERO = 4;
  static final byte DOT = 5;
  static final byte SPACE = 6;
  /** {@code %}, controls, non-ASCII: what broken encodings leave. */
  static final byte ODD = 7;
  /** {@code :}: perhaps the end of a stream wrapper's scheme ({@code php://}). */
  static final byte COLON = 8;
  static final byte[] ASCII = new byte[128];

  static {
    for (char c = 0; c < ' '; c++) {
      ASCII[c] = ODD;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = LETTER;
      ASCII[c - 32] = LETTER;
    }
    ASCII['/'] = SEP;
    ASCII['\\'] = SEP;
    ASCII['0'] = ZERO;
    ASCII['2'] = ZERO;
    ASCII['5'] = ZERO;
    ASCII['.'] = DOT;
    ASCII[' '] = SPACE;
    ASCII['%'] = ODD;
    ASCII[0x7f] = ODD;
    ASCII[':'] = COLON;
    for (char c : "\n\r\t\"'<>|`?#;&=[]{}*,^!".toCharArray()) {
      ASCII[c] = TERMINATOR;
    }
  }

  private PathChars() {}

  /** The class of a non-ASCII character ({@link #ASCII} has the others). */
  static int charClass(char c) {
    return c >= 0x2000 && isSlashLookalike(c) ? SEP : c == '\u00a0' ? SPACE : ODD;
  }

  /**
   * Division and set-minus slashes, fraction slash, big solidi, full-width and small forms; private-use
   * characters, which IIS best-fit maps to slashes ({@code %uF025}, {@code %uEFC8}).
   */
  static boolean isSlashLookalike(char c) {
    return c == '\u2215' || c == '\u2216' || c == '\u2044' || c == '\u29f8' || c == '\u29f9' || c == '\uff0f'
        || c == '\uff3c' || c == '\ufe68' || c >= '\ue000' && c <= '\uf8ff';
  }

  /**
   * Width of a separator at {@code i}: 1 for a slash or look-alike, 4 for the text {@code 0x2f}/{@code 0x5c}, 2 for
   * {@code 2f}/{@code 5c} right after a dot.
   */
  static int sepWidth(String s, int i) {
    char c = s.charAt(i);
    if (c == '/' || c == '\\') {
      return 1;
    }
    if (c == '2' || c == '5') {
      // "..2f", "..5c": hex escapes whose '%' was lost, after a dot only
      if (i > 0 && s.charAt(i - 1) == '.' && i + 1 < s.length()) {
        char l = (char) (s.charAt(i + 1) | 0x20);
        return c == '2' && l == 'f' || c == '5' && l == 'c' ? 2 : 0;
      }
      return 0;
    }
    if (c == '0') {
      if (i + 3 < s.length() && (s.charAt(i + 1) | 0x20) == 'x') {
        char h = s.charAt(i + 2);
        char l = (char) (s.charAt(i + 3) | 0x20);
        if (h == '2' && l == 'f' || h == '5' && l == 'c') {
          return 4;
        }
      }
      return 0;
    }
    return c >= 0x2000 && isSlashLookalike(c) ? 1 : 0;
  }

  /** Width of a dot at {@code i}: 1 for {@code .} or a look-alike, 4 for the text {@code 0x2e}. */
  static int dotWidth(String s, int i) {
    char c = s.charAt(i);
    if (c == '.' || c == '\u2024' || c == '\uff0e' || c == '\ufe52') {
      return 1;
    }
    if (c == '0' && i + 3 < s.length() && (s.charAt(i + 1) | 0x20) == 'x' && s.charAt(i + 2) == '2'
        && (s.charAt(i + 3) | 0x20) == 'e') {
      return 4;
    }
    return 0;
  }

  static boolean isSpace(char c) {
    return c <= ' ' ? c == ' ' || c >= '\t' && c <= '\r' : c == '\u00a0';
  }

  static boolean isAlnum(char c) {
    return isLetter(c) || c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** Whether {@code c} may be in a scheme: looked up, as SSRF and path traversal ask it at every colon of a value. */
  static boolean isSchemeChar(char c) {
    return c < 128 && SCHEME_CHARS[c];
  }

  /** Letters, digits, {@code +}, {@code -} and {@code .}: the characters of a scheme. */
  private static final boolean[] SCHEME_CHARS = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      SCHEME_CHARS[c] = isAlnum(c) || c == '.' || c == '+' || c == '-';
    }
  }
}
