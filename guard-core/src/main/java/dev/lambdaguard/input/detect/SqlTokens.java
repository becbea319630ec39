package dev.lambdaguard.input.detect;

import java.util.Arrays;

/**
 * The tokens of one value as SQL would read it from one starting context, each packed in an int: its type, the
 * {@link SqlLexicon} id of a word, and flags. Tokens are read on demand: asking for token {@code i} reads the
 * value that far and no further, so a shape that fails on the first tokens after the break costs only those.
 *
 * <p>Comments that close inside the value are whitespace to SQL and leave no token; a comment that runs to the end
 * of a line or of the value leaves a {@link #COMMENT} token, since that is how an injection cuts off the rest of
 * the query. An opening parenthesis knows its closing one ({@link #after}).
 */
final class SqlTokens {

  /**
   * Tokens read per context at most. The rest of a longer value is not inspected in that context: the anchored
   * shapes begin where the injection breaks out (the value's start or its first quote), so hiding one past the cap
   * takes that many tokens of valid SQL in front of it (an expression such as {@code 1+1+...} of some 32 KB, four
   * times what a query parameter may hold by default); the engine's limit on value length bounds the rest. At
   * 4,096 tokens, 8 KB of it hid a UNION; the larger cap costs a value dense in SQL words about 0.3 ms a megabyte.
   */
  static final int MAX_TOKENS = 1 << 14;

  // Types (low 5 bits).
  static final int STRING = 1;
  static final int NUMBER = 2;
  static final int WORD = 3;
  static final int VARIABLE = 4;
  /** Arithmetic or bitwise operator: {@code + - * / % ^ & | ~ << >>}. */
  static final int OP = 5;
  /** Comparison or assignment: {@code = == <> != < > <= >= <=> :=}. */
  static final int CMP = 6;
  /** {@code ||}: string concatenation, or OR in MySQL. */
  static final int PIPES = 7;
  /** {@code &&}: AND in MySQL. */
  static final int AMPS = 8;
  static final int BANG = 9;
  static final int LPAREN = 10;
  static final int RPAREN = 11;
  static final int COMMA = 12;
  static final int SEMI = 13;
  static final int DOT = 14;
  static final int COMMENT = 15;
  /** {@code ::}, a PostgreSQL cast. */
  static final int CAST = 16;
  static final int OTHER = 17;

  private static final int TYPE_MASK = 0x1f;
  private static final int WORD_SHIFT = 5;
  private static final int WORD_MASK = 0x3ff;

  // Flags (bits 15 and up).
  /** A string closed in the value. */
  static final int CLOSED = 1 << 15;
  /** A string with blank content; a comment with nothing but spaces and dashes after its marker. */
  static final int BLANK = 1 << 16;
  /** A word called as a function: an opening parenthesis follows. */
  static final int FUNC = 1 << 17;
  /** A word after a dot: a qualified name's part. */
  static final int QUALIFIED = 1 << 18;
  /** A name in a system catalog or procedure namespace ({@code xp_}, {@code sys...}, {@code pg_}, {@code utl_}). */
  static final int SYSNAME = 1 << 19;
  /** A system variable ({@code @@version}). */
  static final int SYSVAR = 1 << 20;
  /** A hexadecimal or binary literal. */
  static final int HEX = 1 << 21;
  /** An operator that may be unary: {@code + - ~}. */
  static final int SIGN = 1 << 22;
  /** {@code *}. */
  static final int STAR = 1 << 23;
  /** A keyword put together from pieces split by inline comments. */
  static final int JOINED = 1 << 24;
  /** A string whose content holds whitespace next to other text: prose, rather than a value compared. */
  static final int SPACED = 1 << 25;
  /** A lone {@code =}: SQL's equality, where code compares with {@code ==}. */
  static final int EQUALS = 1 << 26;

  private final SqlTokenizer lexer;
  private int[] tok;
  /** Per token, the index of the parenthesis closing it, -1 while unknown; allocated at the first one. */
  private int[] match;
  private int count;
  private boolean done;

  /**
   * {@code chars}: the characters left to read, plus one for a context's implied string; no token is shorter than
   * a character, so the arrays are sized once, to that or the cap, and never grow.
   */
  SqlTokens(SqlTokenizer lexer, int chars) {
    this.lexer = lexer;
    this.tok = new int[Math.max(1, Math.min(chars, MAX_TOKENS))];
  }

  static int pack(int type, int word, int flags) {
    return type | word << WORD_SHIFT | flags;
  }

  // ---------------------------------------------------------------- reading

  /**
   * Whether there is a token {@code i}, reading the value up to the token after it (a word learns it is called, a
   * {@link #FUNC}, from the parenthesis after it).
   */
  boolean exists(int i) {
    return i >= 0 && (i + 1 < count || fill(i));
  }

  private boolean fill(int i) {
    while (i + 1 >= count && !done) {
      done = !lexer.next(this);
    }
    return i < count;
  }

  /** Whether token {@code i} is the value's last. */
  boolean last(int i) {
    return exists(i) && !exists(i + 1);
  }

  int type(int i) {
    return exists(i) ? tok[i] & TYPE_MASK : 0;
  }

  int word(int i) {
    return exists(i) && (tok[i] & TYPE_MASK) == WORD ? tok[i] >>> WORD_SHIFT & WORD_MASK : 0;
  }

  boolean has(int i, int flag) {
    return exists(i) && (tok[i] & flag) != 0;
  }

  boolean isWord(int i, int id) {
    return id != 0 && word(i) == id;
  }

  boolean attr(int i, int attr) {
    int w = word(i);
    return w != 0 && SqlLexicon.is(w, attr);
  }

  /** The index after the parenthesis group opening at {@code i}: after its closing one, or the end if none. */
  int after(int i) {
    while (match[i] < 0 && !done) {
      done = !lexer.next(this);
    }
    return match[i] < 0 ? count : match[i] + 1;
  }

  /** Marks the token about to be added as an opening parenthesis, its closing one yet unknown. */
  void opening() {
    if (match == null) {
      match = new int[tok.length];
    }
  }

  // ---------------------------------------------------------------- writing (the tokenizer)

  /** Appends a token; false at the cap. */
  boolean add(int token) {
    if (count == MAX_TOKENS) {
      return false;
    }
    if (count == tok.length) {
      int size = Math.min(count * 2, MAX_TOKENS);
      tok = Arrays.copyOf(tok, size);
      match = match == null ? null : Arrays.copyOf(match, size);
    }
    if (match != null) {
      match[count] = -1;
    }
    tok[count++] = token;
    return true;
  }

  int size() {
    return count;
  }

  /** The type of the last token added, 0 when none: what the tokenizer looks back at. */
  int lastType() {
    return count == 0 ? 0 : tok[count - 1] & TYPE_MASK;
  }

  boolean lastIsReserved() {
    return count > 0 && SqlLexicon.is(tok[count - 1] >>> WORD_SHIFT & WORD_MASK, SqlLexicon.RESERVED);
  }

  void flagLast(int flag) {
    tok[count - 1] |= flag;
  }

  void close(int open, int close) {
    match[open] = close;
  }
}
