package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;
import java.nio.charset.StandardCharsets;

/**
 * Path traversal and local file inclusion: a value that climbs out of the directory it is meant for, names a
 * sensitive file or directory by its path, opens a stream wrapper, or cuts a path short with a NUL.
 *
 * <table>
 *   <caption>Rules (one detection per value: the climb if any, else the highest score)</caption>
 *   <tr><th>rule</th><th>score</th><th>when</th></tr>
 *   <tr><td>{@code path.traversal}</td><td>75 one climb, 90 two or more, 95 into a sensitive place; 85 for
 *       the fallbacks</td><td>a parent-directory segment between separators: {@code ..}, {@code ...},
 *       {@code ....//}, {@code ..;}, dots mixed with bytes left over from broken encodings; separators are
 *       {@code /}, {@code \}, the look-alikes U+2215, U+2216, U+2044, U+29F8, U+29F9, private-use characters (IIS
 *       best-fit), the text {@code 0x2f}/{@code 0x5c} and {@code 2f}/{@code 5c} right after a dot; dots also U+2024,
 *       U+FE52 and {@code 0x2e}. Also a
 *       classic target glued by undecodable bytes after dots ({@code ..%c0%9vetc%c0%9vpasswd}) and a value that
 *       is base64 of a path attack. A single {@code ../README.md} is flagged too: an API value never needs to
 *       climb, and one level is how an uploaded name leaves its folder</td></tr>
 *   <tr><td>{@code path.sensitive-file}</td><td>70 to 85</td><td>a path from a root ({@code /}, {@code \},
 *       {@code C:\}, after a climb) into {@code /etc}, {@code /proc}, {@code /root}, {@code /var}
 *       (Lambda's {@code /var/task}, {@code /var/runtime}), {@code /opt/extensions}, {@code \Windows},
 *       {@code \inetpub}, server install trees ({@code C:\xampp}, {@code /usr/local/apache2/conf}), a
 *       configuration or log file below a system or software directory, a secret file in any path
 *       ({@code .htpasswd}, {@code id_rsa}, {@code web.config}, {@code .env}); pairs sensitive in any path
 *       ({@code etc/passwd}, {@code proc/self}, {@code WEB-INF/…}, {@code .aws/…}, {@code windows/win.ini}); a
 *       value that is a secret file name alone ({@code .htaccess}, {@code config.inc.php}); 80 for an NTFS
 *       alternate data stream ({@code web.config::$DATA}, {@code :$i30:$INDEX_ALLOCATION})</td></tr>
 *   <tr><td>{@code path.wrapper}</td><td>75 to 90</td><td>{@code php://}, {@code expect://}, {@code zip://},
 *       {@code phar://}, {@code data://}, {@code glob://}, {@code compress.zlib://}, {@code file:/},
 *       {@code netdoc:/}, {@code jar:scheme:}, {@code data:text/plain}</td></tr>
 *   <tr><td>{@code path.unc}</td><td>70, 90 for device paths</td><td>a value starting with
 *       {@code \\host\share}, {@code \\?\} or {@code \\.\}</td></tr>
 *   <tr><td>{@code path.nul-truncation}</td><td>70</td><td>a NUL (raw or encoded) in a value with a separator,
 *       colon or dot, when no other rule applies</td></tr>
 * </table>
 *
 * <p>Cost: the value's character masks answer most values before their text is read. A value without a
 * separator has no path ({@code /} and {@code \} by the mask, {@code .2f} and {@code 0x2f} only when the mask has
 * their characters, look-alikes are all at U+2000 or above): only the rules for a name alone, broken encodings
 * and base64 can apply, and only to values without spaces. A value with separators but no letter, digit, dot,
 * {@code ?} or {@code [} names nothing. Otherwise one pass of {@link PathScan} with a lookahead of at most four
 * characters, which returns at the first detection that can no longer change; each segment is hashed once, in
 * place, and looked up in one table (segments longer than {@link PathNames#MAX_SEGMENT} characters are not). The
 * broken-encoding fallback looks only for targets whose letters the value has, with a lookahead of at most 24
 * characters; base64 is decoded only for values of at most {@value #MAX_BASE64} characters whose first three
 * bytes are text. Linear in the value, no cap needed; no
 * regular expression, no file-system access. Stateless and thread-safe.
 */
public final class PathTraversalDetector implements Detector {

  /** Longest value decoded as base64 to look for a path attack inside. */
  static final int MAX_BASE64 = 4096;

  static final String TRAVERSAL = "path.traversal";
  static final String SENSITIVE = "path.sensitive-file";
  static final String WRAPPER = "path.wrapper";
  static final String UNC = "path.unc";
  static final String NUL = "path.nul-truncation";

  private static final Normalized.CharSet SLASHES = Normalized.charSet("/\\");
  private static final Normalized.CharSet DOLLAR = Normalized.charSet("$");
  private static final Detection ALTERNATE_STREAM = new Detection(Category.PATH, SENSITIVE, 80);
  private static final Normalized.CharSet DOT = Normalized.charSet(".");
  private static final Normalized.CharSet COLON = Normalized.charSet(":");
  private static final Normalized.CharSet SPACE = Normalized.charSet(" ");
  /** The {@code x} of {@code 0x2f} and {@code 0x2e}. */
  private static final Normalized.CharSet HEX_X = Normalized.charSet("xX");
  private static final Normalized.CharSet LOWER_X = Normalized.charSet("x");
  private static final Normalized.CharSet UPPER_X = Normalized.charSet("X");
  private static final Normalized.CharSet TWO_FIVE = Normalized.charSet("25");
  private static final Normalized.CharSet HEX_F_C = Normalized.charSet("fFcC");
  private static final Normalized.CharSet ZERO = Normalized.charSet("0");
  private static final Normalized.CharSet SPACES = Normalized.charSet(" \n\t");
  private static final Normalized.CharSet UNDERSCORE = Normalized.charSet("_");
  /** Controls, {@code %} and {@code ?}: what broken encodings leave. */
  private static final Normalized.CharSet ODD = Normalized.charSet(controls() + "%?");
  /**
   * What every path attack has: a letter or digit (every name, {@code 0x2e}, {@code 0x2f}), a dot (every climb),
   * {@code ?} or {@code [} (the UNC forms {@code \\?\} and {@code \\[::1]\}); else only non-ASCII look-alikes
   * or a NUL.
   */
  private static final Normalized.CharSet NAMING = Normalized.charSet(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.?[");
  /** Every ASCII character outside the base64 alphabet. */
  private static final Normalized.CharSet NOT_BASE64 = Normalized.charSet(notBase64());

  public PathTraversalDetector() {}

  private static String controls() {
    StringBuilder b = new StringBuilder();
    for (char c = 0; c < ' '; c++) {
      b.append(c);
    }
    return b.toString();
  }

  private static String notBase64() {
    StringBuilder b = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      if (!(PathChars.isAlnum(c) || c == '+' || c == '/' || c == '=')) {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public Category category() {
    return Category.PATH;
  }

  @Override
  public Detection detect(Normalized value) {
    Detection found = pathDetection(value);
    if ((found == null || found.score() < ALTERNATE_STREAM.score()) && value.containsAny(DOLLAR)
        && value.containsAny(COLON) && alternateStream(value.decoded())) {
      return ALTERNATE_STREAM;
    }
    return found;
  }

  /**
   * {@code web.config::$DATA}, {@code admin:$i30:$INDEX_ALLOCATION}: an NTFS alternate data stream, which IIS
   * served as the file's source or let past a folder's rules.
   */
  private static boolean alternateStream(String s) {
    // found by their "$" after a colon: a flood of colons ("${::-") costs no comparison per colon
    for (int i = s.indexOf('$', 1); i >= 0; i = Substrings.indexOf(s, '$', i + 1)) {
      if (s.charAt(i - 1) == ':' && (s.regionMatches(true, i - 2, "::$data", 0, 7)
          || s.regionMatches(true, i - 1, ":$index_allocation", 0, 18))) {
        return true;
      }
    }
    return false;
  }

  private static Detection pathDetection(Normalized value) {
    // the character mask first: most values are answered before their text is read
    String s = value.decoded();
    if (hasSeparator(value, s)) {
      return withStructure(value, s, s.length());
    }
    // no path without a separator: only a name alone, a broken encoding or base64, all without spaces
    if (value.containsAny(SPACES)) {
      return value.hadNul() && value.containsAny(DOT) ? new Detection(Category.PATH, NUL, 70) : null;
    }
    boolean dotted = value.containsAny(DOT);
    int n = s.length();
    Detection found = null;
    if (n <= PathNames.MAX_SEGMENT && (dotted || value.containsAny(UNDERSCORE) && s.indexOf('_') > 0)) {
      found = bareName(s); // .env, web.config, config.inc.php, id_rsa
    }
    if (found == null && n >= 8) {
      if (oddBytes(value, s, dotted)) {
        found = brokenEncodingTraversal(value);
      }
      if (found == null && maybeBase64(value, s, n)) {
        found = base64(s);
      }
    }
    if (found == null && value.hadNul() && dotted) {
      found = new Detection(Category.PATH, NUL, 70);
    }
    return found;
  }

  /** A value with a separator: the full pass of {@link PathScan}, then the fallbacks. */
  private static Detection withStructure(Normalized value, String s, int n) {
    if (!value.containsAny(NAMING) && !value.hasNonAscii() && !value.hadNul()) {
      return null; // "/*/*", "\\": separators and punctuation alone name nothing and climb nowhere
    }
    PathScan scan = new PathScan(value);
    Detection found = scan.run();
    if (found == null && !scan.space && n >= 8) {
      if (scan.odd) {
        found = brokenEncodingTraversal(value);
      }
      if (found == null && maybeBase64(value, s, n)) {
        found = base64(s);
      }
    }
    if (found == null && value.hadNul()) {
      found = new Detection(Category.PATH, NUL, 70);
    }
    return found;
  }

  /**
   * Whether the value has a separator: {@code /} and {@code \\}, the text {@code 0x2f}/{@code 0x5c} and
   * {@code .2f}/{@code .5c}, and look-alike slashes, which are all at U+2000 or above; the masks first.
   */
  private static boolean hasSeparator(Normalized value, String s) {
    return value.containsAny(SLASHES) || value.hasNonAscii() && hasLookalikeSeparator(s)
        || hasTextSeparator(value, s, value.containsAny(DOT));
  }

  /** {@code .2f}, {@code .5c} or {@code 0x2f}, {@code 0x5c}, tried only when the value has the characters needed. */
  private static boolean hasTextSeparator(Normalized value, String s, boolean dotted) {
    if (!value.containsAny(TWO_FIVE) || !value.containsAny(HEX_F_C)) {
      return false;
    }
    return dotted && hasDotSeparator(s) || value.containsAny(ZERO)
        && (value.containsAny(LOWER_X) && hexSeparator(s, 'x') || value.containsAny(UPPER_X) && hexSeparator(s, 'X'));
  }

  /** {@code .2f} or {@code .5c}, any case. */
  private static boolean hasDotSeparator(String s) {
    int n = s.length();
    for (int i = s.indexOf('.'); i >= 0 && i + 2 < n; i = s.indexOf('.', i + 1)) {
      if (PathChars.sepWidth(s, i + 1) == 2) {
        return true;
      }
    }
    return false;
  }

  /** {@code 0x2f} or {@code 0x5c} (any case of the hex digits) with this {@code x}. */
  private static boolean hexSeparator(String s, char x) {
    for (int i = s.indexOf(x, 1); i >= 0; i = s.indexOf(x, i + 1)) {
      if (s.charAt(i - 1) == '0' && PathChars.sepWidth(s, i - 1) == 4) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLookalikeSeparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x2000 && PathChars.isSlashLookalike(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What only broken encodings leave: two dots in a row, {@code 0x2e}, {@code %}, {@code ?}, controls, non-ASCII;
   * the character mask answers most values at once.
   */
  private static boolean oddBytes(Normalized value, String s, boolean dotted) {
    if (value.hasNonAscii() || value.containsAny(ODD)) {
      return true;
    }
    if (dotted && Substrings.indexOf(s, "..", 0) >= 0) {
      return true;
    }
    if (value.containsAny(HEX_X)) {
      for (int i = s.indexOf('0'); i >= 0; i = s.indexOf('0', i + 1)) {
        if (PathChars.dotWidth(s, i) == 4) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the value may be base64 of text as a whole: its length, no character outside the alphabet, and a first
   * character whose six bits can begin a printable byte ({@code I} to {@code Z}, {@code a} to {@code f}: 8 to 31),
   * the first thing {@link #base64} checks ({@code quantity}, {@code customer} and most words stop here).
   */
  private static boolean maybeBase64(Normalized value, String s, int n) {
    if (n > MAX_BASE64 || (n & 3) != 0 || value.hasNonAscii() || value.containsAny(NOT_BASE64)) {
      return false;
    }
    int first = sextet(s.charAt(0));
    return first >= 8 && first <= 31;
  }

  /** A value that is one file name: a secret file alone ({@code .htaccess}, {@code config.inc.php}). */
  static Detection bareName(String s) {
    if (!PathNames.secretFile(s)) {
      return null;
    }
    return new Detection(Category.PATH, SENSITIVE, 70);
  }

  /**
   * Climbs spelled with encodings no decoder undoes ({@code ..%c0%9v}, {@code ..0x2f} glued to letters,
   * {@code ..2f}) still carry their target: a classic target whose parts are glued by one to eight characters
   * that are not spaces ({@code etc%c1%8spasswd}, {@code windows?system32}), or {@code boot.ini} and its kin.
   */
  static Detection brokenEncodingTraversal(Normalized value) {
    String s = value.decoded();
    Normalized.CharSet[][] letters = value.hasNonAscii() ? TARGET_LETTERS_BEYOND_ASCII : TARGET_LETTERS;
    if (!mayHoldFirstWord(value, letters)) {
      return null; // "e\u0301" a megabyte long: no first word can be spelled with its letters
    }
    // lower() finds the first words of ASCII and most other values; the dotless i and the long s, which
    // regionMatches takes for i and s, need the slow way
    boolean exotic = value.hasNonAscii() && (s.indexOf('\u0131') >= 0 || s.indexOf('\u017f') >= 0);
    if (!(exotic ? hasTargetSlow(s) : hasTarget(value, s, value.lower(), letters))) {
      return null;
    }
    boolean climb = Substrings.contains(s, "..") || Substrings.contains(s, "0x2e")
        || Substrings.contains(s, "0X2E");
    return new Detection(Category.PATH, climb ? TRAVERSAL : SENSITIVE, climb ? 85 : 80);
  }

  /** Whether the value has the letters of some first word ({@code letters}: as for its mask, by {@link #hasTarget}). */
  private static boolean mayHoldFirstWord(Normalized value, Normalized.CharSet[][] letters) {
    for (Normalized.CharSet[] word : letters) {
      if (value.containsEach(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #targetAt} anywhere, the first words found in the value's lower case by indexOf; a word whose
   * {@code letters} the value lacks is not looked for.
   */
  private static boolean hasTarget(Normalized value, String s, String lower, Normalized.CharSet[][] letters) {
    for (int w = 0; w < TARGET_FIRST_WORDS.length; w++) {
      String first = TARGET_FIRST_WORDS[w];
      if (!value.containsEach(letters[w])) {
        continue;
      }
      for (int i = lower.indexOf(first); i >= 0; i = lower.indexOf(first, i + 1)) {
        if (targetAt(s, i)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@link #targetAt} anywhere, position by position. */
  private static boolean hasTargetSlow(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (targetAt(s, i)) {
        return true;
      }
    }
    return false;
  }

  /** The first words of the targets below, in lower case: every target begins with one of them. */
  private static final String[] TARGET_FIRST_WORDS = {"etc", "win", "proc", "logs", "boot.ini", "system.ini"};
  /** The letters of each first word, each letter a set of its two cases. */
  private static final Normalized.CharSet[][] TARGET_LETTERS = lettersOf(TARGET_FIRST_WORDS, "");
  /**
   * The same without i, s and k: beyond ASCII, lower casing and case-insensitive comparison also take İ and ı for
   * i, ſ for s and the Kelvin sign for k (no other character outside ASCII for an ASCII letter).
   */
  private static final Normalized.CharSet[][] TARGET_LETTERS_BEYOND_ASCII = lettersOf(TARGET_FIRST_WORDS, "isk");

  private static Normalized.CharSet[][] lettersOf(String[] words, String except) {
    Normalized.CharSet[][] sets = new Normalized.CharSet[words.length][];
    for (int i = 0; i < words.length; i++) {
      sets[i] = CharSets.eachChar(words[i], true, except);
    }
    return sets;
  }

  /** Whether a classic target begins at {@code i}: its parts glued by a few bytes, or a file alone. */
  private static boolean targetAt(String s, int i) {
    return switch (s.charAt(i) | 0x20) {
      case 'e' -> glued(s, i, "etc", "passwd", "shadow", "hosts", "issue");
      case 'w' -> glued(s, i, "windows", "system32", "win.ini", null, null)
          || glued(s, i, "winnt", "system32", "win.ini", null, null) || at(s, i, "win.ini");
      case 'p' -> glued(s, i, "proc", "self", "environ", null, null);
      case 'l' -> glued(s, i, "logs", "access.log", "error.log", "access_log", "error_log");
      case 'b' -> at(s, i, "boot.ini");
      case 's' -> at(s, i, "system.ini");
      default -> false;
    };
  }

  /** {@code first} at {@code i}, then one to eight characters that are not spaces, then one of the targets. */
  private static boolean glued(String s, int i, String first, String t1, String t2, String t3, String t4) {
    if (i + 1 >= s.length() || (s.charAt(i + 1) | 0x20) != first.charAt(1) || !at(s, i, first)) {
      return false;
    }
    int from = i + first.length();
    for (int gap = 1; gap <= 8 && from + gap < s.length(); gap++) {
      if (PathChars.isSpace(s.charAt(from + gap - 1))) {
        return false;
      }
      int k = from + gap;
      if (at(s, k, t1) || at(s, k, t2) || at(s, k, t3) || at(s, k, t4)) {
        return true;
      }
    }
    return false;
  }

  private static boolean at(String s, int i, String word) {
    return word != null && s.regionMatches(true, i, word, 0, word.length());
  }

  /** The value of a base64 character, or -1 when it is padding or not base64. */
  private static int sextet(char x) {
    return x >= 'A' && x <= 'Z' ? x - 'A' : x >= 'a' && x <= 'z' ? x - 'a' + 26
        : x >= '0' && x <= '9' ? x - '0' + 52 : x == '+' ? 62 : x == '/' ? 63 : -1;
  }

  /** Whether the three bytes of a quantum are printable ASCII; false for a quantum with a bad character. */
  private static boolean printable(int quantum) {
    if (quantum < 0) {
      return false;
    }
    for (int shift = 16; shift >= 0; shift -= 8) {
      int b = quantum >> shift & 0xff;
      if (b < 0x20 || b > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * A value that is base64 as a whole ({@code Li4vLi4vZXRjL3Bhc3N3ZA==}) and decodes to a path attack. Decoded in
   * place, a quantum at a time, and given up at the first byte that is not printable ASCII (binary, not a path:
   * most blobs stop in the first quantum); the text is read as a path only when it could hold one.
   */
  static Detection base64(String s) {
    int n = s.length();
    if (n < 4 || (n & 3) != 0) {
      return null;
    }
    if (n > 4 && !printable(sextet(s.charAt(0)) << 18 | sextet(s.charAt(1)) << 12 | sextet(s.charAt(2)) << 6
        | sextet(s.charAt(3)))) {
      return null; // the first three bytes already are no text: binary, not a path (most blobs stop here)
    }
    int pad = s.charAt(n - 1) != '=' ? 0 : s.charAt(n - 2) == '=' ? 2 : 1;
    byte[] text = new byte[n / 4 * 3 - pad];
    int k = 0;
    for (int i = 0; i < n; i += 4) {
      boolean last = i + 4 == n;
      int a = sextet(s.charAt(i));
      int b = sextet(s.charAt(i + 1));
      int c = last && pad == 2 ? 0 : sextet(s.charAt(i + 2));
      int d = last && pad > 0 ? 0 : sextet(s.charAt(i + 3));
      if ((a | b | c | d) < 0) {
        return null; // not base64 ("=" inside, "xx=x", another character)
      }
      int quantum = a << 18 | b << 12 | c << 6 | d;
      for (int shift = 16, bytes = last ? 3 - pad : 3; bytes > 0; shift -= 8, bytes--) {
        int x = quantum >> shift & 0xff;
        if (x < 0x20 || x > 0x7e) {
          return null; // binary: not text, not a path (most blobs stop in the first quantum)
        }
        text[k++] = (byte) x;
      }
    }
    Normalized innerValue = Normalized.of(new String(text, StandardCharsets.US_ASCII));
    String inner = innerValue.decoded();
    // without a separator or a colon (a wrapper) the path scan finds nothing; the inner value's masks answer most
    Detection found = innerValue.containsAny(COLON) || hasSeparator(innerValue, inner) ? PathScan.scan(innerValue)
        : null;
    if (found == null && !innerValue.containsAny(SPACE) && inner.length() <= PathNames.MAX_SEGMENT) {
      found = bareName(inner);
    }
    return found == null ? null : new Detection(Category.PATH, found.ruleId(), Math.min(found.score(), 85));
  }
}
