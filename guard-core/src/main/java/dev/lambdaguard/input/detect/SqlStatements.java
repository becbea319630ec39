package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.SqlTokens.*;

/**
 * The statement grammar the shapes need, over {@link SqlParser}'s expressions: where a statement's required part
 * ends (its keywords in order and the names they need: {@code DROP TABLE t}, {@code INSERT INTO t (...) VALUES},
 * {@code EXEC master..xp_cmdshell '...'}), where a SELECT column list ends, and what they held.
 */
class SqlStatements extends SqlParser {

  private static final int MAX_DEPTH = 3;

  /** Whether the tokens start inside a quoted string, which the value's first quote closes. */
  final boolean quoted;

  // What the last statement() or selectList() call saw.
  /** The statement's first keyword. */
  int kind;
  /** Evidence bits ({@link SqlParser}) of what the statement or list held. */
  int seen;
  /** Columns in the list. */
  int items;
  /** Columns given a bare alias ({@code 5 delegates}). */
  int aliases;
  /** The last CREATE, ALTER or DROP was of a user, login or role. */
  boolean account;
  private int depth;

  SqlStatements(SqlTokens t, boolean quoted) {
    super(t);
    this.quoted = quoted;
  }

  /** The end of a SELECT column list starting at {@code q}; {@link #items} and {@link #seen} describe it. */
  int selectList(int q) {
    items = 0;
    aliases = 0;
    seen = 0;
    if (t.isWord(q, SqlLexicon.DISTINCT) || t.isWord(q, SqlLexicon.ALL)) {
      q++;
    }
    if (t.isWord(q, SqlLexicon.TOP) && t.type(q + 1) == NUMBER) {
      q += 2;
    }
    while (items < SqlTokens.MAX_TOKENS) {
      if (t.has(q, STAR)) {
        seen |= EV_STAR;
        q++;
      } else {
        int r = condition(q);
        if (r < 0) {
          break;
        }
        seen |= evidence(q, r);
        q = r;
        if (t.isWord(q, SqlLexicon.AS) && (t.type(q + 1) == WORD || t.type(q + 1) == STRING)) {
          q += 2;
        } else if (t.type(q) == WORD && t.word(q) == 0 && !t.has(q, FUNC)) {
          q++;
          aliases++;
        }
      }
      items++;
      if (t.type(q) != COMMA) {
        break;
      }
      q++;
    }
    return items == 0 ? -1 : q;
  }

  /** Whether a statement separator or a comment follows, from {@code from} on. */
  boolean terminated(int from) {
    for (int j = from; t.exists(j); j++) {
      if (t.type(j) == SEMI || t.type(j) == COMMENT) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a statement starting at {@code i} ends its required part (its keywords in order and the names they
   * need), or -1 when none starts there; {@link #kind} is its first keyword, {@link #seen} what it held.
   */
  int statement(int i) {
    kind = t.word(i);
    seen = 0;
    int q = i + 1;
    if (kind == SqlLexicon.SELECT) {
      int end = selectList(q);
      return end >= 0 && t.isWord(end, SqlLexicon.FROM) ? source(end + 1) : end;
    }
    if (kind == SqlLexicon.DROP || kind == SqlLexicon.ALTER || kind == SqlLexicon.CREATE) {
      if (kind == SqlLexicon.CREATE && t.isWord(q, SqlLexicon.OR) && t.isWord(q + 1, SqlLexicon.REPLACE)) {
        q += 2;
      }
      if (!t.attr(q, SqlLexicon.OBJECT)) {
        return -1;
      }
      account = t.isWord(q, SqlLexicon.USER) || t.isWord(q, SqlLexicon.LOGIN) || t.isWord(q, SqlLexicon.ROLE);
      q++;
      if (t.isWord(q, SqlLexicon.IF)) {
        q += t.isWord(q + 1, SqlLexicon.NOT) ? 3 : 2;
      }
      q = name(q);
      if (kind == SqlLexicon.DROP) {
        while (q >= 0 && t.type(q) == COMMA) {
          q = name(q + 1);
        }
        q = q >= 0 && t.isWord(q, SqlLexicon.CASCADE) ? q + 1 : q;
        return complete(q);
      }
      return q;
    }
    if (kind == SqlLexicon.TRUNCATE) {
      return t.isWord(q, SqlLexicon.TABLE) ? complete(name(q + 1)) : -1;
    }
    if (kind == SqlLexicon.INSERT) {
      q = t.isWord(q, SqlLexicon.INTO) ? name(q + 1) : -1;
      if (q >= 0 && t.type(q) == LPAREN) {
        q = t.after(q);
      }
      return q >= 0 && (t.isWord(q, SqlLexicon.VALUES) || t.isWord(q, SqlLexicon.VALUE)
          || t.isWord(q, SqlLexicon.SELECT) || t.isWord(q, SqlLexicon.SET)) ? q + 1 : -1;
    }
    if (kind == SqlLexicon.UPDATE) {
      q = name(q);
      q = q >= 0 && t.isWord(q, SqlLexicon.SET) ? name(q + 1) : -1;
      return q >= 0 && t.type(q) == CMP ? q + 1 : -1;
    }
    if (kind == SqlLexicon.DELETE) {
      q = t.isWord(q, SqlLexicon.FROM) ? name(q + 1) : -1;
      return q >= 0 && (t.isWord(q, SqlLexicon.WHERE) || t.isWord(q, SqlLexicon.LIMIT)) ? q : complete(q);
    }
    if (kind == SqlLexicon.EXEC || kind == SqlLexicon.EXECUTE) {
      return exec(q);
    }
    if (kind == SqlLexicon.DECLARE) {
      return t.type(q) == VARIABLE && t.attr(q + 1, SqlLexicon.TYPE) ? q + 2 : -1;
    }
    if (kind == SqlLexicon.SHUTDOWN) {
      return complete(t.isWord(q, SqlLexicon.WITH) && t.type(q + 1) == WORD ? q + 2 : q);
    }
    if (kind == SqlLexicon.GRANT || kind == SqlLexicon.REVOKE) {
      for (int j = q; j < q + 16 && t.exists(j); j++) {
        if (t.isWord(j, SqlLexicon.TO) || t.isWord(j, SqlLexicon.FROM) && kind == SqlLexicon.REVOKE) {
          int grantee = t.type(j + 1) == STRING ? j + 2 : name(j + 1);
          grantee = grantee > 0 && t.type(grantee) == VARIABLE ? grantee + 1 : grantee; // 'user'@'%'
          return j > q ? complete(grantee) : -1;
        }
      }
      return -1;
    }
    if (kind == SqlLexicon.LOAD) {
      if (!t.isWord(q, SqlLexicon.DATA)) {
        return -1;
      }
      q = t.isWord(q + 1, SqlLexicon.LOCAL) ? q + 2 : q + 1;
      return t.isWord(q, SqlLexicon.INFILE) && t.type(q + 1) == STRING ? q + 2 : -1;
    }
    if (kind == SqlLexicon.COPY) {
      q = t.type(q) == LPAREN && t.isWord(q + 1, SqlLexicon.SELECT) ? q : name(q);
      if (q >= 0 && t.type(q) == LPAREN) {
        q = t.after(q);
      }
      if (q < 0 || !t.isWord(q, SqlLexicon.FROM) && !t.isWord(q, SqlLexicon.TO)) {
        return -1;
      }
      q = t.isWord(q + 1, SqlLexicon.PROGRAM) ? q + 2 : q + 1;
      if (t.type(q) == STRING) {
        return complete(q + 1);
      }
      int path = q; // an unquoted path: /tmp/x
      while ((t.type(path) == OP || t.type(path) == WORD || t.type(path) == DOT)) {
        path++;
      }
      return t.type(q) == OP && path > q + 1 ? complete(path) : -1;
    }
    if (kind == SqlLexicon.BACKUP) {
      boolean what = t.isWord(q, SqlLexicon.DATABASE) || t.isWord(q, SqlLexicon.LOG);
      q = what ? name(q + 1) : -1;
      return q >= 0 && t.isWord(q, SqlLexicon.TO) && t.type(q + 1) == WORD && t.type(q + 2) == CMP
          && t.type(q + 3) == STRING ? q + 4 : -1;
    }
    if (kind == SqlLexicon.WAITFOR) {
      return (t.isWord(q, SqlLexicon.DELAY) || t.isWord(q, SqlLexicon.TIME)) && t.type(q + 1) == STRING ? q + 2 : -1;
    }
    if (kind == SqlLexicon.CALL) {
      return t.type(q) == WORD && t.has(q, FUNC) ? t.after(q + 1) : -1;
    }
    if (kind == SqlLexicon.SET) {
      return t.type(q) == VARIABLE && t.type(q + 1) == CMP ? q + 2 : -1;
    }
    if ((kind == SqlLexicon.IF || kind == SqlLexicon.BEGIN) && depth < MAX_DEPTH) {
      if (kind == SqlLexicon.IF) {
        q = t.type(q) == LPAREN ? t.after(q) : condition(q);
      }
      if (q < 0 || !t.attr(q, SqlLexicon.STATEMENT)) {
        return -1;
      }
      depth++;
      int end = statement(q);
      depth--;
      kind = kind == SqlLexicon.SELECT ? SqlLexicon.IF : kind;
      return end;
    }
    return -1;
  }

  /** {@code q} when a statement that must end there does (-1 otherwise): the end, a separator, a comment. */
  int complete(int q) {
    if (q < 0) {
      return -1;
    }
    int type = t.type(q);
    return !t.exists(q) || type == SEMI || type == COMMENT || quoted && t.last(q) && reopened(q) ? q : -1;
  }

  /** EXEC of a system procedure or with arguments, EXEC('...'), EXEC @var, EXECUTE IMMEDIATE '...'. */
  private int exec(int q) {
    if (t.isWord(q, SqlLexicon.IMMEDIATE) && t.type(q + 1) == STRING || t.type(q) == VARIABLE) {
      return t.type(q) == VARIABLE ? q + 1 : q + 2;
    }
    if (t.type(q) == LPAREN) {
      // EXEC(@sql), EXEC('SEL' + 'ECT ...'): exec("ls") alone is as much a scripting language's call.
      boolean dynamic = t.type(q + 1) == VARIABLE || t.type(q + 1) == STRING && t.type(q + 2) == OP;
      return dynamic ? t.after(q) : -1;
    }
    int start = q;
    q = name(q);
    if (q < 0) {
      return -1;
    }
    boolean system = (evidence(start, q) & EV_SYSNAME) != 0;
    int a = q;
    while (t.type(a) == STRING || t.type(a) == NUMBER || t.type(a) == VARIABLE) {
      a++;
      if (t.type(a) != COMMA) {
        break;
      }
      a++;
    }
    if (!system && a == q) {
      return -1;
    }
    seen |= system ? EV_SYSNAME : 0;
    return a;
  }

  /**
   * Where the tables a FROM reads, from {@code q}, end: each a name or a call of a table function whose arguments
   * count as the statement's evidence ({@code FROM pg_sleep(5)}, {@code FROM generate_series(1,1,CASE WHEN ...)}),
   * with its alias, and more of them after commas ({@code FROM all_users t1, all_users t2}: a heavy cross join).
   */
  int source(int q) {
    int end = table(q);
    while (end >= 0 && t.type(end) == COMMA) {
      int next = table(end + 1);
      if (next < 0) {
        break;
      }
      end = next;
    }
    return end;
  }

  private int table(int q) {
    int end;
    if (t.type(q) == WORD && t.has(q, FUNC) && !t.has(q, QUALIFIED)) {
      end = t.after(q + 1);
      seen |= evidence(q, end);
    } else {
      end = name(q);
    }
    if (end < 0) {
      return -1;
    }
    int alias = t.isWord(end, SqlLexicon.AS) ? end + 1 : end;
    return t.type(alias) == WORD && t.word(alias) == 0 && !t.has(alias, FUNC) ? alias + 1 : end;
  }

  /** The end of a (qualified, possibly {@code db..name}) object name at {@code q}, or -1. */
  int name(int q) {
    if (t.type(q) != WORD || t.attr(q, SqlLexicon.RESERVED) && !t.attr(q, SqlLexicon.OBJECT)) {
      return -1;
    }
    int start = q;
    q++;
    while (t.type(q) == DOT) {
      q++;
      if (t.type(q) == DOT) {
        q++;
      }
      if (t.type(q) != WORD) {
        return -1;
      }
      q++;
    }
    seen |= evidence(start, q) & EV_SYSNAME;
    return q;
  }
}
