package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
 *       value that is a secret file name alone ({@code .htaccess}, {@code config.inc.php})</td></tr>
 *   <tr><td>{@code path.wrapper}</td><td>75 to 90</td><td>{@code php://}, {@code expect://}, {@code zip://},
 *       {@code phar://}, {@code data://}, {@code glob://}, {@code compress.zlib://}, {@code file:/},
 *       {@code netdoc:/}, {@code jar:scheme:}, {@code data:text/plain}</td></tr>
 *   <tr><td>{@code path.unc}</td><td>70, 90 for device paths</td><td>a value starting with
 *       {@code \\host\share}, {@code \\?\} or {@code \\.\}</td></tr>
 *   <tr><td>{@code path.nul-truncation}</td><td>70</td><td>a NUL (raw or encoded) in a value with a separator,
 *       colon or dot, when no other rule applies</td></tr>
 * </table>
 *
 * <p>Cost: a value without a separator has no path ({@code /}, {@code \} and {@code .2f} are found by
 * vectorised {@link String#indexOf}, the text {@code 0x2f} after an {@code x}, look-alikes are all at U+2000 or
 * above): only the rules for a name alone, broken encodings and base64 can apply, and only to values without
 * spaces. Otherwise one pass of {@link PathScan}
 * with a lookahead of at most four characters; each segment is hashed once, in place, and looked up in one
 * table (segments longer than {@link PathNames#MAX_SEGMENT} characters are not). The broken-encoding fallback is
 * one pass with a lookahead of at most 24 characters; base64 is decoded only for values of at most
 * {@value #MAX_BASE64} characters whose first three bytes are text. Linear in the value, no cap needed; no
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

  public PathTraversalDetector() {}

  @Override
  public Category category() {
    return Category.PATH;
  }

  @Override
  public Detection detect(Normalized value) {
    String s = value.decoded();
    int n = s.length();
    Detection found = null;
    boolean spaceFree;
    int dots;
    boolean odd;
    boolean structure = hasSeparator(s);
    if (structure) {
      PathScan scan = new PathScan(s);
      found = scan.run();
      spaceFree = !scan.space;
      dots = scan.dots;
      odd = scan.odd;
    } else {
      // no path without a separator: only a name alone, a broken encoding or base64, all without spaces
      spaceFree = s.indexOf(' ') < 0 && s.indexOf('\n') < 0 && s.indexOf('\t') < 0;
      dots = spaceFree || value.hadNul() ? count(s, '.') : 0;
      odd = spaceFree && n >= 8 && oddBytes(s);
    }
    if (found == null && spaceFree && !structure && n <= PathNames.MAX_SEGMENT && (dots > 0 || s.indexOf('_') > 0)) {
      found = bareName(s); // .env, web.config, config.inc.php, id_rsa
    }
    if (found == null && spaceFree && n >= 8) {
      if (odd) {
        found = brokenEncodingTraversal(s);
      }
      if (found == null && n <= MAX_BASE64 && n % 4 == 0) {
        found = base64(s);
      }
    }
    if (found == null && value.hadNul() && (structure || dots > 0)) {
      found = new Detection(Category.PATH, NUL, 70);
    }
    return found;
  }

  /**
   * Whether {@code s} has a separator: {@code /} and {@code \} by {@link String#indexOf} (vectorised), the text
   * {@code 0x2f}/{@code 0x5c}, and look-alike slashes, which are all at U+2000 or above.
   */
  static boolean hasSeparator(String s) {
    if (s.indexOf('/') >= 0 || s.indexOf('\\') >= 0 || s.indexOf(".2f") >= 0 || s.indexOf(".2F") >= 0
        || s.indexOf(".5c") >= 0 || s.indexOf(".5C") >= 0) {
      return true;
    }
    int x = s.indexOf('x');
    int bigX = s.indexOf('X');
    if (x > 0 || bigX > 0) {
      for (int i = s.indexOf('0'); i >= 0; i = s.indexOf('0', i + 1)) {
        if (PathChars.sepWidth(s, i) == 4) {
          return true;
        }
      }
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x2000 && PathChars.isSlashLookalike(c)) {
        return true;
      }
    }
    return false;
  }

  /** What only broken encodings leave: two dots in a row, {@code 0x2e}, {@code %}, {@code ?}, controls, non-ASCII. */
  private static boolean oddBytes(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < ' ' || c >= 0x80 || c == '%' || c == '?' || c == '.' && i > 0 && s.charAt(i - 1) == '.'
          || PathChars.dotWidth(s, i) == 4) {
        return true;
      }
    }
    return false;
  }

  private static int count(String s, char c) {
    int k = 0;
    for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
      k++;
    }
    return k;
  }

  /** A value that is one file name: a secret file alone ({@code .htaccess}, {@code config.inc.php}). */
  static Detection bareName(String s) {
    if ((PathNames.classify(s, 0, s.length(), false) & PathNames.SECRET_FILE) == 0) {
      return null;
    }
    return new Detection(Category.PATH, SENSITIVE, 70);
  }

  /**
   * Climbs spelled with encodings no decoder undoes ({@code ..%c0%9v}, {@code ..0x2f} glued to letters,
   * {@code ..2f}) still carry their target: a classic target whose parts are glued by one to eight characters
   * that are not spaces ({@code etc%c1%8spasswd}, {@code windows?system32}), or {@code boot.ini} and its kin.
   */
  static Detection brokenEncodingTraversal(String s) {
    int n = s.length();
    boolean target = false;
    for (int i = 0; i < n && !target; i++) {
      switch (s.charAt(i) | 0x20) {
        case 'e' -> target = glued(s, i, "etc", "passwd", "shadow", "hosts", "issue");
        case 'w' -> target = glued(s, i, "windows", "system32", "win.ini", null, null)
            || glued(s, i, "winnt", "system32", "win.ini", null, null) || at(s, i, "win.ini");
        case 'p' -> target = glued(s, i, "proc", "self", "environ", null, null);
        case 'l' -> target = glued(s, i, "logs", "access.log", "error.log", "access_log", "error_log");
        case 'b' -> target = at(s, i, "boot.ini");
        case 's' -> target = at(s, i, "system.ini");
        default -> { }
      }
    }
    if (!target) {
      return null;
    }
    boolean climb = s.contains("..") || s.contains("0x2e") || s.contains("0X2E");
    return new Detection(Category.PATH, climb ? TRAVERSAL : SENSITIVE, climb ? 85 : 80);
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

  /** The 24 bits of one base64 quantum; -1 when a character is padding or not base64. */
  private static int quantum(char a, char b, char c, char d) {
    int v = 0;
    for (char x : new char[] {a, b, c, d}) {
      int six = x >= 'A' && x <= 'Z' ? x - 'A' : x >= 'a' && x <= 'z' ? x - 'a' + 26
          : x >= '0' && x <= '9' ? x - '0' + 52 : x == '+' ? 62 : x == '/' ? 63 : -1;
      if (six < 0) {
        return -1;
      }
      v = v << 6 | six;
    }
    return v;
  }

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

  /** A value that is base64 as a whole ({@code Li4vLi4vZXRjL3Bhc3N3ZA==}) and decodes to a path attack. */
  static Detection base64(String s) {
    int n = s.length();
    if (!printable(quantum(s.charAt(0), s.charAt(1), s.charAt(2), s.charAt(3)))) {
      return null; // the first three bytes already are no text: binary, not a path (most blobs stop here)
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!(PathChars.isAlnum(c) || c == '+' || c == '/' || c == '=' && i >= n - 2)) {
        return null;
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7e) {
        return null; // binary: not text, not a path
      }
    }
    String inner = Normalized.of(new String(bytes, StandardCharsets.US_ASCII)).decoded();
    Detection found = PathScan.scan(inner);
    if (found == null && inner.indexOf(' ') < 0 && inner.length() <= PathNames.MAX_SEGMENT) {
      found = bareName(inner);
    }
    return found == null ? null : new Detection(Category.PATH, found.ruleId(), Math.min(found.score(), 85));
  }
}
