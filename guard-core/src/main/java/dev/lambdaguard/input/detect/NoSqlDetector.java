package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;
import java.util.Locale;
import java.util.Set;

/**
 * NoSQL (MongoDB) injection: query operators smuggled in as keys, and JavaScript smuggled into server-side
 * {@code $where}/{@code mapReduce} strings.
 *
 * <ul>
 *   <li>{@value #OPERATOR}: a MongoDB operator name ({@code $ne}, {@code $gt}, {@code $regex}, {@code $where}, …) in
 *       key position: the whole value (a JSON key passed on its own), a form bracket key ({@code a[$ne]=1}) or an
 *       object key followed by a colon ({@code {"$gt": ""}}, {@code { $ne: 1 }}). Prices ({@code $5}) and an
 *       operator name in prose are not keys. The dollar may be escaped as <code>&#92;u0024</code> (JSON text). Any
 *       other {@code $name:} key counts when the value has just closed a string and the objects around it
 *       ({@code ' } ], $comment:}).
 *   <li>{@value #JS}: a string broken out of and followed by a statement ({@code '; return true; var x='},
 *       {@code ';sleep(5000);}, {@code 0;return true}), a quote broken out of and followed by {@code && this.x} or by
 *       a tautology ({@code || 1==1}, {@code 'a'=='a'}), a {@code this.field.match(/…/)} probe, or a mongo shell
 *       call ({@code db.users.insert(}).
 * </ul>
 *
 * <p>Cost: the value's character set tells which of {@code $ ; & | ( \} occur (none: done, in a few
 * comparisons); then {@code String.indexOf} finds the positions the rules need ({@code $ ; & | .}); each hit is
 * examined with a look-around of at most {@value #LOOK} characters, so the work is linear in the value's length
 * with no truncation. Stateless and thread-safe.
 */
public final class NoSqlDetector implements Detector {

  static final String OPERATOR = "nosqli.operator";
  static final String JS = "nosqli.js-injection";

  /** Look-around per candidate position, in characters. */
  static final int LOOK = 48;

  /**
   * Operator names without the {@code $}, lower case; query, projection, update and aggregation stages. Left out
   * because other conventions use them as keys: {@code $type} (.NET type metadata), {@code $search} (an OData
   * query option; inside {@code $text} the {@code $text} is caught), {@code $comment} (a JSON Schema keyword).
   */
  private static final Set<String> OPERATORS = Set.of(
      "eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "and", "or", "not", "nor", "exists", "expr",
      "jsonschema", "mod", "regex", "options", "text", "where", "all", "elemmatch", "size", "slice",
      "rand", "function", "accumulator", "eval", "geowithin", "geointersects", "near", "nearsphere",
      "bitsallset", "bitsanyset", "bitsallclear", "bitsanyclear", "match", "lookup", "graphlookup", "unionwith",
      "group", "project", "addfields", "replaceroot", "replacewith", "merge", "out", "unwind", "facet", "set",
      "unset", "inc", "mul", "rename", "push", "pull", "pullall", "addtoset", "pop", "currentdate", "setoninsert",
      "natural", "sample");
  private static final int MAX_OPERATOR = 13;

  /** Statements that open with a head in parentheses or a block. */
  private static final String[] BLOCK_KEYWORDS = {"while", "for", "if", "do", "function", "switch", "try"};

  /** Mongo shell collection methods that make {@code db.x.method(} shell code rather than prose. */
  private static final Set<String> SHELL_METHODS = Set.of(
      "insert", "insertone", "insertmany", "find", "findone", "findoneandupdate", "findandmodify", "update",
      "updateone", "updatemany", "remove", "deleteone", "deletemany", "drop", "mapreduce", "aggregate", "count",
      "distinct", "save", "replaceone", "renamecollection", "dropdatabase", "eval", "getcollection",
      "getcollectionnames", "getsiblingdb", "runcommand", "admincommand", "createuser", "dropuser", "shutdownserver");

  private static final int DOLLAR = 1;
  private static final int SEMICOLON = 2;
  private static final int AMPERSAND = 4;
  private static final int BAR = 8;
  private static final int PARENTHESIS = 16;
  private static final int BACKSLASH = 32;

  /** The characters every rule needs one of. */
  private static final Normalized.CharSet ANY_TRIGGER = Normalized.charSet("$;&|(\\");
  private static final Normalized.CharSet DOLLAR_CHAR = Normalized.charSet("$");
  private static final Normalized.CharSet SEMICOLON_CHAR = Normalized.charSet(";");
  private static final Normalized.CharSet AMPERSAND_CHAR = Normalized.charSet("&");
  private static final Normalized.CharSet BAR_CHAR = Normalized.charSet("|");
  private static final Normalized.CharSet PARENTHESIS_CHAR = Normalized.charSet("(");
  private static final Normalized.CharSet BACKSLASH_CHAR = Normalized.charSet("\\");
  /** The {@code this.x.match(} and {@code db.x.method(} rules reach the call through a dot. */
  private static final Normalized.CharSet DOT = Normalized.charSet(".");
  /**
   * What a statement after a semicolon needs, other than {@code return}: the parenthesis of a call or a loop
   * head, the brace of a block, the {@code =} of an assignment.
   */
  private static final Normalized.CharSet STATEMENT = Normalized.charSet("({=");
  /** What an operator in key position other than the whole value needs: a colon after it or brackets around it. */
  private static final Normalized.CharSet KEY_MARKS = Normalized.charSet(":[");
  /** Letters of {@code return}, the one statement that needs none of {@link #STATEMENT}. */
  private static final Normalized.CharSet LETTER_R = Normalized.charSet("r");
  private static final Normalized.CharSet LETTER_U = Normalized.charSet("u");
  /** What the escaped dollar {@code \\u0024} needs besides its backslash. */
  private static final Normalized.CharSet LETTER_U_EITHER = Normalized.charSet("uU");
  private static final Normalized.CharSet DIGIT_2 = Normalized.charSet("2");
  private static final Normalized.CharSet DIGIT_4 = Normalized.charSet("4");
  /** After {@code &&} or {@code ||}: a tautology's {@code ==} or the dot of {@code this.x}. */
  private static final Normalized.CharSet LOGICAL_OPERAND = Normalized.charSet("=.");

  /** The detector; stateless, so one instance serves every thread. */
  public NoSqlDetector() {}

  @Override
  public Category category() {
    return Category.NOSQLI;
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
    if ((triggers & DOLLAR) != 0) {
      Detection operator = operator(s, value.containsAny(KEY_MARKS));
      if (operator != null) {
        return operator;
      }
    }
    if ((triggers & BACKSLASH) != 0) {
      Detection operator = escapedOperator(s, value.containsAny(KEY_MARKS));
      if (operator != null) {
        return operator;
      }
    }
    return javascript(s, triggers);
  }

  /**
   * Which rules the value's character set leaves possible, as trigger bits: {@code &&} and {@code ||} count with
   * the {@code =} or {@code .} of what must follow them, {@code (} with the dot of a member call, {@code ;} with
   * what a {@link #statement} needs.
   */
  private static int triggers(Normalized value) {
    int triggers = 0;
    if (value.containsAny(DOLLAR_CHAR)) {
      triggers |= DOLLAR;
    }
    if (value.containsAny(SEMICOLON_CHAR)
        && (value.containsAny(STATEMENT) || value.containsAny(LETTER_R) && value.containsAny(LETTER_U)
            && value.decoded().contains("return"))) {
      triggers |= SEMICOLON; // a semicolon without a statement after it (;cat 'x;cat 'x…) is no rule's
    }
    boolean operand = value.containsAny(LOGICAL_OPERAND);
    if (operand && value.containsAny(AMPERSAND_CHAR)) {
      triggers |= AMPERSAND;
    }
    if (operand && value.containsAny(BAR_CHAR)) {
      triggers |= BAR;
    }
    if (value.containsAny(PARENTHESIS_CHAR) && value.containsAny(DOT)) {
      triggers |= PARENTHESIS; // both call rules reach the call through a dot
    }
    if (value.containsAny(BACKSLASH_CHAR) && value.containsAny(LETTER_U_EITHER) && value.containsAny(DIGIT_2)
        && value.containsAny(DIGIT_4)) {
      triggers |= BACKSLASH; // the escaped dollar, \\u0024
    }
    return triggers;
  }

  // ---------------------------------------------------------------- operators in key position

  /**
   * The operator rule over the value's dollars.
   *
   * @param keyMarks whether the value has a colon or a bracket: without one, a name can only be in key position as
   *     the whole value, so only a first dollar that nothing but blanks and quotes precede is looked at
   */
  private static Detection operator(String s, boolean keyMarks) {
    int best = 0;
    Quotes quotes = null;
    int first = keyMarks ? nextNamedDollar(s, 0) : s.indexOf('$');
    if (!keyMarks && (first < 0 || first + 1 >= s.length() || !isAsciiLetter(s.charAt(first + 1)))) {
      return null; // ${${… or ${a}${a}…: no key, and no operator alone
    }
    for (int i = first; i >= 0; i = keyMarks ? nextNamedDollar(s, i + 1) : -1) {
      int end = i + 1;
      while (end < s.length() && end - i <= LOOK && isAsciiLetter(s.charAt(end))) {
        end++;
      }
      int len = end - i - 1;
      if (len == 0 || (end < s.length() && isIdentPart(s.charAt(end)))) {
        continue;
      }
      char before = i > 0 ? s.charAt(i - 1) : ' ';
      if (isIdentPart(before)) {
        continue; // part of a longer word: a$ne, US$in
      }
      int context = operatorContext(s, i, end, before);
      if (context == 0) {
        continue; // not in key position (a price, a name in prose): no rule applies, whatever the name
      }
      int score;
      if (len <= MAX_OPERATOR && OPERATORS.contains(s.substring(i + 1, end).toLowerCase(Locale.ROOT))) {
        score = context;
      } else {
        // Any $name as a key right after the value closed a string and the objects around it: ' } ], $x:
        if (quotes == null) {
          quotes = new Quotes(s);
        }
        score = keyAt(s, end, before) && afterStructuralBreakout(s, i, quotes) ? 80 : 0;
      }
      if (score > best) {
        best = score;
      }
      if (best >= 90) {
        break;
      }
    }
    return best == 0 ? null : new Detection(Category.NOSQLI, OPERATOR, best);
  }

  /**
   * Index of the next {@code $} at or after {@code from} with a letter after it (every operator, every
   * {@code $name} key), or -1. A dollar without one names nothing; in a run of them ({@code ${${${…},
   * {@code $$$}) the text is read directly instead of with one {@code indexOf} call per dollar.
   */
  private static int nextNamedDollar(String s, int from) {
    int last = s.length() - 1;
    int i = s.indexOf('$', from);
    while (i >= 0 && i < last) {
      if (isAsciiLetter(s.charAt(i + 1))) {
        return i;
      }
      int stop = Math.min(last, i + 32);
      int k = i + 1;
      while (k < stop && !(isAsciiLetter(s.charAt(k + 1)) && s.charAt(k) == '$')) {
        k++;
      }
      if (k < stop) {
        return k;
      }
      i = s.indexOf('$', stop);
    }
    return -1;
  }

  /** The name ending at {@code end} is followed by a colon (its closing quote first, if it had one). */
  private static boolean keyAt(String s, int end, char before) {
    int k = end;
    if ((before == '"' || before == '\'') && k < s.length() && s.charAt(k) == before) {
      k++;
    }
    int colon = skipSpaces(s, k, LOOK);
    return colon < s.length() && s.charAt(colon) == ':';
  }

  /**
   * Before the key at {@code dollar}: a comma, one or more closing braces or brackets and a quote that closes a
   * string the value did not open ({@code ' } ], $comment:}).
   */
  private static boolean afterStructuralBreakout(String s, int dollar, Quotes quotes) {
    int j = dollar - 1;
    while (j >= 0 && dollar - j <= LOOK && isSpace(s.charAt(j))) {
      j--;
    }
    if (j < 0 || s.charAt(j) != ',') {
      return false;
    }
    j--;
    int closers = 0;
    while (j >= 0 && dollar - j <= LOOK && (isSpace(s.charAt(j)) || s.charAt(j) == '}' || s.charAt(j) == ']')) {
      if (!isSpace(s.charAt(j))) {
        closers++;
      }
      j--;
    }
    return closers > 0 && j >= 0 && isQuote(s.charAt(j)) && foreignQuote(s, j, quotes);
  }

  /**
   * Operators whose dollar is a JSON/JavaScript escape, {@code "\\u0024ne"} in a JSON document received as text:
   * the escapes are replaced and the operator rule applied to the result (rare: only values holding the escape).
   */
  private static Detection escapedOperator(String s, boolean keyMarks) {
    int at = escapedDollar(s, 0);
    if (at < 0) {
      return null;
    }
    StringBuilder unescaped = new StringBuilder(s.length());
    int copied = 0;
    for (; at >= 0; at = escapedDollar(s, at + 6)) {
      unescaped.append(s, copied, at).append('$');
      copied = at + 6;
    }
    unescaped.append(s, copied, s.length());
    return operator(unescaped.toString(), keyMarks);
  }

  /**
   * Index of the next {@code \\u0024} at or after {@code from} ({@code u} in either case), or -1. Its digits are
   * searched for ({@link String#indexOf(String)} reads a megabyte quickly), not each backslash: a value of escapes
   * ({@code \\n\\n…}) has one at every other character.
   */
  private static int escapedDollar(String s, int from) {
    for (int i = s.indexOf("0024", from + 2); i >= 0; i = s.indexOf("0024", i + 1)) {
      if (s.charAt(i - 2) == '\\' && (s.charAt(i - 1) | 0x20) == 'u') {
        return i - 2;
      }
    }
    return -1;
  }

  /** 90 in bracket or object-key position, 85 when the value is the operator alone (a JSON key), else 0. */
  private static int operatorContext(String s, int dollar, int end, char before) {
    int n = s.length();
    if (before == '[' && end < n && s.charAt(end) == ']') {
      return 90;
    }
    if (keyAt(s, end, before)) {
      return 90;
    }
    int k = end;
    if ((before == '"' || before == '\'') && k < n && s.charAt(k) == before) {
      k++;
    }
    // The operator alone, perhaps quoted: a JSON key handed over on its own.
    int start = dollar - 1;
    while (start >= 0 && (isSpace(s.charAt(start)) || s.charAt(start) == '"' || s.charAt(start) == '\'')) {
      start--;
    }
    int tail = k;
    while (tail < n && isSpace(s.charAt(tail))) {
      tail++;
    }
    return start < 0 && tail == n ? 85 : 0;
  }

  // ---------------------------------------------------------------- server-side JavaScript

  private static Detection javascript(String s, int triggers) {
    int n = s.length();
    // Counted only once a rule asks, and shared by the rules: each asks for growing positions, so the count
    // restarts at most once per rule.
    Quotes quotes = null;
    for (int i = (triggers & SEMICOLON) != 0 ? s.indexOf(';') : -1; i >= 0; i = s.indexOf(';', i + 1)) {
      // what comes before the semicolon first (a leading literal, or a quote): two cheap looks that a flood of
      // a=b; fails before its statements are read; the quotes are counted in the same order as without them
      boolean before = afterLeadingLiteral(s, i) || quoteBefore(s, i);
      if (!before || !statement(s, skipSpaces(s, i + 1, LOOK))) {
        continue;
      }
      if (quotes == null) {
        quotes = new Quotes(s);
      }
      if (afterLeadingLiteral(s, i) || closesString(s, i, quotes)) {
        return new Detection(Category.NOSQLI, JS, 85);
      }
    }
    for (int i = (triggers & AMPERSAND) != 0 ? s.indexOf('&') : -1; i >= 0 && i + 1 < n; i = s.indexOf('&', i + 1)) {
      if (s.charAt(i + 1) != '&') {
        continue;
      }
      if (quotes == null) {
        quotes = new Quotes(s);
      }
      if (logicalInjection(s, i, quotes)) {
        return new Detection(Category.NOSQLI, JS, 85);
      }
    }
    for (int i = (triggers & BAR) != 0 ? s.indexOf('|') : -1; i >= 0 && i + 1 < n; i = s.indexOf('|', i + 1)) {
      if (s.charAt(i + 1) != '|') {
        continue;
      }
      if (quotes == null) {
        quotes = new Quotes(s);
      }
      if (logicalInjection(s, i, quotes)) {
        return new Detection(Category.NOSQLI, JS, 85);
      }
    }
    if ((triggers & PARENTHESIS) == 0) {
      return null; // both rules below end in a call
    }
    // this.x.match(/ and db.x.method( through the dots: the single-character search stays fast on any text.
    for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
      if (wordBefore(s, dot, "this") && regexProbe(s, dot + 1)) {
        return new Detection(Category.NOSQLI, JS, 75);
      }
      if (wordBefore(s, dot, "db") && shellCall(s, dot + 1)) {
        return new Detection(Category.NOSQLI, JS, 75);
      }
    }
    return null;
  }

  /**
   * The character before position {@code at} (spaces skipped) is a quote that closes a string the value did not
   * open: the string was opened by the query the value is pasted into. ({@code 'a'; f()} is code that opens and
   * closes its own strings.)
   */
  private static boolean closesString(String s, int at, Quotes quotes) {
    int j = lastNonSpace(s, at);
    return j >= 0 && isQuote(s.charAt(j)) && foreignQuote(s, j, quotes);
  }

  /** Whether a quote comes before {@code at}, spaces skipped: what {@link #closesString} needs first. */
  private static boolean quoteBefore(String s, int at) {
    int j = lastNonSpace(s, at);
    return j >= 0 && isQuote(s.charAt(j));
  }

  /** The index of the last character before {@code at} that is no space (within {@link #LOOK}), or -1. */
  private static int lastNonSpace(String s, int at) {
    int j = at - 1;
    while (j >= 0 && at - j <= LOOK && isSpace(s.charAt(j))) {
      j--;
    }
    return j;
  }

  /**
   * The quote at {@code j} closes a string opened outside the value: it is the odd one of its kind and only a
   * short bare word stands between it and the start of the value or of a field ({@code admin'},
   * {@code a=1&b='}, {@code {"u": "x'}). In code ({@code title += '; x'}) the quote opens a string.
   */
  private static boolean foreignQuote(String s, int j, Quotes quotes) {
    int b = j - 1;
    while (b >= 0 && j - b <= 32 && (isIdentPart(s.charAt(b)) || s.charAt(b) == '.' || s.charAt(b) == '@'
        || s.charAt(b) == '-')) {
      b--;
    }
    if (b >= 0 && "\"=&?".indexOf(s.charAt(b)) < 0) {
      return false;
    }
    return quotes.closesForeign(j);
  }

  /**
   * Counts each kind of quote from the start of the line up to a position; the positions a rule asks for only
   * grow (each is the nearest quote before a later candidate), so one pass serves all the candidates of a rule.
   */
  private static final class Quotes {
    private final String s;
    private int scanned;
    private int single;
    private int dbl;
    private int back;

    Quotes(String s) {
      this.s = s;
    }

    /** Whether the quote at {@code j} is the odd one of its kind: it closes a string opened before the value. */
    boolean closesForeign(int j) {
      if (j < scanned) {
        scanned = 0; // the next rule starts over (within one rule the positions grow)
        single = 0;
        dbl = 0;
        back = 0;
      }
      for (; scanned < j; scanned++) {
        char c = s.charAt(scanned);
        if (c == '\\') {
          scanned++; // an escaped character is no quote
        } else if (c == '\n' || c == '\r') {
          single = 0; // strings do not span lines: a new line starts even (prose apostrophes stay behind)
          dbl = 0;
          back = 0;
        } else if (c == '\'') {
          single++;
        } else if (c == '"') {
          dbl++;
        } else if (c == '`') {
          back++;
        }
      }
      char q = s.charAt(j);
      int before = q == '\'' ? single : q == '"' ? dbl : back;
      return before % 2 == 0;
    }
  }

  /** The value begins with a short bare literal ending at {@code at}: {@code 0;return true}, {@code 1; sleep(9)}. */
  private static boolean afterLeadingLiteral(String s, int at) {
    if (at == 0 || at > 16) {
      return false;
    }
    int j = 0;
    while (j < at && isSpace(s.charAt(j))) {
      j++;
    }
    int start = j;
    while (j < at && isIdentPart(s.charAt(j))) {
      j++;
    }
    while (j < at && isSpace(s.charAt(j))) {
      j++;
    }
    return j == at && j > start;
  }

  /**
   * A JavaScript statement starts at {@code k}: {@code return <value>}, {@code var|let|const x =}, a loop or
   * conditional head, a call ({@code sleep(}, {@code a.b(}) or an assignment ({@code it=}).
   */
  private static boolean statement(String s, int k) {
    int n = s.length();
    int end = identEnd(s, k);
    if (end == k) {
      return false;
    }
    if (word(s, k, end, "return")) {
      return returnsValue(s, end);
    }
    if (word(s, k, end, "var") || word(s, k, end, "let") || word(s, k, end, "const")) {
      int name = skipSpaces(s, end, 4);
      int nameEnd = identEnd(s, name);
      return name > end && nameEnd > name && assignment(s, skipSpaces(s, nameEnd, 4));
    }
    if (oneOf(s, k, end, BLOCK_KEYWORDS)) {
      int next = skipSpaces(s, end, 1);
      return next < n && (s.charAt(next) == '(' || s.charAt(next) == '{');
    }
    int j = end;
    // a member chain: a.b.c( within the look-around
    while (j < n && j - k < LOOK && s.charAt(j) == '.') {
      int next = identEnd(s, j + 1);
      if (next == j + 1) {
        return false;
      }
      j = next;
    }
    return j < n && (s.charAt(j) == '(' || (j == end && assignment(s, j)));
  }

  /** Whether {@code s[k, end)} is {@code word}; allocates nothing. */
  private static boolean word(String s, int k, int end, String word) {
    return end - k == word.length() && s.startsWith(word, k);
  }

  private static boolean oneOf(String s, int k, int end, String[] words) {
    for (String w : words) {
      if (word(s, k, end, w)) {
        return true;
      }
    }
    return false;
  }

  /** {@code return} followed by a value an injected clause returns: a constant, a call, a quote, this, !. */
  private static boolean returnsValue(String s, int end) {
    int n = s.length();
    if (end < n && s.charAt(end) == '(') {
      return true;
    }
    int v = skipSpaces(s, end, 4);
    if (v == end || v >= n) {
      return false;
    }
    char c = s.charAt(v);
    if (isQuote(c) || isDigit(c) || c == '!' || c == '(') {
      return true;
    }
    return startsWithWord(s, v, "true") || startsWithWord(s, v, "false") || startsWithWord(s, v, "this")
        || startsWithWord(s, v, "db");
  }

  /** {@code =} that is an assignment, not a comparison ({@code ==}) or an arrow ({@code =>}). */
  private static boolean assignment(String s, int at) {
    int n = s.length();
    return at < n && s.charAt(at) == '=' && (at + 1 >= n || (s.charAt(at + 1) != '=' && s.charAt(at + 1) != '>'));
  }

  /**
   * {@code &&} or {@code ||} at {@code op}: after a foreign string closed (or at the value's start) and followed by
   * {@code this.x}; or followed anywhere by a tautology between equal literals.
   */
  private static boolean logicalInjection(String s, int op, Quotes quotes) {
    int next = skipSpaces(s, op + 2, LOOK);
    if (tautology(s, next)) {
      return true;
    }
    int j = op - 1;
    while (j >= 0 && op - j <= LOOK && isSpace(s.charAt(j))) {
      j--;
    }
    boolean breakout = j < 0 || (isQuote(s.charAt(j)) && foreignQuote(s, j, quotes));
    return breakout && s.startsWith("this.", next) && identEnd(s, next + 5) > next + 5;
  }

  /** Two equal literals compared with {@code ==} or {@code ===} at {@code k}: {@code 1==1}, {@code 'a' == 'a'}. */
  static boolean tautology(String s, int k) {
    int leftEnd = literalEnd(s, k);
    if (leftEnd < 0) {
      return false;
    }
    int op = skipSpaces(s, leftEnd, 4);
    int n = s.length();
    if (op + 1 >= n || s.charAt(op) != '=' || s.charAt(op + 1) != '=') {
      return false;
    }
    int right = skipSpaces(s, op + (op + 2 < n && s.charAt(op + 2) == '=' ? 3 : 2), 4);
    int rightEnd = literalEnd(s, right);
    if (rightEnd < 0) {
      // a closing quote of the surrounding string stands in for the last one: 'a'=='a
      rightEnd = literalEndUnclosed(s, right);
      if (rightEnd < 0) {
        return false;
      }
      return literalText(s, k, leftEnd).equals(s.substring(right + 1, rightEnd));
    }
    return literalText(s, k, leftEnd).equals(literalText(s, right, rightEnd));
  }

  /** End of a number, a boolean or a quoted string (at most 32 characters) at {@code k}, or -1. */
  private static int literalEnd(String s, int k) {
    int n = s.length();
    if (k >= n) {
      return -1;
    }
    char c = s.charAt(k);
    if (isQuote(c)) {
      int close = s.indexOf(c, k + 1);
      return close > 0 && close - k <= 32 ? close + 1 : -1;
    }
    if (isDigit(c)) {
      int j = k;
      while (j < n && j - k < 32 && isDigit(s.charAt(j))) {
        j++;
      }
      return j < n && isIdentPart(s.charAt(j)) ? -1 : j;
    }
    if (startsWithWord(s, k, "true")) {
      return k + 4;
    }
    return -1;
  }

  /** A quote opening a string the value ends inside of: {@code 'a} at the very end. */
  private static int literalEndUnclosed(String s, int k) {
    int n = s.length();
    if (k >= n || !isQuote(s.charAt(k)) || n - k > 32) {
      return -1;
    }
    return n;
  }

  private static String literalText(String s, int start, int end) {
    return isQuote(s.charAt(start)) ? s.substring(start + 1, end - 1) : s.substring(start, end);
  }

  /** {@code this.field.match(/} at {@code k} (just after {@code this.}): a $where regex probe of a field. */
  private static boolean regexProbe(String s, int k) {
    int end = identEnd(s, k);
    return end > k && s.startsWith(".match(", end) && end + 7 < s.length() && s.charAt(end + 7) == '/';
  }

  /** {@code db.collection.method(} or {@code db.method(} with a mongo shell method, at {@code k} after {@code db.}. */
  private static boolean shellCall(String s, int k) {
    int end = identEnd(s, k);
    if (end == k || end - k > LOOK) {
      return false;
    }
    int n = s.length();
    if (end < n && s.charAt(end) == '(') {
      return SHELL_METHODS.contains(s.substring(k, end).toLowerCase(Locale.ROOT));
    }
    if (end >= n || s.charAt(end) != '.') {
      return false;
    }
    int method = end + 1;
    int methodEnd = identEnd(s, method);
    return methodEnd > method && methodEnd - method <= LOOK && methodEnd < n && s.charAt(methodEnd) == '('
        && SHELL_METHODS.contains(s.substring(method, methodEnd).toLowerCase(Locale.ROOT));
  }

  // ---------------------------------------------------------------- characters

  private static int identEnd(String s, int k) {
    int n = s.length();
    if (k >= n || !(isAsciiLetter(s.charAt(k)) || s.charAt(k) == '_' || s.charAt(k) == '$')) {
      return k;
    }
    int j = k + 1;
    while (j < n && j - k < LOOK && isIdentPart(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static int skipSpaces(String s, int k, int max) {
    int n = s.length();
    int j = k;
    while (j < n && j - k < max && isSpace(s.charAt(j))) {
      j++;
    }
    return j;
  }

  /** {@code word}, as a whole word, ends right before {@code end}. */
  private static boolean wordBefore(String s, int end, String word) {
    int start = end - word.length();
    return start >= 0 && s.startsWith(word, start) && (start == 0 || !isIdentPart(s.charAt(start - 1)));
  }

  private static boolean startsWithWord(String s, int k, String word) {
    int end = k + word.length();
    return s.startsWith(word, k) && (end >= s.length() || !isIdentPart(s.charAt(end)));
  }

  private static boolean isIdentPart(char c) {
    return isAsciiLetter(c) || isDigit(c) || c == '_' || c == '$';
  }

  private static boolean isAsciiLetter(char c) {
    return (char) ((c | 0x20) - 'a') < 26; // folds the cases; any other character wraps to a large value
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"' || c == '`';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
}
