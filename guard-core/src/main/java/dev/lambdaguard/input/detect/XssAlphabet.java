package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.XssScanner.BACKSLASH;
import static dev.lambdaguard.input.detect.XssScanner.BACKTICK;
import static dev.lambdaguard.input.detect.XssScanner.BRACE;
import static dev.lambdaguard.input.detect.XssScanner.COLON;
import static dev.lambdaguard.input.detect.XssScanner.COMMA;
import static dev.lambdaguard.input.detect.XssScanner.LBRACKET;
import static dev.lambdaguard.input.detect.XssScanner.LPAREN;
import static dev.lambdaguard.input.detect.XssScanner.LT;
import static dev.lambdaguard.input.detect.XssScanner.QUOTE;
import static dev.lambdaguard.input.detect.XssScanner.RPAREN;
import static dev.lambdaguard.input.detect.XssScanner.SEMICOLON;

/**
 * The characters a reading of a value holds, as one {@code long}: the classes of characters that start a check
 * ({@link XssScanner#LT} and the others, the low bits), and the ASCII letters (either case), digits and few marks
 * the rules are spelled with. Every check needs some of them together: a script tag the letters of
 * {@code script}, a script URL a colon and the letters of its scheme (or a backslash to escape them), a dialog
 * called the letters of {@code alert}, {@code prompt} or {@code confirm}. So the scanner leaves out, before it reads
 * any text, each check the value's characters cannot complete: a megabyte of {@code <a b=} has no tag that can
 * matter, a megabyte of {@code sh(} no call. Each gate here is a necessary condition of the checks it guards, read
 * off the code of those checks, never a guess about attacks.
 *
 * <p>The spelling of a short decoded value is not profiled (assumed complete): its text costs less to read than
 * the profile. Stateless.
 */
final class XssAlphabet {

  static final long DIGIT = 1L << 16;
  static final long SLASH = 1L << 17;
  static final long AT = 1L << 18;
  static final long AMPERSAND = 1L << 19;
  static final long OPEN_BRACE = 1L << 20;
  static final long HASH = 1L << 21;
  private static final int LETTERS_AT = 32;
  /** Everything beyond the classes: what a profile that did not read the spelling assumes present. */
  private static final long SPELLING = 0x3ffffffL << LETTERS_AT | DIGIT | SLASH | AT | AMPERSAND | OPEN_BRACE | HASH;
  /** Length of decoded text from which its spelling is profiled (some 30 bit tests, a few nanoseconds). */
  static final int PROFILE_MIN = 256;

  /** What each ASCII character adds to a profile. */
  private static final long[] TABLE = new long[128];
  private static final Normalized.CharSet[] LETTER_SETS = new Normalized.CharSet[26];
  private static final Normalized.CharSet DIGIT_SET = Normalized.charSet("0123456789");
  private static final Normalized.CharSet SLASH_SET = Normalized.charSet("/");
  private static final Normalized.CharSet AT_SET = Normalized.charSet("@");
  private static final Normalized.CharSet AMPERSAND_SET = Normalized.charSet("&");
  private static final Normalized.CharSet OPEN_BRACE_SET = Normalized.charSet("{");
  private static final Normalized.CharSet HASH_SET = Normalized.charSet("#");

  static {
    for (char c = 0; c < 128; c++) {
      TABLE[c] = XssScanner.classOf(c);
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TABLE[c] |= letter(c);
      TABLE[Character.toUpperCase(c)] |= letter(c);
      LETTER_SETS[c - 'a'] = Normalized.charSet("" + c + Character.toUpperCase(c));
    }
    for (char c = '0'; c <= '9'; c++) {
      TABLE[c] |= DIGIT;
    }
    TABLE['/'] |= SLASH;
    TABLE['@'] |= AT;
    TABLE['&'] |= AMPERSAND;
    TABLE['{'] |= OPEN_BRACE;
    TABLE['#'] |= HASH;
  }

  // Letters of the words the checks look for; a check can complete only if every letter of one of its words is there.
  private static final long[] SCHEMES = words("javascript", "vbscript", "livescript", "mocha", "data");
  /** Functions {@link XssSinks#atValueEnd} finds handed on as values: dialogs, and evaluators given a new name. */
  private static final long[] VALUE_SINKS = words("alert", "prompt", "confirm", "eval", "execscript");
  /** Names {@link XssSinks#atParen} calls sinks: dialogs, evaluators, document writes, the Function constructor. */
  private static final long[] PAREN_SINKS = words("alert", "prompt", "confirm", "eval", "execscript", "function",
      "write", "constructor");
  /** Sources {@link XssSinks} reads an evaluator's argument for: the URL, the window name, cookies, decoders. */
  private static final long[] SOURCES = words(XssSinks.SOURCES);
  private static final long[] GLOBALS = words("top", "window", "self", "parent", "frames", "globalthis", "opener",
      "content");
  /** Tag names {@link XssMarkup#kind} gives a kind that a rule reads (images only matter for data URLs). */
  private static final long[] ACTIVE_TAGS = words("script", "style", "frame", "portal", "object", "embed", "applet",
      "base", "bgsound", "meta", "link", "layer", "import", "xml");
  private static final long[] CSS_BINDINGS = words("behavior", "mozbinding");
  private static final long EXPRESSION = word("expression");
  private static final long STYLE = word("style");
  private static final long URL = word("url");
  private static final long DATA_BINDING = word("dataformatashtml");
  private static final long ON = word("on");
  private static final long LPAR = word("lpar");
  private static final long NG = word("ng");
  /** What an escape after a backslash can start with: x, u, a hex or octal digit, or a scheme's first letter. */
  private static final long ESCAPE_STARTS = word("xuabcdefjvlm") | DIGIT;
  /** What a JavaScript escape the unescaped reading undoes can start with, besides a hex escape's x or u. */
  private static final long JS_ESCAPE_STARTS = DIGIT | QUOTE | SLASH | BACKTICK;
  private static final long HEX_ESCAPE = word("xu");
  private static final long HEX_LETTERS = word("abcdef");

  private XssAlphabet() {}

  /**
   * The profile of {@link Normalized#decoded()}: its classes exactly, from the value's character set without a pass
   * over the text, and its spelling when it is long enough to be worth it.
   */
  static long of(Normalized value) {
    long profile = XssScanner.classes(value);
    if (value.decoded().length() < PROFILE_MIN) {
      return profile | SPELLING;
    }
    for (int k = 0; k < 26; k++) {
      if (value.containsAny(LETTER_SETS[k])) {
        profile |= 1L << (LETTERS_AT + k);
      }
    }
    return profile
        | (value.containsAny(DIGIT_SET) ? DIGIT : 0)
        | (value.containsAny(SLASH_SET) ? SLASH : 0)
        | (value.containsAny(AT_SET) ? AT : 0)
        | (value.containsAny(AMPERSAND_SET) ? AMPERSAND : 0)
        | (value.containsAny(OPEN_BRACE_SET) ? OPEN_BRACE : 0)
        | (value.containsAny(HASH_SET) ? HASH : 0);
  }

  /** The profile of {@code s} (a superset: a character beyond ASCII may add what it does not have), one pass. */
  static long of(String s) {
    long profile = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      profile |= TABLE[s.charAt(i) & 0x7f];
    }
    return profile;
  }

  /**
   * The classes of {@code active} whose checks the characters of {@code profile} can complete; a {@code <} is kept
   * while another class is, since where tags end decides what those classes' checks see.
   */
  static int completable(int active, long profile) {
    if (!hasAnyWord(profile, SCHEMES) && !colonOpensCss(profile) && (profile & BACKSLASH) == 0) {
      active &= ~COLON; // XssUrls.schemeBefore and cssAfter
    }
    if ((profile & ESCAPE_STARTS) == 0) {
      active &= ~BACKSLASH;
    }
    if (!hasAnyWord(profile, PAREN_SINKS)) {
      active &= ~LPAREN;
    }
    if (!hasAnyWord(profile, GLOBALS)) {
      active &= ~LBRACKET;
    }
    boolean dialogs = hasAnyWord(profile, VALUE_SINKS);
    boolean statement = (profile & SLASH) != 0 && (profile & LPAREN) != 0; // XssScript.compactStatementAt: f(..)//
    if (!dialogs) {
      active &= ~(RPAREN | COMMA); // XssSinks.atValueEnd
    }
    if (!statement) {
      active &= ~BRACE;
    }
    if (!statement && !dialogs) {
      active &= ~SEMICOLON;
    }
    if (active == LT && !tagsMayMatter(profile)) {
      active = 0;
    }
    return active;
  }

  /** Whether {@code ;} or {@code }} can end a statement {@link XssScript#compactStatementAt} reports. */
  static boolean statementMayMatter(long profile) {
    return (profile & SLASH) != 0 && (profile & LPAREN) != 0;
  }

  /**
   * Whether an attribute list read after a breakout can report: it reports only a handler or {@code style} with
   * code ({@link XssScanner}'s breakout lists).
   */
  static boolean breakoutMayMatter(long profile) {
    return handlerMayExist(profile) || has(profile, STYLE);
  }

  /**
   * Whether a tag can find a rule or change what a later one finds: a name of a kind a rule reads, a handler, a
   * {@code style}, a URL in a value (a scheme and a colon, an escape, {@code &{}), IE's data binding as HTML.
   */
  static boolean tagsMayMatter(long profile) {
    return hasAnyWord(profile, ACTIVE_TAGS) || breakoutMayMatter(profile)
        || (profile & COLON) != 0 && hasAnyWord(profile, SCHEMES) || (profile & BACKSLASH) != 0
        || (profile & (AMPERSAND | OPEN_BRACE)) == (AMPERSAND | OPEN_BRACE) || has(profile, DATA_BINDING);
  }

  /** Whether a JavaScript escape can be in the text: a backslash and what one of them starts with. */
  static boolean jsEscapeMayExist(long profile) {
    // An x or u escape is undone only with its hex digits: a megabyte of \x\x... has none, and no reading.
    return (profile & BACKSLASH) != 0 && ((profile & JS_ESCAPE_STARTS) != 0
        || (profile & HEX_ESCAPE) != 0 && (profile & HEX_LETTERS) != 0);
  }

  /**
   * Whether text with this profile can hold a parenthesis written as a character reference
   * ({@link XssScript#entityEncodedCall}): {@code &} and {@code #} ({@code &#40;}) or the letters of {@code lpar}.
   */
  static boolean parenReferenceMayExist(long profile) {
    return (profile & AMPERSAND) != 0 && ((profile & HASH) != 0 || has(profile, LPAR));
  }

  /** Whether text with this profile can spell one of {@link XssSinks#SOURCES}, in any case. */
  static boolean sourceMayExist(long profile) {
    return hasAnyWord(profile, SOURCES);
  }

  /** Whether a backslash followed by {@code c} can start an escape the scan reads ({@link XssText#escapeFor}). */
  static boolean mayStartEscape(char c) {
    return c < 128 && (TABLE[c] & ESCAPE_STARTS) != 0;
  }

  /**
   * {@link XssMarkup#isHandlerName}: {@code on} and letters, {@code v-on:}, {@code ng-} (n and g), or a framework
   * binding opening with {@code @} or {@code (}.
   */
  private static boolean handlerMayExist(long profile) {
    return has(profile, ON) || has(profile, NG) || (profile & (AT | LPAREN)) != 0;
  }

  /** {@link XssUrls#cssAfter}: {@code expression(} (its letters may be escaped), or a binding with {@code url(}. */
  private static boolean colonOpensCss(long profile) {
    return has(profile, EXPRESSION)
        || hasAnyWord(profile, CSS_BINDINGS) && has(profile, URL) && (profile & LPAREN) != 0;
  }

  /** Whether the value has no ASCII letter at all (known only for a profiled value: a short one may spell any). */
  static boolean hasNoLetter(long profile) {
    return (profile & 0x3ffffffL << LETTERS_AT) == 0;
  }

  private static boolean has(long profile, long word) {
    return (profile & word) == word;
  }

  private static boolean hasAnyWord(long profile, long[] words) {
    for (long word : words) {
      if ((profile & word) == word) {
        return true;
      }
    }
    return false;
  }

  private static long letter(char c) {
    return 1L << (LETTERS_AT + c - 'a');
  }

  private static long word(String letters) {
    long mask = 0;
    for (int k = 0; k < letters.length(); k++) {
      mask |= letter(letters.charAt(k));
    }
    return mask;
  }

  private static long[] words(String... words) {
    long[] masks = new long[words.length];
    for (int k = 0; k < words.length; k++) {
      masks[k] = word(words[k]);
    }
    return masks;
  }
}
