package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.SqlTokens.*;

/**
 * Reads a lower-case value as a SQL lexer would, in one pass, the union of the common dialects: {@code '...'} and
 * {@code "..."} strings with doubled-quote and backslash escapes, {@code `...`} identifiers, numbers (also
 * {@code 0x..}, {@code 0b..}, exponents), {@code @var} and {@code @@var}, operators, and the comments of all of
 * them ({@code --}, {@code #}, block comments). A block comment closed inside the value is whitespace; a MySQL
 * executable comment ({@code /*!50000 ... }) contributes its content as code; a keyword cut in pieces by empty
 * comments is put back together. Typographic quotes ({@code ’ ‘ ′} and {@code “ ” ″}) count as quotes, as
 * best-fit character conversion on the way to some databases turns them into ASCII ones.
 */
final class SqlTokenizer {

  /** Pieces of one word joined across inline comments at most. */
  private static final int MAX_PIECES = 8;

  private final String s;
  private final int n;
  private int pos;
  private int[] stack;
  private int depth;
  private boolean inExecutable;
  /** Whether the value may hold a typographic quote: without one, strings end where indexOf finds. */
  private final boolean typographic;
  /** The next backslash after where {@link #backslashBefore} last searched ({@code n} for none), -1 before that. */
  private int backslash = -1;

  private SqlTokenizer(String s, int from, boolean typographic) {
    this.s = s;
    this.n = s.length();
    this.pos = from;
    this.typographic = typographic;
  }

  /**
   * The tokens of {@code s} (lower case) read from context {@code quote}: 0 for SQL as-is (a number or a name
   * in the query), or the quote class (1 single, 2 double) of the string the value sits in, whose opening quote is
   * implied, or 3 for a MySQL identifier quoted with backticks ({@code ORDER BY `col`}); null when the value never
   * leaves that string or name. The tokens are read as they are asked for.
   * {@code typographic}: whether {@code s} may hold a typographic quote, as for {@link #contextEnd}.
   */
  static SqlTokens tokenize(String s, int quote, boolean typographic) {
    if (quote == 0) {
      return new SqlTokens(new SqlTokenizer(s, 0, typographic), s.length());
    }
    int end = contextEnd(s, quote, 0, typographic);
    if (end < 0) {
      return null;
    }
    SqlTokens t = new SqlTokens(new SqlTokenizer(s, end, typographic), s.length() - end + 1);
    t.add(quote == 3 ? pack(WORD, 0, 0) : pack(STRING, 0, CLOSED | (blank(s, 0, end - 1) ? BLANK : 0)));
    return t;
  }

  /** Reads the next token into {@code t}; false at the end of the value or at the cap. */
  boolean next(SqlTokens t) {
    int before = t.size();
    while (pos < n && t.size() == before) {
      if (t.size() == MAX_TOKENS) {
        return false;
      }
      pos = step(t, pos);
    }
    return t.size() > before;
  }

  /** Reads what starts at {@code i} (a token, whitespace or a closed comment) and returns where it ends. */
  private int step(SqlTokens t, int i) {
    char c = s.charAt(i);
    if (isSpace(c)) {
      return i + 1;
    }
    int q = quoteClass(c);
    if (q != 0) {
      int end = typographic ? stringEnd(s, i, q) : asciiStringEnd(i, q);
      int stop = end < 0 ? n : end - 1;
      t.add(pack(STRING, 0, (end < 0 ? 0 : CLOSED) | content(s, i + 1, stop)));
      return end < 0 ? n : end;
    }
    if (isWordStart(c)) {
      return word(s, i, t);
    }
    if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)) && !afterName(t)) {
      return number(s, i, t);
    }
    char d = i + 1 < n ? s.charAt(i + 1) : 0;
    switch (c) {
      case '-':
        if (d == '-') {
          return lineComment(s, i + 2, t);
        }
        return emit(t, OP, SIGN, i + 1);
      case '#':
        return lineComment(s, i + 1, t);
      case '/':
        return d == '*' ? blockComment(i, t) : emit(t, OP, 0, i + 1);
      case '*':
        if (d == '/' && inExecutable) {
          inExecutable = false;
          return i + 2;
        }
        return emit(t, OP, STAR, i + 1);
      case '@':
        return variable(s, i, t);
      case '`':
        return backticks(s, i, t);
      case '[':
        return brackets(s, i, t);
      case '(':
        if (t.lastType() == WORD && !t.lastIsReserved()) {
          t.flagLast(FUNC);
        }
        if (stack == null || depth == stack.length) {
          stack = stack == null ? new int[8] : java.util.Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = t.size();
        t.opening();
        return emit(t, LPAREN, 0, i + 1);
      case ')':
        if (depth > 0) {
          t.close(stack[--depth], t.size());
        }
        return emit(t, RPAREN, 0, i + 1);
      case ',':
        return emit(t, COMMA, 0, i + 1);
      case ';':
        return emit(t, SEMI, 0, i + 1);
      case '.':
        return emit(t, DOT, 0, i + 1);
      case '=':
        return d == '=' ? emit(t, CMP, 0, i + 2) : emit(t, CMP, EQUALS, i + 1);
      case '<':
        if (d == '<') {
          return emit(t, OP, 0, i + 2);
        }
        return emit(t, CMP, 0, d == '=' ? (i + 2 < n && s.charAt(i + 2) == '>' ? i + 3 : i + 2)
            : d == '>' ? i + 2 : i + 1);
      case '>':
        return d == '>' ? emit(t, OP, 0, i + 2) : emit(t, CMP, 0, d == '=' ? i + 2 : i + 1);
      case '!':
        return d == '=' ? emit(t, CMP, 0, i + 2) : emit(t, BANG, 0, i + 1);
      case '|':
        return d == '|' ? emit(t, PIPES, 0, i + 2) : emit(t, OP, 0, i + 1);
      case '&':
        return d == '&' ? emit(t, AMPS, 0, i + 2) : emit(t, OP, 0, i + 1);
      case '+':
      case '~':
        return emit(t, OP, SIGN, i + 1);
      case '%':
      case '^':
        return emit(t, OP, 0, i + 1);
      case ':':
        return d == ':' ? emit(t, CAST, 0, i + 2) : d == '=' ? emit(t, CMP, 0, i + 2) : emit(t, OTHER, 0, i + 1);
      default:
        return emit(t, OTHER, 0, i + 1);
    }
  }

  private static int emit(SqlTokens t, int type, int flags, int end) {
    t.add(pack(type, 0, flags));
    return end;
  }

  // ---------------------------------------------------------------- strings

  /** 1 for a single quote (and its typographic look-alikes), 2 for a double one, else 0. */
  static int quoteClass(char c) {
    if (c == '\'') {
      return 1;
    }
    if (c == '"') {
      return 2;
    }
    if (c < 0x2018) {
      return c == 0x2bc ? 1 : 0;
    }
    if (c == 0x2018 || c == 0x2019 || c == 0x2032) {
      return 1;
    }
    return c == 0x201c || c == 0x201d || c == 0x2033 ? 2 : 0;
  }

  /** The classes of typographic quote {@code s} holds: bit 1 single, bit 2 double; read until both are found. */
  static int typographicQuotes(String s) {
    int classes = 0;
    for (int i = 0; i < s.length() && classes != 3; i++) {
      char c = s.charAt(i);
      if (c >= 0x2bc) {
        classes |= quoteClass(c);
      }
    }
    return classes;
  }

  /**
   * The index after the quote closing the context's string (or the backtick closing its name, {@link #nameEnd}),
   * or -1; {@code from} is where to look from (no quote of the class before it). A doubled quote stays inside; a
   * backslash escapes nothing, as in ANSI SQL, SQL Server, Oracle, PostgreSQL and SQLite, so {@code \' or 1=1}
   * breaks out there. {@code typographic}: whether {@code s}
   * may hold a typographic quote ({@link SqlPrefilter#typographic}); false only when it holds none.
   */
  static int contextEnd(String s, int quote, int from, boolean typographic) {
    if (quote == 3) {
      return nameEnd(s);
    }
    int n = s.length();
    char ascii = quote == 1 ? '\'' : '"';
    if (!typographic) {
      // Only the ASCII quote can close it: found by indexOf, several times faster than a look at every char.
      for (int j = s.indexOf(ascii, from); j >= 0; j = s.indexOf(ascii, j + 2)) {
        if (j + 1 == n || s.charAt(j + 1) != ascii) {
          return j + 1;
        }
      }
      return -1;
    }
    for (int j = from; j < n; j++) {
      char c = s.charAt(j);
      if (c == ascii || c >= 0x2bc && quoteClass(c) == quote) {
        if (j + 1 < n && quoteClass(s.charAt(j + 1)) == quote) {
          j++;
        } else {
          return j + 1;
        }
      }
    }
    return -1;
  }

  /**
   * Context 3: the index after the backtick that closes the quoted name the value sits in, or -1. Only a name's
   * characters come before it (the column or number the value was expected to be, as in {@code id`,SLEEP(5)#}):
   * a Markdown code span opens with its backtick, at the start or after prose ({@code Run `DROP TABLE x;`}).
   */
  private static int nameEnd(String s) {
    int n = s.length();
    for (int k = 0; k < n; k++) {
      char c = s.charAt(k);
      if (c == '`') {
        if (k + 1 < n && s.charAt(k + 1) == '`') {
          k++; // a doubled backtick stays inside the name
          continue;
        }
        return k > 0 ? k + 1 : -1;
      }
      if (!isWordPart(c)) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * The index after the quote closing the string opened at {@code open}, or -1 when it does not close. A doubled
   * quote and (as in MySQL) a backslash escape it.
   */
  static int stringEnd(String s, int open, int quote) {
    int n = s.length();
    char ascii = quote == 1 ? '\'' : '"';
    for (int j = open + 1; j < n; j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == ascii || c >= 0x2bc && quoteClass(c) == quote) {
        if (j + 1 < n && quoteClass(s.charAt(j + 1)) == quote) {
          j++;
        } else {
          return j + 1;
        }
      }
    }
    return -1;
  }

  /**
   * {@link #stringEnd} in a value without typographic quotes: the closing quote found with {@code indexOf} instead of
   * a look at every char, then the backslashes before it ({@link #backslashBefore}).
   */
  private int asciiStringEnd(int open, int quote) {
    char ascii = quote == 1 ? '\'' : '"';
    int j = open + 1;
    int close = s.indexOf(ascii, j);
    while (close >= 0) {
      int b = backslashBefore(j, close);
      if (b < close) {
        j = b + 2; // the escaped char, maybe the quote, stays inside
        close = close < j ? s.indexOf(ascii, j) : close;
      } else if (close + 1 < n && s.charAt(close + 1) == ascii) {
        j = close + 2; // a doubled quote stays inside
        close = s.indexOf(ascii, j);
      } else {
        return close + 1;
      }
    }
    return -1;
  }

  /**
   * The first backslash in {@code [from, to)}, {@code to} for none: a few chars are read, a longer stretch searched
   * with {@code indexOf}, whose find is kept for the strings after (the tokenizer only moves on), so that no part of
   * the value is searched twice.
   */
  private int backslashBefore(int from, int to) {
    if (to - from <= 16) {
      for (int k = from; k < to; k++) {
        if (s.charAt(k) == '\\') {
          return k;
        }
      }
      return to;
    }
    if (backslash < from) {
      int b = s.indexOf('\\', from);
      backslash = b < 0 ? n : b;
    }
    return Math.min(backslash, to);
  }

  /**
   * BLANK for nothing but whitespace, SPACED for something and whitespace, else 0. Read only until both are seen:
   * a long string of prose is SPACED within its first words.
   */
  private static int content(String s, int from, int to) {
    boolean word = false;
    boolean space = false;
    for (int j = from; j < to && !(word && space); j++) {
      if (s.charAt(j) <= ' ') {
        space = true;
      } else {
        word = true;
      }
    }
    return !word ? BLANK : space ? SPACED : 0;
  }

  private static boolean blank(String s, int from, int to) {
    for (int j = from; j < to; j++) {
      if (s.charAt(j) > ' ') {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- words, numbers, variables

  /** Whitespace to SQL: controls, space, no-break space, and the other Unicode spaces. */
  static boolean isSpace(char c) {
    return c <= ' ' || c == 0xa0 || c >= 0x1680 && Character.isSpaceChar(c);
  }

  static boolean isWordStart(char c) {
    return c >= 'a' && c <= 'z' || c == '_' || c == '$' || c >= 'A' && c <= 'Z'
        || c >= 0x80 && Character.isLetter(c);
  }

  static boolean isWordPart(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c >= 'A' && c <= 'Z'
        || c >= 0x80 && Character.isLetterOrDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean afterName(SqlTokens t) {
    int type = t.lastType();
    return type == WORD || type == RPAREN;
  }

  private static int word(String s, int start, SqlTokens t) {
    int n = s.length();
    int i = start;
    int hash = 0;
    boolean ascii = true;
    while (i < n) {
      char c = s.charAt(i);
      if (!isWordPart(c)) {
        break;
      }
      ascii &= c < 0x80;
      hash = 31 * hash + c;
      i++;
    }
    // n'...', x'...', b'...', e'...': a string with a prefix.
    if (i - start == 1 && i < n && stringPrefix(s.charAt(start)) && quoteClass(s.charAt(i)) == 1) {
      int end = stringEnd(s, i, 1);
      t.add(pack(STRING, 0, (end < 0 ? 0 : CLOSED) | (s.charAt(start) == 'x' ? HEX : 0)));
      return end < 0 ? n : end;
    }
    int id = ascii && i - start <= SqlLexicon.MAX_LENGTH ? SqlLexicon.lookup(s, start, i, hash) : 0;
    if (i + 1 < n && s.charAt(i) == '/' && s.charAt(i + 1) == '*') {
      int joined = joinPieces(s, start, i, t);
      if (joined > 0) {
        return joined;
      }
    }
    int flags = t.lastType() == DOT ? QUALIFIED : 0;
    if (id == 0 && ascii && systemName(s, start, i)) {
      flags |= SYSNAME;
    }
    t.add(pack(WORD, id, flags));
    return i;
  }

  /**
   * Whether {@code c} (lower case) can prefix a string: {@code n'...'}, {@code x'...'}, {@code b'...'},
   * {@code e'...'}.
   */
  static boolean stringPrefix(char c) {
    return c == 'n' || c == 'x' || c == 'b' || c == 'e';
  }

  /**
   * {@code UN/**}{@code /ION}: when pieces of a word separated by block comments (and nothing else) spell a
   * keyword, one token for it and the index after it; otherwise 0.
   */
  private static int joinPieces(String s, int start, int end, SqlTokens t) {
    int n = s.length();
    StringBuilder word = new StringBuilder().append(s, start, end);
    int i = end;
    for (int pieces = 1; pieces < MAX_PIECES && i + 1 < n && s.charAt(i) == '/' && s.charAt(i + 1) == '*';
        pieces++) {
      int close = s.indexOf("*/", i + 2);
      if (close < 0 || close + 2 >= n || !isWordPart(s.charAt(close + 2)) || s.charAt(i + 2) == '!') {
        break;
      }
      int j = close + 2;
      int from = j;
      while (j < n && isWordPart(s.charAt(j))) {
        j++;
      }
      word.append(s, from, j);
      i = j;
      int id = word.length() <= SqlLexicon.MAX_LENGTH ? SqlLexicon.lookup(word.toString()) : 0;
      if (id != 0) {
        t.add(pack(WORD, id, JOINED));
        return j;
      }
    }
    return 0;
  }

  /**
   * Names in the system's own namespaces: extended and system procedures ({@code xp_}, {@code sp_}), catalogs
   * ({@code sysobjects}, {@code pg_shadow}, {@code information_schema}, {@code all_users}, {@code dba_users},
   * {@code v$version}, {@code sqlite_master}), Oracle packages ({@code utl_http}, {@code dbms_pipe}), and the
   * {@code master}, {@code msdb} and {@code mysql} databases.
   */
  static boolean systemName(String s, int from, int to) {
    int len = to - from;
    if (len < 3) {
      return false;
    }
    switch (s.charAt(from)) {
      case 'x':
        return s.startsWith("xp_", from);
      case 's':
        return s.startsWith("sp_", from) || s.startsWith("sqlite_", from)
            || len > 3 && s.startsWith("sys", from) && !s.startsWith("system", from);
      case 'p':
        return s.startsWith("pg_", from);
      case 'u':
        return s.startsWith("utl_", from);
      case 'd':
        return s.startsWith("dbms_", from) || s.startsWith("dba_", from);
      case 'a':
        return s.startsWith("all_", from);
      case 'i':
        return len == 18 && s.startsWith("information_schema", from);
      case 'm':
        return len == 5 && s.startsWith("mysql", from) || len == 6 && s.startsWith("master", from)
            || len == 4 && s.startsWith("msdb", from);
      case 'v':
        return s.charAt(from + 1) == '$';
      case 'c':
        return s.startsWith("ctxsys", from);
      default:
        return false;
    }
  }

  private static int number(String s, int start, SqlTokens t) {
    int n = s.length();
    int i = start;
    if (s.charAt(i) == '0' && i + 2 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'b')) {
      boolean hex = s.charAt(i + 1) == 'x';
      int j = i + 2;
      while (j < n && (hex ? Character.digit(s.charAt(j), 16) >= 0 : s.charAt(j) == '0' || s.charAt(j) == '1')) {
        j++;
      }
      if (j > i + 2 && (j == n || !isWordPart(s.charAt(j)))) {
        t.add(pack(NUMBER, 0, HEX));
        return j;
      }
    }
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    }
    if (i + 1 < n && s.charAt(i) == 'e' && (isDigit(s.charAt(i + 1))
        || (s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+') && i + 2 < n && isDigit(s.charAt(i + 2)))) {
      i += 2;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    }
    if (i < n && isWordPart(s.charAt(i))) {
      // 4b, 2nd, 10am: a name that starts with digits, as MySQL allows.
      while (i < n && isWordPart(s.charAt(i))) {
        i++;
      }
      t.add(pack(WORD, 0, 0));
      return i;
    }
    t.add(pack(NUMBER, 0, 0));
    return i;
  }

  private static int variable(String s, int start, SqlTokens t) {
    int n = s.length();
    int i = start + 1;
    boolean system = i < n && s.charAt(i) == '@';
    if (system) {
      i++;
    }
    if (i < n && (quoteClass(s.charAt(i)) != 0 || s.charAt(i) == '`')) {
      int end = s.charAt(i) == '`' ? s.indexOf('`', i + 1) + 1 : stringEnd(s, i, quoteClass(s.charAt(i)));
      i = end <= 0 ? n : end;
    } else {
      while (i < n && (isWordPart(s.charAt(i)) || s.charAt(i) == '.' && system)) {
        i++;
      }
    }
    t.add(pack(VARIABLE, 0, system && i > start + 2 ? SYSVAR : 0));
    return i;
  }

  /** {@code `name`}: a quoted identifier, to the closing backtick or the end. */
  private static int backticks(String s, int start, SqlTokens t) {
    int end = s.indexOf('`', start + 1);
    t.add(pack(WORD, 0, 0));
    return end < 0 ? s.length() : end + 1;
  }

  /**
   * {@code [name]}: SQL Server's quoted identifier ({@code AND [col]=[col]}), when a name is all it holds; a JSON
   * array or {@code [1]} is no name, and its bracket stays a symbol. The name is read once either way.
   */
  private static int brackets(String s, int start, SqlTokens t) {
    int n = s.length();
    int i = start + 1;
    if (i < n && isWordStart(s.charAt(i))) {
      while (i < n && isWordPart(s.charAt(i))) {
        i++;
      }
      if (i < n && s.charAt(i) == ']') {
        t.add(pack(WORD, 0, 0));
        return i + 1;
      }
    }
    return emit(t, OTHER, 0, start + 1);
  }

  // ---------------------------------------------------------------- comments

  /** A comment to the end of the line, from just after its marker; a token, as it cuts the query off. */
  private static int lineComment(String s, int from, SqlTokens t) {
    int n = s.length();
    int i = from;
    boolean blank = true;
    for (char c; i < n && (c = s.charAt(i)) != '\n' && c != '\r'; i++) {
      if (blank && !(c <= ' ' || c == '-' || c == '+' || c == '#' || c == ';' || c == '/' || c == '*')) {
        blank = false;
      }
    }
    t.add(pack(COMMENT, 0, blank ? BLANK : 0));
    return i;
  }

  /**
   * A block comment at {@code start}: closed, it is whitespace (no token); unclosed, a token to the end. Of a MySQL
   * executable comment only the marker and version are skipped, and its content is read as code.
   */
  private int blockComment(int start, SqlTokens t) {
    int i = start + 2;
    if (i < n && s.charAt(i) == '!') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      inExecutable = true;
      return i;
    }
    int close = s.indexOf("*/", i);
    if (close < 0) {
      t.add(pack(COMMENT, 0, blank(s, i, n) ? BLANK : 0));
      return n;
    }
    return close + 2;
  }
}
