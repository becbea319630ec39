package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.SstiExpression.isIdentPart;
import static dev.lambdaguard.input.detect.SstiExpression.isIdentStart;

import java.util.Set;

/**
 * The single pass behind {@link SstiDetector}: finds template delimiters with a table of trigger characters, hands
 * each delimited expression to {@link SstiExpression} once (an opener inside an expression already read is
 * counted for the polyglot rule but not read again, so the work stays linear), and checks the few constructs that
 * are dangerous outside any delimiter. One instance per value.
 */
final class SstiScanner {

  /** Indexed by any char (64 KiB): one load per character, no range branch, on the hot loop. */
  private static final boolean[] TRIGGER = new boolean[Character.MAX_VALUE + 1];

  static {
    for (char c : "{$#*@%<[_?T".toCharArray()) {
      TRIGGER[c] = true;
    }
  }

  /** The first character of every delimiter and construct (the others need {@code {} or {@code (} too). */
  static final Normalized.CharSet OPENERS = Normalized.charSet("{(<[@_");
  private static final Normalized.CharSet BRACE = Normalized.charSet("{");
  private static final Normalized.CharSet UNDERSCORE = Normalized.charSet("_");
  private static final Normalized.CharSet PARENTHESIS = Normalized.charSet("(");
  /** Triggers of rules that need a {@code (} after them: {@code #set(}, {@code @(}, {@code ?new(} (and {@code T(}). */
  private static final Normalized.CharSet BEFORE_PARENTHESIS = Normalized.charSet("#@?");
  private static final Normalized.CharSet CAPITAL_T = Normalized.charSet("T");
  private static final Normalized.CharSet ANGLE = Normalized.charSet("<");
  /** After {@code <}: {@code <%}, {@code <#}, {@code </#}. */
  private static final Normalized.CharSet AFTER_ANGLE = Normalized.charSet("%#");
  private static final Normalized.CharSet SQUARE = Normalized.charSet("[");
  /** After {@code [}: {@code [=}, {@code [#}, {@code [/#}, {@code [%}. */
  private static final Normalized.CharSet AFTER_SQUARE = Normalized.charSet("=#%");
  private static final Normalized.CharSet AT = Normalized.charSet("@");
  /** {@code @System.}. */
  private static final Normalized.CharSet CAPITAL_S = Normalized.charSet("S");

  private static final String[] JINJA_TAGS = {
      "for", "endfor", "if", "elif", "else", "endif", "set", "endset", "block", "endblock", "extends", "include",
      "import", "from", "macro", "endmacro", "call", "endcall", "filter", "endfilter", "with", "endwith", "raw",
      "endraw", "load", "debug", "csrf_token", "url", "static", "trans", "blocktrans", "autoescape", "spaceless",
      "verbatim", "cycle", "now", "firstof", "templatetag", "widthratio", "print", "do", "embed", "apply",
      "sandbox", "assign", "capture", "comment", "unless", "case", "when", "tablerow", "render", "liquid", "echo"};
  private static final String[] VELOCITY = {
      "set", "foreach", "if", "elseif", "macro", "evaluate", "define", "include", "parse"};
  private static final String[] FREEMARKER = {
      "assign", "global", "local", "if", "elseif", "else", "list", "items", "sep", "include", "import", "macro",
      "function", "return", "setting", "attempt", "recover", "visit", "recurse", "ftl", "compress", "noparse",
      "nested", "stop", "switch", "case", "on", "default", "escape", "noescape", "outputformat", "autoesc"};
  /** Smarty tags whose condition is evaluated: a call in it runs. */
  private static final String[] SMARTY_CONDITIONS = {"if", "elseif", "while"};
  private static final String[] SMARTY_EXEC = {
      "system", "exec", "passthru", "shell_exec", "popen", "proc_open", "eval", "assert", "php"};

  // lists of KEYWORDS
  private static final int K_JINJA = 1;
  private static final int K_VELOCITY = 1 << 1;
  private static final int K_FREEMARKER = 1 << 2;
  private static final int K_SMARTY_CONDITION = 1 << 3;
  private static final int K_SMARTY_EXEC = 1 << 4;
  private static final AsciiNames KEYWORDS = new AsciiNames()
      .with(Set.of(JINJA_TAGS), K_JINJA)
      .with(Set.of(VELOCITY), K_VELOCITY)
      .with(Set.of(FREEMARKER), K_FREEMARKER)
      .with(Set.of(SMARTY_CONDITIONS), K_SMARTY_CONDITION)
      .with(Set.of(SMARTY_EXEC), K_SMARTY_EXEC);

  private static final int D_STRONG = 1;
  private static final int D_WEAK = 1 << 1;
  /** The names between the underscores of a dunder that {@link #dunder} counts, looked up without a copy. */
  private static final AsciiNames DUNDERS = new AsciiNames()
      .with(Set.of("globals", "builtins", "subclasses", "import", "getattribute"), D_STRONG)
      .with(Set.of("class", "base", "bases", "mro", "dict"), D_WEAK);

  private static final int MAX = SstiExpression.MAX_CHARS;

  /**
   * What a trigger needs to act inside the parentheses of a Velocity directive once read (every opener there is
   * before {@link #analyzedUntil}): a {@code {} (after {@code $ # * %} or of its own), a {@code <}, {@code [},
   * {@code @}, the {@code ?} of {@code ?new(}, the {@code __} of a dunder, the capital of {@code T(}, or a string,
   * whose text the bracket matcher does not look at. A {@code #name} there is a directive inside one already, and
   * {@code $x} opens nothing.
   */
  private static final long ACTS_IN_DIRECTIVE = SstiExpression.F_OPENER | SstiExpression.F_UNDERSCORE
      | SstiExpression.F_QUOTE | SstiExpression.F_CAPITAL_T;

  // delimiter kinds seen, for the polyglot rule
  private static final int O_MUSTACHE = 1;
  private static final int O_TAG = 1 << 1;
  private static final int O_DOLLAR = 1 << 2;
  private static final int O_HASH = 1 << 3;
  private static final int O_STAR = 1 << 4;
  private static final int O_ERB = 1 << 5;
  private static final int O_TT = 1 << 6;
  private static final int O_FM = 1 << 7;
  private static final int O_RAZOR = 1 << 8;

  private final String s;
  private final int n;
  private int best;
  private int analyzedUntil;
  private int openers;
  private int weakDunders;
  /**
   * Set by {@link #matching}: the {@link SstiExpression#features} of the stretch it read, by which
   * {@link #analyzedMatched} knows when the tokenizer could not raise {@link #best}.
   */
  private long features;
  /** Where the scan goes on after the trigger at hand: the next character, unless a handler knows what follows. */
  private int resume;
  /** Where {@link #commentEnd} last found a {@code *}} ({@code n}: none), -1 before it looked. */
  private int nextCommentEnd = -1;

  private SstiScanner(String s) {
    this.s = s;
    this.n = s.length();
  }

  /**
   * Whether the value's character set has what some rule needs, so that the scan can find anything: every
   * delimiter but the few below opens with a {@code {}; {@code #set(}, {@code @(}, {@code ?new(} and {@code T(}
   * need a {@code (}; {@code <%} and {@code <#} need their second character, as do {@code [=}, {@code [#},
   * {@code [%}; {@code @System.} its {@code S}; a dunder two underscores. Each case of {@link #run} is one of these,
   * and so is each opener the polyglot rule counts.
   */
  static boolean mayHold(Normalized value) {
    if (!value.containsAny(OPENERS)) {
      return false; // most values, on one mask test
    }
    if (value.containsAny(BRACE)) {
      return true;
    }
    if (value.containsAny(PARENTHESIS) && (value.containsAny(BEFORE_PARENTHESIS)
        || (value.containsAny(CAPITAL_T) && Substrings.indexOf(value.decoded(), "T(", 0) >= 0))) {
      return true; // a capital T is common in text: T( itself is looked for
    }
    if (value.containsAny(ANGLE) && value.containsAny(AFTER_ANGLE)) {
      return true;
    }
    if (value.containsAny(SQUARE) && value.containsAny(AFTER_SQUARE)) {
      return true;
    }
    if (value.containsAny(AT) && value.containsAny(CAPITAL_S)) {
      return true;
    }
    return value.containsAny(UNDERSCORE) && Substrings.indexOf(value.decoded(), "__", 0) >= 0;
  }

  /** The highest {@link SstiExpression} level found in the value, 0 for none. */
  static int scan(String s) {
    int first = nextTrigger(s, 0);
    return first >= s.length() - 1 ? 0 : new SstiScanner(s).run(first);
  }

  /** Index of the first trigger character at or after {@code from} that has a character after it. */
  private static int nextTrigger(String s, int from) {
    int last = s.length() - 1;
    for (int i = from; i < last; i++) {
      char c = s.charAt(i);
      if (TRIGGER[c]) {
        return i;
      }
    }
    return last;
  }

  private int run(int first) {
    for (int i = first; i < n - 1 && best < SstiExpression.EXEC; i = nextTrigger(s, resume)) {
      resume = i + 1;
      char c = s.charAt(i);
      char d = s.charAt(i + 1);
      switch (c) {
        case '{':
          curly(i, d);
          break;
        case '$':
          if (d == '{') {
            openers |= O_DOLLAR;
            el(i);
          }
          break;
        case '#':
          if (d == '{') {
            openers |= O_HASH;
            el(i);
          } else if (isIdentStart(d)) {
            velocity(i);
          }
          break;
        case '*':
          if (d == '{') {
            openers |= O_STAR;
            el(i);
          }
          break;
        case '%':
          if (d == '{') {
            el(i); // OGNL %{…}
          }
          break;
        case '@':
          if (d == '{' && (i == 0 || !isIdentPart(s.charAt(i - 1)))) {
            openers |= O_RAZOR;
            el(i); // Razor @{ … } code block
          } else if (d == 'S' && s.startsWith("System.", i + 1) && i >= analyzedUntil) {
            int end = i + 1;
            while (end < n && end - i < MAX && !Character.isWhitespace(s.charAt(end))) {
              end++;
            }
            analyzedUntil = end;
            note(SstiExpression.analyze(s, i + 1, end, SstiExpression.EL, true)); // Razor @System.Diagnostics…
          } else if (d == '(' && (i == 0 || !isIdentPart(s.charAt(i - 1)))) {
            openers |= O_RAZOR;
            if (i >= analyzedUntil) {
              analyzedMatched(i + 2, matching(i + 2, '(', ')'), SstiExpression.EL);
            }
          }
          break;
        case '<':
          angle(i, d);
          break;
        case '[':
          square(i, d);
          break;
        case '_':
          if (d == '_' && (i == 0 || !isIdentPart(s.charAt(i - 1)))) {
            dunder(i);
          }
          break;
        case '?':
          if (s.startsWith("new(", i + 1) || s.startsWith("new (", i + 1)) {
            note(SstiExpression.JAVA); // FreeMarker ?new() instantiates any TemplateModel, Execute included
          }
          break;
        case 'T':
          if (d == '(' && (i == 0 || !isIdentPart(s.charAt(i - 1))) && typeReference(i + 2)) {
            note(SstiExpression.JAVA); // SpEL T(java.lang.Runtime)
          }
          break;
        default:
          break;
      }
    }
    if (Integer.bitCount(openers) >= 3) {
      note(SstiExpression.POLYGLOT);
    }
    return best;
  }

  private void note(int level) {
    if (level > best) {
      best = level;
    }
  }

  /** Analyses {@code s[from, close)} (or a bounded stretch when {@code close < 0}) and skips past it. */
  private void analyzed(int from, int close, int kind) {
    int end = close >= 0 ? close : Math.min(n, from + MAX);
    analyzedUntil = close >= 0 ? close + 1 : end;
    note(SstiExpression.analyze(s, from, end, kind, close >= 0));
  }

  /**
   * {@link #analyzed} for the stretch {@link #matching} just read, but without the tokenizer when nothing it could
   * return is above the best level so far: a flood of {@code ${7*7}} (no name, no string: at most an expression)
   * or of {@code #set($} (a directive already, and no listed name in its letters) is then read once, not twice.
   */
  private void analyzedMatched(int from, int close, int kind) {
    if (SstiExpression.mayExceed(best, features, close >= 0)) {
      analyzed(from, close, kind);
    } else {
      analyzedUntil = close >= 0 ? close + 1 : Math.min(n, from + MAX);
    }
  }

  private void curly(int i, char d) {
    if (d == '{') {
      openers |= O_MUSTACHE;
      if (i >= analyzedUntil) {
        mustache(i);
      } else {
        skipBraces(i);
      }
    } else if (d == '%') {
      openers |= O_TAG;
      if (i >= analyzedUntil) {
        tag(i + 2, "%}");
      }
    } else if (d == '$') {
      // The first letter alone first: a case-insensitive region match costs more than this loop's other steps.
      if (i + 2 < n && (s.charAt(i + 2) | 0x20) == 's' && s.regionMatches(true, i + 2, "smarty.", 0, 7)) {
        note(SstiExpression.OBJECT);
      }
    } else if ((d >= '0' && d <= '9') || d == '*' || d == '/' || isIdentStart(d)) {
      smarty(i, d);
    }
  }

  /**
   * Inside an expression already read, a brace before a brace only counts its opener, which the one at {@code i}
   * just did: the scan goes on at the run's last brace (or where the expression read ends), the first whose check
   * can differ. A run of {@code {{{{…} costs one step per brace of this loop, not of the scan.
   */
  private void skipBraces(int i) {
    int k = i + 1;
    int limit = Math.min(analyzedUntil, n - 1);
    while (k < limit && s.charAt(k + 1) == '{') {
      k++;
    }
    resume = k;
  }

  /**
   * Smarty after a single brace: {@code {7*7}}, a {@code {*…*}} comment, {@code {/php}}, {@code {php}},
   * {@code {system(…)}}. Apart from {@link #curly}, which stays small enough for the compiler to inline into the
   * scan loop (a brace is its commonest trigger).
   */
  private void smarty(int i, char d) {
    if (d >= '0' && d <= '9') {
      if (best < SstiExpression.EXPR && smartyArithmetic(i + 1)) { // all it can note is an expression
        note(SstiExpression.EXPR); // Smarty {7*7}
      }
    } else if (d == '*') {
      int close = commentEnd(i + 2);
      if (close < n && close - (i + 2) <= 64) {
        note(SstiExpression.EXPR); // a Smarty comment {*…*}: a probe for the engine
      }
    } else if (d == '/' && s.regionMatches(true, i + 2, "php}", 0, 4)) {
      note(SstiExpression.DIRECTIVE);
    } else if (isIdentStart(d)) {
      int e = identEnd(i + 1);
      char after = e < n ? s.charAt(e) : 0;
      if (i > 0 && s.charAt(i - 1) == '$') {
        // ${name: the expression language's, read by el
      } else if (after == '}' && e - i == 4 && s.regionMatches(true, i + 1, "php", 0, 3)) {
        note(SstiExpression.EXEC); // Smarty {php}…{/php} runs PHP
      } else if (after == '(' && oneOf(i + 1, e, K_SMARTY_EXEC)) {
        note(SstiExpression.EXEC); // Smarty {system('ls')}
      } else if (after == ' ' && oneOf(i + 1, e, K_SMARTY_CONDITION)) {
        smartyCondition(e);
      }
      if (after == '}') {
        // {name}: no trigger within a name acts there (a dunder needs a dot, call, index or quote beside it, T a
        // parenthesis after it), so the scan goes on after it: a run of {{a}} or ${a} costs a few steps each
        resume = e;
      }
    }
  }

  /**
   * The condition of a Smarty {@code {if …}} from {@code p}: a call first runs when the template renders,
   * {@code {if phpinfo()}{/if}}; a command runner there is {@link SstiExpression#EXEC}, any other call
   * {@link SstiExpression#EXPR}. Prose ("{if you like}") has no call right after its first word.
   */
  private void smartyCondition(int p) {
    int j = p;
    while (j < n && j - p < 8 && s.charAt(j) == ' ') {
      j++;
    }
    if (j >= n || !isIdentStart(s.charAt(j))) {
      return;
    }
    int e = identEnd(j);
    if (e < n && s.charAt(e) == '(') {
      note(oneOf(j, e, K_SMARTY_EXEC) ? SstiExpression.EXEC : SstiExpression.EXPR);
    }
  }

  private void mustache(int i) {
    int j = i + 2;
    if (j < n && s.charAt(j) == '{') {
      j++; // {{{ raw }}}
    }
    int close = find('}', '}', j, MAX);
    int end = close >= 0 ? close : Math.min(n, j + MAX);
    analyzedUntil = close >= 0 ? close + 2 : end;
    int k = j;
    while (k < end && (s.charAt(k) == ' ' || s.charAt(k) == '-' || s.charAt(k) == '~' || s.charAt(k) == '+')) {
      k++;
    }
    if (k >= end || s.charAt(k) == '!') {
      return; // empty, or a comment
    }
    char m = s.charAt(k);
    if ((m == '#' || m == '/' || m == '^') && k + 1 < end && isIdentStart(s.charAt(k + 1)) && close >= 0) {
      note(SstiExpression.DIRECTIVE); // Handlebars / Mustache block: {{#with}}, {{/each}}
    }
    if (close >= 0 && SstiExpression.isLoneName(s, k, close)) {
      note(SstiExpression.name(s, k, identEnd(k), SstiExpression.MUSTACHE));
      // {{ name }}: of the triggers up to the closing braces only the brace just before the name can act (Smarty's
      // {php}); the others are braces that open nothing new, blanks, or a name's own characters (see smarty)
      if (s.charAt(k - 1) == '{') {
        smarty(k - 1, m);
      }
      resume = close + 2;
      return;
    }
    note(SstiExpression.analyze(s, k, end, SstiExpression.MUSTACHE, close >= 0));
  }

  /** A {@code {% tag … %}} (or {@code [% … %]}) whose content starts at {@code j}. */
  private void tag(int j, String closing) {
    int k = j;
    while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '-' || s.charAt(k) == '+' || s.charAt(k) == '~')) {
      k++;
    }
    int e = identEnd(k);
    int close = find(closing, j);
    int end = close >= 0 ? close : Math.min(n, j + MAX);
    analyzedUntil = close >= 0 ? close + 2 : end;
    if (e == k) {
      note(SstiExpression.analyze(s, k, end, SstiExpression.MUSTACHE, close >= 0));
      return;
    }
    if (close >= 0 || oneOf(k, e, K_JINJA)) {
      note(SstiExpression.DIRECTIVE);
    }
    note(SstiExpression.analyze(s, e, end, SstiExpression.MUSTACHE, close >= 0));
  }

  /**
   * {@code ${…}}, {@code #{…}}, {@code *{…}}: expression-language interpolation; then the checks of its brace,
   * at once rather than at the scan's next step (a run of {@code ${${${…} is two triggers a pair).
   */
  private void el(int i) {
    expression(i);
    if (resume == i + 1 && i + 2 < n) {
      curly(i + 1, s.charAt(i + 2));
      if (resume == i + 1) {
        resume = i + 2;
      }
    }
  }

  private void expression(int i) {
    if (i < analyzedUntil || (i + 2 < n && s.charAt(i + 2) == '{')) {
      return; // ${{7*7}} is read as the {{ }} it contains
    }
    if (s.charAt(i) == '$' && i + 3 < n && s.charAt(i + 2) == '.' && isIdentStart(s.charAt(i + 3))) {
      // ${.version}, ${.data_model}, ${.globals}: FreeMarker's special variables, the engine's own internals;
      // no other interpolation opens with a dot (${.5} is a number)
      note(SstiExpression.OBJECT);
    }
    int e = identEnd(i + 2);
    if (e > i + 2 && e + 1 < n && s.charAt(e) == ':' && s.charAt(e + 1) != ':') {
      return; // ${prefix:key}: a Log4j-style lookup, the JNDI detector's concern
    }
    if (e > i + 2 && e < n && s.charAt(e) == '}' && isIdentStart(s.charAt(i + 2))) {
      analyzedUntil = e + 1; // ${name}: closed at the name's end
      note(SstiExpression.name(s, i + 2, e, SstiExpression.EL));
      if (s.charAt(i) == '$') {
        resume = e; // the brace's own check (smarty) leaves ${name alone, and a name holds no trigger that acts
      }
      return;
    }
    // an unclosed one without a name or a string is left unread: a run of ${${${… read each stretch three times
    analyzedMatched(i + 2, matching(i + 2, '{', '}'), SstiExpression.EL);
  }

  /** Velocity {@code #set($x = …)}, {@code #foreach($i in …)}: a directive over references. */
  private void velocity(int i) {
    if (i < analyzedUntil || i > 0 && isIdentPart(s.charAt(i - 1))) {
      return;
    }
    int e = identEnd(i + 1);
    if (!oneOf(i + 1, e, K_VELOCITY)) {
      return;
    }
    int p = e;
    while (p < n && s.charAt(p) == ' ') {
      p++;
    }
    if (p >= n || s.charAt(p) != '(') {
      return;
    }
    int close = matching(p + 1, '(', ')');
    int end = close >= 0 ? close : Math.min(n, p + 1 + MAX);
    int dollar = p;
    while (dollar < end && s.charAt(dollar) != '$') {
      dollar++;
    }
    analyzedUntil = end;
    if (dollar >= end) {
      return; // #if (x) in C, not a Velocity directive over references
    }
    note(SstiExpression.DIRECTIVE);
    analyzedMatched(p + 1, close, SstiExpression.EL);
    if ((features & ACTS_IN_DIRECTIVE) == 0) {
      // no trigger in the parentheses can act, nor in the name and blanks before them: the scan goes on at the
      // closing one (no trigger), or at the last character read (what follows it was not), so that a run of #set($
      // is read by the bracket matcher alone
      resume = close >= 0 ? close : analyzedUntil - 1;
    }
  }

  private void angle(int i, char d) {
    if (d == '%') {
      openers |= O_ERB;
      if (i < analyzedUntil) {
        return;
      }
      int j = i + 2;
      char m = j < n ? s.charAt(j) : 0;
      if (m == '%' || m == '#') {
        return; // <%% escape, <%# comment
      }
      int close = find("%>", j);
      if (close < 0) {
        analyzedUntil = Math.min(n, j + MAX); // unclosed: not read again from an opener inside
        return;
      }
      analyzedUntil = close + 2;
      if (m == '@') {
        note(SstiExpression.DIRECTIVE); // JSP <%@ page … %>
        return;
      }
      while (j < close && (s.charAt(j) == '=' || s.charAt(j) == '-')) {
        j++;
      }
      note(SstiExpression.analyze(s, j, close, SstiExpression.ERB, true));
    } else if (d == '#' || (d == '/' && i + 2 < n && s.charAt(i + 2) == '#')) {
      openers |= O_FM;
      freemarkerDirective(d == '#' ? i + 2 : i + 3, '>');
    }
  }

  private void square(int i, char d) {
    if (d == '=') {
      openers |= O_FM;
      if (i >= analyzedUntil) {
        analyzedMatched(i + 2, matching(i + 2, '[', ']'), SstiExpression.EL);
      }
    } else if (d == '#' || (d == '/' && i + 2 < n && s.charAt(i + 2) == '#')) {
      freemarkerDirective(d == '#' ? i + 2 : i + 3, ']');
    } else if (d == '%') {
      openers |= O_TT;
      if (i >= analyzedUntil) {
        tag(i + 2, "%]");
      }
    }
  }

  /** {@code {7*7}}: a number, an operator, a number and the closing brace, nothing else (not {@code {2}}). */
  private boolean smartyArithmetic(int k) {
    int limit = Math.min(n, k + 32);
    boolean op = false;
    boolean digitAfterOp = false;
    for (; k < limit; k++) {
      char c = s.charAt(k);
      if (c == '}') {
        return op && digitAfterOp;
      }
      if (c >= '0' && c <= '9') {
        digitAfterOp |= op;
      } else if (c == '*' || c == '+') { // not -, /: {2020-2021}, {1/2} are ranges and fractions
        if (op) {
          return false;
        }
        op = true;
      } else if (c != ' ' && c != '.') {
        return false;
      }
    }
    return false;
  }

  /** FreeMarker {@code <#assign …>} / {@code [#assign …]} (and their end tags): a directive. */
  private void freemarkerDirective(int k, char closing) {
    if (k < analyzedUntil && best >= SstiExpression.DIRECTIVE) {
      return; // all it could do is note a directive again: a run of <#if<#if… asks at every opener
    }
    int e = identEnd(k);
    if (e == k || !oneOf(k, e, K_FREEMARKER)) {
      return;
    }
    note(SstiExpression.DIRECTIVE);
    if (k >= analyzedUntil) {
      int close = find(closing, e);
      analyzed(e, close, SstiExpression.EL);
    }
  }

  /**
   * Python dunders that lead from any object to the interpreter: {@code __globals__}, {@code __builtins__},
   * {@code __subclasses__}, {@code __import__} on their own; {@code __class__}, {@code __base__},
   * {@code __bases__}, {@code __mro__}, {@code __dict__} from the second one on ({@code obj.__class__} alone is
   * ordinary code); only where an attribute access, call, index or string touches them.
   */
  private void dunder(int i) {
    int e = identEnd(i);
    resume = e; // within a name no trigger acts: a dunder and T( need a non-name character before them
    if (e - i < 5 || !s.startsWith("__", e - 2)) {
      return;
    }
    char before = i > 0 ? s.charAt(i - 1) : ' ';
    char after = e < n ? s.charAt(e) : ' ';
    if (".'\"[|".indexOf(before) < 0 && ".[('\"".indexOf(after) < 0) {
      return; // named in prose, not reached: "__builtins__ is defined"
    }
    int kind = lowerCase(i + 2, e - 2) ? DUNDERS.bits(s, i + 2, e - 2) : 0; // Python's names have one case
    if (kind == D_STRONG || kind == D_WEAK && ++weakDunders >= 2) {
      note(SstiExpression.OBJECT);
    }
  }

  /** {@code T(} followed by a qualified lower-case name: {@code T(java.lang.Runtime)}. */
  private boolean typeReference(int k) {
    while (k < n && s.charAt(k) == ' ') {
      k++;
    }
    int e = k;
    while (e < n && s.charAt(e) >= 'a' && s.charAt(e) <= 'z') {
      e++;
    }
    return e > k && e < n && s.charAt(e) == '.';
  }

  /**
   * Whether {@code s[b, e)} (an identifier, so ASCII) is in the list {@code kind} of {@link #KEYWORDS}, in any case;
   * one table look-up that allocates nothing: a run of {@code <#a<#a…} or {@code #x#x…} asks at every opener.
   */
  private boolean oneOf(int b, int e, int kind) {
    return (KEYWORDS.bits(s, b, e) & kind) != 0;
  }

  private boolean lowerCase(int b, int e) {
    for (int k = b; k < e; k++) {
      if (s.charAt(k) >= 'A' && s.charAt(k) <= 'Z') {
        return false;
      }
    }
    return true;
  }

  private int identEnd(int k) {
    int e = k;
    while (e < n && isIdentPart(s.charAt(e))) {
      e++;
    }
    return e;
  }

  /**
   * Index of the first {@code *}} at or after {@code from}, or {@code n}: remembered, as a run of Smarty comment
   * openers ({@code {*{*{*…}) asks from each one, and a bounded look from each read the same stretch again.
   */
  private int commentEnd(int from) {
    if (nextCommentEnd < from) {
      // a search, not a read pair by pair: where no comment closes, the first ask reads the rest of the value
      int k = Substrings.indexOf(s, "*}", from);
      nextCommentEnd = k >= 0 ? k : n;
    }
    return nextCommentEnd;
  }

  /** Index of {@code needle} (two characters) within {@link #MAX} characters from {@code from}, or -1. */
  private int find(String needle, int from) {
    return find(needle.charAt(0), needle.charAt(1), from, MAX);
  }

  /** Index of {@code c} within {@link #MAX} characters from {@code from}, or -1. */
  private int find(char c, int from) {
    int limit = Math.min(n - 1, from + MAX);
    for (int k = from; k <= limit; k++) {
      if (s.charAt(k) == c) {
        return k;
      }
    }
    return -1;
  }

  /** Index of the pair {@code ab} within {@code max} characters from {@code from}, or -1. */
  private int find(char a, char b, int from, int max) {
    int limit = (int) Math.min(n - 2L, (long) from + max);
    for (int k = from; k <= limit; k++) {
      if (s.charAt(k) == a && s.charAt(k + 1) == b) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Index of the bracket closing the one just before {@code from}, skipping strings, or -1 within the bound; either
   * way {@link #features} says what the stretch read holds (a quote for a string, whose text is not looked at).
   */
  private int matching(int from, char open, char close) {
    int depth = 1;
    int limit = Math.min(n, from + MAX);
    long seen = 0;
    for (int k = from; k < limit; k++) {
      char c = s.charAt(k);
      if (c == '\'' || c == '"') {
        seen |= SstiExpression.features(c);
        int q = k + 1;
        while (q < limit && s.charAt(q) != c) {
          q += s.charAt(q) == '\\' ? 2 : 1;
        }
        k = q;
      } else if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        features = seen;
        return k;
      } else {
        seen |= SstiExpression.features(c);
      }
    }
    features = seen;
    return -1;
  }
}
