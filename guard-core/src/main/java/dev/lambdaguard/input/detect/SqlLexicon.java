package dev.lambdaguard.input.detect;

/**
 * The SQL words the tokenizer tells apart, each with an id and the grammatical roles it can play (reserved word,
 * logical operator, statement head, clause boundary, predicate, literal) and, for function names, what calling it
 * does (delays the server, raises an error carrying data, reveals the server, builds strings from code points).
 * Identifiers that are no keyword get id 0. Lookup runs on a range of a lower-case string without allocating.
 */
final class SqlLexicon {

  /** Cannot stand as a column or table name: a word prose would have to be SQL to contain here. */
  static final int RESERVED = 1;
  static final int LOGIC = 1 << 1;
  static final int STATEMENT = 1 << 2;
  /** A keyword that may follow a complete condition or expression in a query (ORDER, LIMIT, UNION...). */
  static final int BOUNDARY = 1 << 3;
  static final int PREDICATE = 1 << 4;
  static final int LITERAL = 1 << 5;
  static final int TIME_FN = 1 << 6;
  static final int ERROR_FN = 1 << 7;
  /** Reveals the server: version, current user or database, settings, files. */
  static final int INFO_FN = 1 << 8;
  static final int CHAR_FN = 1 << 9;
  static final int TYPE = 1 << 10;
  /** An object kind after CREATE, DROP, ALTER (TABLE, USER, ...). */
  static final int OBJECT = 1 << 11;
  /** Reads or lists files on the database server. */
  static final int FILE_FN = 1 << 12;
  /** An information function SQL lets stand without parentheses ({@code current_user}; {@code version} needs them). */
  static final int NILADIC = 1 << 13;

  private static final int MAX_WORDS = 512;
  private static final String[] WORDS = new String[MAX_WORDS];
  private static final int[] ATTRS = new int[MAX_WORDS];
  /** Each word's {@link String#hashCode()}: a slot's word is compared only when its hash is the one looked up. */
  private static final int[] HASHES = new int[MAX_WORDS];
  private static final int SLOTS = 2048;
  private static final short[] SLOT_IDS = new short[SLOTS];
  private static int size = 1;
  private static int longest;

  /** The longest word's length: longer ones are never looked up (set once all words are defined, below). */
  static final int MAX_LENGTH;

  static final int AND = def("and", RESERVED | LOGIC);
  static final int OR = def("or", RESERVED | LOGIC);
  static final int NOT = def("not", RESERVED);
  static final int UNION = def("union", RESERVED | BOUNDARY);
  static final int ALL = def("all", RESERVED);
  static final int DISTINCT = def("distinct", RESERVED);
  static final int SELECT = def("select", RESERVED | STATEMENT);
  static final int FROM = def("from", RESERVED | BOUNDARY);
  static final int WHERE = def("where", RESERVED | BOUNDARY);
  static final int HAVING = def("having", RESERVED | BOUNDARY);
  static final int GROUP = def("group", RESERVED | BOUNDARY);
  static final int ORDER = def("order", RESERVED | BOUNDARY);
  static final int BY = def("by", RESERVED);
  static final int LIMIT = def("limit", RESERVED | BOUNDARY);
  static final int OFFSET = def("offset", BOUNDARY);
  static final int INTO = def("into", RESERVED | BOUNDARY);
  static final int OUTFILE = def("outfile", RESERVED);
  static final int DUMPFILE = def("dumpfile", RESERVED);
  static final int PROCEDURE = def("procedure", RESERVED | BOUNDARY | OBJECT);
  static final int ANALYSE = def("analyse", 0);
  static final int AS = def("as", RESERVED);
  static final int LIKE = def("like", RESERVED | PREDICATE);
  static final int RLIKE = def("rlike", RESERVED | PREDICATE);
  static final int REGEXP = def("regexp", RESERVED | PREDICATE);
  static final int SOUNDS = def("sounds", PREDICATE);
  static final int IN = def("in", RESERVED | PREDICATE);
  static final int IS = def("is", RESERVED | PREDICATE);
  static final int BETWEEN = def("between", RESERVED | PREDICATE);
  static final int TRUE = def("true", RESERVED | LITERAL);
  static final int FALSE = def("false", RESERVED | LITERAL);
  static final int CASE = def("case", RESERVED);
  static final int WHEN = def("when", RESERVED);
  static final int THEN = def("then", RESERVED);
  static final int ELSE = def("else", RESERVED);
  static final int END = def("end", RESERVED);
  static final int EXISTS = def("exists", RESERVED);
  static final int DIV = def("div", RESERVED);
  static final int MOD = def("mod", 0);
  static final int ASC = def("asc", RESERVED);
  static final int DESC = def("desc", RESERVED);
  static final int COLLATE = def("collate", RESERVED);
  static final int ESCAPE = def("escape", 0);
  static final int ANY = def("any", 0);
  static final int SOME = def("some", 0);
  static final int TOP = def("top", 0);
  static final int WAITFOR = def("waitfor", RESERVED | STATEMENT);
  static final int DELAY = def("delay", 0);
  static final int TIME = def("time", 0);
  static final int INSERT = def("insert", RESERVED | STATEMENT);
  static final int UPDATE = def("update", RESERVED | STATEMENT);
  static final int DELETE = def("delete", RESERVED | STATEMENT);
  static final int DROP = def("drop", RESERVED | STATEMENT);
  static final int CREATE = def("create", RESERVED | STATEMENT);
  static final int ALTER = def("alter", RESERVED | STATEMENT);
  static final int TRUNCATE = def("truncate", STATEMENT);
  static final int EXEC = def("exec", RESERVED | STATEMENT);
  static final int EXECUTE = def("execute", RESERVED | STATEMENT);
  static final int DECLARE = def("declare", RESERVED | STATEMENT);
  static final int SHUTDOWN = def("shutdown", STATEMENT);
  static final int GRANT = def("grant", RESERVED | STATEMENT);
  static final int REVOKE = def("revoke", RESERVED | STATEMENT);
  static final int LOAD = def("load", STATEMENT);
  static final int COPY = def("copy", STATEMENT);
  static final int BACKUP = def("backup", STATEMENT);
  static final int CALL = def("call", STATEMENT);
  static final int SET = def("set", RESERVED | STATEMENT);
  static final int IF = def("if", STATEMENT);
  static final int BEGIN = def("begin", STATEMENT);
  static final int DATA = def("data", 0);
  static final int INFILE = def("infile", RESERVED);
  static final int LOCAL = def("local", 0);
  static final int TABLE = def("table", RESERVED | OBJECT);
  static final int DATABASE = def("database", OBJECT | INFO_FN);
  static final int SCHEMA = def("schema", OBJECT | INFO_FN);
  static final int USER = def("user", OBJECT | INFO_FN);
  static final int LOGIN = def("login", OBJECT);
  static final int ROLE = def("role", OBJECT);
  static final int VALUES = def("values", RESERVED);
  static final int VALUE = def("value", 0);
  static final int TO = def("to", RESERVED);
  static final int WITH = def("with", RESERVED);
  static final int IMMEDIATE = def("immediate", 0);
  static final int PROGRAM = def("program", 0);
  static final int REPLACE = def("replace", 0);
  static final int LOG = def("log", 0);
  static final int CASCADE = def("cascade", 0);

  // Functions that make the server wait, the oracle of time-based blind injection (sleep, pg_sleep... below).
  static final int BENCHMARK = def("benchmark", TIME_FN);
  static final int PG_SLEEP_FOR = def("pg_sleep_for", TIME_FN);
  static final int RECEIVE_MESSAGE = def("receive_message", TIME_FN);
  static final int GET_LOCK = def("get_lock", TIME_FN);

  /** CONVERT(INT, ...) raises an error that carries its argument on SQL Server. */
  static final int CONVERT = def("convert", 0);
  /** EXP(~(SELECT ...)): MySQL's overflow error carries the subquery; exp(2) in a formula is no such call. */
  static final int EXP = def("exp", 0);

  static {
    // Words with a role but no use by name.
    def("xor", RESERVED | LOGIC);
    def("null", RESERVED | LITERAL);
    def("unknown", LITERAL);
    def("on", RESERVED);
    for (String w : new String[] {"view", "function", "index", "trigger", "event", "tablespace"}) {
      def(w, OBJECT);
    }
    for (String w : new String[] {"sleep", "pg_sleep", "randomblob"}) {
      def(w, TIME_FN);
    }
    // Functions whose error message carries the value of their argument: error-based extraction.
    for (String w : new String[] {"extractvalue", "updatexml", "name_const", "gtid_subset", "geometrycollection",
        "multipoint", "multilinestring", "multipolygon", "linestring", "xmltype", "raise_error"}) {
      def(w, ERROR_FN);
    }
    for (String w : new String[] {"load_file", "pg_read_file", "pg_ls_dir"}) {
      def(w, INFO_FN | FILE_FN);
    }
    // Functions that build a string from character codes: char(0x41)+char(0x42).
    def("char", CHAR_FN | TYPE);
    def("nchar", CHAR_FN | TYPE);
    def("chr", CHAR_FN);
    for (String w : new String[] {"version", "current_database", "current_setting", "db_name", "host_name",
        "suser_name", "suser_sname", "user_name", "sys_context", "connection_id", "is_srvrolemember",
        "serverproperty", "database_principal_id"}) {
      def(w, INFO_FN);
    }
    for (String w : new String[] {"current_user", "session_user", "system_user", "current_schema"}) {
      def(w, INFO_FN | NILADIC);
    }
    for (String w : new String[] {"int", "integer", "varchar", "nvarchar", "numeric", "decimal", "signed", "unsigned",
        "binary", "text", "bigint", "smallint", "tinyint", "float", "real", "date", "datetime", "money", "bit", "xml",
        "sql_variant", "varchar2", "number"}) {
      def(w, TYPE);
    }
    MAX_LENGTH = longest;
  }

  private SqlLexicon() {}

  private static int def(String word, int attrs) {
    int id = size++;
    WORDS[id] = word;
    ATTRS[id] = attrs;
    HASHES[id] = word.hashCode();
    longest = Math.max(longest, word.length());
    int slot = mix(word.hashCode()) & (SLOTS - 1);
    while (SLOT_IDS[slot] != 0) {
      slot = (slot + 1) & (SLOTS - 1);
    }
    SLOT_IDS[slot] = (short) id;
    return id;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x45d9f3b;
    return h ^ (h >>> 16);
  }

  /** Ids run from 1 to {@code size() - 1}. */
  static int size() {
    return size;
  }

  static String word(int id) {
    return WORDS[id];
  }

  static int attrs(int id) {
    return ATTRS[id];
  }

  static boolean is(int id, int attr) {
    return (ATTRS[id] & attr) != 0;
  }

  /**
   * The id of {@code s[from, to)} given its {@link String#hashCode()}-style hash, or 0 when it is no word we know.
   * {@code s} is lower case.
   */
  static int lookup(String s, int from, int to, int hash) {
    return lookup(s, from, to, hash, false);
  }

  /** The same for a range in any ASCII case, given the hash of its lower-case form. */
  static int lookupAnyCase(String s, int from, int to, int lowerHash) {
    return lookup(s, from, to, lowerHash, true);
  }

  private static int lookup(String s, int from, int to, int hash, boolean anyCase) {
    int slot = mix(hash) & (SLOTS - 1);
    for (int id = SLOT_IDS[slot]; id != 0; id = SLOT_IDS[slot]) {
      if (HASHES[id] == hash && matches(s, from, to, WORDS[id], anyCase)) {
        return id;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    return 0;
  }

  /** Whether {@code s[from, to)} spells {@code word} (lower-case ASCII), in any ASCII case if {@code anyCase}. */
  private static boolean matches(String s, int from, int to, String word, boolean anyCase) {
    if (word.length() != to - from) {
      return false;
    }
    if (!anyCase) {
      return s.startsWith(word, from);
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != word.charAt(i - from)) {
        return false;
      }
    }
    return true;
  }

  static int lookup(String word) {
    return lookup(word, 0, word.length(), word.hashCode());
  }
}
