package dev.lambdaguard.input.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads shell syntax the way a shell would, within a bounded window: one command word with the quoting tricks
 * undone ({@code w'h'o'a'm'i}, {@code wh\oami}, {@code who$@ami}, {@code who^ami}), whitespace including
 * {@code ${IFS}}, and the shape of the arguments that follow (flags, paths, URLs, hosts, numbers). Static helpers.
 */
final class CmdiShell {

  /** Characters of one word read at most; longer words are no command. */
  static final int MAX_WORD = 40;
  /** Characters of arguments read at most after a command word. */
  static final int MAX_ARGS = 200;

  // Argument properties, a bit set.
  static final int END = 1;            // no argument before the command ends
  static final int ANY = 1 << 1;       // at least one argument
  static final int FLAG = 1 << 2;      // -x or /x
  static final int CODE_FLAG = 1 << 3; // -c, -e, -r, /c, /k, -enc, -command: code follows
  static final int PATH = 1 << 4;      // first operand is a path or a file name
  static final int SYS_PATH = 1 << 5;  // some operand is a system path: /, /etc, /tmp, C:\, %SYSTEMROOT%
  static final int URL = 1 << 6;
  static final int HOST = 1 << 7;      // first operand is an IP address or a dotted host name
  static final int NUM_END = 1 << 8;   // a single numeric operand: sleep 5
  static final int QUOTED = 1 << 9;    // first operand quoted, a substitution or a variable ($X, %X%)
  static final int REDIRECT = 1 << 10; // < input redirection: cat</etc/passwd
  static final int REDIRECT_OUT = 1 << 11; // > or >> into a file
  static final int MARKER = 1 << 12;   // first operand an upper-case marker: echo INJECTX
  static final int PAREN = 1 << 13;    // first operand opens a parenthesis: printf ("%s", x) is C, not shell
  static final int SENSITIVE = 1 << 14; // some operand names a secret-bearing file: /etc/passwd, win.ini, id_rsa
  /** Not read from the arguments: the scanner adds it for a command inside a substitution ({@code $(last)}). */
  static final int INSIDE = 1 << 15;

  private static final String[] SYSTEM_DIRS = {
    "/etc", "/root", "/home", "/tmp", "/var/www", "/var/tmp", "/proc", "/boot", "/dev", "/sys", "/bin", "/sbin",
    "/usr/bin", "/usr/sbin", "/private/etc"
  };
  /** Parts of the names of files that hold accounts, keys or configuration secrets. */
  private static final String[] SENSITIVE_FILES = {
    "passwd", "shadow", "/etc/hosts", "/etc/group", "sudoers", "/environ", "boot.ini", "win.ini", "system.ini",
    "\\sam", "\\system", "id_rsa", "id_dsa", "authorized_keys", ".ssh/", "_history", ".htpasswd", "/.env",
    "wp-config", "config.php", "web.config", "/root"
  };
  /** {@link #SENSITIVE_FILES} by the ASCII character they start with, in either case. */
  private static final String[][] SENSITIVE_BY_FIRST = new String[128][];
  private static final String[] CODE_FLAGS = {
    "-c", "-e", "-E", "-r", "-i", "/c", "/k", "-enc", "-en", "-ec", "-encodedcommand", "-command", "-nop",
    "-noprofile", "-exec", "-windowstyle"
  };

  // The characters each argument property needs (see classify, sensitive, marker), for possibleArgs.
  private static final Normalized.CharSet FLAG_CHARS = Normalized.charSet("-/");
  private static final Normalized.CharSet PATH_CHARS = Normalized.charSet("/\\.~%");
  private static final Normalized.CharSet SYS_PATH_CHARS = Normalized.charSet("/\\%");
  private static final Normalized.CharSet URL_CHARS = Normalized.charSet(":");
  private static final Normalized.CharSet DOLLAR = Normalized.charSet("$");
  private static final Normalized.CharSet HOST_CHARS = Normalized.charSet(".");
  private static final Normalized.CharSet DIGITS = Normalized.charSet("0123456789");
  private static final Normalized.CharSet QUOTED_CHARS = Normalized.charSet("'\"`$%");
  private static final Normalized.CharSet REDIRECT_CHARS = Normalized.charSet("<");
  private static final Normalized.CharSet REDIRECT_OUT_CHARS = Normalized.charSet(">");
  private static final Normalized.CharSet MARKER_CHARS = Normalized.charSet("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
  private static final Normalized.CharSet PAREN_CHARS = Normalized.charSet("(");
  private static final Normalized.CharSet SENSITIVE_CHARS = Normalized.charSet("/\\.");

  /** {@link #isWordChar} by ASCII character: letters, digits, {@code _-./}. */
  private static final boolean[] WORD_CHAR = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      WORD_CHAR[c] = isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '/';
      List<String> named = new ArrayList<>();
      for (String name : SENSITIVE_FILES) {
        if (String.valueOf(c).regionMatches(true, 0, name, 0, 1)) {
          named.add(name);
        }
      }
      SENSITIVE_BY_FIRST[c] = named.toArray(new String[0]);
    }
  }

  private CmdiShell() {}

  /** One command word read from {@code p}: {@code text} null when there is none. */
  record Word(String text, int end, boolean evaded) {}

  /** The blanks {@link #isSpace} accepts, for a search of each kind. */
  static final String BLANKS = " \t\u000b\f";

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u000b' || c == '\f';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isWordChar(char c) {
    return c < 128 && WORD_CHAR[c];
  }

  /** Index after blanks: spaces, tabs, {@code ${IFS}}, {@code $IFS} and {@code $IFS$9}. */
  static int skipBlanks(String s, int p) {
    return skipBlanks(s, p, s.length());
  }

  /** Index after blanks, at most {@code limit}. */
  static int skipBlanks(String s, int p, int limit) {
    int n = Math.min(s.length(), limit);
    while (p < n) {
      char c = s.charAt(p);
      if (isSpace(c)) {
        p++;
      } else if (c == '$' && ifsAt(s, p) > 0) {
        p += ifsAt(s, p);
      } else {
        return p;
      }
    }
    return p;
  }

  /** Length of an {@code $IFS}-style blank at {@code p} ({@code ${IFS}}, {@code $IFS}, {@code $IFS$9}), or 0. */
  static int ifsAt(String s, int p) {
    int len;
    if (p >= s.length() || s.charAt(p) != '$') {
      return 0;
    } else if (s.startsWith("${IFS}", p)) {
      len = 6;
    } else if (s.startsWith("$IFS", p)) {
      len = 4;
    } else {
      return 0;
    }
    if (p + len + 1 < s.length() && s.charAt(p + len) == '$' && Character.isDigit(s.charAt(p + len + 1))) {
      len += 2;
    }
    return len;
  }

  /**
   * Length of a variable reference at {@code p}: {@code $name} or <code>${name}</code> (a letter or underscore, then
   * letters, digits and underscores, at most {@link #MAX_WORD}); 0 when there is none.
   */
  static int variableLength(String s, int p) {
    int n = s.length();
    boolean braced = p + 1 < n && s.charAt(p + 1) == '{';
    int i = braced ? p + 2 : p + 1;
    if (i >= n || !(isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
      return 0;
    }
    int start = i;
    while (i < n && i - start < MAX_WORD && (isLetter(s.charAt(i)) || Character.isDigit(s.charAt(i))
        || s.charAt(i) == '_')) {
      i++;
    }
    if (braced) {
      return i < n && s.charAt(i) == '}' ? i + 1 - p : 0;
    }
    return i - p;
  }

  /** End of the run of plain word characters at {@code p} (letters, digits, {@code _-./}). */
  static int plainEnd(String s, int p) {
    int n = s.length();
    int e = p;
    while (e < n && e - p <= MAX_WORD && isWordChar(s.charAt(e))) {
      e++;
    }
    return e;
  }

  /**
   * Whether the word at {@code p}, plain up to {@code e}, goes on with a quoting trick that {@link #word} undoes
   * (a leading quote, a quote or backslash inside, {@code $@}, {@code ^}…).
   */
  static boolean evasionAt(String s, int p, int e) {
    int n = s.length();
    if (p < n && (s.charAt(p) == '\'' || s.charAt(p) == '"')) {
      return true;
    }
    if (e >= n || e == p) {
      return false;
    }
    char c = s.charAt(e);
    char d = e + 1 < n ? s.charAt(e + 1) : 0;
    switch (c) {
      case '\'':
      case '"':
        return isWordChar(d) || d == '\'' || d == '"';
      case '\\':
        return isLetter(d) && d != 'n' && d != 'r' && d != 't';
      case '$':
        return (isSpecialParameter(d) || variableLength(s, e) > 0) && ifsAt(s, e) == 0
            || s.startsWith("$()", e);
      case '`':
        return d == '`';
      case '^':
        return isLetter(d);
      default:
        return false;
    }
  }

  /**
   * Reads one word at {@code p}. Quotes inside a word are dropped (the shell joins {@code w'h'o'a'm'i}), as are a
   * backslash before a letter, {@code $@}, {@code $*}, {@code $1}, a variable after the word's first character
   * ({@code cat$u}, <code>c${x}at</code>: taken as unset), empty {@code ``} or {@code $()}, and the
   * {@code ^} escape of cmd.exe. A literal {@code \n} or {@code \r} ends the word (payload lists write newlines so).
   */
  static Word word(String s, int p) {
    int n = s.length();
    StringBuilder w = new StringBuilder(12);
    boolean evaded = false;
    int j = p;
    while (j < n && j - p < MAX_WORD * 2) {
      int skip = wordStep(s, j, w.length());
      if (skip < 0) {
        break;
      }
      if (skip == 0) {
        w.append(s.charAt(j));
        j++;
      } else {
        evaded |= w.length() > 0 || (s.charAt(j) != '\'' && s.charAt(j) != '"'); // a leading quote hides nothing
        j += skip;
      }
      if (w.length() > MAX_WORD) {
        return new Word(null, j, false);
      }
    }
    return new Word(w.length() == 0 ? null : w.toString(), j, evaded);
  }

  /**
   * One step of {@link #word} at {@code j}, after {@code len} characters of the word: 0 to keep a word character,
   * the length of a quoting trick to drop, or -1 where the word ends.
   */
  static int wordStep(String s, int j, int len) {
    int n = s.length();
    char c = s.charAt(j);
    if (isWordChar(c)) {
      return 0;
    } else if (c == '\'' || c == '"') {
      char next = j + 1 < n ? s.charAt(j + 1) : 0;
      return isWordChar(next) || next == '\'' || next == '"' ? 1 : -1;
    } else if (c == '\\' && j + 1 < n) {
      char next = s.charAt(j + 1);
      return next == 'n' || next == 'r' || next == 't' || !isLetter(next) ? -1 : 1;
    } else if (c == '$' && j + 1 < n && len > 0 && isSpecialParameter(s.charAt(j + 1)) && ifsAt(s, j) == 0) {
      return 2;
    } else if (c == '$' && s.startsWith("$()", j)) {
      return 3;
    } else if (c == '$' && len > 0 && ifsAt(s, j) == 0) {
      int variable = variableLength(s, j); // cat$u, c${x}at: a variable the attacker left unset expands to nothing
      return variable > 0 ? variable : -1;
    } else if (c == '`' && j + 1 < n && s.charAt(j + 1) == '`') {
      return 2;
    } else if (c == '^' && len > 0 && j + 1 < n && isLetter(s.charAt(j + 1))) {
      return 1;
    }
    return -1;
  }

  /**
   * Whether {@code $} and {@code c} make a special parameter that splits a command word: {@code $@}, {@code $*} and
   * {@code $1} expand to nothing in an injected command, {@code $!} too before any background job; {@code $?},
   * {@code $-}, {@code $#} and {@code $$} to a few characters, which no one writes inside a command's name except
   * to hide it from a filter ({@code c$?at}).
   */
  static boolean isSpecialParameter(char c) {
    return c == '@' || c == '*' || c == '!' || c == '?' || c == '-' || c == '#' || c == '$'
        || c >= '0' && c <= '9';
  }

  /**
   * Option names that tell a program which command to run ({@code ssh -oProxyCommand=}, {@code git
   * --upload-pack=}, {@code -c core.sshCommand=}, {@code tar --use-compress-program=}, {@code --rsh=}), by how
   * they end, in lower case.
   */
  private static final String[] RUNNER_OPTION_ENDS = {
    "command", "program", "exec", "pack", "askpass", "launcher", "rsh"
  };

  /**
   * Argument injection: a value that begins with an option (a dash) and, within {@link #MAX_ARGS} characters, sets
   * an option that names a command to run: {@code -oProxyCommand=id}, {@code -o ProxyCommand=…},
   * {@code --upload-pack=touch /tmp/x}, {@code --checkpoint-action=exec=sh x.sh}. The program the value is handed
   * to runs the command itself, without a shell or a separator. {@code --color=always} or {@code -Dexec.x=y} pass.
   */
  static boolean injectedOption(String s) {
    int n = s.length();
    int p = 0;
    while (p < n && isSpace(s.charAt(p))) {
      p++;
    }
    if (p >= n || s.charAt(p) != '-') {
      return false; // one look at the first character for nearly every value
    }
    int limit = Math.min(n, p + MAX_ARGS);
    boolean named = false; // the token before was -o or -c, which take name=value as their next token
    for (int i = p; i < limit; ) {
      int e = i;
      while (e < limit && !isSpace(s.charAt(e))) {
        e++;
      }
      if ((s.charAt(i) == '-' || named) && setsRunner(s, i, e)) {
        return true;
      }
      named = e - i == 2 && s.charAt(i) == '-' && (s.charAt(i + 1) == 'o' || s.charAt(i + 1) == 'c');
      i = e;
      while (i < limit && isSpace(s.charAt(i))) {
        i++;
      }
    }
    return false;
  }

  /** Whether the token {@code s[a, b)} is {@code name=value} with a runner's name and a value. */
  private static boolean setsRunner(String s, int a, int b) {
    while (a < b && s.charAt(a) == '-') {
      a++;
    }
    int eq = a;
    while (eq < b && s.charAt(eq) != '=') {
      eq++;
    }
    if (eq >= b - 1 || eq == a) {
      return false;
    }
    if (regionEndsWith(s, a, eq, "action")) {
      return s.regionMatches(true, eq + 1, "exec", 0, 4); // tar --checkpoint-action=exec=…
    }
    for (String end : RUNNER_OPTION_ENDS) {
      if (regionEndsWith(s, a, eq, end)) {
        return true;
      }
    }
    return false;
  }

  private static boolean regionEndsWith(String s, int a, int b, String end) {
    return b - a >= end.length() && s.regionMatches(true, b - end.length(), end, 0, end.length());
  }

  /** Whether the character after a command word ends it as a shell would (not {@code =}, {@code :}, a letter…). */
  static boolean endsWord(String s, int q) {
    if (q >= s.length()) {
      return true;
    }
    char c = s.charAt(q);
    switch (c) {
      case ' ': case '\t': case '\n': case '\r': case ';': case '|': case '&': case '`': case ')': case '\'':
      case '"': case '<': case '>': case '\\': case '}':
        return true;
      case '$':
        return ifsAt(s, q) > 0;
      default:
        return false;
    }
  }

  /**
   * The {@link #args} properties the arguments of any command in the value may have, from its character set: a
   * flag needs a dash or slash, a path one of {@code /\\.~%}, a host a dot, a number a digit… (END and ANY need
   * nothing). A superset of what {@link #args} returns anywhere in the value.
   */
  static int possibleArgs(Normalized value) {
    return possibleArgs(value.lowMask(), value.highMask());
  }

  /**
   * {@link #possibleArgs(Normalized)} for the characters of a window given as the two masks of a
   * {@link Normalized.CharSet}: a superset of what {@link #args} returns for a command word ending at {@code q}
   * when the masks cover {@code [q, q + MAX_ARGS)}, the only characters args reads.
   */
  static int possibleArgs(long low, long high) {
    return END | ANY
        | (any(low, high, FLAG_CHARS) ? FLAG | CODE_FLAG : 0)
        | (any(low, high, PATH_CHARS) || any(low, high, DOLLAR) && any(low, high, URL_CHARS) ? PATH : 0)
        | (any(low, high, SYS_PATH_CHARS) ? SYS_PATH : 0)
        | (any(low, high, URL_CHARS) ? URL : 0)
        | (any(low, high, HOST_CHARS) ? HOST : 0)
        | (any(low, high, DIGITS) ? NUM_END : 0)
        | (any(low, high, QUOTED_CHARS) ? QUOTED : 0)
        | (any(low, high, REDIRECT_CHARS) ? REDIRECT : 0)
        | (any(low, high, REDIRECT_OUT_CHARS) ? REDIRECT_OUT : 0)
        | (any(low, high, MARKER_CHARS) ? MARKER : 0)
        | (any(low, high, PAREN_CHARS) ? PAREN : 0)
        | (any(low, high, SENSITIVE_CHARS) ? SENSITIVE : 0);
  }

  private static boolean any(long low, long high, Normalized.CharSet set) {
    return (low & set.low()) != 0 || (high & set.high()) != 0;
  }

  /** Whether {@code c} at {@code i} ends a command (separator, substitution end, literal {@code \n}). */
  private static boolean endsCommand(String s, int i) {
    char c = s.charAt(i);
    switch (c) {
      case ';': case '|': case '&': case '`': case ')': case '\n': case '\r': case '}':
        return true;
      case '\\':
        return i + 1 < s.length() && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r');
      default:
        return false;
    }
  }

  /** The {@link #END}, {@link #ANY}… properties of the arguments after the command word ending at {@code q}. */
  static int args(String s, int q) {
    int n = s.length();
    int limit = Math.min(n, q + MAX_ARGS);
    int props = 0;
    int operands = 0;
    int tokens = 0;
    int j = q;
    while (true) {
      j = skipBlanks(s, j, limit);
      if (j < limit && s.charAt(j) == '`' && tokens == 0) {
        props |= ANY | QUOTED; // echo `id`
        break;
      }
      if (j >= limit || endsCommand(s, j) || s.charAt(j) == '#') {
        break;
      }
      char c = s.charAt(j);
      if (c == '<' || c == '>') {
        props |= c == '<' ? REDIRECT : REDIRECT_OUT;
        j++;
        while (j < limit && (s.charAt(j) == '>' || s.charAt(j) == '&')) {
          j++;
        }
        continue;
      }
      int start = j;
      boolean quoted = false;
      boolean expands = false;
      while (j < limit && !isSpace(s.charAt(j)) && !endsCommand(s, j) && ifsAt(s, j) == 0) {
        char t = s.charAt(j);
        if (t == '\'' || t == '"') {
          if (j == start && (j + 1 >= limit || isSpace(s.charAt(j + 1)) || endsCommand(s, j + 1))) {
            break; // a closing quote
          }
          int close = j + 1;
          while (close < limit && s.charAt(close) != t) {
            close++;
          }
          if (close >= limit) {
            break; // an unmatched quote closes the string the command was injected into
          }
          quoted = true;
          j = close + 1;
          continue;
        }
        expands |= t == '$' && j + 1 < limit && s.charAt(j + 1) == '('; // echo X$((5+5)): the shell computes it
        j++;
      }
      if (expands) {
        props |= QUOTED;
      }
      int a = start;
      int b = j;
      while (a < b && (s.charAt(a) == '\'' || s.charAt(a) == '"')) {
        a++;
      }
      while (b > a && (s.charAt(b - 1) == '\'' || s.charAt(b - 1) == '"')) {
        b--;
      }
      if (a == b) {
        if (j == start) {
          j++;
        }
        continue; // only quotes: the end of an enclosing string
      }
      tokens++;
      props |= ANY;
      if (tokens == 1
          && (quoted || s.charAt(a) == '$' || (s.charAt(a) == '%' && b - a >= 3 && s.charAt(b - 1) == '%'))) {
        props |= QUOTED;
      }
      props |= classify(s, a, b, operands == 0);
      if (sensitive(s, a, b)) {
        props |= SENSITIVE;
      }
      if (tokens == 1 && marker(s, a, b)) {
        props |= MARKER;
      }
      if (tokens == 1 && s.charAt(start) == '(') {
        props |= PAREN;
      }
      if (s.charAt(a) != '-') {
        operands++;
      }
    }
    if (tokens == 0) {
      props |= END;
    }
    if (tokens != 1) {
      props &= ~NUM_END;
    }
    return props;
  }

  private static int classify(String s, int a, int b, boolean firstOperand) {
    char c = s.charAt(a);
    if (c == ',' || c == '=' || c == ':' || c == ';') {
      return 0; // punctuation, not an operand: data:text/html; base64,…
    }
    int len = b - a;
    int props = 0;
    if (c == '$' && substringExpansion(s, a, b)) {
      return firstOperand ? PATH : 0; // ${HOME:0:1}etc${HOME:0:1}passwd: a slash cut out of a variable
    }
    if (c == '-' && len >= 2 && (isLetter(s.charAt(a + 1)) || s.charAt(a + 1) == '-'
        || Character.isDigit(s.charAt(a + 1)))) {
      props |= FLAG;
      for (String f : CODE_FLAGS) {
        if (f.length() == len && s.regionMatches(true, a, f, 0, len)) {
          props |= CODE_FLAG;
        }
      }
      return props;
    }
    if (c == '/') {
      int e = a + 1;
      while (e < b && isLetter(s.charAt(e))) {
        e++;
      }
      if (e == b && len >= 2 && len <= 9) {
        props |= FLAG; // a cmd.exe switch: /all, /c, /add
        if (len == 2 && (s.charAt(a + 1) == 'c' || s.charAt(a + 1) == 'C' || s.charAt(a + 1) == 'k'
            || s.charAt(a + 1) == 'K')) {
          props |= CODE_FLAG;
        }
      }
      if (systemPath(s, a, b)) {
        props |= SYS_PATH;
      }
      return props | (firstOperand ? PATH : 0);
    }
    if (len >= 3 && isLetter(c) && s.charAt(a + 1) == ':' && (s.charAt(a + 2) == '\\' || s.charAt(a + 2) == '/')) {
      return SYS_PATH | (firstOperand ? PATH : 0); // C:\…
    }
    if (c == '%' && len >= 3 && indexOf(s, "%", a + 2, b) > a + 1) {
      return SYS_PATH | (firstOperand ? PATH : 0); // %SYSTEMROOT%\…
    }
    if (c == '\\' && len >= 2 && s.charAt(a + 1) == '\\') {
      return SYS_PATH | (firstOperand ? PATH : 0); // \\host\share
    }
    if (indexOf(s, "://", a, b) >= 0) {
      return URL;
    }
    boolean digits = true;
    boolean dotted = false;
    boolean slash = false;
    for (int i = a; i < b; i++) {
      char t = s.charAt(i);
      digits &= Character.isDigit(t) || (t == '.' && i > a);
      dotted |= t == '.' && i > a && i < b - 1;
      slash |= t == '/' || t == '\\';
    }
    if (firstOperand) {
      if (digits && !dotted) {
        props |= NUM_END;
      }
      if (dotted && !slash) {
        props |= HOST;
      }
      if (slash || dotted || c == '~' || c == '.') {
        props |= PATH;
      }
    }
    return props;
  }

  /** Whether the token {@code s[a, b)} starts with a substring expansion, <code>${NAME:</code> and a digit. */
  private static boolean substringExpansion(String s, int a, int b) {
    if (b - a < 5 || s.charAt(a + 1) != '{' || !(isLetter(s.charAt(a + 2)) || s.charAt(a + 2) == '_')) {
      return false;
    }
    int i = a + 3;
    while (i < b && i - a <= MAX_WORD && CmdiCode.isIdent(s.charAt(i))) {
      i++;
    }
    return i + 1 < b && s.charAt(i) == ':' && Character.isDigit(s.charAt(i + 1));
  }

  /**
   * Whether the token {@code s[a, b)} is a path (it has a separator or an extension) naming a secret file. One
   * pass: at each character, only the names that start with it are compared.
   */
  private static boolean sensitive(String s, int a, int b) {
    boolean path = false;
    for (int i = a; i < b && !path; i++) {
      char c = s.charAt(i);
      path = c == '/' || c == '\\' || c == '.';
    }
    if (!path) {
      return false; // a bare word: cat passwd is prose
    }
    for (int i = a; i < b; i++) {
      char c = s.charAt(i);
      for (String name : c < 128 ? SENSITIVE_BY_FIRST[c] : SENSITIVE_FILES) {
        if (i + name.length() <= b && startsWithIgnoreCase(s, i, name)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code s.regionMatches(true, at, word, 0, word.length())} for a lower-case word, without its per-character
   * case mapping where the text is ASCII.
   */
  static boolean startsWithIgnoreCase(String s, int at, String word) {
    int len = word.length();
    if (at < 0 || at + len > s.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      char c = s.charAt(at + k);
      char w = word.charAt(k);
      if (c == w || c >= 'A' && c <= 'Z' && c + ('a' - 'A') == w) {
        continue;
      }
      if (c < 128) {
        return false;
      }
      return s.regionMatches(true, at + k, word, k, len - k); // the case mappings of other scripts
    }
    return true;
  }

  /** An upper-case token of four or more letters, digits and underscores: the marker a probe echoes. */
  private static boolean marker(String s, int a, int b) {
    if (b - a < 4) {
      return false;
    }
    for (int i = a; i < b; i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** {@code /}, {@code /*} or a path under a system directory. */
  private static boolean systemPath(String s, int a, int b) {
    if (b - a == 1 || (b - a == 2 && s.charAt(a + 1) == '*')) {
      return true;
    }
    for (String dir : SYSTEM_DIRS) {
      if (s.startsWith(dir, a) && (a + dir.length() == b || s.charAt(a + dir.length()) == '/')) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(String s, String needle, int a, int b) {
    char first = needle.charAt(0);
    for (int i = a; i + needle.length() <= b; i++) {
      if (s.charAt(i) == first && s.startsWith(needle, i)) {
        return i;
      }
    }
    return -1;
  }
}
