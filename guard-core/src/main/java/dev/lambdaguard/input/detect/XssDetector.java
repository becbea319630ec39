package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;

/**
 * Recognises cross-site scripting the way a browser would run it, in the places a value lands: HTML (a tag that
 * opens script, loads active content, or carries an event handler), an attribute value (a quote or space that ends
 * it, then a handler), a URL ({@code javascript:}, {@code vbscript:}, executing {@code data:}), CSS (IE's
 * {@code expression()}, behaviours) and a script string (a quote, an operator, a call, a comment). It reads the
 * value as a permissive HTML tokenizer does, not as a list of keywords: {@code <x onxxx=1} is found, {@code onload}
 * or {@code script} in prose is not, and neither are {@code a < b}, {@code <3}, {@code List<String>} or
 * {@code <john@example.com>}.
 *
 * <p>Rules (ids are stable; the score says how sure):
 * <table>
 *   <caption>XSS rule ids</caption>
 *   <tr><td>{@code xss.script-tag} (95)</td><td>a {@code <script} start tag, complete or not</td></tr>
 *   <tr><td>{@code xss.event-handler} (90)</td><td>an {@code on*} attribute with a value on any tag, or an SVG
 *       animation that sets one</td></tr>
 *   <tr><td>{@code xss.js-url} (90 in a tag, 80 alone with code after it)</td><td>{@code javascript:},
 *       {@code vbscript:}, {@code livescript:}, {@code mocha:}</td></tr>
 *   <tr><td>{@code xss.data-url} (85 / 75)</td><td>a {@code data:} URL of HTML, XML, SVG or script, or whose
 *       base64 content is such markup</td></tr>
 *   <tr><td>{@code xss.attribute-breakout} (85)</td><td>a quote or space ending an attribute value, then a handler
 *       with code</td></tr>
 *   <tr><td>{@code xss.css-expression} (85)</td><td>{@code expression(}, {@code behavior:url(},
 *       {@code -moz-binding:url(}</td></tr>
 *   <tr><td>{@code xss.dangerous-tag} (80)</td><td>frames with a source, plugins, an absolute base, meta refresh,
 *       set-cookie or odd charset, HTML imports, IE data islands and loaders</td></tr>
 *   <tr><td>{@code xss.js-context} (75)</td><td>a string or statement breakout in a script that calls and keeps
 *       the page parsing; Netscape's {@code &{...}}</td></tr>
 *   <tr><td>{@code xss.obfuscated-call} (70)</td><td>a called name spelled with escapes or character
 *       references</td></tr>
 *   <tr><td>{@code xss.js-sink} (60)</td><td>script without markup that reaches execution: computed global calls,
 *       dialogs passed as values, {@code eval} fed from the URL, proof-of-concept dialog calls</td></tr>
 *   <tr><td>{@code xss.encoded-markup} (50)</td><td>markup only a charset trick reads (UTF-7, high bit set)</td></tr>
 *   <tr><td>{@code xss.encoded-probe} (40)</td><td>a value that is nothing but an encoded angle bracket</td></tr>
 * </table>
 *
 * <p>What it reads: {@link Normalized#decoded()} (percent, HTML references, full-width forms, NULs undone); when the
 * value carries JavaScript escapes ({@code \x3c}, {@code <\/script>}) that text with them undone; when it carries a
 * {@code +}, its UTF-7 reading and, for a value without spaces, the reading with {@code +} as a space; when the raw
 * value has U+00BC (or {@code %BC}), its seven-bit reading; and {@link Normalized#raw()} for calls whose parentheses
 * are written as character references. Browser tolerances inside schemes and CSS (controls, tabs, newlines, escapes,
 * comments, Unicode spaces between the letters) are matched where they occur.
 *
 * <p>Cost: the value's character set decides, without reading its text, whether anything can match (a value without
 * {@code <}, {@code =}, {@code :}, {@code (}, a backtick or a backslash stops there: most text), and for a long value
 * which checks its letters and marks can complete at all ({@link XssAlphabet}: a megabyte of {@code <a b=} or
 * {@code sh(} has no tag or call that can matter, and is not read). Otherwise each reading is one linear pass, each
 * character visited once plus bounded look-around ({@link XssScanner}); the extra readings run only for values with
 * escapes, {@code +} or U+00BC, and none once a sure rule (90 and above) is found. A value is read to its end,
 * however long (the inspector's scan budget bounds what a request may hold). No detection is allocated (they are
 * constants).
 * Stateless and thread-safe.
 */
public final class XssDetector implements Detector {

  private static final Normalized.CharSet TRIGGERS = Normalized.charSet("<>=:(`\\");
  private static final Normalized.CharSet PLUS = Normalized.charSet("+");
  /** What a plain value needs for {@link #mayMatch}: a trigger, or the + of a UTF-7 run. */
  private static final Normalized.CharSet PLAIN_TRIGGERS = Normalized.charSet("<>=:(`\\+");
  private static final Normalized.CharSet ANGLES = Normalized.charSet("<>");
  private static final Normalized.CharSet UTF7_A = Normalized.charSet("A");
  private static final Normalized.CharSet UTF7_C_OR_D = Normalized.charSet("CD");

  public XssDetector() {}

  @Override
  public Category category() {
    return Category.XSS;
  }

  @Override
  public Normalized.CharSet triggers() {
    return PLAIN_TRIGGERS;
  }

  @Override
  public Detection detect(Normalized value) {
    if (!mayMatch(value)) {
      return null;
    }
    String decoded = value.decoded();
    long present = XssAlphabet.of(value);
    XssRule best = XssScanner.scan(decoded, present, false);
    if (isSure(best)) {
      return best.detection;
    }
    String unescaped = decoded;
    if (XssAlphabet.jsEscapeMayExist(present)) {
      unescaped = XssUnescape.js(decoded);
      if (unescaped != decoded) {
        best = better(best, XssScanner.scan(unescaped));
      }
    }
    if (!isSure(best) && (present & XssScanner.PLUS) != 0) {
      best = plusReadings(decoded, present, best);
    }
    String raw = value.raw();
    // %BC decodes to U+00BC, which NFKC folds to 1⁄4: a decoded text with no character outside ASCII had neither.
    if (!isSure(best) && mayHaveHighBit(value) && XssUnescape.hasSevenBitMarkup(raw, value.hasNonAscii())) {
      // Old IE read a page declared US-ASCII by dropping the high bit: U+00BC script U+00BE reads as <script>.
      String sevenBit = XssUnescape.sevenBit(raw);
      best = better(best, XssScanner.scan(sevenBit));
      best = better(best, XssUnescape.hasStartTag(sevenBit) ? XssRule.ENCODED_MARKUP : null);
    }
    // A parenthesis written as a reference decodes to one, so only a value with '(' can have such a call; and a value
    // that came as it is decoded has a reference only if its own characters can spell one.
    if (best == null && (present & XssScanner.LPAREN) != 0
        && (raw != decoded || XssAlphabet.parenReferenceMayExist(present)) && XssScript.entityEncodedCall(raw)) {
      best = XssRule.OBFUSCATED_CALL;
    }
    if (best == null && (value.containsAny(ANGLES) && isProbe(raw, decoded)
        || unescaped != decoded && isProbe(raw, unescaped))) {
      best = XssRule.ENCODED_PROBE;
    }
    return best == null ? null : best.detection;
  }

  /**
   * Whether any reading can match, from the value's character set alone: the decoded text needs one of
   * {@code < = : ( `} or a backslash for the scan ({@link XssScanner#mayMatch}) and the JavaScript-escape reading,
   * an angle bracket for the probe, {@code +} with {@code A} and {@code C} or {@code D} for UTF-7
   * ({@code +ADw-}); the seven-bit reading needs U+00BC in the raw value, which only a value that decoding
   * changed can have.
   */
  private static boolean mayMatch(Normalized value) {
    return value.containsAny(TRIGGERS)
        || value.containsAny(PLUS) && value.containsAny(UTF7_A) && value.containsAny(UTF7_C_OR_D)
        || mayHaveHighBit(value);
  }

  /**
   * Whether the raw value may hold U+00BC: only if decoding changed it, since a value that decoding left as it
   * came is its own decoded text, which is in NFKC, where U+00BC is {@code 1⁄4}.
   */
  private static boolean mayHaveHighBit(Normalized value) {
    return value.raw() != value.decoded();
  }

  /** The readings a '+' opens: UTF-7 ({@code +ADw-script+AD4-}), and form encoding left undecoded. */
  private static XssRule plusReadings(String decoded, long present, XssRule best) {
    if (XssUnescape.hasUtf7Markup(decoded)) {
      String utf7 = XssUnescape.utf7(decoded);
      best = better(best, XssScanner.scan(utf7));
      best = better(best, XssUnescape.hasStartTag(utf7) ? XssRule.ENCODED_MARKUP : null);
    }
    boolean markup = (present & XssScanner.LT) != 0
        || (present & (XssScanner.QUOTE | XssScanner.EQUALS)) == (XssScanner.QUOTE | XssScanner.EQUALS);
    if (!isSure(best) && markup && decoded.indexOf(' ') < 0) {
      // A query string whose '+' nobody decoded: the page may still get spaces there.
      best = better(best, XssScanner.scan(decoded.replace('+', ' ')));
    }
    return best;
  }

  /** A value that is nothing but one angle bracket once decoded, sent encoded: a scanner probing reflection. */
  private static boolean isProbe(String raw, String decoded) {
    int at = soleCharacter(decoded);
    if (at < 0 || (decoded.charAt(at) != '<' && decoded.charAt(at) != '>')) {
      return false;
    }
    int rawAt = soleCharacter(raw);
    return rawAt < 0 || raw.charAt(rawAt) != decoded.charAt(at);
  }

  /** Index of the only non-space character of a short value, or -1. */
  private static int soleCharacter(String s) {
    if (s.length() > 16) {
      return -1;
    }
    int at = -1;
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        if (at >= 0) {
          return -1;
        }
        at = i;
      }
    }
    return at;
  }

  private static boolean isSure(XssRule rule) {
    return rule != null && rule.score() >= XssRule.EVENT_HANDLER.score();
  }

  private static XssRule better(XssRule a, XssRule b) {
    if (a == null) {
      return b;
    }
    return b != null && b.score() > a.score() ? b : a;
  }
}
