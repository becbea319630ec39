package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.XssText.isAsciiAlnum;
import static dev.lambdaguard.input.detect.XssText.isIdentPart;
import static dev.lambdaguard.input.detect.XssText.startsWithWord;

/**
 * A bounded reader of just enough JavaScript to tell a script-context breakout from text and from SQL: a quote that
 * closes the page's string, an operator or statement end, a call, and what lets the rest of the page still parse (a
 * {@code //} comment, or an operator that reopens a string). Two names side by side ({@code or sleep}, {@code exec
 * xp_cmdshell}) are not JavaScript and end the reading. Every method reads at most {@link #RUN} characters.
 */
final class XssScript {

  /** Characters read after a trigger, at most. */
  static final int RUN = 192;
  /** The quotes that close a string literal ({@link #escapedCallEnd}): single, double, backtick. */
  static final boolean[] QUOTES = CharSets.table("'\"`");
  /** Characters of one bracketed group (arguments, an index) read, at most. */
  static final int MAX_GROUP = 96;

  /**
   * Words after which another name may follow: {@code new X}, {@code typeof x}, {@code function f}; and PHP's
   * {@code echo} and {@code print}, which take an expression without parentheses ({@code ';echo md5(1);//}).
   */
  private static final XssText.Words PREFIX_WORDS = XssText.Words.of("new", "typeof", "void", "delete", "in",
      "instanceof", "return", "throw", "function", "var", "let", "const", "await", "yield", "do", "else", "case", "of",
      "async", "class", "extends", "echo", "print");
  /** Words followed by a parenthesis that is not a call. */
  private static final XssText.Words NOT_CALLEES = XssText.Words.of("function", "if", "while", "for", "switch",
      "catch", "with", "return", "typeof", "void", "delete", "in", "of", "case");
  private static final XssText.Words INFIX_WORDS = XssText.Words.of("in", "instanceof", "of");

  private static final int START = 0;
  private static final int OPERATOR = 1;
  private static final int NAME = 2;

  private XssScript() {}

  /**
   * At a quote that closes a string: closing brackets, an operator or {@code ;} (or a closed block), then a run of
   * JavaScript with a call that ends in a comment or reopens the string ({@code ';alert(1)//}, {@code "-alert(1)-"},
   * {@code '}alert(1);{'}).
   */
  static boolean breakoutAfterQuote(String s, int q, CallMakers callMakers) {
    char quote = s.charAt(q);
    int end = Math.min(s.length(), q + RUN);
    if (callMakers.callsNothing(s, q, end)) {
      return false; // a run without anything a call needs reads no call
    }
    int p = skipSpace(s, q + 1, end);
    boolean newLine = hasLineEnd(s, q + 1, p); // a statement may end at a line end, as at ';'
    boolean block = false;
    int parens = 0; // the parentheses closed, while nothing else is: what the page's own suffix will close again
    for (int k = 0; k < 4 && p < end && isCloser(s.charAt(p)); k++) {
      block = s.charAt(p) == '}';
      parens = s.charAt(p) == ')' && parens == k ? k + 1 : -1;
      p = skipSpace(s, p + 1, end);
    }
    int ops = 0;
    while (p < end && ops < 3 && isOperator(s.charAt(p))) {
      char c = s.charAt(p);
      char next = p + 1 < end ? s.charAt(p + 1) : 0;
      if (c == '/' && (next == '/' || next == '*')) {
        break;
      }
      if ((c == '-' && next == '-') || (c == '<' && next == '!')) {
        return false;
      }
      ops++;
      p++;
    }
    if (ops == 0 && !block && !newLine) {
      return false;
    }
    // asked last, after the cheap looks above; one call each: this method stays within the size the JIT inlines at
    // each quote (325 bytes of bytecode)
    return callMakers.mayEndRun(s, q, end) && run(s, p, end, quote, parens, callMakers);
  }

  /**
   * Where the next character a call needs is, remembered across the breakouts of one scan: every call a run reads
   * follows a name (an identifier part, or a backslash that starts an escaped one) or a group (opened with
   * {@code (} or {@code [}), and a run reports only once it read one. So the quotes of a flood of {@code =`} do not
   * each read the same run again. Likewise where the next thing that can end a run with a breakout is
   * ({@link #mayEndRun}), and where the next closing bracket is ({@link #mayCloseGroup}). Not thread-safe: one
   * instance per scan.
   */
  static final class CallMakers {
    private int from = Integer.MAX_VALUE;
    private int at = -1;

    /**
     * Whether the run after the quote at {@code q}, to {@code end}, holds nothing a call needs, or no sign that
     * makes one: it calls nothing.
     */
    boolean callsNothing(String s, int q, int end) {
      return endsNothingKnown(s, q, end) || next(s, q + 1) >= end || nextSign(s, q + 1) >= end;
    }

    /**
     * Whether what {@link #mayEndRun} remembers already shows that the run after the quote at {@code q} cannot end
     * with a breakout: then no call it reads matters. Asked first, as it reads nothing: in a flood with a call at
     * every step and nothing that ends a run ({@code a`,a`,...}), finding each run's call costs more.
     */
    private boolean endsNothingKnown(String s, int q, int end) {
      return end < s.length() && ends != null && ends.holdsNone(q + 1, end)
          && quoteEnds != null && quoteEnds[quoteKind(s.charAt(q))].holdsNone(q + 1, end);
    }

    /**
     * Whether the run after the quote at {@code q}, to {@code end}, may end with a breakout (see {@link #run}): the
     * value ends within it, or it holds a comment, {@code </script} or that quote after an operator or line end.
     */
    boolean mayEndRun(String s, int q, int end) {
      return end == s.length() || nextEnd(s, q + 1, end) < end || nextQuoteEnd(s, s.charAt(q), q + 1, end) < end;
    }

    /** The first index from {@code p} holding what a call needs, or the length of {@code s}. */
    private int next(String s, int p) {
      if (p < from || p > at) {
        int k = p;
        while (k < s.length() && !mayMakeCall(s.charAt(k))) {
          k++;
        }
        from = p;
        at = k;
      }
      return at;
    }

    private int signFrom = Integer.MAX_VALUE;
    private int signAt = -1;

    /**
     * The first index from {@code p} where what makes a run's call starts, or the length of {@code s}: a
     * parenthesis after a name, a template tag's backquote, a dot before an assigned member, or the words
     * {@code location} (a navigation) and {@code throw} (a dialog handed to onerror). A flood of quoted strings
     * and operators ({@code 'a'='a'=...}) has names at every step but none of these, so its quotes do not each
     * read the same run again.
     */
    private int nextSign(String s, int p) {
      if (p < signFrom || p > signAt) {
        int k = p;
        while (k < s.length() && !(s.charAt(k) < 128 && SIGN_STARTS[s.charAt(k)] && isSign(s, k))) {
          k++;
        }
        signFrom = p;
        signAt = k;
      }
      return signAt;
    }

    /** What {@link #nextEnd} has read; made at the first ask, as the other stretches are. */
    private Stretch ends;

    /**
     * The first index from {@code p}, before {@code limit}, where a run may end with a breakout other than at a
     * quote, or {@code limit} or more when there is none: a comment ({@code //}, {@code <!--}, {@code -->}) or
     * {@code </script}. A flood of tagged templates ({@code a`,a`,...}) has a call at every step and none of these,
     * so its quotes do not each read the same run to its end (see {@link Stretch}).
     */
    private int nextEnd(String s, int p, int limit) {
      if (ends == null) {
        ends = new Stretch();
      }
      Stretch read = ends;
      if (read.behind(p)) {
        return p;
      }
      if (read.searchFrom(p, limit)) {
        int n = s.length();
        int reach = Stretch.reach(s, limit);
        int k = read.at;
        while (k < reach && !(k + 1 < n && s.charAt(k) < 128 && END_STARTS[s.charAt(k)]
            && endsAt(s.charAt(k), s.charAt(k + 1)))) {
          k++;
        }
        read.reached(k, reach);
      }
      return read.at;
    }

    private static final boolean[] END_STARTS = CharSets.table("/<-");

    private static boolean endsAt(char c, char next) {
      return c == '/' ? next == '/' : c == '<' ? next == '!' || next == '/' : next == '-';
    }

    /** What {@link #nextQuoteEnd} has read, per quote kind (single, double, backquote); made at the first ask. */
    private Stretch[] quoteEnds;

    /**
     * The first index from {@code p}, before {@code limit}, of a {@code quote} at which a run may end, or
     * {@code limit} or more when there is none: one after an operator or a line end, as {@link #run} requires.
     * After a name, a string or a group (the character before it, past blanks, an identifier part or a quote) it
     * opens a string and ends nothing.
     */
    private int nextQuoteEnd(String s, char quote, int p, int limit) {
      if (quoteEnds == null) {
        quoteEnds = new Stretch[] {new Stretch(), new Stretch(), new Stretch()};
      }
      Stretch read = quoteEnds[quoteKind(quote)];
      if (read.behind(p)) {
        return p;
      }
      if (read.searchFrom(p, limit)) {
        int reach = Stretch.reach(s, limit);
        int k = read.at;
        while (k < reach && (s.charAt(k) != quote || !quoteMayEnd(s, k))) {
          k++;
        }
        read.reached(k, reach);
      }
      return read.at;
    }

    /** What {@link #mayCloseGroup} has read. */
    private Stretch closers;

    /**
     * Whether the bracket group opening at {@code p} may close within what {@link #skipGroup} reads of it: a
     * closing bracket lies there. A flood of groups that never close ({@code x(`%x(`%...}) has none, so the run of
     * each of its quotes does not read the same unclosed group to the end of its window.
     */
    private boolean mayCloseGroup(String s, int p, int end) {
      int limit = Math.min(end, p + MAX_GROUP);
      if (closers == null) {
        closers = new Stretch();
      }
      Stretch read = closers;
      if (read.behind(p + 1)) {
        return true;
      }
      if (read.searchFrom(p + 1, limit)) {
        int reach = Stretch.reach(s, limit);
        int k = read.at;
        while (k < reach && !isCloser(s.charAt(k))) {
          k++;
        }
        read.reached(k, reach);
      }
      return read.at < limit;
    }

    private static int quoteKind(char quote) {
      return quote == '\'' ? 0 : quote == '"' ? 1 : 2;
    }

    private static boolean quoteMayEnd(String s, int k) {
      int j = k - 1;
      for (; j >= 0 && isSpace(s.charAt(j)); j--) {
        if (isLineEnd(s.charAt(j))) {
          return true;
        }
      }
      if (j < 0) {
        return true;
      }
      char b = s.charAt(j);
      return !(isIdentPart(b) || b == '\'' || b == '"' || b == '`');
    }

    /** The characters {@link #isSign} can start with: one lookup passes over every other. */
    private static final boolean[] SIGN_STARTS = CharSets.table("(`.lLtT");

    private static boolean isSign(String s, int k) {
      char c = s.charAt(k);
      char lower = XssText.lower(c);
      return c == '(' || c == '`' && mayTag(s, k) || c == '.' && memberMayFollow(s, k)
          || lower == 'l' && XssText.startsWithWord(s, k, s.length(), "location")
          || lower == 't' && XssText.startsWithWord(s, k, s.length(), "throw");
    }

    /**
     * Whether a member's name may follow the dot at {@code k}, past blanks: a name, an escape that starts one
     * ({@code x.src=}, {@code x. \u0073rc=}), or a comment, which a name may follow. A dot before a quote, an
     * operator or another dot ({@code a.'=a.'=...}) starts no member, so no assignment to one.
     */
    private static boolean memberMayFollow(String s, int k) {
      int j = k + 1;
      while (j < s.length() && isSpace(s.charAt(j))) {
        j++;
      }
      return j < s.length() && (isIdentPart(s.charAt(j)) || s.charAt(j) == '\\' || s.charAt(j) == '/');
    }

    /**
     * Whether the backquote at {@code k} may follow a tag: a name, a group or a comment (what a run reads as a
     * callee), not an operator or a string ({@code =`=`...}). Spaces before it are passed over; each is passed
     * over for one backquote only, the next one's look back stopping at this one.
     */
    private static boolean mayTag(String s, int k) {
      int j = k - 1;
      while (j >= 0 && isSpace(s.charAt(j))) {
        j--;
      }
      if (j < 0) {
        return false;
      }
      char b = s.charAt(j);
      return isIdentPart(b) || b == ')' || b == ']' || b == '}' || b == '/' || b >= 128;
    }

    /**
     * A stretch of the value read for one kind of thing a run may end at: none in {@code [from, at)}, and one at
     * {@code at} when {@code found}. Each search stops a run's length past the run's end ({@link #reach}), and the
     * next one goes on from where that stopped, so each character is read at most once in a scan, and only those
     * within reach of a quote that asks: a megabyte of text with a quote here and there is not read to its end,
     * while in a flood of quotes the stretch one read covers the runs of the quotes that follow
     * ({@link #endsNothingKnown}). Asked from behind where it began (quotes are asked in order, but not only they),
     * it answers "maybe": a search that went back each time would read the same characters again and again.
     */
    private static final class Stretch {
      int from = Integer.MAX_VALUE;
      int at = -1;
      boolean found;

      boolean behind(int p) {
        return at >= 0 && p < from;
      }

      /** Whether a search must go on from {@link #at} to tell about {@code [p, limit)}; starts anew past it. */
      boolean searchFrom(int p, int limit) {
        if (p > at) {
          from = p;
          at = p;
          found = false;
        }
        return !found && at < limit;
      }

      /** Where a search for a run ending at {@code limit} stops. */
      static int reach(String s, int limit) {
        return (int) Math.min(s.length(), (long) limit + RUN);
      }

      void reached(int k, int reach) {
        at = k;
        found = k < reach;
      }

      boolean holdsNone(int p, int end) {
        return from <= p && at >= end;
      }
    }

    private static final boolean[] MAKES_CALL = new boolean[128];

    static {
      for (char c = 0; c < 128; c++) {
        MAKES_CALL[c] = isIdentPart(c) || c == '\\' || c == '(' || c == '[';
      }
    }

    private static boolean mayMakeCall(char c) {
      return c < 128 && MAKES_CALL[c];
    }
  }

  /**
   * At {@code ;} or {@code }} right after a bare value ({@code 1;alert(1)//}, {@code }alert(1);{//}): a call
   * written without spaces and a {@code //} comment straight after it, as injected into an unquoted script value.
   */
  static boolean compactStatementAt(String s, int i) {
    int n = s.length();
    if (i > 0) {
      char b = s.charAt(i - 1);
      if (!(isIdentPart(b) || b == ')' || b == ']' || b == '\'' || b == '"')) {
        return false;
      }
    }
    int end = Math.min(n, i + RUN);
    int p = calleeEnd(s, i + 1, end);
    if (p < 0 || p >= end) {
      return false;
    }
    p = s.charAt(p) == '(' ? skipGroup(s, p, end) : s.charAt(p) == '`' ? skipString(s, p, end) : -1;
    if (p < 0) {
      return false;
    }
    for (int k = 0; k < 3 && p < end && (s.charAt(p) == ';' || s.charAt(p) == '{' || s.charAt(p) == '}'); k++) {
      p++;
    }
    return p + 1 < end && s.charAt(p) == '/' && s.charAt(p + 1) == '/';
  }

  /**
   * At a backslash: an escape that spells a plain letter or digit (which never needs escaping) inside a name that
   * is called (<code>al&#92;u0065rt(1)</code>), or inside a string used as a computed member that is called
   * ({@code top['al\x65rt'](1)}). Returns -1 for such a call, otherwise the index up to which the name or string
   * was read (later escapes before it need no second look).
   */
  static int escapedCallEnd(String s, int i, XssText.NextOf quotes) {
    int n = s.length();
    int end = Math.min(n, i + 96);
    int len = XssText.unicodeEscape(s, i, end);
    int value;
    if (len > 0) {
      value = XssText.unicodeValue(s, i, len);
      if (value < 128 && isIdentPart((char) value)) {
        int p = i + len;
        while (p < end) {
          int u = XssText.unicodeEscape(s, p, end);
          if (isIdentPart(s.charAt(p))) {
            p++;
          } else if (u > 0 && XssText.unicodeValue(s, p, u) < 128
              && isIdentPart((char) XssText.unicodeValue(s, p, u))) {
            p += u;
          } else {
            break;
          }
        }
        if (p < end && (s.charAt(p) == '(' || s.charAt(p) == '`')) {
          return -1;
        }
        if (p < end && s.charAt(p) != '\'' && s.charAt(p) != '"' && s.charAt(p) != '`') {
          return p;
        }
      }
    } else if (i + 3 < end && s.charAt(i + 1) == 'x' && XssText.hex(s.charAt(i + 2)) >= 0
        && XssText.hex(s.charAt(i + 3)) >= 0) {
      value = XssText.hex(s.charAt(i + 2)) << 4 | XssText.hex(s.charAt(i + 3));
      len = 4;
    } else if (i + 1 < end && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '3') {
      value = 0;
      len = 1;
      while (i + len < end && len <= 3 && s.charAt(i + len) >= '0' && s.charAt(i + len) <= '7') {
        value = value * 8 + (s.charAt(i + len) - '0');
        len++;
      }
    } else {
      return i + 1;
    }
    if (value >= 128 || !isAsciiAlnum((char) value)) {
      return i + 1;
    }
    // Inside a string literal: to its closing quote, then ']' and a call.
    int p = i + len;
    if (quotes.next(s, p) >= end) {
      return end; // no quote closes it within reach: read up to there, as the loop below would
    }
    while (p < end && s.charAt(p) != '\'' && s.charAt(p) != '"' && s.charAt(p) != '`') {
      p += s.charAt(p) == '\\' ? 2 : 1;
    }
    int close = Math.min(p, end);
    p = skipSpace(s, p + 1, end);
    if (p >= end || s.charAt(p) != ']') {
      return close;
    }
    p = skipSpace(s, p + 1, end);
    return p < end && (s.charAt(p) == '(' || s.charAt(p) == '`') ? -1 : close;
  }

  /**
   * After {@code javascript:} outside markup: does code follow (a call, an assignment, a comment trick, a called
   * group), or words ({@code JavaScript: The Good Parts})?
   */
  static boolean codeAfterScheme(String s, int p) {
    int n = s.length();
    int end = Math.min(n, p + 96);
    int colonEnd = p;
    p = XssText.skipJunk(s, p, end, false, 12);
    if (p >= end) {
      return false;
    }
    char c = s.charAt(p);
    char next = p + 1 < end ? s.charAt(p + 1) : 0;
    if (c == '/' && (next == '/' || next == '*')) {
      return true;
    }
    if (c == '[' || c == '!' || c == '~') {
      return true;
    }
    if (c == '(') {
      int g = skipGroup(s, p, end);
      if (g < 0) {
        return false;
      }
      for (int k = p + 1; k < g - 1; k++) {
        if (s.charAt(k) == '(') {
          return true;
        }
      }
      return g < end && (s.charAt(g) == '(' || s.charAt(g) == '`' || s.charAt(g) == '.');
    }
    int q = calleeEnd(s, p, end);
    // A URL written in a script string may spell its code with escapes that stand for their letter (al\ert), as
    // its scheme may (javas\cript).
    while (q > 0 && q + 1 < end && s.charAt(q) == '\\' && isIdentityEscape(s.charAt(q + 1))) {
      q = calleeEnd(s, q + 1, end);
    }
    if (q < 0) {
      return false;
    }
    if (p == colonEnd && q + 2 < end && s.charAt(q) == ':' && s.charAt(q + 1) == '/' && s.charAt(q + 2) == '/') {
      // javascript:https://x/%0aalert(1): a label, a comment, a new line; written as one URL, not as prose
      return callAfterLineEnd(s, q + 3, end);
    }
    q = skipSpace(s, q, end);
    return q < end && (s.charAt(q) == '(' || s.charAt(q) == '`' || s.charAt(q) == '=' || s.charAt(q) == '[');
  }

  /** A letter whose escape in a JavaScript string is the letter itself: not one of the escapes that mean more. */
  private static boolean isIdentityEscape(char c) {
    return XssText.isAsciiLetter(c) && "bfnrtvux".indexOf(c) < 0;
  }

  /**
   * In the comment that starts before {@code p}: a line end, then a called name. The URL parser drops tabs and line
   * ends written as such wherever they are, so tabs inside the name ({@code con\tfirm(1)}) do not end it.
   */
  private static boolean callAfterLineEnd(String s, int p, int end) {
    while (p < end && s.charAt(p) != '\n' && s.charAt(p) != '\r' && s.charAt(p) != '\u2028') {
      p++;
    }
    p = skipSpace(s, p, end);
    int name = p;
    while (p < end && (isIdentPart(s.charAt(p)) || s.charAt(p) == '\t' || s.charAt(p) == '.')) {
      p++;
    }
    return p > name && p < end && (s.charAt(p) == '(' || s.charAt(p) == '`');
  }

  /**
   * In the value as received: a name followed by a parenthesis written as an HTML character reference
   * ({@code alert&lpar;1&rpar;}, {@code alert&#40;1&#41}), which an event-handler attribute decodes before it runs.
   */
  static boolean entityEncodedCall(String raw) {
    int n = raw.length();
    for (int i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', i + 1)) {
      if (i < 2 || !isIdentPart(raw.charAt(i - 1)) || !isIdentPart(raw.charAt(i - 2))) {
        continue;
      }
      int after = parenReference(raw, i, '(');
      if (after < 0) {
        continue;
      }
      int end = Math.min(n, after + 64);
      for (int k = after; k < end; k++) {
        if (raw.charAt(k) == ')' || (raw.charAt(k) == '&' && parenReference(raw, k, ')') > 0)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Index after {@code &lpar;}, {@code &#40;}, {@code &#x28;} (or the closing forms) at {@code i}, or -1. */
  private static int parenReference(String s, int i, char paren) {
    int n = s.length();
    String named = paren == '(' ? "&lpar" : "&rpar";
    int p;
    if (startsWithWord(s, i, n, named)) {
      p = i + named.length();
    } else if (i + 2 < n && s.charAt(i + 1) == '#') {
      boolean hexRef = s.charAt(i + 2) == 'x' || s.charAt(i + 2) == 'X';
      p = hexRef ? i + 3 : i + 2;
      int v = 0;
      int start = p;
      while (p < n && p - start < 10 && (hexRef ? XssText.hex(s.charAt(p)) >= 0 : Character.isDigit(s.charAt(p)))) {
        v = v * (hexRef ? 16 : 10) + (hexRef ? XssText.hex(s.charAt(p)) : s.charAt(p) - '0');
        p++;
      }
      if (p == start || v != paren) {
        return -1;
      }
    } else {
      return -1;
    }
    return p < n && s.charAt(p) == ';' ? p + 1 : p;
  }

  // ---------------------------------------------------------------- the run

  /**
   * Reads JavaScript tokens from {@code p}: true once a call (or a member assignment) has been read and the run ends
   * as a breakout must (a {@code //} or {@code <!--} comment, {@code </script}, or an operator followed by the
   * breakout's quote, or a line end and that quote), or the value ends inside the arguments of a call the page's
   * suffix completes ({@link #completedByPage}). Besides calls: a member assignment, an assignment to
   * {@code location} (a navigation), and a dialog or evaluator handed to {@code onerror} with a {@code throw}.
   */
  private static boolean run(String s, int p, int end, char quote, int parens, CallMakers callMakers) {
    boolean call = false;
    int prev = START;
    boolean prevWord = false; // the previous name was a word after which another name may follow
    boolean prevNotCallee = false;
    boolean prevMember = false; // the previous name followed a dot
    boolean dot = false;
    boolean space = false;
    boolean lineEnd = false; // a line end since the last token
    boolean prevLocation = false; // the previous name was location
    boolean thrown = false; // a throw was read
    boolean handed = false; // a dialog or evaluator was assigned (onerror=alert)
    char op = 0; // the last operator character
    while (p < end) {
      char c = s.charAt(p);
      char next = p + 1 < end ? s.charAt(p + 1) : 0;
      if (isSpace(c)) {
        space = true;
        lineEnd |= isLineEnd(c);
        p++;
        continue;
      }
      if (c == '/' && next == '/') {
        return call;
      }
      if (c == '/' && next == '*') {
        int close = p + 2;
        while (close + 1 < end && !(s.charAt(close) == '*' && s.charAt(close + 1) == '/')) {
          close++;
        }
        if (close + 1 >= end) {
          return false;
        }
        p = close + 2;
        space = true;
        continue;
      }
      if (c == '<' && (startsWithWord(s, p, end, "<!--") || startsWithWord(s, p, end, "</script"))) {
        return call;
      }
      if (c == '-' && next == '-') {
        return call && startsWithWord(s, p, end, "-->");
      }
      if (c == '#') {
        return false;
      }
      if (c == quote && call && (prev == OPERATOR || lineEnd)) {
        return true;
      }
      lineEnd = false;
      if (c == '\'' || c == '"' || c == '`') {
        if (c == '`' && prev == NAME && !prevNotCallee) {
          call = true;
        } else if (prev == NAME && space && !prevWord) {
          return false;
        }
        p = skipString(s, p, end);
        if (p < 0) {
          return false;
        }
        prev = NAME;
        prevWord = false;
        prevNotCallee = true;
        space = false;
        continue;
      }
      if (isIdentPart(c) || (c == '\\' && XssText.unicodeEscape(s, p, end) > 0)) {
        int w = p;
        p = nameEnd(s, p, end);
        if (prev == NAME && space && !prevWord && !INFIX_WORDS.contain(s, w, p)) {
          return false;
        }
        thrown |= XssText.equalsWord(s, w, p, "throw");
        handed |= prev == OPERATOR && op == '=' && XssSinks.isDialogOrEval(s, w, p);
        call |= thrown && handed; // onerror=alert;throw 1 calls alert
        prevLocation = !dot && XssText.equalsWord(s, w, p, "location");
        prev = NAME;
        prevWord = PREFIX_WORDS.contain(s, w, p);
        prevNotCallee = NOT_CALLEES.contain(s, w, p);
        prevMember = dot;
        dot = false;
        space = false;
        continue;
      }
      if (c == '=' && prev == NAME && (prevMember || prevLocation) && next != '=' && next != '>') {
        call = true; // a member assignment (x.src=..., location.href=...) or a navigation acts as a call does
      }
      dot = c == '.';
      if (c == '[' && prev != NAME) {
        prev = OPERATOR; // an array literal, not an index: its elements are read as the rest is ('-[location=name]-')
        op = c;
        p++;
        continue;
      }
      if (c == '(' || c == '[') {
        boolean calls = c == '(' && prev == NAME && !prevNotCallee;
        call |= calls;
        int group = callMakers.mayCloseGroup(s, p, end) ? skipGroup(s, p, end) : -1;
        if (group < 0) {
          return calls && completedByPage(s, p, end, quote, parens);
        }
        p = group;
        prev = NAME;
        prevWord = false;
        prevNotCallee = false;
        space = false;
        continue;
      }
      prev = OPERATOR;
      op = c;
      prevWord = false;
      prevNotCallee = false;
      prevLocation = false;
      space = false;
      p++;
    }
    return false;
  }

  /**
   * At the {@code (} of a call that does not close: whether the value ends inside a string opened with the
   * breakout's quote, as many calls deep as the breakout closed parentheses, so that the page's own quote and
   * parentheses after the value complete the call: {@code '); alert('1} placed in {@code f('…')} reads
   * {@code f(''); alert('1')}.
   */
  private static boolean completedByPage(String s, int p, int end, char quote, int parens) {
    if (parens <= 0 || end != s.length()) {
      return false;
    }
    int depth = 0;
    for (; p < end; p++) {
      char c = s.charAt(p);
      if (c == quote) {
        break;
      }
      if (c == '(') {
        depth++;
      } else if (!(isIdentPart(c) || c == ' ' || c == ',' || c == '.')) {
        return false;
      }
    }
    if (p >= end || depth != parens) {
      return false;
    }
    for (int k = p + 1; k < end; k++) {
      char c = s.charAt(k);
      if (c == quote || c == '\\' || c == '\n') {
        return false; // the string closes, or an escape or line end keeps the page's quote from closing it
      }
    }
    return true;
  }

  /** End of a callee: a name with {@code .name} and {@code [..]} members; -1 when no name starts at {@code p}. */
  private static int calleeEnd(String s, int p, int end) {
    if (p >= end || !(isIdentPart(s.charAt(p)) || XssText.unicodeEscape(s, p, end) > 0)) {
      return -1;
    }
    p = nameEnd(s, p, end);
    while (p < end) {
      char c = s.charAt(p);
      if (c == '.' && p + 1 < end && (isIdentPart(s.charAt(p + 1)) || s.charAt(p + 1) == '\\')) {
        p = nameEnd(s, p + 1, end);
      } else if (c == '[') {
        p = skipGroup(s, p, end);
        if (p < 0) {
          return -1;
        }
      } else {
        break;
      }
    }
    return p;
  }

  private static int nameEnd(String s, int p, int end) {
    while (p < end) {
      if (isIdentPart(s.charAt(p))) {
        p++;
        continue;
      }
      int u = XssText.unicodeEscape(s, p, end);
      if (u == 0) {
        break;
      }
      p += u;
    }
    return p;
  }

  /** Index after the bracket group opening at {@code p} (strings inside skipped), or -1 when it does not close. */
  static int skipGroup(String s, int p, int end) {
    end = Math.min(end, p + MAX_GROUP);
    int depth = 0;
    while (p < end) {
      char c = s.charAt(p);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          return p + 1;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        p = skipString(s, p, end);
        if (p < 0) {
          return -1;
        }
        continue;
      }
      p++;
    }
    return -1;
  }

  /** Index after the string literal opening at {@code p}, or -1 when it does not close. */
  static int skipString(String s, int p, int end) {
    char quote = s.charAt(p);
    for (int k = p + 1; k < end; k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == quote) {
        return k + 1;
      } else if (c == '\n' && quote != '`') {
        return -1;
      }
    }
    return -1;
  }

  private static int skipSpace(String s, int p, int end) {
    while (p < end && isSpace(s.charAt(p))) {
      p++;
    }
    return p;
  }

  /** White space or a line end to JavaScript (U+2028 and U+2029 end lines too). */
  private static boolean isSpace(char c) {
    return c <= ' ' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }

  private static boolean hasLineEnd(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (isLineEnd(s.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCloser(char c) {
    return c == ')' || c == ']' || c == '}';
  }

  /**
   * What may follow a closing quote to carry on the expression: the operators, and the dot, which makes the string a
   * member's receiver in JavaScript and joins it in PHP ({@code '.x(y).'}).
   */
  private static boolean isOperator(char c) {
    return switch (c) {
      case ';', ',', '+', '-', '*', '/', '%', '|', '&', '^', '?', ':', '=', '<', '>', '!', '~', '.' -> true;
      default -> false;
    };
  }
}
