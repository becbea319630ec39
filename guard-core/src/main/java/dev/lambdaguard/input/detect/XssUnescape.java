package dev.lambdaguard.input.detect;

/**
 * The re-readings of a value the XSS scanner also looks at, each one linear pass: JavaScript string escapes undone
 * (<code>&#92;u003cscript&#92;u003e</code>, {@code \x3c}, {@code \74}, {@code <\/script>}, {@code \"}), as a value
 * placed in a script or JSON string and then written to the page reads; UTF-7 ({@code +ADw-script+AD4-}), as a page
 * served without a charset once read; and the high bit dropped, as old IE read a page declared US-ASCII. Each
 * returns its input unchanged, without copying, when there is nothing to undo.
 */
final class XssUnescape {

  private XssUnescape() {}

  /** What the escapes {@link #js} undoes open with, after their backslash. */
  private static final boolean[] OPENS_ESCAPE = CharSets.table("xu01234567\"'/`");
  /** What an undone escape has one place after its backslash (octal, a quote) or two (an x or u escape's digit). */
  private static final boolean[] DIGIT_OPENERS = CharSets.table("0123456789abcdefABCDEF{\"'/`");

  /**
   * Whether {@link #js} would change the value: an escape that spells a character or a quote. A backslash followed
   * by nothing an escape opens with ({@code \\}, {@code \n}, {@code \a} of a path) sends the search straight to the
   * backslash before the next such character ({@link XssText.NextOf}): every backslash between is followed by none.
   */
  static boolean hasJsEscape(String s) {
    XssText.NextOf openers = null;
    XssText.NextOf digits = null;
    for (int i = s.indexOf('\\'), previous = XssText.NO_HIT, last = s.length() - 1; i >= 0 && i < last; ) {
      char d = s.charAt(i + 1);
      int next;
      if ((d == 'u' || d == 'x') && !undoes(s, i)) {
        // No digit after it (\x\x...): the next escape undone has a digit, { or quote one or two places after its
        // backslash, so the backslashes before the next of those are each passed over.
        digits = digits == null ? new XssText.NextOf(DIGIT_OPENERS) : digits;
        int opener = digits.next(s, i + 2);
        next = opener >= s.length() ? -1 : s.indexOf('\\', Math.max(i + 1, opener - 2));
      } else if (d < 128 && OPENS_ESCAPE[d]) {
        if (undoes(s, i)) {
          return true;
        }
        next = XssText.next(s, '\\', i, previous);
      } else {
        openers = openers == null ? new XssText.NextOf(OPENS_ESCAPE) : openers;
        int opener = openers.next(s, i + 2);
        next = opener >= s.length() ? -1 : s.indexOf('\\', opener - 1);
      }
      previous = i;
      i = next;
    }
    return false;
  }

  /**
   * Exactly the escapes {@link #js} undoes, at the backslash {@code i} (with a character after it): an incomplete x
   * or u escape stays as written (a flood of them is no reading).
   */
  private static boolean undoes(String s, int i) {
    char d = s.charAt(i + 1);
    return d == 'x' ? isHexByte(s, i) : d == 'u' ? XssText.unicodeEscape(s, i, s.length()) > 0
        : (d >= '0' && d <= '7') || d == '"' || d == '\'' || d == '/' || d == '`';
  }

  /**
   * Undoes {@code \xHH} (consecutive bytes read as UTF-8 where they form it), <code>&#92;uHHHH</code>,
   * <code>&#92;u{H}</code>, octal escapes and escaped quotes and slashes; drops the NULs they may spell. Other escapes
   * stay as written. The text between escapes is copied in bulk, and the invisible characters an escape may spell are
   * dropped only when one spelled something that may be one: the decoded text it reads holds none of its own.
   */
  static String js(String s) {
    if (!hasJsEscape(s)) {
      return s;
    }
    int n = s.length();
    char[] out = new char[n]; // no escape is undone into more characters than it is written with
    int o = 0;
    boolean mayBeInvisible = false;
    int i = 0;
    while (i < n) {
      int b = Substrings.indexOf(s, '\\', i);
      if (b < 0 || b + 1 >= n) {
        s.getChars(i, n, out, o);
        o += n - i;
        break;
      }
      // A backslash escapes the next one: a run's pairs stay as written, and an odd run's last escapes what follows.
      int run = b + 1;
      while (run < n && s.charAt(run) == '\\') {
        run++;
      }
      int escape = (run - b) % 2 == 1 ? run - 1 : run;
      s.getChars(i, escape, out, o);
      o += escape - i;
      i = escape;
      if (i + 1 >= n || s.charAt(i) != '\\') {
        continue;
      }
      char d = s.charAt(i + 1);
      int len = d == 'u' ? XssText.unicodeEscape(s, i, n) : 0;
      int from = o;
      if (d == 'x' && isHexByte(s, i)) {
        int end = bytesEnd(s, i);
        o = bytes(s, i, end, out, o);
        i = end;
      } else if (len > 0) {
        out[o++] = (char) XssText.unicodeValue(s, i, len);
        i += len;
      } else if (d >= '0' && d <= '7') {
        int v = 0;
        int k = i + 1;
        while (k < n && k - i <= 3 && s.charAt(k) >= '0' && s.charAt(k) <= '7' && v * 8 + (s.charAt(k) - '0') <= 0377) {
          v = v * 8 + (s.charAt(k) - '0');
          k++;
        }
        out[o++] = (char) v;
        i = k;
      } else if (d == '"' || d == '\'' || d == '/' || d == '`') {
        out[o++] = d;
        i += 2;
        continue;
      } else {
        out[o++] = '\\';
        out[o++] = d;
        i += 2;
        continue;
      }
      for (int k = from; k < o; k++) {
        mayBeInvisible |= out[k] == '\0' || out[k] >= '\u00ad';
      }
    }
    String unescaped = new String(out, 0, o);
    return mayBeInvisible ? Normalizer.stripInvisible(unescaped) : unescaped;
  }

  private static boolean isHexByte(String s, int i) {
    return i + 3 < s.length() && XssText.hex(s.charAt(i + 2)) >= 0 && XssText.hex(s.charAt(i + 3)) >= 0;
  }

  /** The index after the run of {@code \xHH} escapes at {@code i}. */
  private static int bytesEnd(String s, int i) {
    int n = s.length();
    int j = i;
    while (j + 1 < n && s.charAt(j) == '\\' && s.charAt(j + 1) == 'x' && isHexByte(s, j)) {
      j += 4;
    }
    return j;
  }

  /**
   * Decodes the run of {@code \xHH} escapes {@code s[i, j)} as lenient UTF-8 into {@code out} from {@code o};
   * returns the index in {@code out} after what it wrote.
   */
  private static int bytes(String s, int i, int j, char[] out, int o) {
    int count = (j - i) / 4;
    int k = 0;
    while (k < count) {
      int lead = byteAt(s, i, k);
      int extra = lead >= 0xf0 && lead < 0xf8 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
      int cp = lead & (0x3f >> extra);
      boolean ok = extra > 0 && k + extra < count;
      for (int e = 1; ok && e <= extra; e++) {
        int cont = byteAt(s, i, k + e);
        ok = (cont & 0xc0) == 0x80;
        cp = cp << 6 | (cont & 0x3f);
      }
      if (ok && cp <= Character.MAX_CODE_POINT) {
        o += Character.toChars(cp, out, o);
        k += extra + 1;
      } else {
        out[o++] = (char) lead;
        k++;
      }
    }
    return o;
  }

  private static int byteAt(String s, int runStart, int k) {
    int at = runStart + 4 * k;
    return XssText.hex(s.charAt(at + 2)) << 4 | XssText.hex(s.charAt(at + 3));
  }

  // ---------------------------------------------------------------- UTF-7

  /** Whether the value carries a UTF-7 shifted sequence that spells an ASCII markup character ({@code +ADw-}). */
  static boolean hasUtf7Markup(String s) {
    // One sweep over the pluses (+ACI- ", +ACc- ', +ADw- <, +AD4- >), not one search per sequence.
    for (int i = s.indexOf('+'), previous = XssText.NO_HIT, last = s.length() - 4; i >= 0 && i <= last; ) {
      if (s.charAt(i + 1) == 'A') {
        char c = s.charAt(i + 2);
        char d = s.charAt(i + 3);
        if (c == 'C' && (d == 'I' || d == 'c') || c == 'D' && (d == 'w' || d == '4')) {
          return true;
        }
      }
      int next = XssText.next(s, '+', i, previous);
      previous = i;
      i = next;
    }
    return false;
  }

  /** The value read as UTF-7 ({@link Utf7}) when it carries markup so ({@link #hasUtf7Markup}); else itself. */
  static String utf7(String s) {
    return hasUtf7Markup(s) ? Utf7.decode(s, 0) : s;
  }

  /** Whether a start tag ({@code <} and a letter) appears. */
  static boolean hasStartTag(String s) {
    for (int i = s.indexOf('<'); i >= 0 && i + 1 < s.length(); i = s.indexOf('<', i + 1)) {
      if (XssText.isAsciiLetter(s.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- 7-bit

  /**
   * A {@code <} with its high bit set before a letter: markup for a browser that drops the eighth bit. It is U+00BC
   * in the value, or, when {@code escaped}, the byte written {@code %BC} (whose decoding NFKC folds to {@code 1⁄4}, so
   * only the value as received shows it).
   */
  static boolean hasSevenBitMarkup(String s, boolean escaped) {
    return beforeLetter(s, "\u00bc") || escaped && (beforeLetter(s, "%BC") || beforeLetter(s, "%bc"));
  }

  /**
   * {@code mark} before a letter, and not right after an escaped byte with the high bit set: {@code %BC} is also the
   * last byte of UTF-8 characters ({@code %C3%BCber} is "über").
   */
  private static boolean beforeLetter(String s, String mark) {
    int len = mark.length();
    for (int i = s.indexOf(mark); i >= 0 && i + len < s.length(); i = s.indexOf(mark, i + 1)) {
      if (XssText.isAsciiLetter(s.charAt(i + len)) && !(i >= 3 && s.charAt(i - 3) == '%'
          && XssText.hex(s.charAt(i - 2)) >= 8 && XssText.hex(s.charAt(i - 1)) >= 0)) {
        return true;
      }
    }
    return false;
  }

  /** The text with U+0080..U+00FF, and the bytes written {@code %HH}, read as their low seven bits. */
  static String sevenBit(String s) {
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < n && XssText.hex(s.charAt(i + 1)) >= 0 && XssText.hex(s.charAt(i + 2)) >= 0) {
        out.append((char) ((XssText.hex(s.charAt(i + 1)) << 4 | XssText.hex(s.charAt(i + 2))) & 0x7f));
        i += 2;
      } else {
        out.append(c >= 0x80 && c <= 0xff ? (char) (c & 0x7f) : c);
      }
    }
    return out.toString();
  }
}
