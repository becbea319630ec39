package dev.lambdaguard.input.detect;

import java.util.Locale;
import java.util.Set;

/**
 * Reads the text between one pair of template delimiters with a small tokenizer (strings, numbers, identifiers,
 * punctuation; no backtracking, at most {@link #MAX_CHARS} characters) and says what it does:
 *
 * <ul>
 *   <li>{@link #EXEC}: reaches a command or code runner ({@code os.popen(…)}, {@code getRuntime().exec(…)},
 *       {@code |filter('system')}, a backtick in ERB, Ruby {@code %x});
 *   <li>{@link #JAVA}: Java reflection or runtime classes ({@code T(…)}, {@code getClass().forName},
 *       {@code ?new()}, {@code new java.…});
 *   <li>{@link #OBJECT}: walks the host language's object graph ({@code __class__}, {@code .constructor},
 *       {@code ''.class}, engine internals such as {@code self}, {@code request}, {@code _self});
 *   <li>{@link #EXPR}: computes ({@code 7*7}, calls, filters, assignments, string literals where a placeholder is
 *       expected);
 *   <li>0: a placeholder ({@code name}, {@code user.name}).
 * </ul>
 *
 * Which features count depends on the delimiter {@link #MUSTACHE kind}: inside {@code {{ }}} or {@code <% %>} any
 * computation is unexpected, inside {@code ${ }} (also JavaScript template literals and prices) only computation
 * that a template attack needs is.
 */
final class SstiExpression {

  // Levels, in increasing severity; the scanner keeps the highest.
  static final int EXPR = 1;
  static final int DIRECTIVE = 2;
  static final int POLYGLOT = 3;
  static final int OBJECT = 4;
  static final int JAVA = 5;
  static final int EXEC = 6;

  /** {@code {{ }}}, {@code {% %}}, {@code [% %]}: logic-bearing template tags. */
  static final int MUSTACHE = 0;
  /** {@code <% %>}: ERB, EJS, JSP scriptlets. */
  static final int ERB = 1;
  /** {@code ${ }}, {@code #{ }}, {@code *{ }}, {@code [= ]}, {@code @( )}: expression-language interpolation. */
  static final int EL = 2;

  /** Characters of one expression read at most. */
  static final int MAX_CHARS = 1024;

  private static final Set<String> EXEC_NAMES = Set.of(
      "exec", "system", "popen", "popen2", "popen3", "popen4", "spawn", "spawnsync", "execsync", "execfile",
      "shell", "shell_exec", "passthru", "proc_open", "pcntl_exec", "execute", "call_user_func",
      "call_user_func_array", "registerundefinedfiltercallback", "__import__", "require", "child_process",
      "subprocess", "check_output", "getoutput", "mainmodule", "eval", "evaluate", "processbuilder", "getruntime");
  /** Callables named by a string handed to a filter: {@code |filter('system')}, {@code |map('passthru')}. */
  private static final Set<String> LITERAL_EXEC = Set.of(
      "system", "exec", "passthru", "shell_exec", "popen", "proc_open", "call_user_func", "call_user_func_array",
      "assert", "ini_set", "__import__");
  /** Names that only make sense when executing: enough on their own inside a template. */
  private static final Set<String> EXEC_STRONG = Set.of(
      "popen", "popen2", "popen3", "popen4", "spawnsync", "execsync", "shell_exec", "passthru", "proc_open",
      "pcntl_exec", "call_user_func", "call_user_func_array", "registerundefinedfiltercallback", "__import__",
      "child_process", "subprocess", "check_output", "mainmodule", "processbuilder", "getruntime");
  private static final Set<String> JAVA_NAMES = Set.of(
      "getclass", "forname", "getruntime", "processbuilder", "classloader", "getclassloader", "loadclass",
      "newinstance", "getmethod", "getmethods", "getdeclaredmethod", "getdeclaredmethods", "getconstructor",
      "getdeclaredconstructor", "getdeclaredconstructors", "getdeclaredfield", "getfield", "setaccessible",
      "scriptenginemanager", "getenginebyname", "getprotectiondomain", "getcodesource", "getresource",
      "methodclosure", "groovyclassloader", "parseclass", "asttest", "getexternalcontext", "diagnostics");
  /** Names that walk to interpreter internals wherever they appear in an expression. */
  private static final Set<String> OBJECT_NAMES = Set.of(
      "mro", "subclasses", "globals", "builtins", "__proto__", "getattr", "_self", "_context", "environ",
      "pagecontext", "facescontext", "classloader", "_templatereference__context", "_nsattr__parent", "_mmarker",
      "_with_template");
  /**
   * Names that do so in a template tag, or when called; in {@code ${…}} they are also ordinary variable names of
   * JavaScript template literals ({@code ${namespace.name}}, {@code ${obj.constructor.name}}).
   */
  private static final Set<String> OBJECT_NAMES_WEAK = Set.of(
      "constructor", "prototype", "lipsum", "cycler", "joiner", "namespace", "url_for", "get_flashed_messages",
      "import", "smarty", "application", "os", "sys");
  /** Engine objects that expose internals: suspicious even as a bare {@code {{ name }}}. */
  private static final Set<String> MUSTACHE_ROOTS = Set.of(
      "self", "request", "config", "app", "_self", "_context", "settings", "lipsum", "cycler", "joiner",
      "namespace", "url_for", "get_flashed_messages", "range", "constructor", "_", "os", "sys", "class",
      "process", "global", "session", "application", "dump", "env");
  /** Roots of expression languages that reach the server when a method is called on them. */
  private static final Set<String> EL_ROOTS = Set.of(
      "self", "request", "session", "application", "pagecontext", "facescontext", "class", "global", "process",
      "_", "os", "runtime");
  /**
   * JSP EL's implicit scope objects, which no other language names so: {@code ${applicationScope}} lists the server's
   * attributes, bare or walked. ({@code param}, {@code header}, {@code cookie} are EL's too, and everyday names in
   * JavaScript template literals: left out.)
   */
  private static final Set<String> EL_SCOPES = Set.of(
      "applicationscope", "sessionscope", "requestscope", "pagescope", "initparam", "pagecontext");
  private static final Set<String> FREEMARKER_DANGEROUS = Set.of("new", "api", "eval", "interpret");
  private static final Set<String> OBFUSCATION_CALLS = Set.of("chr", "char", "fromcharcode", "tochars", "implode");
  private static final Set<String> CASTS = Set.of("char", "int", "byte", "short", "long", "string");

  // Bits of the name table: which lists hold a name.
  private static final int N_EXEC_NAME = 1;
  private static final int N_EXEC_STRONG = 1 << 1;
  private static final int N_JAVA = 1 << 2;
  private static final int N_OBJECT = 1 << 3;
  private static final int N_OBJECT_WEAK = 1 << 4;
  private static final int N_MUSTACHE_ROOT = 1 << 5;
  private static final int N_EL_ROOT = 1 << 6;
  private static final int N_FREEMARKER_DANGEROUS = 1 << 7;
  private static final int N_OBFUSCATION_CALL = 1 << 8;
  private static final int N_KEYWORD_OPERATOR = 1 << 9;
  /** {@code os}, {@code sys}: the module reached as a member ({@code x.os}). */
  private static final int N_MODULE = 1 << 10;
  private static final int N_LITERAL_EXEC = 1 << 11;
  private static final int N_EL_SCOPE = 1 << 12;

  private static final AsciiNames NAMES = new AsciiNames()
      .with(EXEC_NAMES, N_EXEC_NAME)
      .with(EXEC_STRONG, N_EXEC_STRONG)
      .with(JAVA_NAMES, N_JAVA)
      .with(OBJECT_NAMES, N_OBJECT)
      .with(OBJECT_NAMES_WEAK, N_OBJECT_WEAK)
      .with(MUSTACHE_ROOTS, N_MUSTACHE_ROOT)
      .with(EL_ROOTS, N_EL_ROOT)
      .with(FREEMARKER_DANGEROUS, N_FREEMARKER_DANGEROUS)
      .with(OBFUSCATION_CALLS, N_OBFUSCATION_CALL)
      .with(Set.of("and", "or", "not", "in", "is", "if", "else", "as"), N_KEYWORD_OPERATOR)
      .with(Set.of("os", "sys"), N_MODULE)
      .with(LITERAL_EXEC, N_LITERAL_EXEC)
      .with(EL_SCOPES, N_EL_SCOPE);

  /**
   * Bits of what a stretch holds, for {@link #mayExceed}: bits 0 to 25 the letters (either case), then these. The
   * scanner gathers them on the pass that finds the closing bracket ({@link #features(char)}), so the tokenizer is
   * not run where it could not raise the level already found.
   */
  private static final long F_LETTERS = (1L << 26) - 1;
  static final long F_UNDERSCORE = 1L << 26;
  /** {@code '}, {@code "} or a backquote: a string literal, whose text counts ({@code 'java.…'}, {@code 'system'}). */
  static final long F_QUOTE = 1L << 27;
  private static final long F_DOT = 1L << 28;
  /** A capital {@code T} as well as its letter: SpEL's {@code T(} is the one name matched in one case only. */
  static final long F_CAPITAL_T = 1L << 29;
  /**
   * {@code {}, {@code <}, {@code [}, {@code @}, {@code ?}: not the tokenizer's concern, but the scanner's, which asks
   * whether a trigger in a stretch already read could still act there.
   */
  static final long F_OPENER = 1L << 30;
  private static final long[] FEATURES = new long[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      FEATURES[c] = 1L << (c - 'a');
      FEATURES[c - 32] = 1L << (c - 'a');
    }
    FEATURES['T'] |= F_CAPITAL_T;
    FEATURES['_'] = F_UNDERSCORE;
    FEATURES['\''] = F_QUOTE;
    FEATURES['"'] = F_QUOTE;
    FEATURES['`'] = F_QUOTE;
    FEATURES['.'] = F_DOT;
    for (char c : "{<[@?".toCharArray()) {
      FEATURES[c] = F_OPENER;
    }
  }

  /**
   * The letters of each listed name that can lead past {@link #EXPR} (keyword operators, obfuscation calls and
   * string-only names cannot), and of Ruby's {@code x} ({@code %x| |}), none a superset of another: an expression
   * holds such a name only if it holds every letter of one of these.
   */
  private static final long[] WALK_OR_RUN_LETTERS = walkOrRunLetters();

  // token types
  private static final int T_NONE = 0;
  private static final int T_NUM = 1;
  private static final int T_STR = 2;
  private static final int T_IDENT = 3;
  private static final int T_DOT = 4;
  private static final int T_LPAREN = 5;
  private static final int T_RPAREN = 6;
  private static final int T_EMPTY_GROUP = 7;
  private static final int T_LBRACKET = 8;
  private static final int T_RBRACKET = 9;
  private static final int T_PIPE = 10;
  private static final int T_ARITH = 11;
  private static final int T_QMARK = 12;
  private static final int T_AT = 13;
  private static final int T_OTHER = 14;

  private SstiExpression() {}

  /** Every name of the lists, for tests. */
  static java.util.List<String> listedNames() {
    return NAMES.names();
  }

  /** What {@code c} adds to the features of a stretch (see {@link #mayExceed}). */
  static long features(char c) {
    return c < 128 ? FEATURES[c] : 0;
  }

  /**
   * Whether {@link #analyze} of an expression whose characters (outside its string literals) have {@code features}
   * can return more than {@code level}. Past {@link #EXPR} every outcome needs a listed name, an underscore (a
   * dunder, {@code _self}), a string ({@code 'java.…'}, a backquote), {@code T(}, Ruby's {@code %x}, or an
   * attribute of a literal ({@code ''.x}, {@code ().x}: a dot); short of them a closed expression reaches
   * {@link #EXPR} at most and an unclosed one 0 (it counts only names and strings).
   */
  static boolean mayExceed(int level, long features, boolean closed) {
    if (level < (closed ? EXPR : 0)) {
      return true;
    }
    return level < EXEC && mayWalkOrRun(features);
  }

  private static boolean mayWalkOrRun(long features) {
    if ((features & (F_UNDERSCORE | F_QUOTE | F_CAPITAL_T)) != 0) {
      return true;
    }
    long letters = features & F_LETTERS;
    if (letters == 0) {
      return false;
    }
    if ((features & F_DOT) != 0) {
      return true;
    }
    for (long need : WALK_OR_RUN_LETTERS) {
      if ((need & ~letters) == 0) {
        return true;
      }
    }
    return false;
  }

  private static long[] walkOrRunLetters() {
    int exprOnly = N_KEYWORD_OPERATOR | N_OBFUSCATION_CALL | N_LITERAL_EXEC;
    java.util.List<Long> sets = new java.util.ArrayList<>();
    sets.add(letters("x"));
    for (String name : NAMES.names()) {
      // a name with an underscore needs one in the stretch, which mayWalkOrRun takes as enough already
      if (name.indexOf('_') < 0 && (NAMES.bits(name, 0, name.length()) & ~exprOnly) != 0) {
        sets.add(letters(name));
      }
    }
    long[] minimal = new long[sets.size()];
    int count = 0;
    for (int a = 0; a < sets.size(); a++) {
      long set = sets.get(a);
      boolean covered = false;
      for (int b = 0; b < sets.size() && !covered; b++) {
        long other = sets.get(b);
        // a superset of another set, or the later of two equal ones, adds nothing to the test
        covered = b != a && (other & ~set) == 0 && (other != set || b < a);
      }
      if (!covered) {
        minimal[count++] = set;
      }
    }
    return java.util.Arrays.copyOf(minimal, count);
  }

  private static long letters(String name) {
    long set = 0;
    for (int k = 0; k < name.length(); k++) {
      set |= features(name.charAt(k)) & F_LETTERS;
    }
    return set;
  }

  /** What the expression in {@code s[from, to)} does; {@code closed} when its closing delimiter was found. */
  static int analyze(String s, int from, int to, int kind, boolean closed) {
    to = Math.min(to, from + MAX_CHARS);
    if (closed) {
      int lone = loneName(s, from, to, kind);
      if (lone >= 0) {
        return lone; // {{ name }}, ${name}: the commonest expression, judged without the tokenizer
      }
    }
    return tokenize(s, from, to, kind, closed);
  }

  /** {@link #analyze} with the tokenizer, {@code to} already bounded; package-private for the test of the lone name. */
  static int tokenize(String s, int from, int to, int kind, boolean closed) {
    if (!closed && !hasWordOrString(s, from, to)) {
      return 0; // an unclosed expression counts only for names and string literals, and this has neither
    }
    boolean logicTag = kind != EL;
    int exec = 0;
    boolean execName = false;
    boolean java = false;
    boolean object = false;
    boolean objectWeak = false;
    boolean elScope = false;
    boolean expr = false;
    boolean call = false;
    boolean dot = false;
    boolean rootEl = false;
    boolean rootMustache = false;
    boolean arithLeft = false;
    boolean numberLiteral = false;
    int prev = T_NONE;
    int prev2 = T_NONE;
    int tokens = 0;
    int k = from;
    while (k < to) {
      char c = s.charAt(k);
      int tok;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        k++;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        int end = stringEnd(s, k, to);
        if (c == '`' && kind == ERB) {
          exec = EXEC;
        }
        int literal = k + 1;
        int literalEnd = Math.max(k + 1, end - 1);
        if (logicTag && (NAMES.bits(s, literal, literalEnd) & N_LITERAL_EXEC) != 0) {
          exec = EXEC;
        }
        if (startsWith(s, literal, literalEnd, "java.") || startsWith(s, literal, literalEnd, "javax.")
            || contains(s, literal, literalEnd, "utility.Execute")) {
          java = true;
        }
        if (prev == T_ARITH && arithLeft) {
          expr = true;
        }
        tok = T_STR;
        k = end;
      } else if (c >= '0' && c <= '9') {
        while (k < to && (isDigit(s.charAt(k)) || (s.charAt(k) == '.' && k + 1 < to && isDigit(s.charAt(k + 1))))) {
          k++;
        }
        if (prev == T_ARITH && arithLeft) {
          expr = true;
        }
        numberLiteral = prev != T_DOT; // 2.class, not list.0.name (Django index)
        tok = T_NUM;
      } else if (isIdentStart(c)) {
        int start = k;
        while (k < to && isIdentPart(s.charAt(k))) {
          k++;
        }
        int len = k - start;
        int names = NAMES.bits(s, start, k);
        if (len >= 2 && s.charAt(start) == '_' && s.charAt(start + 1) == '_') {
          object = true; // a dunder, or a name of underscores only
        }
        if (prev == T_DOT && (prev2 == T_STR || prev2 == T_NUM && numberLiteral || prev2 == T_EMPTY_GROUP)) {
          object = true; // ''.__class__, [].class, 2.class, "x".getClass()
        }
        if (tokens == 0) {
          rootMustache |= (names & N_MUSTACHE_ROOT) != 0;
          rootEl |= (names & N_EL_ROOT) != 0;
        }
        if ((names & N_EXEC_STRONG) != 0) {
          exec = EXEC;
        }
        java |= (names & N_JAVA) != 0;
        elScope |= (names & N_EL_SCOPE) != 0;
        object |= (names & N_OBJECT) != 0
            || prev == T_DOT && (names & N_MODULE) != 0; // x.os: the os module reached
        objectWeak |= (names & N_OBJECT_WEAK) != 0;
        if (prev == T_QMARK) {
          java |= (names & N_FREEMARKER_DANGEROUS) != 0;
          expr = true; // FreeMarker built-in: ?lower_abc, ?c, ?string
        }
        if (prev == T_AT) {
          expr = true; // @Annotation, PHP @-suppression
        }
        if (prev == T_PIPE && logicTag) {
          expr = true; // {{ x|filter }}
        }
        if (len == 1 && s.charAt(start) == 'T' && k < to && s.charAt(k) == '(') {
          java = true; // SpEL type reference
        }
        if (len == 3 && s.startsWith("new", start) && k < to && s.charAt(k) != '(' && nextIsIdent(s, k, to)) {
          expr = true;
          java |= nextStartsWith(s, k, to, "java.") || nextStartsWith(s, k, to, "org.")
              || nextStartsWith(s, k, to, "groovy.");
        }
        if (logicTag && (names & N_KEYWORD_OPERATOR) != 0 && tokens > 0) {
          expr = true;
        }
        if (len == 1 && (s.charAt(start) == 'x' || s.charAt(start) == 'X') && prev == T_ARITH && start > 0
            && s.charAt(start - 1) == '%') {
          exec = EXEC; // Ruby %x| |
        }
        tok = T_IDENT;
      } else {
        k++;
        switch (c) {
          case '.':
            tok = T_DOT;
            dot = true;
            break;
          case '(':
            if (prev == T_IDENT || prev == T_RPAREN || prev == T_EMPTY_GROUP || (logicTag && prev == T_STR)) {
              call = true;
              if (prev == T_IDENT) {
                int callee = calleeBits(s, k - 1);
                expr |= (callee & N_OBFUSCATION_CALL) != 0;
                execName |= (callee & N_EXEC_NAME) != 0; // os.popen(…), x.exec(…)
              }
            }
            if (isCast(s, k, to)) {
              expr = true;
            }
            tok = T_LPAREN;
            if (prev == T_ARITH && arithLeft) {
              expr = true;
            }
            break;
          case ')':
            tok = prev == T_LPAREN ? T_EMPTY_GROUP : T_RPAREN;
            break;
          case '[':
            tok = T_LBRACKET;
            expr |= prev == T_ARITH && arithLeft; // {{7*[7]}}
            break;
          case ']':
            tok = prev == T_LBRACKET ? T_EMPTY_GROUP : T_RBRACKET;
            break;
          case '|':
            if (k < to && s.charAt(k) == '|') {
              k++;
              tok = T_OTHER;
              expr |= logicTag;
            } else {
              tok = T_PIPE;
            }
            break;
          case '*': case '+': case '-': case '/': case '%':
            arithLeft = prev == T_NUM || prev == T_STR || logicTag && prev == T_RPAREN; // not ${(a+b)*2} in JS
            if (logicTag && tokens > 0 && c != '-' && c != '/') {
              expr = true;
            }
            tok = T_ARITH;
            break;
          case '=':
            if (k < to && s.charAt(k) == '=') {
              k++;
              expr |= logicTag;
            } else if (k < to && s.charAt(k) == '>') {
              k++; // arrow function
            } else if (prev != T_OTHER || !prevCharIsAny(s, k - 1, "!<>")) {
              expr = true; // assignment, or {{= x}} / ${= x} interpolation
            }
            tok = T_OTHER;
            break;
          case '?':
            tok = k < to && isIdentStart(s.charAt(k)) ? T_QMARK : T_OTHER;
            break;
          case '@':
            tok = T_AT;
            break;
          case '<': case '>': case '!': case '~': case '&':
            expr |= logicTag && tokens > 0;
            tok = T_OTHER;
            break;
          default:
            tok = T_OTHER;
        }
      }
      prev2 = prev;
      prev = tok;
      tokens++;
    }
    if (execName) {
      exec = EXEC;
    }
    if (exec == EXEC) {
      return EXEC;
    }
    if (java) {
      return JAVA;
    }
    if (object && (logicTag || dot || call) || objectWeak && (logicTag || call) || elScope) {
      return OBJECT;
    }
    if (logicTag ? rootMustache : rootEl && call) {
      return OBJECT;
    }
    if (!closed) {
      return 0;
    }
    if (expr || (logicTag && (call || hasString(s, from, to)))) {
      return EXPR;
    }
    if (tokens == 1 && prev == T_STR && kind == EL) {
      return EXPR; // ${'foobar'}: a probe that echoes a literal
    }
    return 0;
  }

  /**
   * What {@link #analyze} says of a closed expression that is one name between blanks, or -1 when {@code s[from,
   * to)} is not that.
   */
  private static int loneName(String s, int from, int to, int kind) {
    if (!isLoneName(s, from, to)) {
      return -1;
    }
    int b = from;
    while (isBlank(s.charAt(b))) {
      b++;
    }
    int e = b + 1;
    while (e < to && isIdentPart(s.charAt(e))) {
      e++;
    }
    return name(s, b, e, kind);
  }

  /**
   * What {@link #analyze} says of a closed expression that is the one name {@code s[b, e)}, without the tokenizer:
   * only the name's own lists count, as no token comes before or after it (no call, dot, operator, filter or
   * string). Kept in step with the tokenizer by a test that compares the two on every listed name.
   */
  static int name(String s, int b, int e, int kind) {
    int names = NAMES.bits(s, b, e);
    if ((names & N_EXEC_STRONG) != 0) {
      return EXEC;
    }
    if ((names & N_JAVA) != 0) {
      return JAVA;
    }
    boolean dunder = e - b >= 2 && s.charAt(b) == '_' && s.charAt(b + 1) == '_';
    if (kind != EL && (dunder || (names & (N_OBJECT | N_OBJECT_WEAK | N_MUSTACHE_ROOT)) != 0)) {
      return OBJECT; // in a logic tag a bare engine object, dunder or internal is a walk of the object graph
    }
    if ((names & N_EL_SCOPE) != 0) {
      return OBJECT; // ${applicationScope}
    }
    return 0;
  }

  /** Whether {@code s[from, to)} is one name, with nothing but blanks around it: {@code  name }. */
  static boolean isLoneName(String s, int from, int to) {
    int k = from;
    while (k < to && isBlank(s.charAt(k))) {
      k++;
    }
    if (k >= to || !isIdentStart(s.charAt(k))) {
      return false;
    }
    k++;
    while (k < to && isIdentPart(s.charAt(k))) {
      k++;
    }
    while (k < to && isBlank(s.charAt(k))) {
      k++;
    }
    return k == to;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /**
   * Whether {@code s[from, to)} has a letter, an underscore or a quote: what every level an unclosed expression
   * can reach needs (a name: exec, reflection, object walks; a string: {@code 'java.…'}). One tight pass, cheaper
   * than the tokenizer over a run of punctuation ({@code ${${${…}).
   */
  private static boolean hasWordOrString(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (isIdentStart(c) || c == '\'' || c == '"' || c == '`') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s[from, to)} starts with {@code prefix}. */
  private static boolean startsWith(String s, int from, int to, String prefix) {
    return to - from >= prefix.length() && s.startsWith(prefix, from);
  }

  /** Whether {@code s[from, to)} contains {@code part}; reads no further than {@code to}. */
  private static boolean contains(String s, int from, int to, String part) {
    for (int i = from; i + part.length() <= to; i++) {
      if (s.charAt(i) == part.charAt(0) && s.startsWith(part, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasString(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        return true;
      }
    }
    return false;
  }

  /** Index after the string literal opening at {@code k} (or {@code to} when unterminated). */
  private static int stringEnd(String s, int k, int to) {
    char q = s.charAt(k);
    int i = k + 1;
    while (i < to) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == q) {
        return i + 1;
      }
      i++;
    }
    return to;
  }

  private static boolean isCast(String s, int k, int to) {
    int e = k;
    while (e < to && isIdentPart(s.charAt(e))) {
      e++;
    }
    return e > k && e < to && s.charAt(e) == ')' && CASTS.contains(s.substring(k, e).toLowerCase(Locale.ROOT))
        && e + 1 < to && (isIdentPart(s.charAt(e + 1)) || s.charAt(e + 1) == '(');
  }

  /** The name-table bits of the identifier before the parenthesis at {@code paren} (spaces between skipped). */
  private static int calleeBits(String s, int paren) {
    int b = paren;
    while (b > 0 && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) {
      b--;
      paren--;
    }
    while (b > 0 && isIdentPart(s.charAt(b - 1))) {
      b--;
    }
    return NAMES.bits(s, b, paren);
  }

  private static boolean nextIsIdent(String s, int k, int to) {
    int i = k;
    while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '/' || s.charAt(i) == '*')) {
      i++;
    }
    return i < to && i > k && isIdentStart(s.charAt(i));
  }

  private static boolean nextStartsWith(String s, int k, int to, String prefix) {
    int i = k;
    while (i < to && s.charAt(i) == ' ') {
      i++;
    }
    return s.startsWith(prefix, i);
  }

  private static boolean prevCharIsAny(String s, int at, String chars) {
    return at > 0 && chars.indexOf(s.charAt(at - 1)) >= 0;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Identifier characters as bits over the ASCII range: digits as bits {@code c} of {@code DIGITS_LOW} (c below
   * 64), letters and the underscore as bits {@code c - 64} of {@code IDENT_START_HIGH}. One shift and test for
   * the classes asked at nearly every character of an expression, instead of a chain of range comparisons.
   */
  private static final long IDENT_START_HIGH = 0x07fffffe87fffffeL; // A-Z, _, a-z
  private static final long DIGITS_LOW = 0x03ff000000000000L; // 0-9

  static boolean isIdentStart(char c) {
    return c >= 64 && c < 128 && (IDENT_START_HIGH >>> c & 1) != 0; // a shift by c uses c's low six bits
  }

  static boolean isIdentPart(char c) {
    return c < 128 && ((c < 64 ? DIGITS_LOW : IDENT_START_HIGH) >>> c & 1) != 0;
  }
}
