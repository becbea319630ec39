package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.SqlParser.*;
import static dev.lambdaguard.input.detect.SqlTokens.*;

/**
 * The shapes of SQL injection, recognised in the tokens of one context. Most are anchored where an injection
 * takes over the query: just after the quote that closes the context's string, or at the start of a value that
 * goes into the query as-is (after the number or name it was expected to be, and any parentheses it closes). What
 * follows there must read as the attack's SQL (a logical operator and a condition, UNION SELECT, a statement, a
 * clause), and end where an attack ends (the end of the value, a comment, the string the application closes).
 * A few shapes are recognised anywhere, as no text but SQL holds them: UNION SELECT with a column list, a
 * statement after a semicolon, a delaying or error-raising function call in an operand's place; they are looked
 * for only when {@link SqlPrefilter#anywhere} found what they need.
 *
 * <p>The rules, as {@link SqliDetector} names them: {@link #TAUTOLOGY} and {@link #TAUTOLOGY_LITERAL}
 * ({@code sqli.tautology}), {@link #UNION}, {@link #STACKED}, {@link #STATEMENT}, {@link #COMMENT_TERMINATED},
 * {@link #TIME_BASED}, {@link #FUNCTION}, {@link #ORDER_BY}, {@link #CLAUSE}, {@link #SUBQUERY}. When several
 * shapes are in a value, the first found is named: anchored before anywhere, the more specific (a delaying or
 * error-raising call) before the general one it sits in.
 */
final class SqlShapes extends SqlStatements {

  static final int NONE = 0;
  static final int TAUTOLOGY = 1;
  static final int TAUTOLOGY_LITERAL = 2;
  static final int UNION = 3;
  static final int STACKED = 4;
  static final int COMMENT_TERMINATED = 5;
  static final int TIME_BASED = 6;
  static final int FUNCTION = 7;
  static final int ORDER_BY = 8;
  static final int STATEMENT = 9;
  static final int CLAUSE = 10;
  static final int SUBQUERY = 11;
  static final int RULES = 12;

  private static final int MAX_CHAIN = 8;
  /**
   * CASE groups {@link #constantCase} reads per context: each may read a window of tokens for its END, and a value
   * dense with near misses is not read for them past this many (as the evidence budget, no shape is claimed).
   */
  private static final int MAX_CASES = 32;

  /** The first token after the break: after the context's string, or the value's start. */
  private final int b;
  private int cases;

  private SqlShapes(SqlTokens t, boolean quoted) {
    super(t, quoted);
    this.b = quoted ? 1 : 0;
  }

  /**
   * The shape recognised in these tokens, or {@link #NONE}. {@code quoted}: the first token is the context's
   * string. {@code anywhere}: also look past the break for the shapes that stand anywhere (the caller knows the
   * value holds what they need: a semicolon, a call, UNION, WAITFOR, OUTFILE or an inline comment).
   */
  static int match(SqlTokens t, boolean quoted, boolean anywhere) {
    if (t == null || !t.exists(quoted ? 1 : 0)) {
      return NONE;
    }
    SqlShapes shapes = new SqlShapes(t, quoted);
    int r = shapes.anchored();
    if (anywhere && (r == NONE || r == SUBQUERY)) {
      // a delaying or error-raising call inside the subquery is the more specific finding
      int inside = shapes.anywhere();
      r = r == NONE || inside == TIME_BASED || inside == FUNCTION ? inside : r;
    }
    return shapes.exhausted() ? NONE : r;
  }

  // ---------------------------------------------------------------- at the break

  private int anchored() {
    int i = b;
    boolean lead = false;
    int first = quoted ? 0 : extraColumn();
    if (!quoted && (t.type(first) == LPAREN || t.isWord(first, SqlLexicon.CASE))) {
      int r = subquery(first);
      if (r != NONE) {
        return r;
      }
    }
    if (!quoted && (constantTest(first) || arithmeticTest(first))) {
      return TAUTOLOGY;
    }
    if (!quoted) {
      int q = leadOperand();
      if (q > 0) {
        lead = true;
        i = q;
      }
    }
    while (t.type(i) == RPAREN) {
      i++;
    }
    if (!t.exists(i)) {
      return NONE;
    }
    int type = t.type(i);
    int w = t.word(i);
    if (quoted && (type == COMMENT && t.last(i) && t.has(i, BLANK)
        || type == SEMI && t.type(i + 1) == COMMENT && t.last(i + 1))) {
      return COMMENT_TERMINATED; // admin'--, admin');#
    }
    int r = NONE;
    if (logic(i)) {
      r = tautology(i, lead);
    } else if (w == SqlLexicon.UNION) {
      r = union(i, true);
    } else if ((w == SqlLexicon.ORDER || w == SqlLexicon.GROUP) && t.isWord(i + 1, SqlLexicon.BY)) {
      r = orderBy(i + 2, lead, !quoted && i == 0);
    } else if (w == SqlLexicon.WHERE || w == SqlLexicon.HAVING) {
      r = where(i + 1);
    } else if (w == SqlLexicon.AS && t.type(i + 1) == WORD && t.isWord(i + 2, SqlLexicon.WHERE)) {
      r = where(i + 3);
    } else if (w == SqlLexicon.LIMIT && (quoted || lead)) {
      r = limit(i + 1);
    } else if (w == SqlLexicon.PROCEDURE && t.isWord(i + 1, SqlLexicon.ANALYSE) && (quoted || lead)) {
      r = CLAUSE;
    } else if (type == COMMA && quoted) {
      r = valueList(i);
    } else if (type == SEMI) {
      r = stacked(i + 1, true);
    } else if (t.attr(i, SqlLexicon.STATEMENT)) {
      r = quoted || lead ? stacked(i, false) : whole(i);
    }
    if (r == NONE && (quoted || lead || i == 0)) {
      r = continuation(i);
    }
    if (r == NONE && (quoted || lead) && continues(i)) {
      r = clauseAfterExpression(i, lead);
    }
    return r;
  }

  /**
   * {@code ' || 'a' UNION SELECT ...}, {@code 1+1 UNION SELECT ...}, {@code 2*1 ORDER BY 3}, {@code 0+0; DROP ...},
   * {@code 1+1 AND 1=1}: an expression that continues the break, then a clause or condition of the attacker's own,
   * the same shapes as right at the break. The expression is read operand by operand (a word AND or OR ends it:
   * that is a condition, read by {@link #tautology}), linear in its tokens, which the token cap bounds.
   */
  private int clauseAfterExpression(int i, boolean lead) {
    int j = i;
    boolean compared = false;
    while (continues(j) && !t.attr(j, SqlLexicon.LOGIC)) {
      compared |= t.type(j) != OP && t.type(j) != PIPES;
      int r = operand(j + 1);
      if (r < 0) {
        return NONE;
      }
      j = r;
    }
    while (t.type(j) == RPAREN) {
      j++;
    }
    if (j > i && logic(j) && !compared) {
      return tautology(j, lead); // 1+1 AND 1=1; but a<b and c>d is two conditions, as in a formula
    }
    int w = t.word(j);
    if (w == SqlLexicon.UNION) {
      return union(j, true);
    }
    if ((w == SqlLexicon.ORDER || w == SqlLexicon.GROUP) && t.isWord(j + 1, SqlLexicon.BY)) {
      return orderBy(j + 2, lead, false);
    }
    return t.type(j) == SEMI ? stacked(j + 1, true) : NONE;
  }

  /**
   * Where one more column for the query's select list or ORDER BY starts, the comma before it the attacker's own:
   * after it at the value's start ({@code ,(SELECT ...)}), or after the number or name the value was expected to be
   * ({@code 1,(SELECT ...)}, {@code id,IIF(1=1,1,1/0)}, as sqlmap writes a sort column); 0 for the value's start.
   */
  private int extraColumn() {
    if (t.type(0) == COMMA) {
      return 1;
    }
    int type = t.type(0);
    boolean plainOperand = type == NUMBER || type == WORD && t.word(0) == 0 && !t.has(0, FUNC);
    return plainOperand && t.type(1) == COMMA ? 2 : 0;
  }

  /**
   * {@code (SELECT ...)} or {@code (CASE WHEN ... END)} as the whole value: a query or a condition in the place of
   * a value or of an ORDER BY column.
   */
  private int subquery(int i) {
    int q = i;
    while (t.type(q) == LPAREN) {
      q++;
    }
    if (q > i && t.exists(t.after(i))) {
      return NONE; // the group closes before the value ends
    }
    if (t.isWord(q, SqlLexicon.CASE) && t.isWord(q + 1, SqlLexicon.WHEN)) {
      int end = operand(q);
      boolean decides = end > 0 && (evidence(q, end) & EV_PREDICATE) != 0;
      return decides && (q > i || !t.exists(end)) ? SUBQUERY : NONE;
    }
    if (!t.isWord(q, SqlLexicon.SELECT)) {
      return NONE;
    }
    int end = selectList(q + 1);
    int evidence = EV_PREDICATE | EV_FUNC | EV_SUBQUERY | EV_SYSVAR | EV_INFO;
    if (end >= 0 && (seen & evidence) == 0 && t.isWord(end, SqlLexicon.FROM)) {
      // Columns of plain names: the table read may be the query's evidence, a table function
      // ((SELECT 1 FROM pg_sleep(5))) or a system table without an alias ((SELECT banner FROM v$version))
      end = t.has(end + 1, FUNC) ? source(end + 1) : t.has(end + 1, SYSNAME) ? name(end + 1) : end;
      evidence |= EV_SYSNAME;
    }
    boolean sql = (seen & evidence) != 0;
    return end >= 0 && sql && (boundary(end, false) || t.isWord(end, SqlLexicon.FROM)) ? SUBQUERY : NONE;
  }

  /**
   * {@code IIF(1=1,1,1/0)}, {@code ELT(5=5,SLEEP(5))}, {@code MAKE_SET(7=7,1)}: as-is, a call whose first argument
   * tests two literals for equality, a condition that reads no data (a boolean-blind probe choosing between the
   * call's other arguments). The call must be the whole value or end where an injection ends; code's
   * {@code assert(1 == 1, ...)} compares with {@code ==}, and {@code f(x=1, y)} names a variable.
   */
  private boolean constantTest(int i) {
    if (t.type(i) != WORD || !t.has(i, FUNC) || t.has(i, QUALIFIED)) {
      return false;
    }
    int a = i + 2;
    if (!literalsEqual(a) || t.type(a + 3) != COMMA) {
      return false;
    }
    int end = t.after(i + 1);
    return end > a + 3 && boundary(end, false);
  }

  /**
   * {@code (5836=5836)*7142}, {@code 1*(5836=5836)}: as-is, the whole value a number and a parenthesized test of two
   * literals for equality joined by an arithmetic operator. A boolean-blind probe for a numeric or ORDER BY
   * position: the test is 1 or 0, so the number the query reads tells its answer. A formula compares no literals.
   */
  private boolean arithmeticTest(int i) {
    int e = literalTest(i);
    if (e > 0) {
      return t.type(e) == OP && t.type(e + 1) == NUMBER && boundary(e + 2, false);
    }
    return t.type(i) == NUMBER && t.type(i + 1) == OP && (e = literalTest(i + 2)) > 0 && boundary(e, false);
  }

  /** The token after {@code (L=L)} at {@code i}, two literals of one type tested for equality; -1 for none. */
  private int literalTest(int i) {
    return t.type(i) == LPAREN && literalsEqual(i + 1) && t.type(i + 4) == RPAREN ? i + 5 : -1;
  }

  /** Whether tokens {@code a} to {@code a + 2} test two literals of one type (numbers or strings) with {@code =}. */
  private boolean literalsEqual(int a) {
    int type = t.type(a);
    return (type == NUMBER || type == STRING) && t.has(a + 1, EQUALS) && t.type(a + 2) == type;
  }

  /**
   * {@code test', (SELECT password FROM users))--}: more values for the query's VALUES list, one of them a
   * subquery, and the rest of the statement cut off.
   */
  private int valueList(int i) {
    int q = i;
    boolean subquery = false;
    while (t.exists(q)) {
      int type = t.type(q);
      if (type == COMMA || type == RPAREN) {
        q++;
      } else if (type == LPAREN && t.isWord(q + 1, SqlLexicon.SELECT)) {
        int end = selectList(q + 2);
        subquery |= end > 0 && (t.isWord(end, SqlLexicon.FROM) || (seen & (EV_FUNC | EV_INFO | EV_SYSVAR)) != 0);
        q = t.after(q);
      } else if (type == LPAREN) {
        q++; // another row
      } else {
        int r = operand(q);
        if (r < 0) {
          break;
        }
        q = r;
      }
    }
    return subquery && t.exists(q) && ends(q) ? SUBQUERY : NONE;
  }

  /** The number, string or name a value going into the query as-is was expected to be; 0 when it starts otherwise. */
  private int leadOperand() {
    int type = t.type(0);
    if (type == NUMBER || type == STRING || type == VARIABLE || type == LPAREN
        || type == OP && t.has(0, SIGN) && t.type(1) == NUMBER
        || type == WORD && t.word(0) == 0 && !t.has(0, FUNC)) {
      return Math.max(operand(0), 0);
    }
    return 0;
  }

  /** {@code OR 1=1}, {@code AND 'a'='a}, {@code || sleep(5)}: a logical operator and a condition that decides. */
  private int tautology(int i, boolean lead) {
    // A value opening with || or && may be a line of C-family code: its comparison must end the value.
    boolean symbol = !quoted && !lead && i == 0 && (t.type(i) == PIPES || t.type(i) == AMPS);
    for (int k = 0; k < MAX_CHAIN && logic(i); k++) {
      int c = condition(i + 1);
      if (c < 0) {
        return NONE;
      }
      int ev = evidence(i + 1, c);
      if (symbol && (ev & (EV_TIME | EV_ERROR | EV_SUBQUERY | EV_SYSVAR | EV_INFO)) == 0 && !ends(c)) {
        return NONE;
      }
      if (boundary(c, quoted)) {
        if ((ev & EV_TIME) != 0) {
          return TIME_BASED;
        }
        if ((ev & EV_ERROR) != 0) {
          return FUNCTION;
        }
        if ((ev & (EV_PREDICATE | EV_SUBQUERY | EV_SYSVAR | EV_INFO)) != 0
            || (ev & EV_FUNC) != 0 && (quoted || symbol && ends(c))) {
          return TAUTOLOGY; // a call alone decides only after a quote or as ||f(): cache || load() is a script's
        }
      }
      if ((ev & (EV_IDENT | EV_FUNC | EV_SUBQUERY | EV_VARIABLE | EV_SYSVAR)) == 0 && ends(c)) {
        // Literals alone: ' OR 1 --, ' or ''-', AND true. As-is, only a boolean after AND (OR 97205 is an address).
        if (quoted && !t.has(c - 1, SPACED)) {
          return TAUTOLOGY_LITERAL;
        }
        boolean bool = t.isWord(i + 1, SqlLexicon.TRUE) || t.isWord(i + 1, SqlLexicon.FALSE);
        if (lead && bool && c == i + 2 && t.type(0) == NUMBER) {
          return TAUTOLOGY_LITERAL; // 1 AND true
        }
        if (!lead && (t.attr(i + 1, SqlLexicon.LITERAL) || t.type(c) == COMMENT
            || t.type(i + 1) == NUMBER && c == i + 2 && !t.isWord(i, SqlLexicon.OR) && t.type(i) != PIPES)) {
          return TAUTOLOGY_LITERAL;
        }
      }
      i = c;
    }
    return NONE;
  }

  /** {@code '=0--}, {@code '-'}, {@code '||utl_http.request(...)||'}: operators continuing the closed string. */
  private int continuation(int i) {
    if (!continues(i)) {
      return NONE;
    }
    int j = i;
    for (int k = 0; k < MAX_CHAIN * 4 && continues(j); k++) {
      int r = operand(j + 1);
      if (r < 0) {
        break;
      }
      j = r;
    }
    int ev = evidence(i + 1, j);
    if ((ev & EV_TIME) != 0 && boundary(j, quoted)) {
      return TIME_BASED;
    }
    if ((ev & EV_ERROR) != 0 && (boundary(j, quoted) || !t.exists(j))) {
      return FUNCTION;
    }
    if ((ev & EV_SUBQUERY) != 0 && (ev & (EV_PREDICATE | EV_FUNC | EV_SYSVAR | EV_STAR)) != 0
        && boundary(j, quoted)) {
      return TAUTOLOGY; // RLIKE (SELECT (CASE WHEN ...)), = (SELECT ...): a subquery deciding the condition
    }
    if (!quoted) {
      return NONE;
    }
    ev |= evidence(i, i + 1);
    boolean reopened = !t.exists(j) && reopened(j - 1) && t.has(j - 1, BLANK);
    if (reopened && (ev & (EV_FUNC | EV_METHOD)) != 0) {
      return FUNCTION; // '||f()||': a call concatenated into the string, even a packaged one (app.adduser())
    }
    if (reopened && t.has(0, BLANK) && (ev & (EV_IDENT | EV_VARIABLE)) == 0) {
      return TAUTOLOGY_LITERAL; // '' - '': MySQL compares the column with 0
    }
    if (t.exists(j) && t.type(j) != OTHER && ends(j) && (ev & EV_PREDICATE) != 0 && t.type(i) == CMP) {
      return TAUTOLOGY;
    }
    return NONE;
  }

  private boolean continues(int i) {
    int type = t.type(i);
    int w = t.word(i);
    return type == OP || type == CMP || type == PIPES || type == AMPS || w == SqlLexicon.LIKE
        || w == SqlLexicon.RLIKE || w == SqlLexicon.REGEXP || w == SqlLexicon.DIV || t.attr(i, SqlLexicon.LOGIC);
  }

  /**
   * {@code ORDER BY 3--}, {@code GROUP BY 1,2}, {@code GROUP BY password HAVING 1=1}: probing the columns.
   * {@code start}: the clause opens an as-is value, where HAVING with a comparison still makes it the attacker's
   * (as {@code HAVING 1=1} alone does), but a comment after names does not ({@code order by date -- newest}).
   */
  private int orderBy(int q, boolean lead, boolean start) {
    int count = 0;
    boolean numbers = true;
    int ev = 0;
    while (count < SqlTokens.MAX_TOKENS) {
      int r = expr(q);
      if (r < 0) {
        break;
      }
      numbers &= r == q + 1 && t.type(q) == NUMBER;
      ev |= evidence(q, r);
      count++;
      q = r;
      if (t.isWord(q, SqlLexicon.ASC) || t.isWord(q, SqlLexicon.DESC)) {
        q++;
      }
      if (t.type(q) != COMMA) {
        break;
      }
      q++;
    }
    if (count == 0) {
      return NONE;
    }
    if ((ev & EV_TIME) != 0 && boundary(q, quoted)) {
      return TIME_BASED;
    }
    boolean having = false;
    if (t.isWord(q, SqlLexicon.HAVING)) {
      int c = condition(q + 1);
      if (c < 0) {
        return NONE;
      }
      having = (evidence(q + 1, c) & EV_PREDICATE) != 0;
      q = c;
    }
    if (numbers && ends(q)) {
      return ORDER_BY;
    }
    if ((quoted || lead) && (having && boundary(q, quoted) || t.type(q) == COMMENT && ends(q))) {
      return ORDER_BY;
    }
    if (start && having && boundary(q, quoted)) {
      return ORDER_BY;
    }
    return NONE;
  }

  /** {@code WHERE 1=1 AND 1=0}, {@code HAVING 1=1}: a clause of the attacker's own, with a comparison. */
  private int where(int q) {
    int c = condition(q);
    if (c < 0) {
      return NONE;
    }
    int ev = evidence(q, c);
    for (int k = 0; k < MAX_CHAIN && logic(c); k++) {
      int next = condition(c + 1);
      if (next < 0) {
        return NONE;
      }
      ev |= evidence(c + 1, next);
      c = next;
    }
    if ((ev & EV_PREDICATE) == 0 || !boundary(c, quoted)) {
      return NONE;
    }
    return (ev & EV_TIME) != 0 ? TIME_BASED : CLAUSE;
  }

  /** {@code ' LIMIT 1--}. */
  private int limit(int q) {
    if (t.type(q) != NUMBER) {
      return NONE;
    }
    q++;
    if ((t.type(q) == COMMA || t.isWord(q, SqlLexicon.OFFSET)) && t.type(q + 1) == NUMBER) {
      q += 2;
    }
    return t.exists(q) && ends(q) ? CLAUSE : NONE;
  }

  // ---------------------------------------------------------------- UNION SELECT

  /** {@code UNION [ALL] SELECT} and a column list: strong evidence when at the break, more needed elsewhere. */
  private int union(int i, boolean atBreak) {
    int q = i + 1;
    if (t.isWord(q, SqlLexicon.ALL) || t.isWord(q, SqlLexicon.DISTINCT)) {
      q++;
    }
    while (t.type(q) == LPAREN) {
      q++;
    }
    if (!t.isWord(q, SqlLexicon.SELECT)) {
      return NONE;
    }
    if (atBreak && (ends(q + 1) || t.type(q + 1) == COMMENT)
        && (quoted || t.isWord(i + 1, SqlLexicon.ALL) || i == 0 && !t.exists(q + 1))) {
      return UNION; // ' UNION SELECT --, UNION ALL SELECT, a value that is UNION SELECT: the column list left open
    }
    q = selectList(q + 1);
    if (q < 0) {
      return NONE;
    }
    boolean sql = (seen & EV_SQL) != 0;
    if (atBreak && quoted && sql && aliases == 0) {
      return UNION; // right after the quote, a column list of values is enough, however it ends
    }
    boolean from = t.isWord(q, SqlLexicon.FROM) || t.isWord(q, SqlLexicon.INTO);
    if (!from && !boundary(q, quoted)) {
      return NONE;
    }
    if (aliases > 0 && items == 1 && !from && t.type(q) != COMMENT && t.type(q) != SEMI) {
      return NONE; // union select 5 delegates
    }
    if (atBreak ? sql || from || items >= 2
        : sql && (items >= 2 || from || t.type(q) == COMMENT || t.type(q) == SEMI)) {
      return UNION;
    }
    return NONE;
  }

  // ---------------------------------------------------------------- statements

  /**
   * A statement of the attacker's after a semicolon, or right after the break or an as-is value (SQL Server runs
   * a batch of statements without separators). Without the semicolon it must cut the query's tail off (a comment
   * or a separator after it): a quoted statement in a script ({@code sql = "INSERT INTO t ..." + id}) does not.
   */
  private int stacked(int i, boolean separated) {
    int end = statement(i);
    if (end < 0) {
      return NONE;
    }
    if (kind == SqlLexicon.WAITFOR) {
      return TIME_BASED;
    }
    boolean system = (kind == SqlLexicon.EXEC || kind == SqlLexicon.EXECUTE) && (seen & EV_SYSNAME) != 0;
    if (!separated && !terminated(end) && !system) {
      return NONE; // but x' exec master..xp_cmdshell 'ping ...: a system procedure is the attacker's wherever it ends
    }
    if (!separated && kind == SqlLexicon.SELECT) {
      // ' select name from syscolumns --: SQL Server runs the batch's next SELECT without a separator. Only one
      // from the system's catalogue, with the query's tail commented off, counts: ' select the best plan -- is
      // prose, and psql -c "select * from pg_user;" a shell command
      return (seen & EV_SYSNAME) != 0 && commentedOff(end) ? STACKED : NONE;
    }
    if (kind == SqlLexicon.SELECT && !strongSelect(end)
        && !((seen & EV_SQL) != 0 && aliases == 0 && complete(end) >= 0)) {
      return NONE; // ; select 1/0 -- is a query, ; select a seat from the map is not
    }
    return STACKED;
  }

  /** Whether a comment follows {@code from} before any statement separator. */
  private boolean commentedOff(int from) {
    for (int j = from; t.exists(j) && t.type(j) != SEMI; j++) {
      if (t.type(j) == COMMENT) {
        return true;
      }
    }
    return false;
  }

  /** A value that is itself a statement; only one that reads the system or acts beyond a query's rows counts. */
  private int whole(int i) {
    int end = statement(i);
    if (end < 0) {
      return NONE;
    }
    if (kind == SqlLexicon.WAITFOR) {
      return TIME_BASED;
    }
    if (kind == SqlLexicon.SELECT) {
      boolean system = (seen & (EV_SYSVAR | EV_INFO | EV_SYSNAME)) != 0;
      return system && boundary(end, false) ? STATEMENT : NONE;
    }
    if (kind == SqlLexicon.EXEC || kind == SqlLexicon.EXECUTE || kind == SqlLexicon.LOAD || kind == SqlLexicon.DECLARE
        || kind == SqlLexicon.COPY || kind == SqlLexicon.BACKUP || kind == SqlLexicon.IF) {
      return STATEMENT;
    }
    if ((seen & EV_SYSNAME) != 0) {
      return STATEMENT;
    }
    if (kind == SqlLexicon.INSERT || kind == SqlLexicon.UPDATE || kind == SqlLexicon.DELETE
        || (kind == SqlLexicon.CREATE || kind == SqlLexicon.ALTER) && !account) {
      return NONE; // a developer's example query or schema
    }
    return terminated(end) ? STATEMENT : NONE;
  }

  private boolean strongSelect(int end) {
    boolean from = t.isWord(end, SqlLexicon.FROM) || t.isWord(end, SqlLexicon.INTO);
    if (!from && !boundary(end, quoted)) {
      return false;
    }
    return (seen & (EV_SYSVAR | EV_INFO | EV_FUNC | EV_SUBQUERY | EV_STAR | EV_SYSNAME)) != 0
        || items >= 2 && (seen & EV_SQL) != 0;
  }

  // ---------------------------------------------------------------- anywhere

  private int anywhere() {
    for (int i = b; t.exists(i); i++) {
      int type = t.type(i);
      int r = NONE;
      if (type == WORD) {
        int w = t.word(i);
        if (t.has(i, FUNC)) {
          r = call(i, w);
        } else if (w == SqlLexicon.UNION) {
          r = union(i, false);
        } else if (w == SqlLexicon.WAITFOR && (t.isWord(i + 1, SqlLexicon.DELAY) || t.isWord(i + 1, SqlLexicon.TIME))
            && t.type(i + 2) == STRING) {
          r = TIME_BASED;
        } else if (w == SqlLexicon.INTO && (t.isWord(i + 1, SqlLexicon.OUTFILE)
            || t.isWord(i + 1, SqlLexicon.DUMPFILE)) && t.type(i + 2) == STRING) {
          r = CLAUSE;
        }
      } else if (type == SEMI && t.exists(i + 1)) {
        r = stacked(i + 1, true);
      } else if (type == LPAREN && t.isWord(i + 1, SqlLexicon.CASE)) {
        r = constantCase(i + 1);
      }
      if (r != NONE) {
        return r;
      }
    }
    return NONE;
  }

  /**
   * {@code 'a'||(CASE WHEN (5=5) THEN 1 ELSE 0 END)||'b'}: a CASE, closing its group, that decides on a test of
   * two literals (CASE 5 WHEN 5 too): the boolean-blind oracle inlined in an expression. A query's own CASE tests
   * its columns.
   */
  private int constantCase(int c) {
    int a = t.isWord(c + 1, SqlLexicon.WHEN) ? c + 2 : c + 1;
    while (t.type(a) == LPAREN) {
      a++;
    }
    int type = t.type(a);
    boolean literal = type == NUMBER || type == STRING;
    boolean test = t.isWord(c + 1, SqlLexicon.WHEN) ? t.has(a + 1, EQUALS) : t.isWord(a + 1, SqlLexicon.WHEN);
    if (!literal || !test || t.type(a + 2) != type || ++cases > MAX_CASES) {
      return NONE;
    }
    int end = operand(c);
    return end > 0 && t.type(end) == RPAREN ? SUBQUERY : NONE;
  }

  /** A call to a function that delays the server, raises an error with data, or builds strings from codes. */
  private int call(int i, int w) {
    int attrs = w == 0 ? 0 : SqlLexicon.attrs(w);
    int open = i + 1;
    int after = t.after(open);
    boolean qualified = t.has(i, QUALIFIED);
    boolean system = qualified && t.has(i - 2, SYSNAME);
    int before = qualified ? i - 3 : i - 1;
    // A system package's delay (dbms_lock.sleep(5)) is SQL wherever it stands, even as a PL/SQL block's statement.
    if ((attrs & SqlLexicon.TIME_FN) != 0 && (system || !qualified && operatorBefore(before))
        && operandAfter(after) && timeArguments(w, open, after)) {
      return TIME_BASED;
    }
    if ((attrs & SqlLexicon.ERROR_FN) != 0 && !qualified && (arguments(open, after) > 1 || holdsSelect(open, after))) {
      return FUNCTION;
    }
    if ((attrs & SqlLexicon.FILE_FN) != 0 && !qualified && fileArgument(open, before)) {
      return FUNCTION;
    }
    if (w == SqlLexicon.EXP && holdsSelect(open, after) && operatorBefore(before)) {
      return FUNCTION;
    }
    if (w == SqlLexicon.CONVERT && t.attr(open + 1, SqlLexicon.TYPE) && t.type(open + 2) == COMMA
        && operatorBefore(before)) {
      return FUNCTION;
    }
    if ((attrs & SqlLexicon.CHAR_FN) != 0 && t.type(open + 1) == NUMBER) {
      int op = after;
      boolean joins = t.type(op) == PIPES || t.type(op) == OP && t.has(op, SIGN);
      if (joins && t.attr(op + 1, SqlLexicon.CHAR_FN) && t.has(op + 1, FUNC)) {
        return FUNCTION;
      }
    }
    if (system && operatorBefore(before) && operandAfter(after)) {
      return FUNCTION; // utl_inaddr.get_host_address(...), dbms_xmlgen..., sys.fn_...
    }
    return NONE;
  }

  /**
   * load_file(0x2f6574...), load_file(char(47,...)), or any argument where SQL puts it (after SELECT, a logical
   * operator, a statement separator); data = load_file('config.json') is a script's own helper.
   */
  private boolean fileArgument(int open, int before) {
    int arg = open + 1;
    if (t.has(arg, HEX) || t.attr(arg, SqlLexicon.CHAR_FN)) {
      return true;
    }
    return before < b || t.isWord(before, SqlLexicon.SELECT) || t.attr(before, SqlLexicon.LOGIC)
        || t.type(before) == SEMI || t.type(before) == AMPS || t.type(before) == PIPES;
  }

  private boolean timeArguments(int w, int open, int after) {
    if (w == SqlLexicon.BENCHMARK || w == SqlLexicon.GET_LOCK) {
      return arguments(open, after) == 2;
    }
    int first = t.type(open + 1) == OP && t.has(open + 1, SIGN) ? open + 2 : open + 1;
    return t.type(first) == NUMBER || w == SqlLexicon.RECEIVE_MESSAGE || w == SqlLexicon.PG_SLEEP_FOR;
  }

  /** Arguments of the call whose parenthesis opens at {@code open}: top-level commas plus one (0 when empty). */
  private int arguments(int open, int after) {
    if (open + 1 >= after - 1) {
      return 0;
    }
    int count = 1;
    for (int j = open + 1; j < after - 1 && t.exists(j); j++) {
      if (t.type(j) == LPAREN) {
        j = t.after(j) - 1;
      } else if (t.type(j) == COMMA) {
        count++;
      }
    }
    return count;
  }

  /** Whether the call's arguments hold a SELECT, at their top level or in a parenthesis there. */
  private boolean holdsSelect(int open, int after) {
    for (int j = open + 1; j < after - 1 && t.exists(j); j++) {
      if (t.isWord(j, SqlLexicon.SELECT)) {
        return true;
      }
      if (t.type(j) == LPAREN) {
        if (t.isWord(j + 1, SqlLexicon.SELECT)) {
          return true;
        }
        j = t.after(j) - 1;
      }
    }
    return false;
  }

  /** Whether token {@code j} leaves an operand's place open: an operator, a keyword, a separator, the break. */
  private boolean operatorBefore(int j) {
    if (j < b) {
      return true;
    }
    int type = t.type(j);
    if (type == LPAREN || type == COMMA || type == OP || type == CMP || type == PIPES || type == AMPS
        || type == BANG || type == SEMI) {
      return true;
    }
    int w = t.word(j);
    return t.attr(j, SqlLexicon.LOGIC) || w == SqlLexicon.SELECT || w == SqlLexicon.BY || w == SqlLexicon.THEN
        || w == SqlLexicon.ELSE || w == SqlLexicon.WHEN || w == SqlLexicon.WHERE || w == SqlLexicon.HAVING
        || w == SqlLexicon.NOT || w == SqlLexicon.IF;
  }

  private boolean operandAfter(int j) {
    int type = t.type(j);
    return boundary(j, quoted) || type == CMP || type == OP || type == COMMA;
  }
}
