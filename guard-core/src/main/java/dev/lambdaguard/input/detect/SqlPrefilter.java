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
 *       after an as-is value's leading operand) could start one: a plain word, a number or a string cannot, nor
 *       UNION without SELECT anywhere in the value;
 *   <li>{@link #anywhere}: whether a shape standing anywhere could: a statement keyword after a semicolon, a call
 *       of a function the lexicon marks, an inline comment, UNION with SELECT, or with a quote for the string
 *       they need, WAITFOR, OUTFILE, DUMPFILE.
 * </ul>
 *
 * What the scan found is an {@code int} of flags, 0 for nothing, that the peeks take back: nothing is allocated.
 */
final class SqlPrefilter {

  static final int AS_IS = 1;
  private static final int SINGLE = 2;
  private static final int DOUBLE = 4;
  private static final int SEMICOLON = 8;
  private static final int CALL = 16;
  private static final int INLINE_COMMENT = 32;
  /** The value may hold a {@code u} (UNION, OUTFILE, DUMPFILE need one). */
  private static final int LETTER_U = 64;
  /** The value may hold a {@code w} (WAITFOR needs one). */
  private static final int LETTER_W = 128;
  /** The value may hold {@code @}, {@code _}, {@code $} or {@code (}: a system variable, function or name. */
  private static final int SYSTEM = 256;
  /** The value may hold a {@code c} and an {@code l} (SELECT needs them). */
  private static final int LETTERS_CL = 512;
  /** The value may hold a {@code v} (VERSION, SERVERPROPERTY). */
  private static final int LETTER_V = 1024;
  /** The value may hold a {@code y} (SYS..., MYSQL). */
  private static final int LETTER_Y = 2048;
  /** The value may hold an {@code m} (MASTER, MSDB). */
  private static final int LETTER_M = 4096;
  /**
   * The value may hold a typographic quote: without one, a quote is found with {@code indexOf}
   * ({@link SqlTokenizer#contextEnd}, the strings of {@link SqlTokenizer}).
   */
  private static final int TYPOGRAPHIC = 8192;
  /** The value has a backtick: it may close a MySQL quoted identifier ({@code ORDER BY `col`}). */
  private static final int BACKTICK = 16384;
  /** All the letter flags: what a value whose character set is not looked at may hold. */
  private static final int LETTERS = LETTER_U | LETTER_W | SYSTEM | LETTERS_CL | LETTER_V | LETTER_Y | LETTER_M;

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
  /** With {@link #STARTS}: UNION, which starts a shape only before a SELECT. */
  private static final long NEEDS_SELECT = 8L << 32;

  /** Bits at the hashes of the words that start or continue: a word whose bit is clear is neither. */
  private static final long[] ROLES = new long[16];
  /**
   * The pairs of ASCII characters {@code a, b} (bit {@code b & 63} of {@code PAIRS[a << 1 | b >>> 6]}) a word with
   * the role {@link #STARTS} begins with, in either case: one look-up tells most words from those keywords.
   */
  private static final long[] PAIRS = new long[256];
  /** Per ASCII character, its lower case if it is part of a word, else 0. */
  private static final byte[] WORD_LOWER = new byte[128];
  /** The words with the role {@link #STARTS} by their first two letters ({@code 26 * a + b}, lower case). */
  private static final String[][] STARTS_BY_PAIR = new String[26 * 26][];
  /** Per pair as above, the third letters of its words (bit {@code letter - 'a'}), bit 26 for a two-letter word. */
  private static final long[] THIRD = new long[26 * 26];

  static {
    for (int c = 0; c < 128; c++) {
      if (SqlTokenizer.isWordPart((char) c)) {
        WORD_LOWER[c] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
    }
    for (int id = 1; id < SqlLexicon.size(); id++) {
      if (role(id) != 0) {
        String word = SqlLexicon.word(id);
        int hash = word.hashCode();
        ROLES[hash >>> 6 & 15] |= 1L << hash;
      }
      if ((role(id) & STARTS) != 0) {
        String word = SqlLexicon.word(id);
        if (!word.matches("[a-z]{2,}")) {
          throw new IllegalStateException("a keyword that starts a shape must be letters: " + word);
        }
        for (char a : new char[] {word.charAt(0), Character.toUpperCase(word.charAt(0))}) {
          for (char b : new char[] {word.charAt(1), Character.toUpperCase(word.charAt(1))}) {
            PAIRS[a << 1 | b >>> 6] |= 1L << b;
          }
        }
        int pair = (word.charAt(0) - 'a') * 26 + word.charAt(1) - 'a';
        String[] words = STARTS_BY_PAIR[pair] == null ? new String[0] : STARTS_BY_PAIR[pair];
        words = java.util.Arrays.copyOf(words, words.length + 1);
        words[words.length - 1] = word;
        STARTS_BY_PAIR[pair] = words;
        THIRD[pair] |= 1L << (word.length() == 2 ? 26 : word.charAt(2) - 'a');
      }
    }
  }

  private SqlPrefilter() {}

  // ---------------------------------------------------------------- the scan, on the value as decoded

  private static final Normalized.CharSet SINGLE_QUOTE = Normalized.charSet("'");
  private static final Normalized.CharSet DOUBLE_QUOTE_CHAR = Normalized.charSet("\"");
  private static final Normalized.CharSet BACKTICK_CHAR = Normalized.charSet("`");
  private static final Normalized.CharSet SEMICOLON_CHAR = Normalized.charSet(";");
  private static final Normalized.CharSet OPEN_PAREN = Normalized.charSet("(");
  private static final Normalized.CharSet SLASH = Normalized.charSet("/");
  private static final Normalized.CharSet BAR = Normalized.charSet("|");
  private static final Normalized.CharSet AMPERSAND = Normalized.charSet("&");
  private static final Normalized.CharSet U = Normalized.charSet("uU");
  private static final Normalized.CharSet W = Normalized.charSet("wW");
  private static final Normalized.CharSet C = Normalized.charSet("cC");
  private static final Normalized.CharSet L = Normalized.charSet("lL");
  private static final Normalized.CharSet V = Normalized.charSet("vV");
  private static final Normalized.CharSet Y = Normalized.charSet("yY");
  private static final Normalized.CharSet M = Normalized.charSet("mM");
  private static final Normalized.CharSet SYSTEM_CHARS = Normalized.charSet("@_$(");
  /** Every ASCII character {@link #scan(String)} stops at. */
  private static final Normalized.CharSet SCANNED = Normalized.charSet("'\";(/|&`");
  /** What may separate a leading operand from a keyword after it, in ASCII: whitespace, {@code +}, {@code )}. */
  private static final Normalized.CharSet SEPARATORS;

  /** {@link #SEPARATORS} but the space. */
  private static final Normalized.CharSet SEPARATORS_BUT_SPACE;

  static {
    StringBuilder b = new StringBuilder("+)");
    for (char c = 0; c < ' '; c++) {
      b.append(c);
    }
    SEPARATORS_BUT_SPACE = Normalized.charSet(b.toString());
    SEPARATORS = Normalized.charSet(b.append(' ').toString());
  }

  /**
   * What {@code value} may hold, as flags for the peeks; 0 when no shape can be in it. Told from the value's
   * character set where it can be: only the characters it holds are looked for, each with one {@code indexOf}
   * (beyond Latin-1, one pass for the typographic quotes), and a value with none of them costs the look at its
   * first word or two that tells whether it leads with a keyword. (No lower-case letter but {@code i} and
   * {@code k} comes from outside ASCII, so the letters the value holds are those its lower case holds.)
   */
  static int scan(Normalized value) {
    if (value.hasNonAscii() | value.containsAny(SCANNED)) {
      return scanMarked(value);
    }
    return mayHoldKeyword(value) && leads(value.decoded(), value) ? AS_IS | letters(value) : 0;
  }

  /**
   * Letters, each set of which every word with the role {@link #STARTS} has one of (checked when the class loads):
   * a value that lacks all the letters of one set holds no such word, and is told so from its character set.
   */
  private static final Normalized.CharSet KEYWORD_LETTERS_1 = keywordLetters("abfhotx");
  private static final Normalized.CharSet KEYWORD_LETTERS_2 = keywordLetters("cdfghlos");
  private static final Normalized.CharSet KEYWORD_LETTERS_3 = keywordLetters("bcdfhost");
  private static final Normalized.CharSet KEYWORD_LETTERS_4 = keywordLetters("aeflo");

  private static Normalized.CharSet keywordLetters(String letters) {
    for (int id = 1; id < SqlLexicon.size(); id++) {
      String word = SqlLexicon.word(id);
      if ((role(id) & STARTS) != 0 && !hasAnyOf(word, letters)) {
        throw new IllegalStateException(word + " has none of the letters " + letters);
      }
    }
    return Normalized.charSet(letters + letters.toUpperCase(java.util.Locale.ROOT));
  }

  /** Whether the value's ASCII letters could spell a word with the role {@link #STARTS}. */
  private static boolean mayHoldKeyword(Normalized value) {
    return value.containsAny(KEYWORD_LETTERS_1) & value.containsAny(KEYWORD_LETTERS_2)
        & value.containsAny(KEYWORD_LETTERS_3) & value.containsAny(KEYWORD_LETTERS_4);
  }

  /** {@link #scan(Normalized)} of a value with characters outside ASCII or some that {@link #SCANNED} names. */
  private static int scanMarked(Normalized value) {
    String s = value.decoded();
    boolean ascii = !value.hasNonAscii();
    int found = 0;
    boolean single = value.containsAny(SINGLE_QUOTE);
    boolean dbl = value.containsAny(DOUBLE_QUOTE_CHAR);
    // Every typographic quote is beyond Latin-1. When both contexts are known, whether the value holds one is left
    // open (it may): a long value is not read for it.
    boolean typographic = value.hasBeyondLatin1();
    if (typographic && !(single && dbl)) {
      int classes = SqlTokenizer.typographicQuotes(s);
      single |= (classes & 1) != 0;
      dbl |= (classes & 2) != 0;
      typographic = classes != 0;
    }
    if (value.containsAny(SEMICOLON_CHAR)) {
      found |= SEMICOLON | AS_IS;
    }
    if (value.containsAny(BACKTICK_CHAR)) {
      found |= BACKTICK | AS_IS;
    }
    if (value.containsAny(OPEN_PAREN)) {
      found |= parens(s);
    }
    if (value.containsAny(SLASH) && hasPair(s, '/', '*')) {
      found |= AS_IS | INLINE_COMMENT;
    }
    if (value.containsAny(BAR) && hasPair(s, '|', '|') || value.containsAny(AMPERSAND) && hasPair(s, '&', '&')) {
      found |= AS_IS;
    }
    found |= (single ? SINGLE | AS_IS : 0) | (dbl ? DOUBLE | AS_IS : 0);
    if (found == 0 && mayHoldKeyword(value) && (ascii ? leads(s, value) : leads(s, true))) {
      found = AS_IS;
    }
    return found == 0 ? 0 : found | letters(value) | (typographic ? TYPOGRAPHIC : 0);
  }

  private static int letters(Normalized value) {
    return (value.containsAny(U) ? LETTER_U : 0) | (value.containsAny(W) ? LETTER_W : 0)
        | (value.containsAny(SYSTEM_CHARS) ? SYSTEM : 0)
        | (value.containsAny(C) && value.containsAny(L) ? LETTERS_CL : 0) | (value.containsAny(V) ? LETTER_V : 0)
        | (value.containsAny(Y) ? LETTER_Y : 0) | (value.containsAny(M) ? LETTER_M : 0);
  }

  /** What {@code s} (as decoded, any case) may hold, as {@link #scan(Normalized)} tells it: one pass. */
  static int scan(String s) {
    int n = s.length();
    int found = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int k = c < 128 ? CLASS[c] : c >= 0x2bc ? SqlTokenizer.quoteClass(c) : 0;
      if (k == 0) {
        continue;
      }
      if (c >= 128) {
        found |= TYPOGRAPHIC;
      }
      switch (k) {
        case QUOTE:
          found |= SINGLE | AS_IS;
          break;
        case DOUBLE_QUOTE:
          found |= DOUBLE | AS_IS;
          break;
        case SEMI:
          found |= SEMICOLON | AS_IS;
          break;
        case TICK:
          found |= BACKTICK | AS_IS;
          break;
        case PAREN:
          found |= (found & CALL) == 0 ? paren(s, i) : 0;
          break;
        default:
          found |= pair(s, i);
      }
    }
    if (found == 0 && leads(s, true)) {
      found = AS_IS;
    }
    return found == 0 ? 0 : found | LETTERS;
  }

  // What a character is to the scan (CLASS below); the quote classes are SqlTokenizer.quoteClass's numbers.
  private static final int QUOTE = 1;
  private static final int DOUBLE_QUOTE = 2;
  private static final int SEMI = 3;
  private static final int PAREN = 4;
  private static final int PAIR = 5;
  private static final int TICK = 6;
  private static final byte[] CLASS = new byte[128];

  static {
    CLASS['\''] = QUOTE;
    CLASS['"'] = DOUBLE_QUOTE;
    CLASS[';'] = SEMI;
    CLASS['('] = PAREN;
    CLASS['/'] = PAIR;
    CLASS['|'] = PAIR;
    CLASS['&'] = PAIR;
    CLASS['`'] = TICK;
  }

  /**
   * Characters of one kind a peek looks at before it stops and answers "maybe": past that many, reading on costs
   * more than tokenizing, whose cap ({@link SqlTokens#MAX_TOKENS}) bounds what it reads, so a value dense with
   * near misses ({@code ((((}, {@code &#&#}) is left to the tokenizer instead of peeked at everywhere.
   */
  static final int MAX_PEEKS = 32;

  /**
   * What the parentheses of {@code s} may start ({@link #paren}), up to a call: {@link #CALL} and {@link #AS_IS}
   * also when more than {@link #MAX_PEEKS} of them leave it open.
   */
  private static int parens(String s) {
    int found = 0;
    int peeks = 0;
    for (int i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) {
      if (++peeks > MAX_PEEKS) {
        return CALL | AS_IS;
      }
      found |= paren(s, i);
      if ((found & CALL) != 0) {
        return found;
      }
    }
    return found;
  }

  /** Whether {@code s} holds {@code c} followed by {@code d}; also (maybe) past {@link #MAX_PEEKS} lone {@code c}. */
  private static boolean hasPair(String s, char c, char d) {
    int peeks = 0;
    int n = s.length() - 1;
    for (int i = s.indexOf(c); i >= 0 && i < n; i = s.indexOf(c, i + 1)) {
      if (s.charAt(i + 1) == d || ++peeks > MAX_PEEKS) {
        return true;
      }
    }
    return false;
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
    if ((d | 32) == 'c') {
      // (CASE WHEN ... END): a condition in a value's or an ORDER BY column's place, or anywhere as a group whose
      // condition is constant (the peeks at calls look at it, SqlShapes.anywhere)
      boolean spelled = j + 1 < s.length() && (s.charAt(j + 1) | 32) == 'a' && spells(s, j, s.length(), "case");
      return spelled ? CALL | AS_IS : 0;
    }
    return d == 's' || d == 'S' || d == '(' || literalTestAt(s, j) ? AS_IS : 0;
  }

  /**
   * Whether the group opened before {@code j} may test a literal for equality ({@code (5836=5836)}): a digit or
   * quote first, and {@code =} before the group's end within a few characters ({@code SqlShapes} reads the rest).
   */
  private static boolean literalTestAt(String s, int j) {
    int n = s.length();
    if (j >= n || !(s.charAt(j) >= '0' && s.charAt(j) <= '9' || SqlTokenizer.quoteClass(s.charAt(j)) != 0)) {
      return false;
    }
    for (int k = j + 1, end = Math.min(n, j + MAX_LITERAL_TEST); k < end && s.charAt(k) != ')'; k++) {
      if (s.charAt(k) == '=') {
        return true;
      }
    }
    return false;
  }

  /** Characters of {@code (L=L)} read for its {@code =}: two literals of sqlmap's probes fit with room. */
  private static final int MAX_LITERAL_TEST = 48;

  /** {@code /*} (an inline comment may hide a keyword's parts), {@code ||}, {@code &&}. */
  private static int pair(String s, int i) {
    char c = s.charAt(i);
    char d = i + 1 < s.length() ? s.charAt(i + 1) : 0;
    if (c == '/') {
      return d == '*' ? AS_IS | INLINE_COMMENT : 0;
    }
    return d == c ? AS_IS : 0;
  }

  /**
   * {@code 1 OR 1=1}, {@code 1)) UNION SELECT 1,2}, {@code ORDER BY 3}: a keyword first, or after a number or name
   * and closing parentheses. {@code separated}: whether the value may hold whitespace, {@code +} or {@code )};
   * without them no keyword can follow the leading operand, and only the first word counts.
   */
  private static boolean leads(String s, Normalized ascii) {
    if (startsAt(s, 0)) {
      return true;
    }
    int n = s.length();
    char c = n > 0 ? s.charAt(0) : 0;
    if (!ascii.containsAny(SEPARATORS)) {
      return c == '-' && startsAt(s, 1); // one word, maybe signed: the first is all there is
    }
    if (c > ' ' && c != '+' && c != '-' && !ascii.containsAny(SEPARATORS_BUT_SPACE)) {
      // Spaces alone separate: the keyword can only follow the first one. Look there first, since the first
      // word must end at it for the keyword to count.
      int q = s.indexOf(' ') + 1;
      while (q < n && s.charAt(q) == ' ') {
        q++;
      }
      return startsAt(s, q) && startsAfter(s, 0);
    }
    int i = 0;
    if (c <= ' ' || c == '+' || c == '-') {
      i = skipSpace(s, 0, true);
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      if (startsAt(s, i)) {
        return true;
      }
    }
    return startsAfter(s, i);
  }

  private static boolean leads(String s, boolean separated) {
    int n = s.length();
    int i = separated ? skipSpace(s, 0, true) : 0;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    if (startsAt(s, i)) {
      return true;
    }
    return separated && startsAfter(s, i);
  }

  /**
   * Whether a word with the role {@link #STARTS} follows the leading number or name at {@code start}, or an
   * expression it begins ({@code 1+1 UNION}, {@code 2*3-1 ORDER BY}: operators and operands, each step reading on,
   * so linear however long).
   */
  private static boolean startsAfter(String s, int start) {
    int i = operandEnd(s, start);
    if (i == start) {
      return false;
    }
    if (startsAfterParentheses(s, i)) {
      return true;
    }
    int expression = expressionEnd(s, i);
    return expression > i && startsAfterParentheses(s, expression);
  }

  /** Whether a word with the role {@link #STARTS} comes at {@code i}, spaces and closing parentheses skipped. */
  private static boolean startsAfterParentheses(String s, int i) {
    int n = s.length();
    i = skipSpace(s, i, true);
    while (i < n && s.charAt(i) == ')') {
      i = skipSpace(s, i + 1, true);
    }
    return startsAt(s, i);
  }

  /** The end of the number or name at {@code start} ({@code 999999.9} whole), or {@code start}. */
  private static int operandEnd(String s, int start) {
    int n = s.length();
    int i = wordEnd(s, start);
    while (i < n && i > start && s.charAt(start) <= '9' && s.charAt(i) == '.') {
      i = wordEnd(s, i + 1); // 999999.9
    }
    return i;
  }

  /** Operators an expression may continue a leading operand with, before the keyword of an anchored shape. */
  private static final String EXPRESSION_OPERATORS = "+-*/%^|&=<>!";
  /** {@link #EXPRESSION_OPERATORS} as a table of ASCII (each of them is). */
  private static final boolean[] OPERATOR = CharSets.table(EXPRESSION_OPERATORS);

  private static boolean isOperator(char c) {
    return c < 128 && OPERATOR[c];
  }

  /**
   * After the operand ending at {@code i}: the end of an arithmetic or comparison operator ({@code + - * / % ^ | &
   * = < > !}, at most two characters, not a comment) and the number or name after it; {@code i} when there is none.
   */
  private static int afterOperator(String s, int i) {
    int n = s.length();
    int op = skipSpace(s, i, false);
    int end = op;
    // a mask, not a search of the operators, and chars, not startsWith: a value that is one long expression
    // (a=b&c=d&…, a megabyte of it) comes here for each of its operators
    while (end < n && end - op < 2 && isOperator(s.charAt(end))) {
      end++;
    }
    if (end == op || end == op + 2 && (s.charAt(op) == '-' && s.charAt(op + 1) == '-'
        || s.charAt(op) == '/' && s.charAt(op + 1) == '*')) {
      return i;
    }
    int operand = skipSpace(s, end, true);
    if (startsAt(s, operand)) {
      return i; // the keyword itself ("1+union select"): the shape starts there, no operand
    }
    int operandEnd = operandEnd(s, operand);
    return operandEnd > operand ? operandEnd : i;
  }

  /** Whether the word at {@code i} (any case) is one with the role {@link #STARTS}; reads no further than it can be. */
  private static boolean startsAt(String s, int i) {
    int n = s.length();
    if (i + 1 >= n) {
      return false;
    }
    char a = s.charAt(i);
    char b = s.charAt(i + 1);
    return (a | b) < 128 && (PAIRS[a << 1 | b >>> 6] & 1L << b) != 0 && isStarting(s, i, n);
  }

  /** {@link #startsAt} once the word's first two characters are those of such a keyword. */
  private static boolean isStarting(String s, int i, int n) {
    int pair = ((s.charAt(i) | 32) - 'a') * 26 + (s.charAt(i + 1) | 32) - 'a';
    // the third character first: a letter no word of the pair has next, or a word's end where none is two letters
    // long, rules them all out (a query string of ca=…&ca=… asks at each operand)
    char c = i + 2 < n ? s.charAt(i + 2) : 0;
    boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    if ((THIRD[pair] >>> (letter ? (c | 32) - 'a' : 26) & 1) == 0) {
      return false;
    }
    String[] words = STARTS_BY_PAIR[pair];
    for (String word : words) {
      if (spells(s, i, n, word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word at {@code i} is {@code word} (lower-case letters, the first two already matched) in any case. */
  private static boolean spells(String s, int i, int n, String word) {
    int end = i + word.length();
    if (end > n) {
      return false;
    }
    for (int k = 2; k < word.length(); k++) {
      if ((s.charAt(i + k) | 32) != word.charAt(k)) {
        return false;
      }
    }
    return end == n || !SqlTokenizer.isWordPart(s.charAt(end));
  }

  /** The end of the word at {@code i} ({@code i} when none starts there). */
  private static int wordEnd(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c < 128 ? WORD_LOWER[c] == 0 : !SqlTokenizer.isWordPart(c)) {
        break;
      }
      i++;
    }
    return i;
  }

  // ---------------------------------------------------------------- peeks, on the lower-case value

  /** Whether an anchored shape could start in {@code s} (lower case) read as-is. */
  static boolean asIs(String s, int found) {
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
      long word = wordAt(s, i);
      end = (int) word;
      if ((word & STRING_PREFIX) != 0) {
        end = SqlTokenizer.stringEnd(s, end, 1);
        return end > 0 && mayStart(s, end, false, found); // x'...' as the leading operand
      }
      if ((word & STARTS) != 0) {
        return first(s, (int) (word >>> 40), end, found);
      }
      if ((word & CONTINUES) != 0) {
        return selects(s, found);
      }
      if (keyword(s, i, end) != 0) {
        return false; // a keyword is no leading operand, and this one starts nothing
      }
      int next = skipSpace(s, end, false);
      if (next < n && s.charAt(next) == '(') {
        // a call first: no leading operand; only a call testing a constant condition, iif(1=1,...), is a shape
        int arg = skipSpace(s, next + 1, false);
        return arg < n && (s.charAt(arg) >= '0' && s.charAt(arg) <= '9' || SqlTokenizer.quoteClass(s.charAt(arg)) != 0);
      }
    } else if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
      end = i + 1;
      while (end < n && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
        end++;
      }
      if (end < n && (SqlTokenizer.isWordPart(s.charAt(end)) || s.charAt(end) == '.')) {
        return true; // 1.5, 0x1f, 1e3, 4b: let the tokenizer read it
      }
      int op = skipSpace(s, end, false);
      if (op < n && operator(s, op)) {
        int group = skipSpace(s, op + 1, false);
        if (group < n && s.charAt(group) == '(') {
          return true; // 1*(5836=5836): a parenthesised test as the other operand, for the tokenizer
        }
      }
    } else if (SqlTokenizer.quoteClass(c) != 0) {
      end = SqlTokenizer.stringEnd(s, i, SqlTokenizer.quoteClass(c));
      if (end < 0) {
        return false; // one unclosed string: nothing follows it
      }
    } else if (c == ')' || c == '(' || c == ',' && s.indexOf('(', i) > i) {
      return true; // a subquery, a parenthesised leading operand, another column: let the tokenizer read it
    } else if (c == '@' || c == '`' || (c == '-' || c == '+') && i + 1 < n && s.charAt(i + 1) >= '0'
        && s.charAt(i + 1) <= '9') {
      return true; // a variable, a quoted name or a signed number leading: let the tokenizer read it
    } else if ((c == '|' || c == '&') && i + 1 < n && s.charAt(i + 1) == c) {
      return true; // || or && first: a logical operator where the shape starts
    } else {
      return operator(s, i) && selects(s, found); // an operator continuing the query's operand with a subquery
    }
    if (mayStart(s, end, false, found) || anotherColumn(s, end)) {
      return true;
    }
    int expression = expressionEnd(s, end);
    return expression > end && mayStart(s, expression, false, found);
  }

  /**
   * Whether a comma follows the leading operand ending at {@code end}, and a parenthesis comes after it: one more
   * column after the expected one ({@code 1,(SELECT ...)}, {@code id,IIF(1=1,1,1/0)}), for the tokenizer to read.
   */
  private static boolean anotherColumn(String s, int end) {
    int comma = skipSpace(s, end, false);
    return comma < s.length() && s.charAt(comma) == ',' && s.indexOf('(', comma) > comma;
  }

  /** Past the operators and operands that continue the operand ending at {@code i} ({@code 1*1}, {@code 2+3-1}). */
  private static int expressionEnd(String s, int i) {
    for (int next = afterOperator(s, i); next > i; next = afterOperator(s, i)) {
      i = next;
    }
    return i;
  }

  /** Whether the value may hold a typographic quote: what {@link SqlTokenizer#contextEnd} must look for. */
  static boolean typographic(int found) {
    return (found & TYPOGRAPHIC) != 0;
  }

  /** Whether the value has a single (1) or double (2) quote or a backtick (3): a context to read it in. */
  static boolean has(int found, int quote) {
    return (found & (quote == 1 ? SINGLE : quote == 2 ? DOUBLE : BACKTICK)) != 0;
  }

  /** Whether an anchored shape could start after the quote that closes the context's string ({@code quote}). */
  static boolean quoted(String s, int quote, int found) {
    int end = SqlTokenizer.contextEnd(s, quote, 0, typographic(found));
    return end >= 0 && mayStart(s, end, true, found);
  }

  /**
   * Whether the token at {@code i}, after any spaces and closing parentheses, could start an anchored shape: a
   * keyword with a role, an operator, a comment, a semicolon. A plain word, a number, a string cannot.
   */
  private static boolean mayStart(String s, int i, boolean quoted, int found) {
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
      long word = wordAt(s, i);
      int id = (int) (word >>> 40);
      if ((word & STARTS) != 0 && SqlLexicon.is(id, SqlLexicon.STATEMENT)) {
        return stacked(s, id, (int) word, found);
      }
      if ((word & STARTS) != 0) {
        return (word & NEEDS_SELECT) == 0 || selects(s, found);
      }
      return (word & CONTINUES) != 0 && (quoted || selects(s, found));
    }
    if (c == ';' || (c == '&' || c == '|') && i + 1 < n && s.charAt(i + 1) == c || c == ',' && quoted) {
      return true; // a stacked statement, a logical operator, more values
    }
    return operator(s, i) && (quoted || selects(s, found));
  }

  /**
   * Whether the keyword {@code id} with the role {@link #STARTS}, the first word of a value read as-is and ending at
   * {@code end}, could start a shape ({@code SqlShapes.anchored} with no leading operand): LIMIT and PROCEDURE
   * need one, CASE needs WHEN, ORDER and GROUP need BY, UNION needs SELECT, and a statement must be one the value
   * can be by itself ({@link #statement}).
   */
  private static boolean first(String s, int id, int end, int found) {
    if (SqlLexicon.is(id, SqlLexicon.STATEMENT)) {
      return statement(s, id, end, found);
    }
    if (id == SqlLexicon.LIMIT || id == SqlLexicon.PROCEDURE) {
      return false;
    }
    if (id == SqlLexicon.CASE) {
      return next(s, end) == SqlLexicon.WHEN;
    }
    if (id == SqlLexicon.ORDER || id == SqlLexicon.GROUP) {
      return next(s, end) == SqlLexicon.BY;
    }
    return id != SqlLexicon.UNION || selects(s, found);
  }

  /**
   * Whether a value that starts with the statement keyword {@code id} (ending at {@code end}) could be a statement
   * {@code SqlShapes.whole} takes: its required next word must follow ({@link #continues}), and a SELECT must have
   * a column list that reads the system (a {@code @@} variable, a function or a name of the system: {@link #SYSTEM}).
   */
  private static boolean statement(String s, int id, int end, int found) {
    if (id == SqlLexicon.SELECT) {
      return listMayStart(s, end) && statesSystem(s, found);
    }
    return continues(s, id, end);
  }

  /** Whether a SELECT could read the system: a {@code @@} variable, a function or a name of the system. */
  private static boolean statesSystem(String s, int found) {
    return (found & SYSTEM) != 0
        || (found & LETTER_V) != 0
            && (Substrings.contains(s, "version") || Substrings.contains(s, "serverproperty"))
        || (found & LETTER_Y) != 0 && (Substrings.contains(s, "sys") || Substrings.contains(s, "mysql"))
        || (found & LETTER_M) != 0 && (Substrings.contains(s, "master") || Substrings.contains(s, "msdb"));
  }

  /**
   * Whether a SELECT column list ({@code SqlStatements.selectList}) could start after the keyword SELECT ending at
   * {@code end}: not with a reserved word that is no operand ({@code SqlParser.operand} takes literals, NOT, CASE,
   * EXISTS; the list itself DISTINCT, ALL, TOP), as in {@code select from where}. A word an inline comment cuts
   * may be joined into another, and is left to the tokenizer.
   */
  private static boolean listMayStart(String s, int end) {
    int i = skipSpace(s, end, false);
    if (i == s.length() || !SqlTokenizer.isWordStart(s.charAt(i))) {
      return i < s.length(); // an operator, a number, a string, a parenthesis: the tokenizer reads it
    }
    int wordEnd = (int) wordAt(s, i);
    if (s.startsWith("/*", wordEnd)) {
      return true;
    }
    int id = keyword(s, i, wordEnd);
    return id == 0 || !SqlLexicon.is(id, SqlLexicon.RESERVED) || SqlLexicon.is(id, SqlLexicon.LITERAL)
        || id == SqlLexicon.NOT || id == SqlLexicon.CASE || id == SqlLexicon.EXISTS || id == SqlLexicon.DISTINCT
        || id == SqlLexicon.ALL || id == SqlLexicon.TOP;
  }

  /**
   * Whether the statement keyword {@code id}, after a leading operand or the context's string, could start the
   * statement {@code SqlShapes.stacked} takes there: with no semicolon before it, one that a separator or a comment
   * ends ({@code '; DROP TABLE t--}), a SELECT only one that may read the system and a comment cuts off
   * ({@code ' select name from syscolumns--}); WAITFOR, IF, BEGIN (which may hold WAITFOR) and EXEC (of a system
   * procedure) need no end.
   */
  private static boolean stacked(String s, int id, int end, int found) {
    if (id == SqlLexicon.SELECT) {
      return listMayStart(s, end) && statesSystem(s, found) && commented(s);
    }
    if (id != SqlLexicon.WAITFOR && id != SqlLexicon.IF && id != SqlLexicon.BEGIN && id != SqlLexicon.EXEC
        && id != SqlLexicon.EXECUTE && (found & SEMICOLON) == 0 && !commented(s)) {
      return false;
    }
    return continues(s, id, end);
  }

  /** Whether {@code s} may hold a line comment. */
  private static boolean commented(String s) {
    return s.indexOf('#') >= 0 || Substrings.contains(s, "--");
  }

  /**
   * Whether what follows the statement keyword {@code id} (ending at {@code end}) could be the part
   * {@code SqlStatements.statement} requires next: an object kind after DROP, ALTER, CREATE (or OR REPLACE), TABLE
   * after TRUNCATE, INTO after INSERT, FROM after DELETE, DATA after LOAD, DATABASE or LOG after BACKUP, a variable
   * after DECLARE and SET, DELAY or TIME after WAITFOR, a call after CALL, a statement after BEGIN. The others
   * are left to the tokenizer.
   */
  private static boolean continues(String s, int id, int end) {
    if (id == SqlLexicon.DROP || id == SqlLexicon.ALTER || id == SqlLexicon.CREATE) {
      int next = next(s, end);
      return SqlLexicon.is(next, SqlLexicon.OBJECT) || id == SqlLexicon.CREATE && next == SqlLexicon.OR;
    }
    if (id == SqlLexicon.TRUNCATE) {
      return next(s, end) == SqlLexicon.TABLE;
    }
    if (id == SqlLexicon.INSERT) {
      return next(s, end) == SqlLexicon.INTO;
    }
    if (id == SqlLexicon.DELETE) {
      return next(s, end) == SqlLexicon.FROM;
    }
    if (id == SqlLexicon.LOAD) {
      return next(s, end) == SqlLexicon.DATA;
    }
    if (id == SqlLexicon.BACKUP) {
      int next = next(s, end);
      return next == SqlLexicon.DATABASE || next == SqlLexicon.LOG;
    }
    if (id == SqlLexicon.WAITFOR) {
      int next = next(s, end);
      return next == SqlLexicon.DELAY || next == SqlLexicon.TIME;
    }
    if (id == SqlLexicon.BEGIN) {
      return SqlLexicon.is(next(s, end), SqlLexicon.STATEMENT);
    }
    if (id == SqlLexicon.DECLARE || id == SqlLexicon.SET) {
      int i = skipSpace(s, end, false);
      return i < s.length() && s.charAt(i) == '@';
    }
    if (id == SqlLexicon.CALL) {
      int start = skipSpace(s, end, false);
      if (start < s.length() && s.charAt(start) == '`') {
        return true; // a quoted name: let the tokenizer read it
      }
      int name = (int) wordAt(s, start);
      int paren = skipSpace(s, name, false);
      return name > start && paren < s.length() && s.charAt(paren) == '(';
    }
    return true;
  }

  /** The lexicon id of the word that follows {@code end} after whitespace (0 for none, or for another token). */
  private static int next(String s, int end) {
    int start = skipSpace(s, end, false);
    return keyword(s, start, (int) wordAt(s, start));
  }

  /** Whether the character at {@code i} starts an operator, a comment or a semicolon. */
  private static boolean operator(String s, int i) {
    char c = s.charAt(i);
    if (c == ':') {
      return i + 1 < s.length() && s.charAt(i + 1) == '=';
    }
    return c < 128 && OPERATORS.indexOf(c) >= 0;
  }

  /**
   * Whether {@code s} holds SELECT: what the shapes continuing an as-is value's operand, and UNION, need. Without
   * an inline comment (which makes the value one to read whole) the SELECT token is the word spelled out.
   */
  private static boolean selects(String s, int found) {
    return (found & LETTERS_CL) != 0 && Substrings.contains(s, "select");
  }

  // ---------------------------------------------------------------- anywhere

  /** Whether a shape standing anywhere could be in {@code s} (lower case). */
  static boolean anywhere(String s, int found) {
    if ((found & INLINE_COMMENT) != 0) {
      return true;
    }
    if ((found & SEMICOLON) != 0) {
      int peeks = 0;
      for (int i = s.indexOf(';'); i >= 0; i = s.indexOf(';', i + 1)) {
        // wordAt looks up only the words whose hash a role word shares (a statement starts a shape), and gives
        // the id: no second hash of the word
        long word = wordAt(s, skipSpace(s, i + 1, false));
        if (SqlLexicon.is((int) (word >>> 40), SqlLexicon.STATEMENT) || ++peeks > MAX_PEEKS) {
          return true; // a stacked statement, or too many semicolons to peek at: the tokens tell
        }
      }
    }
    if ((found & CALL) != 0) {
      int peeks = 0;
      for (int i = s.indexOf('('); i >= 0; i = s.indexOf('(', i + 1)) {
        if (calls(s, i) || caseGroup(s, i) || ++peeks > MAX_PEEKS) {
          return true; // a call, or too many parentheses to peek at: the tokens tell
        }
      }
    }
    if ((found & LETTER_U) != 0 && selects(s, found) && unionSelects(s)) {
      return true; // UNION SELECT
    }
    // WAITFOR DELAY '...', INTO OUTFILE '...': with the string they need.
    return (found & (SINGLE | DOUBLE)) != 0 && ((found & LETTER_W) != 0 && Substrings.contains(s, "waitfor")
        || (found & LETTER_U) != 0 && intoFile(s));
  }

  /**
   * Whether {@code s} holds OUTFILE or DUMPFILE: looked for as {@code file} and what precedes it, so that a long
   * value is read once for both (a Java loop over every character would cost more than the two reads).
   */
  private static boolean intoFile(String s) {
    for (int i = Substrings.indexOf(s, "file", 0); i >= 0; i = Substrings.indexOf(s, "file", i + 4)) {
      if (s.startsWith("out", i - 3) || s.startsWith("dump", i - 4)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some UNION in {@code s} could be {@code UNION [ALL | DISTINCT] [(...] SELECT} and a column list
   * ({@code SqlShapes.union}); past {@link #MAX_PEEKS} of them, maybe (the tokens tell).
   */
  private static boolean unionSelects(String s) {
    int peeks = 0;
    for (int i = Substrings.indexOf(s, "union", 0); i >= 0; i = Substrings.indexOf(s, "union", i + 1)) {
      if (++peeks > MAX_PEEKS) {
        return true;
      }
      boolean word = (i == 0 || !SqlTokenizer.isWordPart(s.charAt(i - 1))) && (int) wordAt(s, i) == i + 5;
      if (word && unionSelectsAt(s, i + 5)) {
        return true; // (not a part of a longer word, as in reunion)
      }
    }
    return false;
  }

  /** {@link #unionSelects} for the UNION ending at {@code end}. */
  private static boolean unionSelectsAt(String s, int end) {
    int q = skipSpace(s, end, false);
    int word = (int) wordAt(s, q);
    int id = keyword(s, q, word);
    if (id == SqlLexicon.ALL || id == SqlLexicon.DISTINCT) {
      q = skipSpace(s, word, false);
      word = (int) wordAt(s, q);
    }
    while (q < s.length() && s.charAt(q) == '(') {
      q = skipSpace(s, q + 1, false);
      word = (int) wordAt(s, q);
    }
    return keyword(s, q, word) == SqlLexicon.SELECT && listMayStart(s, word);
  }

  /** Whether {@code CASE} (spaces before it allowed) follows the parenthesis at {@code i}. */
  private static boolean caseGroup(String s, int i) {
    int j = skipSpace(s, i + 1, false);
    return j + 1 < s.length() && s.charAt(j) == 'c' && s.charAt(j + 1) == 'a' && spells(s, j, s.length(), "case");
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
    if (id == SqlLexicon.CONVERT || id == SqlLexicon.EXP || SqlLexicon.is(id, CALLED)) {
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
    if (id == SqlLexicon.UNION) {
      return STARTS | NEEDS_SELECT;
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
   * Reads the lower-case word at {@code i} in one pass: its end in the low half; in the high half {@link #STARTS}
   * or {@link #CONTINUES} for a word with that role, {@link #STRING_PREFIX} for {@code x'}, {@code n'}..., and from
   * bit 40 the lexicon id of a word with a role. A filter of the role words' hashes spares the look-up to the words
   * of text.
   */
  private static long wordAt(String s, int i) {
    int n = s.length();
    int start = i;
    int hash = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 128 ? WORD_LOWER[c] == 0 : !SqlTokenizer.isWordPart(c)) {
        break;
      }
      hash = 31 * hash + c;
      i++;
    }
    int len = i - start;
    if (len == 1 && i < n && SqlTokenizer.stringPrefix(s.charAt(start)) && SqlTokenizer.quoteClass(s.charAt(i)) == 1) {
      return STRING_PREFIX | i;
    }
    if (len < 2 || len > SqlLexicon.MAX_LENGTH || (ROLES[hash >>> 6 & 15] & 1L << hash) == 0) {
      return i;
    }
    int id = SqlLexicon.lookup(s, start, i, hash);
    return (long) id << 40 | role(id) | i;
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

  private static boolean hasAnyOf(String word, String letters) {
    for (int i = 0; i < word.length(); i++) {
      if (letters.indexOf(word.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
