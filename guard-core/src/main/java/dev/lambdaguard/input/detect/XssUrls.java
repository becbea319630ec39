package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.XssText.isJunk;
import static dev.lambdaguard.input.detect.XssText.lower;

/**
 * Script and data URLs, and the CSS that runs code, as the XSS scanner meets them: at the start of an attribute
 * value, before a colon (looking back for the scheme it ends), at a backslash that spells a scheme's first letter,
 * and after a colon ({@code x:expression(}, {@code behavior:url(}). Each check reads a bounded number of characters
 * and returns the rule it found, or null.
 */
final class XssUrls {

  /** Characters looked at before a colon for the scheme it ends, at most. */
  static final int SCHEME_LOOKBEHIND = 48;
  /** Characters a scheme spelled with escapes (<code>&#92;u006a&#92;u0061...</code>) may take, at most. */
  static final int ESCAPED_SCHEME_SPAN = 160;
  /** Characters a CSS property spelled with escapes ({@code \-\mo\z\-b\i\nd\in\g}) may take, at most. */
  static final int ESCAPED_PROPERTY_SPAN = 64;

  private static final String[] SCRIPT_SCHEMES = {"javascript", "vbscript", "livescript", "mocha"};
  /** The scheme of data URLs, which run when their media type does. */
  private static final String DATA = "data";
  /** The first letters of the script schemes and {@code data}. */
  static final String SCHEME_INITIALS = "jvlmd";
  /** {@link #SCHEME_INITIALS} in either case, one lookup: asked at each backslash of a flood. */
  private static final boolean[] IS_SCHEME_INITIAL =
      CharSets.table(SCHEME_INITIALS + SCHEME_INITIALS.toUpperCase(java.util.Locale.ROOT));
  /** Media types a browser renders as a document or runs as script. */
  private static final String[] ACTIVE_TYPES = {"text/html", "application/xhtml+xml", "text/xml", "application/xml",
      "text/javascript", "application/javascript", "application/x-javascript", "text/ecmascript",
      "application/ecmascript", "text/vbscript", "text/x-scriptlet"};

  /** Looking back from a colon: a character that may spell part of a scheme (not a space: it ends the word). */
  private static final int SCHEME_PART = 1;
  /** ... and may start one: a scheme's first letter, any case, or a backslash that escapes it. */
  private static final int SCHEME_START = 2;
  /** {@link #SCHEME_PART} and {@link #SCHEME_START} of each ASCII character: one lookup a step back. */
  private static final byte[] SCHEME = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      boolean part = c != ' ' && (XssText.isAsciiAlnum(c) || isJunk(c) || c == '\\' || c == '{' || c == '}');
      char l = lower(c);
      boolean start = l == 'j' || l == 'v' || l == 'l' || l == 'm' || l == 'd' || c == '\\';
      SCHEME[c] = (byte) (part ? (start ? SCHEME_PART | SCHEME_START : SCHEME_PART) : 0);
    }
    // schemeBefore leaves a colon at once by the letter before it: each scheme must end with one it accepts
    for (String scheme : SCRIPT_SCHEMES) {
      checkEnd(scheme);
    }
    checkEnd(DATA);
  }

  private XssUrls() {}

  private static void checkEnd(String scheme) {
    if (cannotEndScheme(scheme.charAt(scheme.length() - 1))) {
      throw new IllegalStateException("cannotEndScheme rejects the last letter of " + scheme);
    }
  }

  /**
   * At the start of an attribute value (after junk and IE's backtick quote): a script URL, an executing data URL
   * (its base64 content read too, unless {@code nested}), or Netscape's JavaScript entity {@code &{...}}.
   */
  static XssRule atValueStart(String s, int kind, int vStart, int vEnd, boolean nested) {
    int limit = Math.min(s.length(), Math.max(vEnd, vStart + 64));
    if (vStart >= limit || !mayStartUrl(s.charAt(vStart))) {
      return null; // the value of nearly every attribute: a letter no scheme starts with, a digit, a sign
    }
    int p = XssText.skipJunk(s, vStart, limit, false, 16);
    if (p >= limit) {
      return null;
    }
    if (p + 1 < limit && s.charAt(p) == '&' && s.charAt(p + 1) == '{') {
      return XssRule.JS_CONTEXT; // &{code}; ran in any attribute value
    }
    for (String scheme : SCRIPT_SCHEMES) {
      int end = XssText.matchWord(s, p, limit, scheme, false);
      if (end > 0 && XssText.matchColon(s, end, limit, false) > 0) {
        return XssRule.JS_URL_IN_TAG;
      }
    }
    int end = XssText.matchWord(s, p, limit, DATA, false);
    int colon = end > 0 ? XssText.matchColon(s, end, limit, false) : -1;
    if (colon > 0 && (activeMime(s, colon, limit, kind != XssMarkup.IMAGE)
        || (!nested && XssDataUrl.base64Markup(s, colon, vEnd)))) {
      return XssRule.DATA_URL_IN_TAG;
    }
    return null;
  }

  /** Whether {@code c} is the first letter of a script scheme or {@code data}, in any case. */
  static boolean isSchemeInitial(char c) {
    return CharSets.has(IS_SCHEME_INITIAL, c);
  }

  /**
   * Whether a value starting with {@code c} can be what {@link #atValueStart} looks for: junk before it (junk is
   * a junk character or a backslash escape, outside CSS), {@code &} of {@code &{}, or the first letter of a script
   * scheme or of {@code data}, any case.
   */
  static boolean mayStartUrl(char c) {
    char l = lower(c);
    return l == 'j' || l == 'v' || l == 'l' || l == 'm' || l == 'd' || c == '\\' || c == '&' || isJunk(c);
  }

  /**
   * Before the colon at {@code i}: a scheme whose letters (with junk and escapes between them) end right there. A
   * space ends the word a scheme would be, so the look back stops at one.
   */
  static XssRule schemeBefore(String s, int i, boolean inTag) {
    if (i > 0 && cannotEndScheme(s.charAt(i - 1))) {
      return null; // "http:", "Price:": most colons, told by the character before them
    }
    int from = Math.max(0, i - SCHEME_LOOKBEHIND);
    for (int k = i - 1; k >= from; k--) {
      int spelling = spelling(s.charAt(k));
      if (spelling == 0) {
        return null;
      }
      if (spelling != SCHEME_PART && XssText.wordBoundaryBefore(s, k)) {
        XssRule rule = schemeAt(s, k, i + 1, inTag);
        if (rule != null) {
          return rule;
        }
      }
    }
    return null;
  }

  /** {@link #SCHEME_PART} and {@link #SCHEME_START} of {@code c}, 0 if it spells no part of a scheme. */
  private static int spelling(char c) {
    return c < 128 ? SCHEME[c] : isJunk(c) ? SCHEME_PART : 0;
  }

  /**
   * Whether the colon at {@code i} starts nothing {@link #schemeBefore} or {@link #cssAfter} reads: the characters
   * before it hold no scheme's first letter (or backslash) before the first that ends the word, and no parenthesis
   * or digit follows within the reach of a CSS call. Told from a look at one or two characters each side for the
   * colons of a flood of paths or keys ({@code ;C:\a\b }, {@code \nX:}), so that the scan passes them over.
   */
  static boolean colonIsInert(String s, int i, XssText.NextOf callOpeners) {
    return endsNoScheme(s, i) && opensNoCssCall(s, i, callOpeners);
  }

  /** Whether {@link #schemeBefore} finds nothing at the colon at {@code i} without reaching a scheme's start. */
  private static boolean endsNoScheme(String s, int i) {
    if (i > 0 && cannotEndScheme(s.charAt(i - 1))) {
      return true;
    }
    for (int k = i - 1; k >= Math.max(0, i - SCHEME_LOOKBEHIND); k--) {
      int spelling = spelling(s.charAt(k));
      if (spelling != SCHEME_PART) {
        return spelling == 0;
      }
    }
    return true;
  }

  /**
   * Whether no parenthesis or digit follows the colon at {@code i} within a CSS call's reach: {@link #cssAfter}
   * needs one.
   */
  private static boolean opensNoCssCall(String s, int i, XssText.NextOf callOpeners) {
    int n = s.length();
    return i + 1 >= n || callOpeners.next(s, i + 1) >= Math.min(n, i + 1 + XssScript.RUN);
  }

  /**
   * Whether a scheme cannot end with {@code c} right before its colon: each of the script schemes and {@code data}
   * ends with {@code t} or {@code a}, and an escaped letter ends with a hex digit or <code>}</code>; junk may come
   * between, and is no letter. So every other letter, any case, ends no scheme.
   */
  private static boolean cannotEndScheme(char c) {
    char l = lower(c);
    return l > 'f' && l <= 'z' && l != 't';
  }

  /**
   * A scheme spelled from {@code k}, ending exactly at {@code colonEnd} (the index after a literal colon), or
   * anywhere when {@code colonEnd} is -1. Outside markup a script URL counts only with code after it.
   */
  static XssRule schemeAt(String s, int k, int colonEnd, boolean inTag) {
    int n = s.length();
    int limit = colonEnd > 0 ? colonEnd : Math.min(n, k + ESCAPED_SCHEME_SPAN);
    char first = lower(s.charAt(k));
    if (first == '\\' && !XssText.escapeMaySpell(s, k, limit, IS_SCHEME_INITIAL)) {
      return null; // most escapes (of a newline, a quote, a backslash) spell no first letter of a scheme
    }
    for (String scheme : SCRIPT_SCHEMES) {
      if (first != scheme.charAt(0) && first != '\\') {
        continue;
      }
      int end = XssText.matchWord(s, k, limit, scheme, false);
      int after = end > 0 ? XssText.matchColon(s, end, limit, false) : -1;
      if (after > 0 && (colonEnd < 0 || after == colonEnd)) {
        return inTag ? XssRule.JS_URL_IN_TAG : XssScript.codeAfterScheme(s, after) ? XssRule.JS_URL : null;
      }
    }
    if (first != 'd' && first != '\\' || colonEnd > 0 && !activeMime(s, colonEnd, Math.min(n, colonEnd + 64), false)) {
      return null; // no data URL from here, or none whose colon a type that runs follows (data://, data:image/png)
    }
    int end = XssText.matchWord(s, k, limit, DATA, false);
    int after = end > 0 ? XssText.matchColon(s, end, limit, false) : -1;
    if (after > 0 && (colonEnd < 0 || after == colonEnd) && activeMime(s, after, Math.min(n, after + 64), false)) {
      return inTag ? XssRule.DATA_URL_IN_TAG : XssRule.DATA_URL;
    }
    return null;
  }

  /**
   * After the colon at {@code i}: IE's {@code expression(} (spaced only in CSS, {@code css}), or a {@code behavior}
   * or {@code -moz-binding} property loading code with {@code url(}.
   */
  static XssRule cssAfter(String s, int i, boolean css, XssText.NextOf callOpeners) {
    if (opensNoCssCall(s, i, callOpeners)) {
      return null; // no parenthesis for expression( or url( to open, written or escaped
    }
    int n = s.length();
    char next = s.charAt(i + 1);
    int end = Math.min(n, i + 1 + XssScript.RUN);
    // expression( starts with e, an escape, a comment, or (in CSS) junk; anything else is no expression.
    boolean mayExpress = lower(next) == 'e' || next == '\\' || (css && isJunk(next))
        || next == '/' && i + 2 < n && s.charAt(i + 2) == '*'; // a comment, not the slashes of a URL
    if (mayExpress && XssText.cssExpressionAt(s, i + 1, end, css)) {
      return XssRule.CSS_EXPRESSION;
    }
    if (next != ' ' && lower(next) != 'u' && next != '\\') {
      return null; // a binding needs url( after the colon: a JSON key, a time, a port
    }
    int p = i + 1;
    while (p < end && s.charAt(p) == ' ') {
      p++;
    }
    p = XssText.matchWord(s, p, end, "url", true); // also url spelled with CSS escapes
    return p > 0 && p < end && s.charAt(p) == '(' && bindingBefore(s, i) ? XssRule.CSS_EXPRESSION : null;
  }

  /**
   * What opens the call of a CSS check: {@code expression(} and {@code url(} end with a parenthesis, literal or
   * escaped ({@code \\(}, {@code \\28}, {@code \\x28}, <code>&#92;u0028</code>, {@code \\50}), so with a {@code (} or a
   * digit. With none within reach ({@link XssText.NextOf}), the colons of a flood ({@code ;C:\\a\\b }) cost one look
   * each, not a reading of the junk and words after them.
   */
  static final boolean[] CSS_CALL_OPENERS = CharSets.table("(0123456789");

  /** An executing media type after {@code data:} (SVG only where it runs: not in an image). */
  static boolean activeMime(String s, int p, int limit, boolean svgRuns) {
    p = XssText.skipJunk(s, p, limit, false, 8);
    if (p >= limit || !mayStartActiveType(s.charAt(p))) {
      return false; // data://, data:, data:image/png: told by the type's first letter, not read to its end
    }
    int end = p;
    while (end < limit && end - p < 40 && (XssText.isAsciiAlnum(s.charAt(end)) || "+-./".indexOf(s.charAt(end)) >= 0
        || (s.charAt(end) == ' ' && end > p && s.charAt(end - 1) == 'g'))) {
      end++; // (a space after "svg" is a '+' that form decoding turned into one)
    }
    for (String type : ACTIVE_TYPES) {
      if (XssText.equalsWord(s, p, end, type)) {
        return true;
      }
    }
    return svgRuns
        && (XssText.equalsWord(s, p, end, "image/svg+xml") || XssText.equalsWord(s, p, end, "image/svg xml"));
  }

  /** Whether an active media type (text/, application/, image/svg) can start with {@code c}, any case. */
  private static boolean mayStartActiveType(char c) {
    char l = lower(c);
    return l == 't' || l == 'a' || l == 'i';
  }

  /**
   * {@code behavior} or {@code -moz-binding} right before the colon at {@code i}, also spelled with CSS escapes
   * ({@code \-\mo\z-binding}, {@code -moz-bindin\67}), which CSS reads as the letters.
   */
  private static boolean bindingBefore(String s, int i) {
    int k = i - 1;
    while (k >= 0 && s.charAt(k) == ' ') {
      k--;
    }
    if (endsWith(s, k, "behavior") || endsWith(s, k, "-moz-binding")) {
      return true;
    }
    // Spelled with escapes: the property name is the run of name characters and escapes before the colon.
    int start = k;
    boolean escaped = false;
    while (start >= 0 && k - start < ESCAPED_PROPERTY_SPAN && isPropertyPart(s.charAt(start))) {
      escaped |= s.charAt(start) == '\\';
      start--;
    }
    start++;
    return escaped && start <= k && (XssText.matchWord(s, start, k + 1, "-moz-binding", true) == k + 1
        || XssText.matchWord(s, start, k + 1, "behavior", true) == k + 1);
  }

  /** A character of a CSS property name as written: a letter, a digit, a hyphen, or a backslash of an escape. */
  private static boolean isPropertyPart(char c) {
    return XssText.isAsciiAlnum(c) || c == '-' || c == '_' || c == '\\';
  }

  private static boolean endsWith(String s, int last, String word) {
    int from = last - word.length() + 1;
    return from >= 0 && XssText.startsWithWord(s, from, last + 1, word);
  }
}
