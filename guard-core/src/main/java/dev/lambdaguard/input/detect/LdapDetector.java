package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;
import java.util.Locale;
import java.util.Set;

/**
 * LDAP filter injection, and XPath injection (the same attack on the other directory-style query language, where
 * a value is pasted into {@code (uid=VALUE)} or {@code //user[name='VALUE']}).
 *
 * <ul>
 *   <li>{@value #BREAKOUT}: the value closes the filter it was pasted into and opens another: {@code )(} followed
 *       by an operator with its operand ({@code )(|(}, {@code )(!(}, {@code )(&)}, {@code )(&} at the end,
 *       {@code )((|}) or by an attribute assertion ({@code )(cn=}); an operator opening a filter around an
 *       assertion ({@code (|(mail=}, {@code (&uid=}); a wildcard followed by a parenthesis that closes nothing the
 *       value opened ({@code admin*)}, {@code *))}); a NUL right after a closing parenthesis (truncation); and,
 *       lowest, a single word closing two filters it never opened ({@code q))}).
 *   <li>{@value #WILDCARD}: an attribute matched with a presence wildcard inside a filter
 *       ({@code (userPassword=*)}, {@code (objectClass=*}); a short value made only of filter/XPath
 *       metacharacters with a wildcard and an operator, attribute sign, empty filter or descendant step
 *       ({@code *|}, {@code @*}, {@code //*}, {@code *()|&'}); and, lowest, a single word with a trailing
 *       wildcard ({@code admin*}).
 *   <li>{@value #XPATH}: a quote closed and followed by {@code or}/{@code and} and an XPath function call that
 *       reads like XPath ({@code ' or name()='x}, {@code ' and string-length(name(.))=4}), or a node-set union
 *       ({@code ']|//*}).
 * </ul>
 *
 * Not flagged: emoticons ({@code :-)}, {@code :))}), prose in parentheses, maths ({@code (a)(b)},
 * {@code 5*3=15}), legal references ({@code 6(1)(f)}), code ({@code if (!(x instanceof Y))}, {@code (*)(int)}),
 * regular expressions ({@code (.*)(x)}, {@code [0-9]*)}), settings ({@code safe.directory=*}), comment markers
 * ({@code /*}), globs ({@code **}{@code /*}, {@code name.*}) and the media range {@code *}{@code /*}, which is
 * every second {@code Accept} header (so that bare XPath probe is not recognised).
 *
 * <p>Cost: the value's character set tells which rules are possible at all (the characters each needs:
 * {@link #triggers}; none: done, in a few comparisons); then
 * {@code String.indexOf} finds the positions the rules need; each hit is examined with a
 * look-around of at most {@value #LOOK} characters, so the work is linear in the value's length. Stateless and
 * thread-safe.
 */
public final class LdapDetector implements Detector {

  static final String BREAKOUT = "ldap.filter-breakout";
  static final String WILDCARD = "ldap.wildcard";
  static final String XPATH = "ldap.xpath";

  /** Look-around per candidate position, in characters. */
  static final int LOOK = 64;
  /** Whole-value shapes (metacharacters only, word and wildcard) are judged on values at most this long. */
  static final int SHORT = 64;

  /** XPath 1.0/2.0 functions an injected boolean clause calls. */
  private static final Set<String> XPATH_FUNCTIONS = Set.of(
      "name", "local-name", "namespace-uri", "count", "string-length", "substring", "substring-before",
      "substring-after", "contains", "starts-with", "ends-with", "position", "last", "text", "string",
      "normalize-space", "translate", "concat", "boolean", "not", "number", "node", "true", "false", "lower-case",
      "upper-case", "matches", "doc", "document", "codepoints-to-string", "string-to-codepoints");
  /** Filter and XPath step metacharacters, for values made of nothing else. */
  private static final String METACHARACTERS = "*()|&!=\\'\"/@[]";
  /**
   * The metacharacters that give a wildcard a filter or XPath meaning: an operator or an attribute sign (a quote,
   * a slash, a lone parenthesis or bracket do not: {@code /*}, {@code *(}, {@code )*} are code fragments).
   */
  private static final String SIGNIFICANT = "|&!=@";

  private static final int OPEN = 1;
  private static final int CLOSE = 2;
  private static final int STAR = 4;
  private static final int QUOTE = 8;
  private static final int BAR = 16;

  /** What every rule needs one of: the XPath rules' quotes count only with a {@code (} too. */
  private static final Normalized.CharSet ANY_TRIGGER = Normalized.charSet("()*|");
  private static final Normalized.CharSet OPEN_CHAR = Normalized.charSet("(");
  private static final Normalized.CharSet CLOSE_CHAR = Normalized.charSet(")");
  private static final Normalized.CharSet STAR_CHAR = Normalized.charSet("*");
  private static final Normalized.CharSet QUOTE_CHARS = Normalized.charSet("'\"");
  private static final Normalized.CharSet BAR_CHAR = Normalized.charSet("|");
  /** Filter operators ({@link #isFilterOperator}). */
  private static final Normalized.CharSet OPERATOR_CHARS = Normalized.charSet("|&!");
  /** An attribute assertion ({@link #assertionEnd}). */
  private static final Normalized.CharSet EQUALS = Normalized.charSet("=");
  /** A node-set union is {@code |//}. */
  private static final Normalized.CharSet SLASH = Normalized.charSet("/");

  /** The detector; stateless, so one instance serves every thread. */
  public LdapDetector() {}

  @Override
  public Category category() {
    return Category.LDAP;
  }

  @Override
  public Normalized.CharSet triggers() {
    return ANY_TRIGGER;
  }

  @Override
  public Detection detect(Normalized value) {
    if (!value.containsAny(ANY_TRIGGER)) {
      return null;
    }
    return scan(value);
  }

  /**
   * The rules, on a value holding a trigger character: kept out of {@link #detect}, which stays small enough to
   * inline.
   */
  private static Detection scan(Normalized value) {
    int triggers = triggers(value);
    if (triggers == 0) {
      return null;
    }
    String s = value.decoded();
    int best = 0;
    String rule = null;
    if ((triggers & CLOSE) != 0) {
      int score = closing(s, s.indexOf(')'));
      if (score > best) {
        best = score;
        rule = BREAKOUT;
      }
      if (best < 70 && value.hadNul() && nulAfterClose(value.raw())) {
        best = 70;
        rule = BREAKOUT;
      }
    }
    if ((triggers & OPEN) != 0 && best < 80 && nestedFilter(s, s.indexOf('('))) {
      best = 80;
      rule = BREAKOUT;
    }
    if ((triggers & STAR) != 0 && best < 75) {
      int score = wildcard(s);
      if (score > best) {
        best = score;
        rule = WILDCARD;
      }
    }
    if ((triggers & (QUOTE | BAR)) != 0 && best < 85 && xpath(s, triggers)) {
      best = 85;
      rule = XPATH;
    }
    return rule == null ? null : new Detection(Category.LDAP, rule, best);
  }

  /**
   * A NUL (raw, {@code %00} or {@code \x00}) right after a closing parenthesis (raw or {@code %29}): the filter
   * is closed and the rest of the query cut off.
   */
  private static boolean nulAfterClose(String raw) {
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      int end;
      if (c == '\0') {
        end = i;
      } else if (c == '%' && raw.startsWith("00", i + 1)) {
        end = i;
      } else if (c == '\\' && (raw.startsWith("x00", i + 1) || raw.startsWith("00", i + 1))) {
        end = i;
      } else {
        continue;
      }
      if ((end >= 1 && raw.charAt(end - 1) == ')') || (end >= 3 && raw.regionMatches(end - 3, "%29", 0, 3))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Which rules the value's character set leaves possible, as trigger bits:
   *
   * <ul>
   *   <li>{@code CLOSE} ({@link #closing}, {@link #nulAfterClose}): {@code )} with a NUL, with a wildcard, with
   *       {@code (} and a filter operator or assertion sign ({@code )(|}, {@code )(cn=}), or without {@code (} on a
   *       value short enough for a single word ({@code q))});
   *   <li>{@code OPEN} ({@link #nestedFilter}): {@code (}, a filter operator and an assertion's {@code =};
   *   <li>{@code STAR} ({@link #wildcard}): {@code *};
   *   <li>{@code QUOTE} ({@link #booleanClause}): a quote and the {@code (} of the function call;
   *   <li>{@code BAR} (a node-set union): {@code |} and {@code /}.
   * </ul>
   */
  private static int triggers(Normalized value) {
    int triggers = 0;
    boolean open = value.containsAny(OPEN_CHAR);
    boolean star = value.containsAny(STAR_CHAR);
    boolean operator = value.containsAny(OPERATOR_CHARS);
    boolean equals = value.containsAny(EQUALS);
    if (value.containsAny(CLOSE_CHAR) && (star || (open && (operator || equals)) || value.hadNul()
        || (!open && value.decoded().length() <= SHORT))) {
      triggers |= CLOSE; // the masks first: the other tests read more of the value
    }
    if (open && operator && equals) {
      triggers |= OPEN;
    }
    if (star) {
      triggers |= STAR;
    }
    if (open && value.containsAny(QUOTE_CHARS)) {
      triggers |= QUOTE;
    }
    if (value.containsAny(BAR_CHAR) && value.containsAny(SLASH)) {
      triggers |= BAR;
    }
    return triggers;
  }

  // ---------------------------------------------------------------- breaking out of the filter

  /** The best breakout score among the closing parentheses from {@code first} on. */
  private static int closing(String s, int first) {
    int n = s.length();
    for (int i = indexOfPair(s, ")(", first); i >= 0; i = indexOfPair(s, ")(", i + 1)) {
      int k = i + 2;
      if (k < n && isFilterOperator(s.charAt(k)) && operandFollows(s, k)) {
        return 85; // )(|(  )(&)  )(& at the end; not a regular expression's )(!|x
      }
      if (k + 1 < n && s.charAt(k) == '(' && isFilterOperator(s.charAt(k + 1))) {
        return 85; // )((|
      }
      if (assertionEnd(s, k) > 0) {
        return 85; // )(cn=
      }
    }
    if (wildcardClosesForeign(s, first)) {
      return 75;
    }
    return unmatchedWord(s) ? 40 : 0;
  }

  /**
   * The first index at or after {@code from} where the two-character {@code pair} is, -1 for none. Its two
   * characters are looked for in turn ({@link Substrings#indexOf(String, char, int)}), each search starting past
   * the other's find: a flood dense in one of them ({@code *)*)…} for {@code )(}) costs the searches for the other,
   * and one dense in the pair itself ({@code *)(*)(…}) a look per occurrence, not a word search each.
   */
  private static int indexOfPair(String s, String pair, int from) {
    char a = pair.charAt(0);
    char b = pair.charAt(1);
    int n = s.length();
    int i = Math.max(from, 0);
    while (true) {
      i = Substrings.indexOf(s, a, i);
      if (i < 0 || i + 1 >= n) {
        return -1;
      }
      if (s.charAt(i + 1) == b) {
        return i;
      }
      // no pair starts before the next b, less one: none ends in (i + 1, j)
      int j = Substrings.indexOf(s, b, i + 2);
      if (j < 0) {
        return -1;
      }
      if (s.charAt(j - 1) == a) {
        return j - 1;
      }
      i = j;
    }
  }

  /** The wildcard at {@code star} repeats a regular-expression atom ({@code \w*}, {@code [a-z]*}, {@code (x)*}). */
  private static boolean quantifier(String s, int star) {
    if (star == 0) {
      return false;
    }
    char atom = s.charAt(star - 1);
    return ")]}.+?\\".indexOf(atom) >= 0 || (star >= 2 && s.charAt(star - 2) == '\\');
  }

  /** The wildcard at {@code star} starts a line's word: a shell {@code case} default ({@code   *) usage;;}). */
  private static boolean caseDefault(String s, int star) {
    return star > 0 && Character.isWhitespace(s.charAt(star - 1));
  }

  /**
   * What follows a filter operator at {@code op} makes it one: a nested filter, the end of the value, or for
   * {@code &} and {@code |} the empty (absolute true/false) filter {@code (&)}, {@code (|)}.
   */
  private static boolean operandFollows(String s, int op) {
    if (op + 1 >= s.length()) {
      return true;
    }
    char next = s.charAt(op + 1);
    return next == '(' || (next == ')' && s.charAt(op) != '!');
  }

  /**
   * A wildcard followed by a closing parenthesis that closes nothing the value opened ({@code admin*)},
   * {@code *))}): the value ends the filter it was pasted into. A regular expression's {@code (.*)} is balanced.
   */
  private static boolean wildcardClosesForeign(String s, int first) {
    if (Substrings.indexOf(s, "*)", Math.max(0, first - 1)) < 0) {
      return false;
    }
    int depth = 0;
    for (int i = s.indexOf('(') >= 0 ? 0 : first, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0 && i > 0 && s.charAt(i - 1) == '*' && !quantifier(s, i - 1) && !caseDefault(s, i - 1)) {
          return true;
        }
        depth = Math.max(0, depth - 1);
      }
    }
    return false;
  }

  /**
   * A single word (no whitespace, no opening parenthesis anywhere) followed by two closing parentheses: it can
   * only close a filter it was pasted into ({@code q))}, {@code admin))}). Long values are prose, not a probe.
   */
  private static boolean unmatchedWord(String s) {
    int n = s.length();
    if (n > SHORT) {
      return false;
    }
    int i = Substrings.indexOf(s, "))", 0);
    if (i <= 0 || s.indexOf('(') >= 0) {
      return false;
    }
    for (int j = 0; j < n; j++) {
      if (Character.isWhitespace(s.charAt(j))) {
        return false;
      }
    }
    char before = s.charAt(i - 1);
    return isAsciiLetter(before) || isDigit(before) || before == '*' || before == '=';
  }

  /**
   * An opening parenthesis, a filter operator and an assertion, directly or in a nested filter:
   * {@code (|(mail=}, {@code (&uid=}, {@code (!(cn=}. Code's {@code if (!(x instanceof Y))} has no assertion.
   */
  private static boolean nestedFilter(String s, int first) {
    int n = s.length();
    for (int i = first; i >= 0 && i + 2 < n; i = Substrings.indexOf(s, '(', i + 1)) {
      if (!isFilterOperator(s.charAt(i + 1))) {
        continue;
      }
      int k = s.charAt(i + 2) == '(' ? i + 3 : i + 2;
      if (assertionEnd(s, k) > 0) {
        return true;
      }
    }
    return false;
  }

  /** End of an attribute assertion's left side at {@code k} ({@code cn=}, {@code uid~=}, {@code 2.5.4.3>=}), or -1. */
  private static int assertionEnd(String s, int k) {
    int n = s.length();
    if (k >= n || !(isAsciiLetter(s.charAt(k)) || isDigit(s.charAt(k)))) {
      return -1;
    }
    int j = k + 1;
    while (j < n && j - k < LOOK && (isAsciiLetter(s.charAt(j)) || isDigit(s.charAt(j)) || s.charAt(j) == '-'
        || s.charAt(j) == '.' || s.charAt(j) == ';')) {
      j++;
    }
    if (j < n && (s.charAt(j) == '~' || s.charAt(j) == '>' || s.charAt(j) == '<')) {
      j++;
    }
    return j < n && s.charAt(j) == '=' ? j + 1 : -1;
  }

  // ---------------------------------------------------------------- wildcards

  private static int wildcard(String s) {
    int n = s.length();
    for (int i = indexOfPair(s, "=*", 0); i >= 0; i = indexOfPair(s, "=*", i + 1)) {
      int after = i + 2;
      int attr = i;
      while (attr > 0 && i - attr < LOOK && (isAsciiLetter(s.charAt(attr - 1)) || isDigit(s.charAt(attr - 1))
          || s.charAt(attr - 1) == '-')) {
        attr--;
      }
      boolean closed = after < n && s.charAt(after) == ')';
      boolean opened = attr > 0 && s.charAt(attr - 1) == '(' && (after == n || s.charAt(after) == '(');
      if (i - attr >= 2 && isAsciiLetter(s.charAt(attr)) && (closed || opened)) {
        return 75; // userPassword=*)  (objectClass=*  — not a setting's safe.directory=*
      }
    }
    if (n > 4 * SHORT) {
      return 0; // whole-value shapes are short; no copy of a long value is made to find out
    }
    String t = s.strip();
    if (t.length() < 2 || t.length() > SHORT) {
      return 0;
    }
    if (onlyMetacharacters(t)) {
      return 60;
    }
    return wordWithTrailingWildcard(t) ? 30 : 0;
  }

  /**
   * Nothing but filter/XPath metacharacters, a wildcard among them and a filter operator, an empty filter, an
   * attribute sign or a descendant step ({@code *|}, {@code @*}, {@code //*}, {@code *()|&'}); not a comment
   * marker ({@code /*}), a media range ({@code *}{@code /*}) nor a glob or Markdown rule containing {@code **}.
   */
  private static boolean onlyMetacharacters(String t) {
    if (t.contains("**")) {
      return false;
    }
    boolean star = false;
    boolean significant = t.contains("//*") || t.contains("//@") || t.contains("()");
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (METACHARACTERS.indexOf(c) < 0) {
        return false;
      }
      if (c == '*') {
        star = true;
      } else if (SIGNIFICANT.indexOf(c) >= 0) {
        significant = true;
      }
    }
    return star && significant;
  }

  /** One word of letters, digits and {@code . _ @ -} with a letter in it, then one wildcard: {@code admin*}. */
  private static boolean wordWithTrailingWildcard(String t) {
    int last = t.length() - 1;
    if (t.charAt(last) != '*' || last < 2 || t.charAt(last - 1) == '.') {
      return false; // name.* is a pattern
    }
    boolean letter = false;
    for (int i = 0; i < last; i++) {
      char c = t.charAt(i);
      if (isAsciiLetter(c)) {
        letter = true;
      } else if (!(isDigit(c) || c == '.' || c == '_' || c == '@' || c == '-')) {
        return false;
      }
    }
    return letter;
  }

  // ---------------------------------------------------------------- XPath

  /** {@code ' or name()=} / {@code " and count(} after a closed quote, or a node-set union {@code |//}. */
  private static boolean xpath(String s, int triggers) {
    if ((triggers & QUOTE) != 0 && (booleanClause(s, '\'') || booleanClause(s, '"'))) {
      return true;
    }
    if ((triggers & BAR) == 0) {
      return false;
    }
    // bars found near one another without a vector search each: a flood of | asks at every one
    for (int bar = s.indexOf('|'); bar >= 0; bar = Substrings.indexOf(s, '|', bar + 1)) {
      int next = bar + 1;
      while (next < s.length() && next - bar < 8 && s.charAt(next) == ' ') {
        next++;
      }
      if (!s.startsWith("//", next) || !nodeTest(next + 2 < s.length() ? s.charAt(next + 2) : ' ')) {
        continue; // a regular expression's (a|//) is no union
      }
      int before = bar - 1;
      while (before >= 0 && bar - before < 8 && s.charAt(before) == ' ') {
        before--;
      }
      if (before < 0 || "]'\"*)".indexOf(s.charAt(before)) >= 0) {
        return true; // ']|//*  '] | //*  *|//
      }
    }
    return false;
  }

  /** A {@code quote} followed by {@code or}/{@code and} and an XPath function call. */
  private static boolean booleanClause(String s, char quote) {
    int n = s.length();
    for (int i = s.indexOf(quote); i >= 0; i = Substrings.indexOf(s, quote, i + 1)) {
      int k = i + 1;
      int w = k;
      while (w < n && w - k < 8 && s.charAt(w) == ' ') {
        w++;
      }
      if (w == k) {
        continue;
      }
      int wordEnd;
      if (s.regionMatches(true, w, "or", 0, 2)) {
        wordEnd = w + 2;
      } else if (s.regionMatches(true, w, "and", 0, 3)) {
        wordEnd = w + 3;
      } else {
        continue;
      }
      int f = wordEnd;
      while (f < n && f - wordEnd < 8 && s.charAt(f) == ' ') {
        f++;
      }
      if (f == wordEnd) {
        continue;
      }
      int fEnd = f;
      while (fEnd < n && fEnd - f < 24 && (isAsciiLetter(s.charAt(fEnd)) || s.charAt(fEnd) == '-')) {
        fEnd++;
      }
      if (fEnd > f && fEnd < n && s.charAt(fEnd) == '('
          && XPATH_FUNCTIONS.contains(s.substring(f, fEnd).toLowerCase(Locale.ROOT)) && xpathCall(s, fEnd)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The call opened at {@code open} looks like XPath rather than prose ("'A' or name(s) later"): its argument
   * starts with a path, a literal or a call ({@code ) . / @ * ' "}, a digit, {@code name(}, {@code a/b}), or the
   * call is compared ({@code name(x)=}).
   */
  private static boolean xpathCall(String s, int open) {
    int n = s.length();
    char first = open + 1 < n ? s.charAt(open + 1) : ' ';
    if (")./@*'\"".indexOf(first) >= 0 || isDigit(first)) {
      return true;
    }
    int arg = open + 1;
    while (arg < n && arg - open < LOOK && (isAsciiLetter(s.charAt(arg)) || s.charAt(arg) == '-')) {
      arg++;
    }
    if (arg > open + 1 && arg < n && (s.charAt(arg) == '(' || s.charAt(arg) == '/')) {
      return true; // contains(name(), …)  substring(password/text(), …)
    }
    int depth = 0;
    for (int j = open; j < n && j - open < LOOK; j++) {
      char c = s.charAt(j);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        int k = j + 1;
        while (k < n && k - j < 8 && s.charAt(k) == ' ') {
          k++;
        }
        return k < n && "=<>!".indexOf(s.charAt(k)) >= 0;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- characters

  /** A character an XPath node test starts with: {@code *}, {@code @}, a letter. */
  private static boolean nodeTest(char c) {
    return c == '*' || c == '@' || isAsciiLetter(c);
  }

  private static boolean isFilterOperator(char c) {
    return c == '|' || c == '&' || c == '!';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
