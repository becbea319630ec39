package dev.lambdaguard.input.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Code execution in a value, for {@link CmdiScanner}: a code runner called with a command, a request variable or
 * a decoder ({@code system('id')}, {@code exec($_GET['c'])}, {@code eval(base64_decode(…))}, {@code os.popen(…)},
 * {@code require('child_process')}), a disclosure call in statement position ({@code ;phpinfo()}), and the PHP
 * and server-side-include markers ({@code <?php}, {@code <?=}, {@code {${…}}}, {@code ${@…}}, {@code {$_GET…}},
 * {@code <!--#exec}). Static helpers; bounded look-behind (24 characters for a name) and look-ahead.
 */
final class CmdiCode {

  /** {@link #call} result: the call runs code. */
  static final int RUNS_CODE = -2;
  /** {@link #call} result: nothing found. */
  static final int NONE = -1;

  private static final int MAX_NAME = 24;

  private static final int FN_EXEC = 1;   // runs a command: system('id')
  private static final int FN_EVAL = 2;   // runs code: eval('…')
  private static final int FN_INFO = 3;   // discloses: phpinfo()
  private static final int FN_IMPORT = 4; // loads a runner: __import__('os'), require('child_process')
  private static final int FN_METHOD = 5; // a runner only on a process module: subprocess.call(…)
  private static final int FN_OPEN = 6;   // runs a command when its mode has a pipe: Perl's open(F, "id|")
  private static final String[] FUNCTION_NAMES = {
    "system", "exec", "shell_exec", "passthru", "popen", "proc_open", "pcntl_exec", "execsync", "spawnsync",
    "spawn", "execfile", "processbuilder", "eval", "assert", "create_function", "phpinfo", "phpversion",
    "php_uname", "__import__", "require", "call", "run", "check_output", "check_call", "getoutput",
    "getstatusoutput", "popen2", "popen3", "open"
  };
  private static final int[] FUNCTION_KINDS = {
    FN_EXEC, FN_EXEC, FN_EXEC, FN_EXEC, FN_EXEC, FN_EXEC, FN_EXEC, FN_EXEC, FN_EXEC,
    FN_EXEC, FN_EXEC, FN_EXEC, FN_EVAL, FN_EVAL, FN_EVAL, FN_INFO, FN_INFO,
    FN_INFO, FN_IMPORT, FN_IMPORT, FN_METHOD, FN_METHOD, FN_METHOD, FN_METHOD, FN_METHOD,
    FN_METHOD, FN_METHOD, FN_METHOD, FN_OPEN
  };
  // Plain loops in static init here and in the other detectors: streams and lambdas would load about 150 JDK classes
  // into a cold start.
  private static final int SHORTEST_FUNCTION = shortest(FUNCTION_NAMES);
  private static final int LONGEST_FUNCTION = Substrings.longest(FUNCTION_NAMES);
  private static final String[] PROCESS_MODULES = {
    "os", "subprocess", "commands", "child_process", "cp", "kernel", "io", "open3", "pty", "posix", "shell"
  };
  private static final String[] RUNNER_MODULES = {"os", "subprocess", "child_process", "pty", "commands"};
  private static final String[] DECODERS = {
    "base64_decode(", "gzinflate(", "gzuncompress(", "str_rot13(", "hex2bin(", "convert_uudecode(", "atob("
  };
  private static final String[] SSI_DIRECTIVES = {"exec", "include", "echo", "printenv", "config", "fsize"};
  /** The first letters of each list, in both cases: what a look for one of its words needs first. */
  private static final Normalized.CharSet DECODER_FIRSTS = firstLetters(DECODERS);
  private static final Normalized.CharSet SSI_FIRSTS = firstLetters(SSI_DIRECTIVES);

  private CmdiCode() {}

  /** The names of code runners and server-side-include directives, for {@link CmdiLetters}. */
  static List<String> words() {
    List<String> words = new ArrayList<>(List.of(FUNCTION_NAMES));
    words.addAll(List.of(SSI_DIRECTIVES));
    return words;
  }

  /**
   * What the call whose parenthesis is at {@code paren} amounts to: {@link #RUNS_CODE}; the index of its quoted
   * first argument, to be judged as a command line ({@code system('cat /etc/passwd')}); or {@link #NONE}.
   */
  static int call(String s, int paren) {
    return call(s, paren, null);
  }

  /**
   * {@link #call}, with the scan's memory of where the next quote or closing parenthesis is: a flood of
   * {@code open(open(…} would otherwise read the same characters for each call's first argument.
   */
  static int call(String s, int paren, Ahead ahead) {
    int b = paren;
    long key = 0; // the name's characters as read, for function(): each character is read once
    for (char c; b > 0 && paren - b <= MAX_NAME && isIdent(c = s.charAt(b - 1)); b--) {
      key = key << 6 | code(c);
    }
    if (b == paren || paren - b > MAX_NAME || (b > 0 && isIdent(s.charAt(b - 1)))) {
      return NONE;
    }
    if (paren - b == 1 && s.charAt(b) == 'x' && b > 0 && s.charAt(b - 1) == '%') {
      return paren + 1; // Ruby's %x(…) runs its content as a shell command line, as backticks do
    }
    int fn = function(s, b, paren, key);
    if (fn == 0) {
      return NONE;
    }
    if (b > 0 && s.charAt(b - 1) == '.') {
      if (fn != FN_INFO && fn != FN_IMPORT && receiverIn(s, b - 1, PROCESS_MODULES)
          || fn == FN_EXEC && s.startsWith("getRuntime().", Math.max(0, b - 13))) {
        return RUNS_CODE; // os.popen(…), subprocess.call(…), Runtime.getRuntime().exec(…)
      }
    }
    if (fn == FN_METHOD) {
      return NONE;
    }
    if (fn == FN_OPEN) {
      return b > 0 && s.charAt(b - 1) == '.' ? NONE : pipeOpen(s, paren, ahead); // window.open(…), File.open(…) read
    }
    int n = s.length();
    int a = skipSpaces(s, paren + 1);
    char ac = a < n ? s.charAt(a) : 0;
    if (ac == '\'' || ac == '"' || ac == '`') {
      if (fn == FN_IMPORT) {
        int e = a + 1;
        while (e < n && e - a < 20 && isIdent(s.charAt(e))) {
          e++;
        }
        return oneOf(s, a + 1, e, RUNNER_MODULES) ? RUNS_CODE : NONE; // __import__('os')
      }
      return fn == FN_EXEC || fn == FN_EVAL ? a + 1 : NONE;
    }
    if (ac == '$') {
      // system($_GET['cmd']); eval only with a request variable, eval($code) is ordinary PHP
      return fn == FN_EXEC || (fn == FN_EVAL && a + 1 < n && s.charAt(a + 1) == '_') ? RUNS_CODE : NONE;
    }
    if (fn == FN_EVAL && startsWithAny(s, a, DECODERS, DECODER_FIRSTS)) {
      return RUNS_CODE; // eval(base64_decode(…)): a web shell
    }
    if ((fn == FN_EXEC || fn == FN_INFO) && callPosition(s, b)) {
      return RUNS_CODE; // ;phpinfo(), {${system(…)}}
    }
    return NONE;
  }

  /**
   * Perl's and Ruby's {@code open} with a pipe in its first quoted argument: {@code open(F, "|id")} and
   * {@code open(F, "id|")} run {@code id}, whose command line {@link #call} returns; {@code open(F, "-|", …)}
   * forks a command, {@link #RUNS_CODE}. Looks at most {@link #MAX_NAME} characters into the call.
   */
  private static int pipeOpen(String s, int paren, Ahead ahead) {
    int n = s.length();
    int q = paren + 1;
    if (ahead != null) {
      q = ahead.next(s, q); // further than MAX_NAME at times, which the test below rules out as the bounded loop does
    }
    while (q < n && q - paren <= MAX_NAME && !quoteOrClose(s.charAt(q))) {
      q++;
    }
    if (q >= n || q - paren > MAX_NAME || s.charAt(q) == ')') {
      return NONE;
    }
    char quote = s.charAt(q);
    int close = q + 1;
    int limit = Math.min(n, q + 1 + CmdiShell.MAX_ARGS); // a bounded look, as every call's
    while (close < limit && s.charAt(close) != quote) {
      close++;
    }
    if (close >= limit) {
      return NONE;
    }
    if (close == q + 3 && forkMode(s.charAt(q + 1), s.charAt(q + 2))) {
      return RUNS_CODE; // open(my $fh, "-|", "id")
    }
    if (close > q + 1 && s.charAt(q + 1) == '|') {
      return q + 2;
    }
    return close > q + 1 && s.charAt(close - 1) == '|' ? q + 1 : NONE;
  }

  /** Perl's {@code "-|"} or {@code "|-"}: a mode that forks; compared by character, as a flood calls open often. */
  private static boolean forkMode(char a, char b) {
    return a == '-' && b == '|' || a == '|' && b == '-';
  }

  private static boolean quoteOrClose(char c) {
    return c == '\'' || c == '"' || c == ')';
  }

  /**
   * Where the next quote or closing parenthesis is, remembered across the calls of one scan: each of the three
   * is searched for ({@link Substrings#indexOf(String, char, int)}) only once the scan passed where it was found
   * last, so the scan reads each character here once at most, however many calls look.
   */
  static final class Ahead {
    private int single = -1;
    private int dbl = -1;
    private int close = -1;

    /**
     * The index of the first quote or closing parenthesis at or after {@code p}, or the length; {@code p} does not
     * decrease from one call to the next (the scan asks at its parentheses in order).
     */
    int next(String s, int p) {
      single = single >= p ? single : orLength(s, Substrings.indexOf(s, '\'', p));
      dbl = dbl >= p ? dbl : orLength(s, Substrings.indexOf(s, '"', p));
      close = close >= p ? close : orLength(s, Substrings.indexOf(s, ')', p));
      return Math.min(single, Math.min(dbl, close));
    }

    private static int orLength(String s, int index) {
      return index < 0 ? s.length() : index;
    }
  }

  /**
   * The PHP or server-side-include marker at {@code i}, or null: {@code <?php}, {@code <?=} with code,
   * {@code <!--#exec}, {@code {${call(}}, {@code {$_GET}, {@code ${@call(}}.
   */
  static Detection phpMarkerAt(String s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    char d = i + 1 < n ? s.charAt(i + 1) : 0;
    char e = i + 2 < n ? s.charAt(i + 2) : 0;
    char f = i + 3 < n ? s.charAt(i + 3) : 0;
    if (c == '<' && d == '?') {
      if (s.regionMatches(true, i + 2, "php", 0, 3)) {
        return CmdiDetector.CODE_EXEC;
      }
      int p = skipSpaces(s, i + 3);
      if (e == '=' && p < n && (s.charAt(p) == '$' || s.charAt(p) == '`' || callFollows(s, p))) {
        return CmdiDetector.CODE_EXEC; // <?= $_GET[…] ?>, <?=`id`?>
      }
    } else if (c == '<' && d == '!' && s.startsWith("<!--#", i)
        && startsWithAny(s, i + 5, SSI_DIRECTIVES, SSI_FIRSTS)) {
      return CmdiDetector.SSI;
    } else if (c == '{' && d == '$' && e == '{' && (f == '@' || callFollows(s, i + 3))) {
      return CmdiDetector.CODE_EXEC; // {${system('id')}}
    } else if (c == '{' && d == '$' && e == '_' && f >= 'A' && f <= 'Z') {
      return CmdiDetector.CODE_EXEC; // {$_GET['cmd']}
    } else if (c == '$' && d == '{' && e == '@' && callFollows(s, i + 3)) {
      return CmdiDetector.CODE_EXEC; // ${@print(…)}
    }
    return null;
  }

  /**
   * The kind of code-running function named by {@code s[b, e)}, 0 for none; allocates nothing. {@code key} is the
   * name as {@link #keyOf} packs it, from the characters {@link #call} read: a name of up to {@value #KEY_CHARS}
   * characters is one comparison, as a flood of calls ({@code eval(eval(…}) asks at every parenthesis.
   */
  private static int function(String s, int b, int e, long key) {
    int len = e - b;
    if (len < SHORTEST_FUNCTION || len > LONGEST_FUNCTION) {
      return 0; // most identifiers before a parenthesis: f(, x(, a long method name
    }
    for (int slot = slotOf(key); SLOT_NAME[slot] >= 0; slot = (slot + 1) & (SLOTS - 1)) {
      int k = SLOT_NAME[slot];
      String name = FUNCTION_NAMES[k];
      if (FUNCTION_KEYS[k] == key && name.length() == len && (len <= KEY_CHARS || asciiMatches(s, b, name))) {
        return FUNCTION_KINDS[k];
      }
    }
    return 0;
  }

  /** {@link #FUNCTION_NAMES} by key, open-addressed: most names before a parenthesis find an empty slot at once. */
  private static final int SLOTS = 128;
  private static final int[] SLOT_NAME = slots();

  private static int[] slots() {
    int[] slots = new int[SLOTS];
    java.util.Arrays.fill(slots, -1);
    for (int k = 0; k < FUNCTION_NAMES.length; k++) {
      int slot = slotOf(keyOf(FUNCTION_NAMES[k]));
      while (slots[slot] >= 0) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      slots[slot] = k;
    }
    return slots;
  }

  private static int slotOf(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 57) & (SLOTS - 1);
  }

  /**
   * Characters a key holds whole, 6 bits each: of a longer name the characters read first (its end) are partly
   * shifted out, and equal keys are confirmed by comparing the names.
   */
  private static final int KEY_CHARS = 10;
  private static final long[] FUNCTION_KEYS = keys();

  private static long[] keys() {
    long[] keys = new long[FUNCTION_NAMES.length];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = keyOf(FUNCTION_NAMES[k]);
    }
    return keys;
  }

  /** The key of a name, packed as {@link #call} reads it: from its last character to its first. */
  private static long keyOf(String name) {
    long key = 0;
    for (int i = name.length() - 1; i >= 0; i--) {
      key = key << 6 | code(name.charAt(i));
    }
    return key;
  }

  /** An identifier character as 6 bits, the same for both cases of a letter. */
  private static int code(char c) {
    return c >= 'a' ? c - 'a' + 1 : c == '_' ? 37 : c >= 'A' ? c - 'A' + 1 : c - '0' + 27;
  }

  /**
   * Whether the ASCII identifier at {@code s[b…]} is the lower-case {@code name}, ignoring case: what
   * {@code regionMatches(true, …)} tells for ASCII text, without its per-character case folding.
   */
  private static boolean asciiMatches(String s, int b, String name) {
    for (int k = 0; k < name.length(); k++) {
      char c = s.charAt(b + k);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the identifier ending at the dot before a method is one of {@code names}. */
  private static boolean receiverIn(String s, int dot, String[] names) {
    int b = dot;
    while (b > 0 && dot - b < 16 && isIdent(s.charAt(b - 1))) {
      b--;
    }
    return oneOf(s, b, dot, names);
  }

  private static boolean oneOf(String s, int b, int e, String[] names) {
    for (String name : names) {
      if (name.length() == e - b && s.regionMatches(true, b, name, 0, name.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String s, int at, String[] prefixes, Normalized.CharSet firsts) {
    if (at >= s.length()) {
      return false;
    }
    char c = s.charAt(at);
    if (c < 128 && ((c < 64 ? firsts.low() >>> c : firsts.high() >>> (c - 64)) & 1) == 0) {
      return false; // an ASCII first character none begins with, in either case: eval(eval(… ends here
    }
    for (String prefix : prefixes) {
      if (s.regionMatches(true, at, prefix, 0, prefix.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the code before a function name is a statement boundary (value start, a separator, {@code {}) or a
   * string closed and joined to the call: PHP's and Perl's dot after a quote ({@code '.phpinfo().'}) breaks out of
   * the string the value was put in, as {@code ';phpinfo();//} does.
   */
  private static boolean callPosition(String s, int b) {
    int k = lastBefore(s, b);
    if (k < 0 || ";|&{@:$(=`'\"\n\r!".indexOf(s.charAt(k)) >= 0) {
      return true;
    }
    if (s.charAt(k) != '.') {
      return false;
    }
    int q = lastBefore(s, k);
    return q >= 0 && (s.charAt(q) == '\'' || s.charAt(q) == '"');
  }

  /** The index of the last character before {@code i} past at most four blanks (a blank itself past those). */
  private static int lastBefore(String s, int i) {
    int k = i - 1;
    while (k >= 0 && i - k <= 4 && CmdiShell.isSpace(s.charAt(k))) {
      k--;
    }
    return k;
  }

  /** Whether an identifier and {@code (} follow at {@code p}. */
  private static boolean callFollows(String s, int p) {
    int n = s.length();
    int e = p;
    while (e < n && e - p < MAX_NAME && isIdent(s.charAt(e))) {
      e++;
    }
    return e > p && e < n && s.charAt(e) == '(';
  }

  private static int skipSpaces(String s, int p) {
    while (p < s.length() && CmdiShell.isSpace(s.charAt(p))) {
      p++;
    }
    return p;
  }

  static boolean isIdent(char c) {
    return CmdiShell.isLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }

  private static Normalized.CharSet firstLetters(String[] words) {
    StringBuilder letters = new StringBuilder();
    for (String word : words) {
      letters.append(word.charAt(0)).append(Character.toUpperCase(word.charAt(0)));
    }
    return Normalized.charSet(letters.toString());
  }

  private static int shortest(String[] words) {
    int min = Integer.MAX_VALUE;
    for (String w : words) {
      min = Math.min(min, w.length());
    }
    return min;
  }

}
