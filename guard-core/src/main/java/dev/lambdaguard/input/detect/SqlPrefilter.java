package dev.lambdaguard.input.detect;

/**
 * Decides, on the string and without tokenizing, what the SQL shapes could possibly find in one value, so that
 * text costs one pass and a few word look-ups. Each check is a necessary condition of the shapes
 * in {@link SqlShapes}, read with the tokenizer's own character classes and the lexicon's roles:
 *
 * <ul>
 *   <li>{@link #scan}: which contexts exist (a single or double quote opens one) and whether as-is SQL needs a
 *       look at all: a quote, a semicolon, a call or {@code (SELECT}, {@code /*}, {@code ||}, {@code &&}, or a
 *       value that starts with a keyword (first, or after a leading number or name and closing parentheses);
 *   <li>{@link #asIs} and {@link #quoted}: whether the token where an anchored shape must start (after the break,
 *       after an as-is value's leading operand) could start one: a plain word, a number or a string cannot;
 *   <li>{@link #anywhere}: whether a shape standing anywhere could: a statement keyword after a semicolon, a call
 *       of a function the lexicon marks, an inline comment, or UNION, WAITFOR, OUTFILE, DUMPFILE.
 * </ul>
 *
 * One instance per value that passes the scan; not thread-safe (confined to one {@code detect} call).
 */
final class SqlPrefilter {

  private static final int AS_IS = 1;
  private static final int SINGLE = 2;
  private static final int DOUBLE = 4;
  private static final int SEMICOLON = 8;
  private static final int CALL = 16;
  private static final int INLINE_COMMENT = 32;

  /** Words an anchored shape starts with ({@code SqlShapes.anchored}), besides logical operators and statements. */
  private static final int[] STARTING = {SqlLexicon.UNION, SqlLexicon.ORDER, SqlLexicon.GROUP, SqlLexicon.WHERE,
      SqlLexicon.HAVING, SqlLexicon.AS, SqlLexicon.LIMIT, SqlLexicon.PROCEDURE, SqlLexicon.CASE};
  /** Words that continue the query's own operand (LIKE ...): as-is, only a subquery after them makes a shape. */
  private static final int[] CONTINUING = {SqlLexicon.LIKE, SqlLexicon.RLIKE, SqlLexicon.REGEXP, SqlLexicon.DIV};
  /** Functions whose call a shape standing anywhere looks for. */
  private static final int CALLED = SqlLexicon.TIME_FN | SqlLexicon.ERROR_FN | SqlLexicon.FILE_FN
      | SqlLexicon.CHAR_FN;
  private static final String OPERATORS = "-+*/%^&|~<>=!;#";

  // A word's role, as wordAt() reports it in the high half of its result.
  private static final long STARTS = 1L << 32;
  private static final long CONTINUES = 2L << 32;
  private static final long STRING_PREFIX = 4L << 32;

  /** Bits at the hashes of the words that start or continue: a word whose bit is clear is neither. */
  private static final long[] ROLES = new long[16];

  static {
    for (int id = 1; id < SqlLexicon.size(); id++) {
      if (role(id) != 0) {
        int hash = SqlLexicon.word(id).hashCode();
        ROLES[hash >>> 6 & 15] |= 1L << hash;
      }
    }
  }

  private final int found;
  private final int length;
  private final int single;
  private final int dbl;
  private int selects = -1;

  private SqlPrefilter(int found, int length, int single, int dbl) {
    this.found = found;
    this.length = length;
    this.single = single;
    this.dbl = dbl;
  }

  // ---------------------------------------------------------------- the scan, on the value as decoded

  /** What {@code s} (as decoded, any case) may hold; null when no shape can be in it. One pass. */
  static SqlPrefilter scan(String s) {
    int n = s.length();
    int found = 0;
    int single = -1;
    int dbl = -1;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int k = c < 128 ? CLASS[c] : c >= 0x2bc ? SqlTokenizer.quoteClass(c) : 0;
      if (k == 0) {
        continue;
      }
      switch (k) {
        case QUOTE:
          single = single < 0 ? i : single;
          break;
        case DOUBLE_QUOTE:
          dbl = dbl < 0 ? i : dbl;
          break;
        case SEMI:
          found |= SEMICOLON | AS_IS;
          break;
        case PAREN:
          found |= (found & CALL) == 0 ? paren(s, i) : 0;
          break;
        default:
          found |= pair(s, i);
      }
    }
    found |= (single >= 0 ? SINGLE | AS_IS : 0) | (dbl >= 0 ? DOUBLE | AS_IS : 0);
    if (found == 0 && leadsWithKeyword(s)) {
      found = AS_IS;
    }
    return found == 0 ? null : new SqlPrefilter(found, n, single, dbl);
  }

  // What a character is to the scan (CLASS below); the quote classes are SqlTokenizer.quoteClass's numbers.
  private static final int QUOTE = 1;
  private static final int DOUBLE_QUOTE = 2;
  private static final int SEMI = 3;
  private static final int PAREN = 4;
  private static final int PAIR = 5;
  private static final byte[] CLASS = new byte[128];

  static {
    CLASS['\''] = QUOTE;
    CLASS['"'] = DOUBLE_QUOTE;
    CLASS[';'] = SEMI;
    CLASS['('] = PAREN;
    CLASS['/'] = PAIR;
    CLASS['|'] = PAIR;
    CLASS['&'] = PAIR;
  }

  /** After a word (spaces between allowed), a call; before SELECT or another parenthesis, a subquery. */
  private static int paren(String s, int i) {
    int j = i - 1;
    while (j >= 0 && s.charAt(j) == ' ') {
      j--;
    }
    if (j >= 0 && SqlTokenizer.isWordPart(s.charAt(j))) {
      return CALL | AS_IS;
    }
    j = i + 1;
    while (j < s.length() && s.charAt(j) == ' ') {
      j++;
    }
    char d = j < s.length() ? s.charAt(j) : 0;
    return d == 's' || d == 'S' || d == '(' ? AS_IS : 0;
  }

  /** {@code /*} (an inline comment may hide a keyword's parts), {@code ||}, {@code &&}. */
  private static int pair(String s, int i) {
    char c = s.charAt(i);
    char d = i + 1 < s.length() ? s.charAt(i + 1) : 0;
    if (c == '/') {
      return d == '*' ? AS_IS | INLINE_COMMENT : 0;
    }
    return d == c ? AS_IS : 0;
  }

  /** {@code 1 OR 1=1}, {@code 1)) UNION SELECT 1,2}, {@code ORDER BY 3}: a keyword first, or after a number or name. */
  private static boolean leadsWithKeyword(String s) {
    int n = s.length();
    int i = skipSpace(s, 0, true);
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int start = i;
    long word = wordAt(s, i, true);
    i = (int) word;
    while (i < n && i > start && s.charAt(start) <= '9' && s.charAt(i) == '.') {
      i = (int) wordAt(s, i + 1, true); // 999999.9
    }
    if (i == start) {
      return false;
    }
    if ((word & STARTS) != 0) {
      return true;
    }
    i = skipSpace(s, i, true);
    while (i < n && s.charAt(i) == ')') {
      i = skipSpace(s, i + 1, true);
    }
    return (wordAt(s, i, true) & STARTS) != 0;
  }

  // ---------------------------------------------------------------- peeks, on the lower-case value

  /** Whether an anchored shape could start in {@code s} (lower case) read as-is. */
  boolean asIs(String s) {
    if ((found & AS_IS) == 0) {
      return false;
    }
    int n = s.length();
    int i = skipSpace(s, 0, false);
    if (i == n) {
      return false;
    }
    char c = s.charAt(i);
    int end;
    if (SqlTokenizer.isWordStart(c)) {
      long word = wordAt(s, i, false);
      end = (int) word;
      if ((word & STRING_PREFIX) != 0) {
        end = SqlTokenizer.stringEnd(s, end, 1);
        return end > 0 && mayStart(s, end, false); // x'...' as the leading operand
      }
      if ((word & (STARTS | CONTINUES)) != 0) {
        return (word & STARTS) != 0 || selects(s);
      }
      if (keyword(s, i, end) != 0) {
        return false; // a keyword is no leading operand, and this one starts nothing
      }
      int next = skipSpace(s, end, false);
      if (next < n && s.charAt(next) == '(') {
        return false; // a call first: no leading operand, and no anchored shape starts with one
      }
    } else if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
      end = i + 1;
      while (end < n && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
        end++;
      }
      if (end < n && (SqlTokenizer.isWordPart(s.charAt(end)) || s.charAt(end) == '.')) {
        return true; // 1.5, 0x1f, 1e3, 4b: let the tokenizer read it
      }
    } else if (SqlTokenizer.quoteClass(c) != 0) {
      end = SqlTokenizer.stringEnd(s, i, SqlTokenizer.quoteClass(c));
      if (end < 0) {
        return false; // one unclosed string: nothing follows it
      }
    } else if (c == ')' || c == '(') {
      return true; // a subquery, or a parenthesised leading operand: let the tokenizer read it
    } else if (c == '@' || c == '`' || (c == '-' || c == '+') && i + 1 < n && s.charAt(i + 1) >= '0'
        && s.charAt(i + 1) <= '9') {
      return true; // a variable, a quoted name or a signed number leading: let the tokenizer read it
    } else {
      return operator(s, i) && selects(s); // an operator continuing the query's operand with a subquery
    }
    return mayStart(s, end, false);
  }

  /** Whether {@code s} (lower case) has a single (1) or double (2) quote: a context to read it in. */
  boolean has(int quote) {
    return (found & (quote == 1 ? SINGLE : DOUBLE)) != 0;
  }

  /** Whether an anchored shape could start after the quote that closes the context's string ({@code quote}). */
  boolean quoted(String s, int quote) {
    int from = quote == 1 ? single : dbl;
    if (s.length() != length) {
      from = -1; // lower-casing changed the length: the positions found no longer hold
    }
    int end = SqlTokenizer.contextEnd(s, quote, Math.max(from, 0));
    return end >= 0 && mayStart(s, end, true);
  }

  /**
   * Whether the token at {@code i}, after any spaces and closing parentheses, could start an anchored shape: a
   * keyword with a role, an operator, a comment, a semicolon. A plain word, a number, a string cannot.
   */
  private boolean mayStart(String s, int i, boolean quoted) {
    int n = s.length();
    i = skipSpace(s, i, false);
    while (i < n && s.charAt(i) == ')') {
      i = skipSpace(s, i + 1, false);
    }
    if (i == n) {
      return false;
    }
    char c = s.charAt(i);
    if (SqlTokenizer.isWordStart(c)) {
      long word = wordAt(s, i, false);
      return (word & STARTS) != 0 || (word & CONTINUES) != 0 && (quoted || selects(s));
    }
    if (c == ';' || (c == '&' || c == '|') && i + 1 < n && s.charAt(i + 1) == c || c == ',' && quoted) {
      return true; // a stacked statement, a logical operator, more values
    }
    return operator(s, i) && (quoted || selects(s));
  }

  /** Whether the character at {@code i} starts an operator, a comment or a semicolon. */
  private static boolean operator(String s, int i) {
    char c = s.charAt(i);
    if (c == ':') {
      return i + 1 < s.length() && s.charAt(i + 1) == '=';
    }
    return c < 128 && OPERATORS.indexOf(c) >= 0;
  }

  /** Whether {@code s} holds SELECT: what the shapes continuing an as-is value's operand need. Asked once. */
  private boolean selects(String s) {
    if (selects < 0) {
      selects = s.contains("select") ? 1 : 0;
    }
    return selects == 1;
  }

  // ---------------------------------------------------------------- anywhere

  /** Whether a shape standing anywhere could be in {@code s} (lower case). */
  boolean anywhere(String s) {
    if ((found & INLINE_COMMENT) != 0) {
      return true;
    }
    if ((found & SEMICOLON) != 0) {
      for (int i = s.indexOf(';'); i >= 0; i = s.indexOf(';', i + 1)) {
        int start = skipSpace(s, i + 1, false);
        int end = (int) wordAt(s, start, false);
        if (SqlLexicon.is(keyword(s, start, end), SqlLexicon.STATEMENT)) {
          return true;
        }
      }
    }
    if ((found & CALL) != 0) {
      for (int i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) {
        if (calls(s, i)) {
          return true;
        }
      }
    }
    return s.contains("union") || s.contains("waitfor") || s.contains("outfile") || s.contains("dumpfile");
  }

  /** Whether the word before the parenthesis at {@code i} is a function a shape looks for, or system-qualified. */
  private static boolean calls(String s, int i) {
    int end = i;
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    int start = end;
    while (start > 0 && SqlTokenizer.isWordPart(s.charAt(start - 1))) {
      start--;
    }
    if (start == end) {
      return false;
    }
    int id = keyword(s, start, end);
    if (id == SqlLexicon.CONVERT || SqlLexicon.is(id, CALLED)) {
      return true;
    }
    if (start > 1 && s.charAt(start - 1) == '.') {
      int q = start - 1;
      while (q > 0 && SqlTokenizer.isWordPart(s.charAt(q - 1))) {
        q--;
      }
      return SqlTokenizer.systemName(s, q, start - 1);
    }
    return false;
  }

  // ---------------------------------------------------------------- words

  private static long role(int id) {
    if (id == 0) {
      return 0;
    }
    if (SqlLexicon.is(id, SqlLexicon.LOGIC | SqlLexicon.STATEMENT) || in(id, STARTING)) {
      return STARTS;
    }
    return in(id, CONTINUING) ? CONTINUES : 0;
  }

  private static boolean in(int id, int[] ids) {
    for (int x : ids) {
      if (x == id) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the word at {@code i} in one pass: its end in the low half; in the high half {@link #STARTS} or
   * {@link #CONTINUES} for a word with that role, {@link #STRING_PREFIX} for {@code x'}, {@code n'}... A filter
   * of the role words' hashes spares the look-up to the words of text.
   */
  private static long wordAt(String s, int i, boolean anyCase) {
    int n = s.length();
    int start = i;
    int hash = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!SqlTokenizer.isWordPart(c)) {
        break;
      }
      hash = 31 * hash + (anyCase && c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
    }
    int len = i - start;
    if (len == 1 && i < n && SqlTokenizer.quoteClass(s.charAt(i)) == 1 && "nxbeNXBE".indexOf(s.charAt(start)) >= 0) {
      return STRING_PREFIX | i;
    }
    if (len < 2 || len > SqlLexicon.MAX_LENGTH || (ROLES[hash >>> 6 & 15] & 1L << hash) == 0) {
      return i;
    }
    int id = anyCase ? SqlLexicon.lookupAnyCase(s, start, i, hash) : SqlLexicon.lookup(s, start, i, hash);
    return role(id) | i;
  }

  /** The lexicon id of the lower-case word {@code s[from, to)}. */
  private static int keyword(String s, int from, int to) {
    if (to - from < 2 || to - from > SqlLexicon.MAX_LENGTH) {
      return 0;
    }
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + s.charAt(i);
    }
    return SqlLexicon.lookup(s, from, to, hash);
  }

  /** Past whitespace as the tokenizer skips it ({@code +} too, as form encoding's space, when {@code plus}). */
  private static int skipSpace(String s, int i, boolean plus) {
    while (i < s.length() && (SqlTokenizer.isSpace(s.charAt(i)) || plus && s.charAt(i) == '+')) {
      i++;
    }
    return i;
  }
}
