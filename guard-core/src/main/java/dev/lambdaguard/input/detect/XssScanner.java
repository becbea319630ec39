package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.XssText.isAsciiLetter;
import static dev.lambdaguard.input.detect.XssText.isJunk;
import static dev.lambdaguard.input.detect.XssText.isTagSeparator;

/**
 * One pass of the XSS detector over one reading of a value, as a permissive HTML tokenizer would read it: every
 * {@code <} followed by a letter opens a tag (also inside another tag's attribute value, as comments, raw-text
 * elements and mutation XSS make happen), attributes are read as the HTML tokenizer reads them, and a quote or a
 * leading space that could end an attribute value the page wrote starts an attribute list of its own.
 *
 * <p>Linear: the main loop visits each character once; tags are parsed over disjoint ranges (a tag ends at its
 * {@code >} or where the next one starts); every other check looks ahead or behind a bounded number of characters
 * ({@link #BREAKOUT_SPAN}, {@link XssScript#RUN}, {@link XssUrls#SCHEME_LOOKBEHIND}), and attribute-breakout lists
 * never overlap. Not thread-safe: one instance per scan.
 */
final class XssScanner {

  /** Characters an attribute list read after a breakout quote covers, at most. */
  static final int BREAKOUT_SPAN = 256;
  /** Score at which the scan stops: nothing surer is left to find. */
  private static final int SURE = 90;

  // Classes of the characters that can start a rule; a value's classes decide which checks run at all.
  static final int LT = 1;
  static final int QUOTE = 1 << 1;
  static final int BACKTICK = 1 << 2;
  static final int SEMICOLON = 1 << 3;
  static final int BRACE = 1 << 4;
  static final int COLON = 1 << 5;
  static final int BACKSLASH = 1 << 6;
  static final int LPAREN = 1 << 7;
  static final int LBRACKET = 1 << 8;
  static final int RPAREN = 1 << 9;
  static final int COMMA = 1 << 10;
  static final int EQUALS = 1 << 11;
  static final int PLUS = 1 << 12;
  private static final int[] CLASS = new int[128];
  /** The classes whose checks also run inside a tag (every other one looks only at text). */
  private static final int ACTS_IN_TAG = COLON | BACKSLASH;

  static {
    CLASS['<'] = LT;
    CLASS['"'] = QUOTE;
    CLASS['\''] = QUOTE;
    CLASS['`'] = BACKTICK;
    CLASS[';'] = SEMICOLON;
    CLASS['}'] = BRACE;
    CLASS[':'] = COLON;
    CLASS['\\'] = BACKSLASH;
    CLASS['('] = LPAREN;
    CLASS['['] = LBRACKET;
    CLASS[')'] = RPAREN;
    CLASS[','] = COMMA;
    CLASS['='] = EQUALS;
    CLASS['+'] = PLUS;
  }

  private final String s;
  private final int n;
  /** What the value holds ({@link XssAlphabet}). */
  private final long present;
  private XssRule best;
  /** End of the last tag parsed: characters before it are attributes, not text. */
  private int tagEnd;
  /** End of the last attribute list read after a breakout. */
  private int breakoutEnd;
  /**
   * Whether the value has a handler or {@code style} name before an {@code =} ({@link XssMarkup#hasBreakoutAttribute}),
   * the only attributes a breakout list reports: 0 not yet known, 1 yes, -1 no. Asked only once a list would report
   * or open, so a value full of tags and no quotes never pays for the search.
   */
  private int breakoutAttribute;
  /** Facts gathered on the tag being parsed. */
  private int facts;
  /** Between a style start tag and its end tag: CSS, where IE's expression() may be spaced. */
  private boolean inStyle;
  private int singleQuotes;
  private int doubleQuotes;
  private int backticks;
  private int lastEquals = -2;
  /** End of the last escaped name read for an obfuscated call. */
  private int escapedRunEnd;
  /** Classes whose characters this scan looks at. */
  private int active;
  /** Whether the value can do something in a script: it has a call or an assignment. */
  private boolean effect;
  /** The next colon and backslash at or after where {@link #actsInTag} last looked; -1 when there is none left. */
  private int nextColon;
  private int nextBackslash;

  /** Where the next character a call needs is, for breakouts ({@link XssScript.CallMakers}). */
  private final XssScript.CallMakers callMakers = new XssScript.CallMakers();
  /** Where the next parenthesis or digit a CSS check after a colon needs is ({@link XssUrls#CSS_CALL_OPENERS}). */
  private final XssText.NextOf cssCalls = new XssText.NextOf(XssUrls.CSS_CALL_OPENERS);
  /** Where the next quote that may close an escaped string is ({@link XssScript#escapedCallEnd}). */
  private final XssText.NextOf quotes = new XssText.NextOf(XssScript.QUOTES);
  /** Where the next source of an evaluator's argument is ({@link #sources()}). */
  private XssSinks.Sources sources;

  /** A scan of content found inside the value (a data URL's payload): no further payloads are opened. */
  private final boolean nested;

  XssScanner(String s, long present, boolean nested) {
    this.nested = nested;
    this.s = s;
    this.n = s.length();
    this.present = present;
  }

  private static final Normalized.CharSet LT_SET = Normalized.charSet("<");
  private static final Normalized.CharSet QUOTE_SET = Normalized.charSet("\"'");
  private static final Normalized.CharSet BACKTICK_SET = Normalized.charSet("`");
  private static final Normalized.CharSet SEMICOLON_SET = Normalized.charSet(";");
  private static final Normalized.CharSet BRACE_SET = Normalized.charSet("}");
  private static final Normalized.CharSet COLON_SET = Normalized.charSet(":");
  private static final Normalized.CharSet BACKSLASH_SET = Normalized.charSet("\\");
  private static final Normalized.CharSet LPAREN_SET = Normalized.charSet("(");
  private static final Normalized.CharSet LBRACKET_SET = Normalized.charSet("[");
  private static final Normalized.CharSet RPAREN_SET = Normalized.charSet(")");
  private static final Normalized.CharSet COMMA_SET = Normalized.charSet(",");
  private static final Normalized.CharSet EQUALS_SET = Normalized.charSet("=");
  private static final Normalized.CharSet PLUS_SET = Normalized.charSet("+");

  /**
   * The classes of rule-starting characters in {@link Normalized#decoded()}, exactly, from the value's character
   * set: no pass over the text.
   */
  static int classes(Normalized value) {
    return (value.containsAny(LT_SET) ? LT : 0)
        | (value.containsAny(QUOTE_SET) ? QUOTE : 0)
        | (value.containsAny(BACKTICK_SET) ? BACKTICK : 0)
        | (value.containsAny(SEMICOLON_SET) ? SEMICOLON : 0)
        | (value.containsAny(BRACE_SET) ? BRACE : 0)
        | (value.containsAny(COLON_SET) ? COLON : 0)
        | (value.containsAny(BACKSLASH_SET) ? BACKSLASH : 0)
        | (value.containsAny(LPAREN_SET) ? LPAREN : 0)
        | (value.containsAny(LBRACKET_SET) ? LBRACKET : 0)
        | (value.containsAny(RPAREN_SET) ? RPAREN : 0)
        | (value.containsAny(COMMA_SET) ? COMMA : 0)
        | (value.containsAny(EQUALS_SET) ? EQUALS : 0)
        | (value.containsAny(PLUS_SET) ? PLUS : 0);
  }

  /** The class of an ASCII character. */
  static int classOf(char c) {
    return CLASS[c];
  }

  /**
   * Whether a value with these classes can match a rule at all: a tag needs {@code <}, a handler {@code =}, a URL or
   * CSS {@code :}, script a call ({@code (} or a backtick) or computed member, an escape a backslash. Prose, names,
   * numbers, ids and most sentences have none of them together and cost nothing more than {@link #classes}.
   */
  static boolean mayMatch(long present) {
    return (present & (LT | EQUALS | COLON | LPAREN | BACKTICK | BACKSLASH)) != 0;
  }

  /**
   * The surest rule in {@code s}, which holds {@code present} ({@link XssAlphabet}), or null. A value without markup,
   * escapes or assignments (a URL, prose with a colon, a call without strings) is read without a scanner
   * ({@link #scanPlain}); the others get one.
   */
  static XssRule scan(String s, long present, boolean nested) {
    if (!mayMatch(present)) {
      return null;
    }
    if ((present & (LPAREN | LBRACKET)) == (LPAREN | LBRACKET) && XssAlphabet.hasNoLetter(present)
        && XssSinks.sixCharacterScript(s)) {
      return XssRule.JS_SINK; // []()!+ only: no check below reads a value without letters
    }
    int active = activeClasses(present);
    if (!breakoutsMayMatter(present) && (active & (QUOTE | BACKTICK | BACKSLASH)) == 0
        && ((active & LT) == 0 || !opensTag(s))) {
      active &= ~LT; // a '<' that opens no tag does nothing
      return active == 0 ? null : scanPlain(s, active, present);
    }
    return new XssScanner(s, present, nested).scan();
  }

  /** {@link #scan(String, long, boolean)} of {@code s}. */
  static XssRule scan(String s) {
    return scan(s, XssAlphabet.of(s), false);
  }

  /** The classes whose characters a scan dispatches on, from what the value holds. */
  private static int activeClasses(long present) {
    boolean call = (present & (LPAREN | BACKTICK)) != 0;
    int active = (int) present & (LT | COLON | BACKSLASH);
    if (call || (present & EQUALS) != 0) {
      active |= (int) present & (QUOTE | BACKTICK | SEMICOLON | COMMA);
    }
    if (call) {
      active |= (int) present & (BRACE | LPAREN | LBRACKET | RPAREN);
    }
    return XssAlphabet.completable(active, present);
  }

  /**
   * Whether an attribute list read after a breakout (which an {@code =} opens) can report anything here; without
   * one, an {@code =} needs no scanner.
   */
  private static boolean breakoutsMayMatter(long present) {
    return (present & EQUALS) != 0 && XssAlphabet.breakoutMayMatter(present);
  }

  /**
   * Whether some {@code <} opens a tag as {@link #tag} reads one: a letter after it, or after {@code /} or
   * {@code ?}.
   */
  private static boolean opensTag(String s) {
    int n = s.length();
    for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
      int p = i + 1 < n && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '?') ? i + 2 : i + 1;
      if (p < n && isAsciiLetter(s.charAt(p))) {
        return true;
      }
    }
    return false;
  }

  /** The characters {@link #scanPlain} looks at, one {@code indexOf} sweep each. */
  private static final char[] PLAIN_TRIGGERS = {':', ';', ',', '}', '(', '[', ')'};

  /**
   * The scan of a value where no check keeps state: no tag opens (so nothing is inside a tag or a style element),
   * no quote or backtick is read for a breakout, no {@code =} starts attributes, no backslash an escaped name.
   * What {@link #dispatch} does at each remaining character is a pure function of the text, so no scanner is
   * made, and each class is found with {@link String#indexOf} (vectorised) rather than by reading every character.
   * No rule found here is sure ({@link XssRule#CSS_EXPRESSION} is the highest), so every position is read and the
   * result is the one a forward pass keeps: the highest score, the earliest position among equals.
   */
  private static XssRule scanPlain(String s, int active, long present) {
    boolean calls = (present & LPAREN) != 0;
    XssRule best = null;
    int bestAt = Integer.MAX_VALUE;
    int n = s.length();
    XssSinks.Sources sources = new XssSinks.Sources(XssAlphabet.sourceMayExist(present));
    XssText.NextOf cssCalls = new XssText.NextOf(XssUrls.CSS_CALL_OPENERS);
    for (char c : PLAIN_TRIGGERS) {
      if ((CLASS[c] & active) == 0 || c != ':' && c != ';' && c != '}' && reaches(best, XssRule.JS_SINK)) {
        continue; // only a sink is found there, and one at an earlier position is kept
      }
      for (int i = s.indexOf(c), previous = XssText.NO_HIT; i >= 0; ) {
        XssRule rule = plainAt(s, i, c, calls, sources, cssCalls);
        if (rule != null
            && (best == null || rule.score() > best.score() || rule.score() == best.score() && i < bestAt)) {
          best = rule;
          bestAt = i;
        }
        if (c != ':') {
          // Each check but the colon's needs a letter, digit, quote or bracket before it: in a run of the same
          // character ((((, ;;;;) only the first can match. A run of colons is read at its first and last colon.
          while (i + 1 < n && s.charAt(i + 1) == c) {
            i++;
          }
        } else {
          i = colonRunInside(s, i);
        }
        int next = XssText.next(s, c, i, previous);
        previous = i;
        i = next;
      }
    }
    return best;
  }

  /**
   * In a run of colons opening at {@code i} (just read), the last colon before the run's last one: a colon with a
   * colon on both sides ends no scheme (a colon spells none) and opens no CSS (a colon starts no
   * {@code expression(} or {@code url(}), so only the run's first and last colons are read. {@code i} itself when
   * the run has fewer than three.
   */
  private static int colonRunInside(String s, int i) {
    int last = i;
    while (last + 1 < s.length() && s.charAt(last + 1) == ':') {
      last++;
    }
    return Math.max(i, last - 1);
  }

  /** What {@link #dispatch} finds at {@code i} outside any tag, in the order it records it. */
  private static XssRule plainAt(String s, int i, char c, boolean calls, XssSinks.Sources sources,
      XssText.NextOf cssCalls) {
    XssRule best = null;
    switch (c) {
      case ';', '}' -> {
        if (calls && XssScript.compactStatementAt(s, i)) {
          best = better(best, XssRule.JS_CONTEXT);
        }
        if (c == ';' && XssSinks.atValueEnd(s, i)) {
          best = better(best, XssRule.JS_SINK);
        }
      }
      case '(' -> best = XssSinks.atParen(s, i, sources) ? better(best, XssRule.JS_SINK) : best;
      case '[' -> best = XssSinks.atBracket(s, i, sources) ? better(best, XssRule.JS_SINK) : best;
      case ')', ',' -> best = XssSinks.atValueEnd(s, i) ? better(best, XssRule.JS_SINK) : best;
      case ':' -> {
        best = better(best, XssUrls.schemeBefore(s, i, false));
        best = better(best, XssUrls.cssAfter(s, i, false, cssCalls));
      }
      default -> {
        // no other class is active here
      }
    }
    return best;
  }

  private static XssRule better(XssRule best, XssRule rule) {
    return rule != null && (best == null || rule.score() > best.score()) ? rule : best;
  }

  /** Whether {@code best} scores at least as high as {@code rule}: finding {@code rule} changes nothing. */
  private static boolean reaches(XssRule best, XssRule rule) {
    return best != null && best.score() >= rule.score();
  }

  private static boolean isSure(XssRule rule) {
    return rule != null && rule.score() >= SURE;
  }

  /** The surest rule found in the value, or null. */
  XssRule scan() {
    if (!mayMatch(present)) {
      return null;
    }
    boolean call = has(LPAREN | BACKTICK);
    boolean equals = has(EQUALS);
    active = activeClasses(present);
    effect = call || equals;
    if (equals) {
      lastEquals = s.lastIndexOf('=');
    }
    if (!breakoutsMayMatter(present)) {
      breakoutAttribute = -1; // no breakout list can report: none is read
    }
    // The value itself may be written where an attribute name goes (after an unquoted value, or a space). What the
    // list finds counts only for a value with a breakout attribute (hasBreakoutAttribute()): a short value is
    // searched for one first, as that costs less than the list; a long one is not searched for the bounded list.
    if (equals && breakoutAttribute >= 0 && (n > 4 * BREAKOUT_SPAN || hasBreakoutAttribute())) {
      breakoutEnd = attributes(0, XssMarkup.OTHER, true, Math.min(n, BREAKOUT_SPAN));
    }
    int i = nextTrigger(0);
    while (i < n) {
      char c = s.charAt(i);
      if (c == '<') {
        // The commonest trigger of markup, handled here: dispatch is too big for the compiler to inline.
        if (i >= tagEnd) {
          tagEnd = tag(i);
          if (!sure() && !actsInTag(i + 1, tagEnd)) {
            i = nextTrigger(tagEnd); // nothing inside a tag is looked at again
            continue;
          }
        }
      } else if (c == '\\') {
        if (escapeMayMatter(i)) {
          backslash(i, i < tagEnd);
        }
      } else {
        dispatch(i, c);
        if (c == '`' || c == '"' || c == '\'') {
          i = quoteRunInside(i, c);
        } else if (c == ':') {
          i = colonRunInside(s, i);
        }
      }
      if (sure()) {
        break;
      }
      i = nextTrigger(i + 1);
    }
    return best;
  }

  /**
   * Whether {@code [from, to)}, the inside of a tag just parsed, holds a character whose check runs in a tag (a colon
   * or backslash of an active class): otherwise the scan goes on after the tag without reading it again. The next
   * of each is found with {@link String#indexOf} and kept while the scan is before it (the scan only moves forward),
   * so a value dense in tags with a colon only at its end is searched for colons once.
   */
  private boolean actsInTag(int from, int to) {
    if ((active & ACTS_IN_TAG) == 0 || from >= to) {
      return false;
    }
    if ((active & COLON) != 0) {
      if (nextColon >= 0 && nextColon < from) {
        nextColon = s.indexOf(':', from);
      }
      if (nextColon >= 0 && nextColon < to) {
        return true;
      }
    }
    if ((active & BACKSLASH) != 0) {
      if (nextBackslash >= 0 && nextBackslash < from) {
        nextBackslash = s.indexOf('\\', from);
      }
      return nextBackslash >= 0 && nextBackslash < to;
    }
    return false;
  }

  /**
   * The first character from {@code i} that can start a check, or {@code n}: a loop of one lookup a character. A
   * backslash or colon told to do nothing from a look at its neighbours ({@link #escapeIsInert},
   * {@link XssUrls#colonIsInert}: the escapes of newlines and paths, <code>&#92;u</code> alone, the colons of keys) is
   * passed over in this loop, and so is a comma or closing parenthesis after no name of a sink
   * ({@link XssSinks#afterSinkName}): in a flood of them, one every character or two, a return to the scan loop for
   * each costs more than the look.
   */
  private int nextTrigger(int i) {
    while (i < n) {
      char c = s.charAt(i);
      if (c < 128 && (CLASS[c] & active) != 0) {
        if (c == '\\') {
          i = backslashRunEnd(i); // a backslash before another spells nothing: only a run's last is read
          if (!escapeIsInert(i)) {
            return i;
          }
        } else if (c == ':' ? !XssUrls.colonIsInert(s, i, cssCalls)
            : c != ',' && c != ')' || XssSinks.afterSinkName(s, i)) {
          return i;
        }
      }
      i++;
    }
    return n;
  }

  /** The last backslash of the run of them at {@code i}. */
  private int backslashRunEnd(int i) {
    while (i + 1 < n && s.charAt(i + 1) == '\\') {
      i++;
    }
    return i;
  }

  /**
   * Whether the escape at the backslash {@code i} (the last of its run) does nothing, told from the one or two
   * characters after it: no escape the scan reads starts with what follows ({@code \n}, {@code \"}); or it is an
   * {@code x} or <code>&#92;u</code> escape with no digit after it, left as written; or it is a lone hex digit
   * ({@code \a}, {@code \b} of a Windows path), which reads as a control character (CSS), a digit (octal) or itself,
   * and of those only a scheme's first letter ({@link XssUrls#SCHEME_INITIALS}: {@code d}) can matter, while no name
   * escapes that way.
   */
  private boolean escapeIsInert(int i) {
    if (i + 1 >= n || !XssAlphabet.mayStartEscape(s.charAt(i + 1))) {
      return true;
    }
    char d = s.charAt(i + 1);
    if (d == 'u' || d == 'x') {
      return i + 2 >= n || XssText.hex(s.charAt(i + 2)) < 0 && s.charAt(i + 2) != '{';
    }
    return XssText.hex(d) >= 0 && !XssUrls.isSchemeInitial(d) && (i + 2 >= n || XssText.hex(s.charAt(i + 2)) < 0);
  }

  private void dispatch(int i, char c) {
    boolean inTag = i < tagEnd;
    switch (c) {
      case '<' -> {
        if (!inTag) {
          tagEnd = tag(i);
        }
      }
      case '"', '\'' -> {
        if (!inTag) {
          quote(i, c, effect);
        }
      }
      case '`' -> {
        if (!inTag) {
          quote(i, c, effect);
          sink(XssSinks.atBacktick(s, i));
        }
      }
      case ';', '}' -> {
        if (!inTag && has(LPAREN) && XssScript.compactStatementAt(s, i)) {
          found(XssRule.JS_CONTEXT);
        }
        if (!inTag && c == ';') {
          sink(XssSinks.atValueEnd(s, i));
        }
      }
      case '(' -> sink(!inTag && !reaches(best, XssRule.JS_SINK) && XssSinks.atParen(s, i, sources()));
      case '[' -> sink(!inTag && !reaches(best, XssRule.JS_SINK) && XssSinks.atBracket(s, i, sources()));
      case ')', ',' -> sink(!inTag && XssSinks.atValueEnd(s, i));
      case ':' -> colon(i, inTag);
      default -> {
        // the backslash is read in the scan loop
      }
    }
  }

  /** The sources of this value's sinks ({@link XssSinks.Sources}), made at the first call that needs them. */
  private XssSinks.Sources sources() {
    if (sources == null) {
      sources = new XssSinks.Sources(XssAlphabet.sourceMayExist(present));
    }
    return sources;
  }

  private boolean has(int classes) {
    return (present & classes) != 0;
  }

  private void sink(boolean reached) {
    if (reached) {
      found(XssRule.JS_SINK);
    }
  }

  private boolean sure() {
    return best != null && best.score() >= SURE;
  }

  private void found(XssRule rule) {
    if (rule != null && (best == null || rule.score() > best.score())) {
      best = rule;
    }
  }

  // ---------------------------------------------------------------- tags

  private boolean startTagAt(int p) {
    return p + 1 < n && s.charAt(p) == '<' && isAsciiLetter(s.charAt(p + 1));
  }

  /** Parses the tag opening at {@code i}; returns the index after it (or where the next tag starts). */
  private int tag(int i) {
    int p = i + 1;
    boolean endTag = p < n && s.charAt(p) == '/';
    if (endTag || (p < n && s.charAt(p) == '?')) {
      // </name is an end tag; <?name an IE processing element (<?import implementation=...>).
      p++;
    }
    if (p >= n || !isAsciiLetter(s.charAt(p))) {
      return i + 1;
    }
    int nameStart = p;
    while (p < n && !isTagSeparator(s.charAt(p)) && s.charAt(p) != '>' && !startTagAt(p)) {
      p++;
    }
    if (endTag) {
      return endTag(nameStart, p);
    }
    // No kind has a name under three letters (a namespace prefix only makes it longer): most tags stop here.
    int kind = p - nameStart < 3 ? XssMarkup.OTHER : XssMarkup.kind(s, nameStart, p);
    if (kind == XssMarkup.SCRIPT || XssMarkup.scriptThenJunk(s, nameStart, p)) {
      found(XssRule.SCRIPT_TAG);
      return p;
    }
    if (kind == XssMarkup.OTHER || kind == XssMarkup.IMAGE) {
      int end = plainAttributesEnd(p);
      if (end >= 0) {
        return end; // nothing in the list can report, and no fact of the tag matters
      }
    }
    facts = 0;
    inStyle |= kind == XssMarkup.STYLE;
    int end = attributes(p, kind, false, n);
    if (XssMarkup.dangerous(kind, facts)) {
      found(XssRule.DANGEROUS_TAG);
    }
    return end;
  }

  /**
   * Where the attribute list from {@code p} ends if it is plain, or -1 if {@link #attributes} must read it. Plain: no
   * name of five characters or more (a handler, {@code style}, {@code attributeName}, {@code dataFormatAs}), none
   * holding {@code @} or {@code (} (framework bindings), and no value opening with a quote, a backtick or what a URL
   * may open with ({@link XssUrls#mayStartUrl}). On a tag of no kind with facts, {@link #attribute} finds nothing in
   * such a list, and without a quoted value the list ends where {@link #attributes} ends it: after the first
   * {@code >}, or at the next tag start. One look per character; names and values are told apart as there (an
   * {@code =} opens a value only after a name and junk, otherwise it starts a name).
   */
  private int plainAttributesEnd(int p) {
    int name = 0; // characters of the name being read, 0 outside one
    boolean afterName = false; // a name then only junk: an '=' here opens its value
    boolean inValue = false; // an unquoted value: only junk, a '>' or a tag start ends it
    for (; p < n; p++) {
      char c = s.charAt(p);
      if (c == '>') {
        return p + 1;
      }
      if (c == '<' && startTagAt(p)) {
        return p;
      }
      if (isJunk(c)) {
        afterName |= name > 0;
        name = 0;
        inValue = false;
      } else if (inValue) {
        continue;
      } else if (c == '/') {
        name = 0;
        afterName = false;
      } else if (c == '=' && (name > 0 || afterName)) {
        int v = p + 1;
        while (v < n && isJunk(s.charAt(v))) {
          v++;
        }
        if (v < n && (s.charAt(v) == '"' || s.charAt(v) == '\'' || s.charAt(v) == '`'
            || XssUrls.mayStartUrl(s.charAt(v)))) {
          return -1;
        }
        name = 0;
        afterName = false;
        inValue = true;
        p = v - 1; // the value's first character is read next
      } else {
        afterName = false;
        if (c == '@' || c == '(' || ++name >= 5) {
          return -1;
        }
      }
    }
    return p;
  }

  /**
   * The rest of the end tag named {@code s[nameStart, p)}: it closes a style element, and ends at its {@code >}
   * (returning the index after it) or where the next tag starts. Apart from {@link #tag}, which the compiler then
   * inlines into the scan loop.
   */
  private int endTag(int nameStart, int p) {
    if (XssMarkup.kind(s, nameStart, p) == XssMarkup.STYLE) {
      inStyle = false;
    }
    while (p < n && s.charAt(p) != '>' && !startTagAt(p)) {
      p++;
    }
    return p < n && s.charAt(p) == '>' ? p + 1 : p;
  }

  /**
   * Reads an attribute list from {@code p} up to {@code limit}: to the {@code >} that ends it (returning the index
   * after it) or to the next tag start. In a breakout list ({@code breakout}), no tag encloses the attributes.
   */
  private int attributes(int p, int kind, boolean breakout, int limit) {
    while (p < limit && !sure()) {
      char c = s.charAt(p);
      if (isTagSeparator(c)) {
        p++;
        continue;
      }
      if (c == '>') {
        return p + 1;
      }
      if (startTagAt(p)) {
        return p;
      }
      if (breakout && (c == '"' || c == '\'' || c == '`')) {
        // After a breakout, a quote is the end of a value the page wrote, not part of a name.
        p++;
        continue;
      }
      int a = p++;
      while (p < limit && !isTagSeparator(s.charAt(p)) && s.charAt(p) != '>' && s.charAt(p) != '='
          && !startTagAt(p)) {
        p++;
      }
      int aEnd = p;
      int q = p;
      while (q < limit && isJunk(s.charAt(q))) {
        q++;
      }
      if (q >= limit || s.charAt(q) != '=') {
        continue;
      }
      q++;
      while (q < limit && isJunk(s.charAt(q))) {
        q++;
      }
      int vStart;
      int vEnd;
      if (q < limit && (s.charAt(q) == '"' || s.charAt(q) == '\'')) {
        char quote = s.charAt(q);
        vStart = q + 1;
        vEnd = vStart;
        while (vEnd < limit && s.charAt(vEnd) != quote && !startTagAt(vEnd)) {
          vEnd++;
        }
        p = vEnd < limit && s.charAt(vEnd) == quote ? vEnd + 1 : vEnd;
      } else {
        // Unquoted, as browsers read it; a value opening with a backtick also ends at the next one, as IE quoted
        // with backticks (<img src=`x`onerror=alert(1)>).
        boolean backtick = q < limit && s.charAt(q) == '`';
        vStart = backtick ? q + 1 : q;
        vEnd = vStart;
        while (vEnd < limit && !isJunk(s.charAt(vEnd)) && s.charAt(vEnd) != '>' && !startTagAt(vEnd)
            && !(backtick && s.charAt(vEnd) == '`')) {
          vEnd++;
        }
        p = vEnd < limit && backtick && s.charAt(vEnd) == '`' ? vEnd + 1 : vEnd;
      }
      attribute(kind, breakout, a, aEnd, vStart, vEnd);
    }
    return p;
  }

  private void attribute(int kind, boolean breakout, int a, int aEnd, int vStart, int vEnd) {
    if (XssMarkup.isHandlerName(s, a, aEnd)) {
      if (vEnd > vStart && (!breakout || codeish(vStart, vEnd) && hasBreakoutAttribute())) {
        found(breakout ? XssRule.ATTRIBUTE_BREAKOUT : XssRule.EVENT_HANDLER);
      }
      return;
    }
    if (XssText.equalsWord(s, a, aEnd, "style") && XssText.cssExpressionAt(s, vStart, vEnd, true)
        && (!breakout || hasBreakoutAttribute())) {
      found(XssRule.CSS_EXPRESSION);
    }
    if (breakout) {
      return;
    }
    if (XssMarkup.isExpressionDirective(s, a, aEnd) && XssSinks.constructsCodeIn(s, vStart, vEnd)) {
      found(XssRule.EVENT_HANDLER); // v-html="''.constructor.constructor('code')()": the template runs it
    }
    found(XssUrls.atValueStart(s, kind, vStart, vEnd, nested));
    if (kind != XssMarkup.OTHER && kind != XssMarkup.IMAGE) {
      facts |= XssMarkup.facts(s, a, aEnd, vStart, vEnd); // only the kinds XssMarkup.dangerous reads facts for
    }
    if (XssMarkup.setsHandler(s, a, aEnd, vStart, vEnd)) {
      found(XssRule.EVENT_HANDLER);
    } else if (XssMarkup.bindsHtml(s, a, aEnd, vStart, vEnd)) {
      found(XssRule.DANGEROUS_TAG);
    }
  }

  /** {@link XssMarkup#hasBreakoutAttribute} of the value, searched at the first call. */
  private boolean hasBreakoutAttribute() {
    if (breakoutAttribute == 0) {
      breakoutAttribute = XssMarkup.hasBreakoutAttribute(s) ? 1 : -1;
    }
    return breakoutAttribute > 0;
  }

  /** The value of a handler read after a breakout is code: a call, a template, an assignment, a script URL. */
  private boolean codeish(int vStart, int vEnd) {
    int end = Math.min(vEnd, vStart + 128);
    if (s.charAt(vStart) == '{') {
      return false;
    }
    for (int k = vStart; k < end; k++) {
      char c = s.charAt(k);
      if (c == '(' || c == '`' || c == '=') {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- text triggers

  /**
   * In a run of the quote {@code c} opening at {@code i} (just read), the last quote before the run's last one: the
   * quotes between are only counted. Each has the same quote on both sides, so no breakout follows it (no space,
   * closer or operator after it), no tag precedes it, and no attribute list opens after it without an {@code =}
   * later in the value. {@code i} itself when that does not hold.
   */
  private int quoteRunInside(int i, char c) {
    if (i + 2 >= n || s.charAt(i + 1) != c || s.charAt(i + 2) != c || lastEquals > i || i < tagEnd) {
      return i;
    }
    int last = i + 2;
    while (last + 1 < n && s.charAt(last + 1) == c) {
      last++;
    }
    int between = last - i - 1;
    if (c == '\'') {
      singleQuotes += between;
    } else if (c == '"') {
      doubleQuotes += between;
    } else {
      backticks += between;
    }
    return last - 1;
  }

  /** An unbalanced quote (odd in its kind): a script-string breakout, or an attribute-value breakout. */
  private void quote(int i, char c, boolean effect) {
    int count = c == '\'' ? ++singleQuotes : c == '"' ? ++doubleQuotes : ++backticks;
    if ((count & 1) == 0) {
      return;
    }
    if (effect && XssScript.breakoutAfterQuote(s, i, callMakers)) {
      found(XssRule.JS_CONTEXT);
    }
    if (i >= breakoutEnd && lastEquals > i && hasBreakoutAttribute()) {
      breakoutEnd = attributes(i + 1, XssMarkup.OTHER, true, Math.min(n, i + 1 + BREAKOUT_SPAN));
    }
  }

  /** A colon may end a script scheme, start an IE CSS expression, or follow a CSS behaviour binding. */
  private void colon(int i, boolean inTag) {
    found(XssUrls.schemeBefore(s, i, inTag));
    found(XssUrls.cssAfter(s, i, inTag || inStyle, cssCalls));
  }

  /**
   * Whether {@link #backslash} can find anything at the backslash at {@code i}, one {@link #escapeIsInert} lets
   * through, told from the escape alone for the commonest ones: a {@code \x} or <code>&#92;u</code> escape whose
   * character is no ASCII identifier part (a control, a quote, a backslash) starts no escaped name
   * ({@link XssScript#escapedCallEnd} only steps past it) and spells no scheme's first letter (a letter). Floods of
   * <code>&#92;u000a</code> are then only stepped over.
   */
  private boolean escapeMayMatter(int i) {
    char d = s.charAt(i + 1);
    if (d != 'u' && d != 'x') {
      return true; // a scheme's first letter, a hex digit opening a longer escape, or another letter
    }
    int len = d == 'u' ? XssText.unicodeEscape(s, i, n) : 0;
    int value = len > 0 ? XssText.unicodeValue(s, i, len)
        : d == 'x' && i + 3 < n && XssText.hex(s.charAt(i + 2)) >= 0 && XssText.hex(s.charAt(i + 3)) >= 0
            ? XssText.hex(s.charAt(i + 2)) << 4 | XssText.hex(s.charAt(i + 3)) : -1;
    return value >= 0 && value < 128 && XssText.isIdentPart((char) value);
  }

  /** A backslash may spell the first letter of a scheme, or a letter of a called name. */
  private void backslash(int i, boolean inTag) {
    if (XssText.wordBoundaryBefore(s, i)) {
      found(XssUrls.schemeAt(s, i, -1, inTag));
    }
    if (!inTag && i >= escapedRunEnd) {
      int end = XssScript.escapedCallEnd(s, i, quotes);
      if (end < 0) {
        found(XssRule.OBFUSCATED_CALL);
      } else {
        escapedRunEnd = end; // the escapes up to there belong to the name just read
      }
    }
  }
}
