package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.SqlTokens.*;

/**
 * A recursive-descent recogniser of SQL expressions over {@link SqlTokens}: where an operand, an expression or a
 * condition that starts at a token ends (or -1 when none starts there), and what a range of tokens contains
 * ({@link #evidence}). A parenthesised group is skipped in one step through its matching parenthesis, so every
 * call is linear in the tokens it consumes, and a CASE looks for its END no further than a fixed window.
 */
class SqlParser {

  // Evidence bits: what a range of tokens holds.
  static final int EV_STRING = 1;
  static final int EV_NUMBER = 1 << 1;
  static final int EV_LITERAL = 1 << 2;
  static final int EV_VARIABLE = 1 << 3;
  static final int EV_SYSVAR = 1 << 4;
  static final int EV_FUNC = 1 << 5;
  static final int EV_SUBQUERY = 1 << 6;
  static final int EV_IDENT = 1 << 7;
  static final int EV_PREDICATE = 1 << 8;
  static final int EV_TIME = 1 << 9;
  /** A call that carries data out: in an error message (extractvalue, convert to int) or over the network. */
  static final int EV_ERROR = 1 << 10;
  static final int EV_INFO = 1 << 11;
  static final int EV_SYSNAME = 1 << 12;
  static final int EV_STAR = 1 << 13;
  static final int EV_OPERATOR = 1 << 14;
  /** A call of a qualified name ({@code a.b()}): a method in code, a packaged function in SQL. */
  static final int EV_METHOD = 1 << 15;
  /** Anything but plain names: a value SQL computes rather than a word prose could hold. */
  static final int EV_SQL = EV_STRING | EV_NUMBER | EV_LITERAL | EV_VARIABLE | EV_SYSVAR | EV_FUNC | EV_SUBQUERY
      | EV_STAR | EV_PREDICATE;

  private static final int CASE_WINDOW = 64;
  private static final int MAX_CHAIN = 16;
  /**
   * Tokens {@link #evidence} may visit per context, all calls together: nested regions can be looked at again by
   * the shapes around them ({@code UNION SELECT (... UNION SELECT (...))}), and this keeps the whole linear.
   */
  static final int EVIDENCE_BUDGET = 16 * SqlTokens.MAX_TOKENS;

  final SqlTokens t;
  private int budget = EVIDENCE_BUDGET;

  SqlParser(SqlTokens t) {
    this.t = t;
  }

  /** Whether the evidence budget ran out: what was read past it is unknown, and no shape is claimed from it. */
  boolean exhausted() {
    return budget <= 0;
  }

  /** One operand with its unary operators: a literal, a variable, a (qualified) name, a call, a group, a CASE. */
  int operand(int i) {
    while ((t.type(i) == OP && t.has(i, SIGN) || t.type(i) == BANG || t.isWord(i, SqlLexicon.NOT))) {
      i++;
    }
    switch (t.type(i)) {
      case STRING:
        i++;
        while (t.type(i) == STRING) {
          i++; // adjacent literals concatenate
        }
        return postfix(i);
      case NUMBER:
      case VARIABLE:
        return postfix(i + 1);
      case LPAREN:
        return postfix(t.after(i));
      case WORD:
        return word(i);
      default:
        return -1;
    }
  }

  private int word(int i) {
    int w = t.word(i);
    if (w != 0 && SqlLexicon.is(w, SqlLexicon.LITERAL)) {
      return i + 1;
    }
    if (t.has(i, FUNC)) {
      return postfix(t.after(i + 1));
    }
    if (w == SqlLexicon.CASE) {
      for (int j = i + 1; j < i + CASE_WINDOW && t.exists(j); j++) {
        if (t.isWord(j, SqlLexicon.END)) {
          return postfix(j + 1);
        }
      }
      return -1;
    }
    if (w == SqlLexicon.EXISTS && t.type(i + 1) == LPAREN) {
      return t.after(i + 1);
    }
    if (w != 0 && SqlLexicon.is(w, SqlLexicon.RESERVED)) {
      return -1;
    }
    int j = i + 1;
    while (t.type(j) == DOT) {
      j++;
      if (t.type(j) == DOT) {
        j++; // master..sysdatabases
      }
      if (t.type(j) == WORD && !t.attr(j, SqlLexicon.RESERVED)) {
        j = t.has(j, FUNC) ? t.after(j + 1) : j + 1;
      } else if (t.has(j, STAR)) {
        j++;
      } else {
        break;
      }
    }
    return postfix(j);
  }

  private int postfix(int i) {
    while (t.exists(i)) {
      if (t.type(i) == CAST && t.type(i + 1) == WORD) {
        i += 2;
      } else if (t.isWord(i, SqlLexicon.COLLATE) && t.type(i + 1) == WORD) {
        i += 2;
      } else {
        break;
      }
    }
    return i;
  }

  /** Operands joined by arithmetic, bitwise and concatenation operators. */
  int expr(int i) {
    int j = operand(i);
    if (j < 0) {
      return -1;
    }
    for (int k = 0; k < MAX_CHAIN * 4 && t.exists(j); k++) {
      int type = t.type(j);
      if (type == OP || type == PIPES || t.isWord(j, SqlLexicon.DIV) || t.isWord(j, SqlLexicon.MOD)) {
        int r = operand(j + 1);
        if (r < 0) {
          break;
        }
        j = r;
      } else {
        break;
      }
    }
    return j;
  }

  /** An expression with its comparisons and predicates (LIKE, IN, IS, BETWEEN); -1 when one is left unfinished. */
  int condition(int i) {
    int j = expr(i);
    if (j < 0) {
      return -1;
    }
    for (int k = 0; k < MAX_CHAIN && t.exists(j); k++) {
      int m = t.isWord(j, SqlLexicon.NOT) ? j + 1 : j;
      int w = t.word(m);
      int r;
      if (t.type(j) == CMP) {
        int right = j + 1;
        int q = t.word(right);
        if (q == SqlLexicon.ANY || q == SqlLexicon.SOME || q == SqlLexicon.ALL) {
          right++;
        }
        r = expr(right);
      } else if (w == SqlLexicon.LIKE || w == SqlLexicon.RLIKE || w == SqlLexicon.REGEXP
          || w == SqlLexicon.SOUNDS && t.isWord(m + 1, SqlLexicon.LIKE)) {
        int pattern = w == SqlLexicon.SOUNDS ? m + 2 : m + 1;
        r = expr(pattern);
        if (r > 0 && (evidence(pattern, r) & EV_SQL) == 0) {
          break; // Tom and Jerry like cheese: a pattern is a value, not a word
        }
        if (r > 0 && t.isWord(r, SqlLexicon.ESCAPE)) {
          r = expr(r + 1);
        }
      } else if (w == SqlLexicon.IN) {
        if (t.type(m + 1) != LPAREN || (evidence(m + 2, t.after(m + 1)) & EV_SQL) == 0) {
          break; // use in source, Bob in (London): IN takes a parenthesised list of values
        }
        r = t.after(m + 1);
      } else if (w == SqlLexicon.IS) {
        int v = t.isWord(m + 1, SqlLexicon.NOT) ? m + 2 : m + 1;
        r = t.attr(v, SqlLexicon.LITERAL) ? v + 1 : -1;
      } else if (w == SqlLexicon.BETWEEN) {
        r = expr(m + 1);
        r = r > 0 && t.isWord(r, SqlLexicon.AND) ? expr(r + 1) : -1;
      } else {
        break;
      }
      if (r < 0) {
        return -1;
      }
      j = r;
    }
    return j;
  }

  /** Whether token {@code i} is a logical operator: AND, OR, XOR, {@code &&}, {@code ||}. */
  boolean logic(int i) {
    int type = t.type(i);
    return type == AMPS || type == PIPES || t.attr(i, SqlLexicon.LOGIC);
  }

  /**
   * Whether what follows a complete injected condition or expression at {@code e} fits a query: the end, a comment
   * or a statement separator, a closing parenthesis, another logical operator or a clause keyword; a stray symbol
   * or the context's closing string as the very last token.
   */
  boolean boundary(int e, boolean quoted) {
    if (!t.exists(e)) {
      return true;
    }
    int type = t.type(e);
    if (type == COMMENT || type == SEMI || type == RPAREN || type == AMPS || type == PIPES) {
      return true;
    }
    if (t.attr(e, SqlLexicon.LOGIC) || t.attr(e, SqlLexicon.BOUNDARY)) {
      return true;
    }
    return t.last(e) && (type == OTHER || quoted && reopened(e));
  }

  /**
   * Whether token {@code e} is a string the value opens and leaves for the application's closing quote to end,
   * holding no text with spaces (as {@code 'a} in {@code ' or 'a'='a}; not {@code ' is a query}).
   */
  boolean reopened(int e) {
    return t.type(e) == STRING && !t.has(e, CLOSED) && !t.has(e, SPACED);
  }

  /** Whether nothing but a comment cutting the query off (or a stray last symbol) follows {@code e}. */
  boolean ends(int e) {
    if (!t.exists(e)) {
      return true;
    }
    int type = t.type(e);
    if (type == SEMI) {
      return t.last(e) || t.type(e + 1) == COMMENT && t.last(e + 1);
    }
    return t.last(e) && (type == COMMENT || type == OTHER);
  }

  /** What the tokens in {@code [from, to)} hold, as EV_ bits. */
  int evidence(int from, int to) {
    int ev = 0;
    for (int i = Math.max(from, 0); i < to && t.exists(i); i++) {
      if (--budget < 0) {
        return 0;
      }
      switch (t.type(i)) {
        case STRING:
          ev |= EV_STRING;
          break;
        case NUMBER:
          ev |= EV_NUMBER;
          break;
        case VARIABLE:
          ev |= t.has(i, SYSVAR) ? EV_SYSVAR : EV_VARIABLE;
          break;
        case CMP:
          ev |= EV_PREDICATE;
          break;
        case OP:
          ev |= t.has(i, STAR) ? EV_STAR | EV_OPERATOR : EV_OPERATOR;
          break;
        case PIPES:
        case AMPS:
          ev |= EV_OPERATOR;
          break;
        case WORD:
          ev |= wordEvidence(i);
          break;
        default:
          break;
      }
    }
    return ev;
  }

  private int wordEvidence(int i) {
    int w = t.word(i);
    int attrs = w == 0 ? 0 : SqlLexicon.attrs(w);
    int ev = 0;
    if (t.has(i, SYSNAME)) {
      ev |= EV_SYSNAME;
    }
    if (t.has(i, FUNC)) {
      // A method of an object (list.stream()) is code's; a SQL function stands alone or in a system package.
      ev |= t.has(i, QUALIFIED) && !t.has(i - 2, SYSNAME) ? EV_METHOD : EV_FUNC;
      if ((attrs & SqlLexicon.TIME_FN) != 0) {
        ev |= EV_TIME;
      }
      if ((attrs & SqlLexicon.ERROR_FN) != 0 || w == SqlLexicon.CONVERT && t.attr(i + 2, SqlLexicon.TYPE)
          || t.has(i, QUALIFIED) && t.has(i - 2, SYSNAME)) {
        ev |= EV_ERROR; // extractvalue(), convert(int, ...), utl_http.request(): data out through an error or a call
      }
      if ((attrs & SqlLexicon.INFO_FN) != 0) {
        ev |= EV_INFO;
      }
      return ev;
    }
    if (w == SqlLexicon.SELECT) {
      return t.type(i - 1) == LPAREN ? ev | EV_SUBQUERY : ev; // (SELECT ...), not a name like Lexicon.SELECT
    }
    if ((attrs & SqlLexicon.LITERAL) != 0) {
      return ev | EV_LITERAL;
    }
    if ((attrs & SqlLexicon.PREDICATE) != 0) {
      return ev | EV_PREDICATE;
    }
    if ((attrs & SqlLexicon.NILADIC) != 0) {
      return ev | EV_INFO; // current_user, session_user: a value without parentheses ("name or version" is prose)
    }
    if (w == 0 || (attrs & SqlLexicon.RESERVED) == 0) {
      ev |= EV_IDENT;
    }
    return ev;
  }
}
