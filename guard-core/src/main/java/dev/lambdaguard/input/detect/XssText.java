package dev.lambdaguard.input.detect;

/**
 * Character classes and bounded matchers shared by the XSS scanner: words spelled with the junk and escapes that
 * browsers (or old browsers) tolerate inside them ({@code jav&#x09;ascript:}, {@code \x0Fjavascript:},
 * {@code \6a avascript:}, {@code ex/**}{@code /pression(}). Every matcher reads at most up to the limit it is given
 * and never allocates.
 */
final class XssText {

  /** Junk units skipped between two letters of a word, at most. */
  private static final int MAX_GAP = 12;
  /** A CSS comment skipped as junk is at most this long. */
  private static final int MAX_COMMENT = 64;

  private XssText() {}

  // ---------------------------------------------------------------- character classes

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAsciiAlnum(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  static boolean isIdentPart(char c) {
    return isAsciiAlnum(c) || c == '_' || c == '$';
  }

  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * Characters a browser's URL parser, tag tokenizer or an old engine skips: C0 controls and space, DEL and C1
   * controls, no-break and other Unicode spaces, line and paragraph separators, BOM and noncharacters.
   */
  static boolean isJunk(char c) {
    if (c <= 0x20) {
      return true;
    }
    if (c < 0x7f) {
      return false;
    }
    return c <= 0xa0 || c == 0x1680 || c == 0x180e || (c >= 0x2000 && c <= 0x200f)
        || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x206f) || c == 0x3000 || c >= 0xfeff;
  }

  /** Separates attributes (and ends a tag name): HTML whitespace, any control character, Unicode spaces, slash. */
  static boolean isTagSeparator(char c) {
    return c == '/' || isJunk(c);
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    c = lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  /**
   * Lower-case ASCII words and the set of their lengths, so that a name of no such length (most names a run reads:
   * {@code x}, {@code a}) is told apart without a comparison.
   */
  static final class Words {
    private final String[] list;
    private final long lengths;

    private Words(String[] list, long lengths) {
      this.list = list;
      this.lengths = lengths;
    }

    static Words of(String... list) {
      long lengths = 0;
      for (String w : list) {
        if (w.length() >= 64) {
          throw new IllegalArgumentException("word longer than 63 characters: " + w);
        }
        lengths |= 1L << w.length();
      }
      return new Words(list.clone(), lengths);
    }

    /** Whether {@code s[from, to)} is one of these words, in any case. */
    boolean contain(String s, int from, int to) {
      int len = to - from;
      return len < 64 && (lengths >>> len & 1) != 0 && isOneOf(s, from, to, list);
    }
  }

  /** Whether {@code s[from, to)} is one of {@code words} (lower-case ASCII), in any case. */
  static boolean isOneOf(String s, int from, int to, String[] words) {
    for (String w : words) {
      if (equalsWord(s, from, to, w)) {
        return true;
      }
    }
    return false;
  }

  /** Case-insensitive comparison of {@code s[from, to)} with a lower-case ASCII word. */
  static boolean equalsWord(String s, int from, int to, String word) {
    if (to - from != word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (lower(s.charAt(from + k)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Case-insensitive: does {@code s} continue at {@code at} with the lower-case ASCII word. */
  static boolean startsWithWord(String s, int at, int limit, String word) {
    if (at < 0 || at + word.length() > limit) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (lower(s.charAt(at + k)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** A hit this close to the previous one makes the search for the next read the characters between by hand. */
  static final int NEAR = 8;
  /** The {@code previous} of {@link #next} before the first hit: far enough that it is not dense. */
  static final int NO_HIT = -NEAR;

  /**
   * The first {@code c} in {@code s} after the hit at {@code hit}, or -1; {@code previous} is the hit before it
   * ({@link #NO_HIT} for none). In a flood of {@code c} (the two hits {@link #NEAR} each other) the next few
   * characters are read by hand first ({@link Substrings#indexOf(String, char, int)}).
   */
  static int next(String s, char c, int hit, int previous) {
    return hit - previous < NEAR ? Substrings.indexOf(s, c, hit + 1) : s.indexOf(c, hit + 1);
  }

  /**
   * Where the next character of a set is in one value, remembered across the asks of one scan: asked from positions
   * that only grow, the value is read up to the next character of the set once and that place kept until the scan
   * passes it, so a check that needs one of them within its reach is told in O(1) amortized whether it can find
   * anything (a flood's triggers, each with nothing of the set ahead, do not each read what lies ahead again). One
   * loop over the value for the whole set, where a search per character of it read a megabyte without them once
   * for each (27 times for the openers of escapes with digits): a vector search with C2, but a loop with C1, which
   * is all Lambda's Java 17 and 21 runtimes run by default. Not thread-safe: one instance per scan.
   */
  static final class NextOf {
    private final boolean[] set;
    private int from = Integer.MAX_VALUE;
    private int at = -1;

    /** Over the ASCII characters of {@code set}, a {@link CharSets#table}. */
    NextOf(boolean[] set) {
      this.set = set;
    }

    /** The first index from {@code p} holding a character of the set, or the length of {@code s}. */
    int next(String s, int p) {
      if (p < from || p > at) {
        from = p;
        at = firstOf(s, set, p);
      }
      return at;
    }

    /** A loop of its own, so that it compiles tight whatever the asks around it were profiled on. */
    private static int firstOf(String s, boolean[] set, int from) {
      int k = from;
      for (int n = s.length(); k < n && !CharSets.has(set, s.charAt(k)); k++) {
        // nothing: read on
      }
      return k;
    }
  }

  // ---------------------------------------------------------------- escapes

  /**
   * The length of the backslash escape at {@code i} if some reading of it (JavaScript {@code \xHH},
   * <code>&#92;uHHHH</code>, <code>&#92;u{H}</code>, octal, CSS {@code \H..H }, or an identity escape {@code \c})
   * yields {@code want} (letters compared without case); 0 otherwise.
   */
  static int escapeFor(String s, int i, int limit, char want) {
    if (i + 1 >= limit || s.charAt(i) != '\\') {
      return 0;
    }
    want = lower(want);
    char d = s.charAt(i + 1);
    if (d == 'x' && i + 3 < limit && hex(s.charAt(i + 2)) >= 0 && hex(s.charAt(i + 3)) >= 0) {
      if (lower((char) (hex(s.charAt(i + 2)) << 4 | hex(s.charAt(i + 3)))) == want) {
        return 4;
      }
    }
    if (d == 'u') {
      int len = unicodeEscape(s, i, limit);
      if (len > 0 && lower((char) unicodeValue(s, i, len)) == want) {
        return len;
      }
    }
    // CSS hex escape: one to six hex digits and one optional whitespace. IE also ended an escape before a hex
    // letter ("\\28alert" is "(alert"), so every length is tried.
    int j = i + 1;
    int v = 0;
    while (j < limit && j - i <= 6 && hex(s.charAt(j)) >= 0) {
      v = v << 4 | hex(s.charAt(j));
      j++;
      if (lower((char) v) == want && v < 0x10000) {
        return j < limit && isCssSpace(s.charAt(j)) ? j + 1 - i : j - i;
      }
    }
    if (j > i + 1) {
      // JavaScript octal, up to three digits (\145 is 'e').
      int o = 0;
      int k = i + 1;
      while (k < limit && k - i <= 3 && s.charAt(k) >= '0' && s.charAt(k) <= '7'
          && o * 8 + (s.charAt(k) - '0') <= 0377) {
        o = o * 8 + (s.charAt(k) - '0');
        k++;
      }
      if (k > i + 1 && lower((char) o) == want) {
        return k - i;
      }
    }
    // Identity escape (\j is j), for any letter the reading above did not claim.
    return lower(d) == want && d != '\n' && d != '\r' ? 2 : 0;
  }

  /** The length of a junk unit at {@code i}: a junk character, an escape spelling one, or (in CSS) a comment. */
  static int junkAt(String s, int i, int limit, boolean css) {
    char c = s.charAt(i);
    if (isJunk(c)) {
      return 1;
    }
    if (css && c == '/' && i + 1 < limit && s.charAt(i + 1) == '*') {
      int end = Math.min(limit, i + MAX_COMMENT);
      for (int k = i + 2; k + 1 < end; k++) {
        if (s.charAt(k) == '*' && s.charAt(k + 1) == '/') {
          return k + 2 - i;
        }
      }
      return 0;
    }
    if (c != '\\' || i + 1 >= limit) {
      return 0;
    }
    char d = s.charAt(i + 1);
    if (d == 'x' && i + 3 < limit && hex(s.charAt(i + 2)) >= 0 && hex(s.charAt(i + 3)) >= 0) {
      int v = hex(s.charAt(i + 2)) << 4 | hex(s.charAt(i + 3));
      // A byte of 0x80 and above is part of a UTF-8 encoded character: the separators the fuzzers use.
      return v <= 0x20 || v >= 0x7f ? 4 : 0;
    }
    if (d == 'u') {
      int len = unicodeEscape(s, i, limit);
      return len > 0 && isJunk((char) unicodeValue(s, i, len)) ? len : 0;
    }
    if ((d == '0' && (i + 2 >= limit || hex(s.charAt(i + 2)) < 0)) || d == 't' || d == 'n' || d == 'r' || d == 'f'
        || d == 'v' || d == 'b') {
      return 2;
    }
    // A CSS hex escape of a control or space character (\\9 is a tab).
    int j = i + 1;
    int v = 0;
    while (j < limit && j - i <= 6 && hex(s.charAt(j)) >= 0) {
      v = v << 4 | hex(s.charAt(j));
      j++;
    }
    if (j > i + 1 && v <= 0xffff && isJunk((char) v)) {
      return j < limit && isCssSpace(s.charAt(j)) ? j + 1 - i : j - i;
    }
    return 0;
  }

  /** Skips junk units from {@code i}, at most {@code max} of them; returns the first index that is no junk. */
  static int skipJunk(String s, int i, int limit, boolean css, int max) {
    for (int k = 0; k < max && i < limit; k++) {
      int len = junkAt(s, i, limit, css);
      if (len == 0) {
        break;
      }
      i += len;
    }
    return i;
  }

  /**
   * Whether the backslash escape at {@code i} may spell one of {@code letters} (a {@link CharSets#table} of ASCII
   * letters, each in either case) in a reading of
   * {@link #escapeFor}, told without trying each letter: an escape not opening with a hex digit reads as the
   * character after the backslash (the identity escape) or, as {@code \xHH} or <code>&#92;uHHHH</code>, as the
   * character it encodes; one opening with a hex digit reads as each of its CSS lengths and as octal, and as itself.
   */
  static boolean escapeMaySpell(String s, int i, int limit, boolean[] letters) {
    if (i + 1 >= limit) {
      return false;
    }
    char d = s.charAt(i + 1);
    if (hex(d) >= 0) {
      return hexEscapeMaySpell(s, i, limit, letters);
    }
    if (CharSets.has(letters, d)) {
      return true;
    }
    int encoded = -1;
    if (d == 'x' && i + 3 < limit && hex(s.charAt(i + 2)) >= 0 && hex(s.charAt(i + 3)) >= 0) {
      encoded = hex(s.charAt(i + 2)) << 4 | hex(s.charAt(i + 3));
    } else if (d == 'u') {
      int len = unicodeEscape(s, i, limit);
      encoded = len > 0 ? unicodeValue(s, i, len) : -1;
    }
    return encoded >= 0 && CharSets.has(letters, (char) encoded);
  }

  /**
   * {@link #escapeMaySpell} of an escape opening with a hex digit, each reading {@link #escapeFor} tries: CSS hex of
   * one to six digits, octal, and the digit itself. A lone digit ({@code \a}, {@code \b} of a Windows path) reads as
   * a control character or as itself, so it is told from that one character.
   */
  private static boolean hexEscapeMaySpell(String s, int i, int limit, boolean[] letters) {
    char d = s.charAt(i + 1);
    if (CharSets.has(letters, d)) {
      return true;
    }
    int v = 0;
    // v only grows with each digit: once past ASCII, no longer reading spells a letter.
    for (int j = i + 1; j < limit && j - i <= 6 && v < 128 && hex(s.charAt(j)) >= 0; j++) {
      v = v << 4 | hex(s.charAt(j));
      if (v < 128 && CharSets.has(letters, (char) v)) {
        return true;
      }
    }
    // Octal spells a letter (0101 to 0172) only with three digits, the first a 1: fewer read at most 077, and a first
    // digit from 2 reads 0200 or more (or stops at two digits, past 0377).
    return d == '1' && i + 3 < limit && isOctal(s.charAt(i + 2)) && isOctal(s.charAt(i + 3))
        && CharSets.has(letters, (char) (0100 | (s.charAt(i + 2) - '0') << 3 | s.charAt(i + 3) - '0'));
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  /** Length of <code>&#92;uHHHH</code> or <code>&#92;u{H...}</code> at {@code i}, or 0. */
  static int unicodeEscape(String s, int i, int limit) {
    if (i + 2 >= limit || s.charAt(i) != '\\' || s.charAt(i + 1) != 'u') {
      return 0;
    }
    if (s.charAt(i + 2) == '{') {
      int j = i + 3;
      while (j < limit && j - i < 10 && hex(s.charAt(j)) >= 0) {
        j++;
      }
      return j > i + 3 && j < limit && s.charAt(j) == '}' ? j + 1 - i : 0;
    }
    if (i + 5 >= limit) {
      return 0;
    }
    for (int k = 2; k < 6; k++) {
      if (hex(s.charAt(i + k)) < 0) {
        return 0;
      }
    }
    return 6;
  }

  /** The value of the unicode escape of length {@code len} at {@code i}, clamped to one UTF-16 unit. */
  static int unicodeValue(String s, int i, int len) {
    int from = s.charAt(i + 2) == '{' ? i + 3 : i + 2;
    int to = s.charAt(i + 2) == '{' ? i + len - 1 : i + len;
    int v = 0;
    for (int k = from; k < to; k++) {
      v = v << 4 | hex(s.charAt(k));
      if (v > 0xffff) {
        return 0xffff;
      }
    }
    return v;
  }

  private static boolean isCssSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  // ---------------------------------------------------------------- words

  /**
   * Matches a lower-case ASCII word at {@code i}: each letter literal (any case) or escaped, junk allowed between
   * letters (not before the first). Returns the index after the last letter, or -1.
   */
  static int matchWord(String s, int i, int limit, String word, boolean css) {
    int p = i;
    for (int k = 0; k < word.length(); k++) {
      int len = letterAt(s, p, limit, word.charAt(k));
      // The letter first (\t may be the letter t), then junk before it.
      for (int gap = 0; len == 0 && k > 0 && gap < MAX_GAP && p < limit; gap++) {
        int junk = junkAt(s, p, limit, css);
        if (junk == 0) {
          break;
        }
        p += junk;
        len = letterAt(s, p, limit, word.charAt(k));
      }
      if (len == 0) {
        return -1;
      }
      p += len;
    }
    return p;
  }

  /** Length of {@code want} at {@code p}, literal (any case) or escaped; 0 if it is not there. */
  private static int letterAt(String s, int p, int limit, char want) {
    if (p >= limit) {
      return 0;
    }
    char c = s.charAt(p);
    if (lower(c) == want) {
      return 1;
    }
    return c == '\\' ? escapeFor(s, p, limit, want) : 0;
  }

  /** Index after a colon (literal or escaped) at {@code i} once junk is skipped, or -1. */
  static int matchColon(String s, int i, int limit, boolean css) {
    int p = i;
    int len = letterAt(s, p, limit, ':');
    for (int gap = 0; len == 0 && gap < MAX_GAP && p < limit; gap++) {
      int junk = junkAt(s, p, limit, css);
      if (junk == 0) {
        break;
      }
      p += junk;
      len = letterAt(s, p, limit, ':');
    }
    return len == 0 ? -1 : p + len;
  }

  /**
   * Whether {@code s[i]} starts a word rather than continuing one: the character before is no letter or digit, or
   * is the tail of an escape ({@code \x1Ajavascript}).
   */
  static boolean wordBoundaryBefore(String s, int i) {
    if (i == 0 || !isAsciiAlnum(s.charAt(i - 1))) {
      return true;
    }
    if (i >= 2 && s.charAt(i - 2) == '\\') {
      return true;
    }
    if (i >= 4 && s.charAt(i - 4) == '\\' && s.charAt(i - 3) == 'x' && hex(s.charAt(i - 2)) >= 0) {
      return true;
    }
    return i >= 6 && s.charAt(i - 6) == '\\' && s.charAt(i - 5) == 'u';
  }

  // ---------------------------------------------------------------- CSS

  /**
   * {@code expression(} at {@code i} (after junk and comments), in IE's CSS: any casing, escapes, comments. Outside
   * markup ({@code spaces} false) no space may stand before the word or the parenthesis, as in {@code x:expression(};
   * prose ({@code Usage: expression (a)}) has them.
   */
  static boolean cssExpressionAt(String s, int i, int limit, boolean spaces) {
    if (!spaces && i < limit && s.charAt(i) == ' ') {
      return false;
    }
    int p = skipJunk(s, i, limit, true, MAX_GAP);
    if (p >= limit) {
      return false;
    }
    p = matchWord(s, p, limit, "expression", true);
    if (p < 0) {
      return false;
    }
    if (!spaces && p < limit && s.charAt(p) == ' ') {
      return false;
    }
    p = skipJunk(s, p, limit, true, MAX_GAP);
    if (p >= limit) {
      return false;
    }
    return s.charAt(p) == '(' || (s.charAt(p) == '\\' && escapeFor(s, p, limit, '(') > 0);
  }
}
