package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.CmdiShell.isSpace;
import static dev.lambdaguard.input.detect.CmdiShell.isWordChar;

import java.util.Locale;

/**
 * The single pass behind {@link CmdiDetector}: a table of trigger characters, and at each trigger a bounded look
 * at what follows (a command word and its arguments, see {@link CmdiShell} and {@link CmdiCommands}) or, for code
 * runners and PHP markers, at the call around it (see {@link CmdiCode}). One instance per value.
 */
final class CmdiScanner {

  /** The characters at which a rule can start; a value with none of them is judged by its first word alone. */
  static final String TRIGGERS = ";|&\n\r`$<>\\({/^";
  private static final Normalized.CharSet ALL_TRIGGERS = Normalized.charSet(TRIGGERS);
  /** One set per character of {@link #TRIGGERS}, at the same index (its characters are distinct). */
  private static final Normalized.CharSet[] EACH_TRIGGER = CharSets.eachChar(TRIGGERS, false, "");
  /** The triggers whose only rule is a command after them: ; | & newlines, ` > ^ and the escapes \\n \\`. */
  private static final String COMMAND_TRIGGERS = ";|&\n\r`>^\\";

  // Each trigger alone, to ask a value's character set whether it holds that one (constants the JIT folds).
  private static final Normalized.CharSet SLASH = Normalized.charSet("/");
  private static final Normalized.CharSet PAREN = Normalized.charSet("(");
  private static final Normalized.CharSet SEMICOLON = Normalized.charSet(";");
  private static final Normalized.CharSet AMPERSAND = Normalized.charSet("&");
  private static final Normalized.CharSet NEWLINE = Normalized.charSet("\n");
  private static final Normalized.CharSet RETURN = Normalized.charSet("\r");
  private static final Normalized.CharSet LESS = Normalized.charSet("<");
  private static final Normalized.CharSet GREATER = Normalized.charSet(">");
  private static final Normalized.CharSet DOLLAR = Normalized.charSet("$");
  private static final Normalized.CharSet BRACE = Normalized.charSet("{");
  private static final Normalized.CharSet BAR = Normalized.charSet("|");
  private static final Normalized.CharSet BACKTICK = Normalized.charSet("`");
  private static final Normalized.CharSet CARET = Normalized.charSet("^");
  private static final Normalized.CharSet BACKSLASH = Normalized.charSet("\\");
  // What /dev/ and bin/ need, before they are searched for (both are matched in lower case only).
  private static final Normalized.CharSet LETTER_V = Normalized.charSet("v");
  private static final Normalized.CharSet LETTER_B = Normalized.charSet("b");
  // What the rules at the other triggers need, for triggersOf.
  private static final Normalized.CharSet MARKER_AFTER_LESS = Normalized.charSet("?!");
  private static final Normalized.CharSet CLOSE = Normalized.charSet(")");
  private static final Normalized.CharSet BRACE_RULE = Normalized.charSet("$,");
  private static final Normalized.CharSet EQUALS = Normalized.charSet("=");
  private static final Normalized.CharSet SUBSTITUTION_OPENERS = Normalized.charSet("`(");
  private static final Normalized.CharSet[] DEV_LETTERS = CharSets.eachChar("dev", false, "");
  private static final Normalized.CharSet[] BIN_LETTERS = CharSets.eachChar("bin", false, "");

  /**
   * Command position: after a separator (lenient), at the start of the value or of a line of prose (strict), or
   * in Markdown inline code within prose (documentation: strict, and no reconnaissance or listing).
   */
  private static final int SEP = 0;
  private static final int START = 1;
  private static final int DOC = 2;

  private static final String[] BIN_DIRS = {
    "/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/system/bin", "bin", "usr/bin"
  };

  /** The score from which a detection ends the scan: no later reading would change the verdict. */
  private static final int SURE = 90;

  private final String s;
  private final int n;
  /** The trigger characters read in this value, as the two masks of a {@link Normalized.CharSet}. */
  private final long triggerLow;
  private final long triggerHigh;
  /** The only trigger read, found with {@link String#indexOf(int)}; 0 when there are several. */
  private final char onlyTrigger;
  /** The kinds of command (bits {@code 1 << kind}) the value's characters let take arguments, strict and not. */
  private final int strictKinds;
  private final int lenientKinds;
  /** Whether {@link #scan(Normalized)} made this scan: its kinds are gated, and so may be each command's window. */
  private final boolean gated;
  /** Command words whose arguments were read so far; from {@link #WINDOWS_FROM}, each window is asked first. */
  private int argsRead;
  /** The character blocks of the value, made once the windows are asked. */
  private CharBlocks blocks;
  /** The masks of the last window asked and {@link CmdiShell#possibleArgs(long, long)} of them. */
  private long windowLow = -1;
  private long windowHigh = -1;
  private int windowPossible;
  /** The masks of the last window {@link #commandMayFit} asked, whether after a separator, and its answer. */
  private long reachLow = -1;
  private long reachHigh = -1;
  private boolean reachSep;
  private boolean reachMayFit;
  private Detection best;
  // the word last read by readWord: wordText[wordA, wordB); in the value it ends at wordEnd
  private String wordText;
  private int wordA;
  private int wordB;
  private int wordEnd;
  private boolean wordEvaded;
  private boolean inBacktick;
  private int firstText = -2; // where prose starts, computed at first use
  private int markdownTable = -1;
  private int firstEquals = -2; // computed at first use
  /** The run without blanks or command ends last found by {@link #pathRunEnd}: from where it was asked, its end. */
  private int pathRunFrom = -1;
  private int pathRunEnd = -1;
  private CmdiCode.Ahead ahead; // made at the first call
  /** The value's ASCII characters 0 to 63 ({@link Normalized#lowMask}), or all of them when not known. */
  private final long lowMask;

  private CmdiScanner(String s, long lowMask, Normalized.CharSet triggers, int strictKinds, int lenientKinds) {
    this.s = s;
    this.lowMask = lowMask;
    this.n = s.length();
    this.triggerLow = triggers.low();
    this.triggerHigh = triggers.high();
    boolean one = Long.bitCount(triggerLow) + Long.bitCount(triggerHigh) == 1;
    int only = triggerLow != 0 ? Long.numberOfTrailingZeros(triggerLow) : 64 + Long.numberOfTrailingZeros(triggerHigh);
    this.onlyTrigger = one ? (char) only : 0;
    this.strictKinds = strictKinds;
    this.lenientKinds = lenientKinds;
    this.gated = strictKinds != -1;
  }

  /**
   * The strongest detection in the value, or null. The caller skips values that have no trigger character and
   * whose first word names no command (see {@link CmdiCommands#mayStartCommand}).
   */
  static Detection scan(String s) {
    CmdiScanner scanner = new CmdiScanner(s, -1L, ALL_TRIGGERS, -1, -1);
    return scanner.run(scanner.nextTrigger(0));
  }

  /**
   * {@link #scan} for a very long value (see CmdiDetector), which comes without {@link #mayMatch}: its character
   * set first tells which kinds of command can take the arguments its characters make ({@link
   * CmdiShell#possibleArgs}), whether it has the letters of one of them, and so which trigger characters can start
   * a rule at all; the others are not stopped at. A megabyte of {@code ;cat 'x} (no path, flag or redirection for
   * cat to read) has none left.
   */
  static Detection scan(Normalized value) {
    int possible = CmdiShell.possibleArgs(value);
    int strict = CmdiCommands.viableKinds(possible, true);
    boolean substitutions = value.containsAny(SUBSTITUTION_OPENERS);
    // `echo id` runs what it prints; inside a substitution some commands need no arguments ($(last), `cut x`)
    int lenient = CmdiCommands.viableKinds(substitutions ? possible | CmdiShell.INSIDE : possible, false)
        | (substitutions ? 1 << CmdiCommands.ECHO : 0);
    CmdiScanner scanner =
        new CmdiScanner(value.decoded(), value.lowMask(), triggersOf(value, strict | lenient), strict, lenient);
    return scanner.run(scanner.nextTrigger(0));
  }

  /**
   * The trigger characters at which a rule may start in this value: the ones it holds, less those whose rules
   * need what it lacks. A command (after a separator, a substitution, a redirection, in a call's argument) needs
   * the letters of a name of one of {@code kinds}, a path's slash or a variable's {@code $} and {@code =};
   * {@code >} a {@code >(}; {@code (} shellshock's {@code ) {} or a code runner's letters; {@code {} a PHP
   * {@code $} or a brace expansion's comma; {@code /} the letters of {@code /dev/} or {@code bin/}.
   */
  private static Normalized.CharSet triggersOf(Normalized value, int kinds) {
    long low = 0;
    long high = 0;
    boolean commands = value.containsAny(SLASH) || value.containsAny(DOLLAR) && value.containsAny(EQUALS)
        || CmdiLetters.mayNameCommand(value, kinds);
    boolean paren = value.containsAny(PAREN);
    for (int k = 0; k < TRIGGERS.length(); k++) {
      char c = TRIGGERS.charAt(k);
      boolean keep = switch (c) {
        case '<' -> commands || value.containsAny(MARKER_AFTER_LESS);
        case '>' -> commands && paren;
        case '(' -> value.containsAny(CLOSE) && value.containsAny(BRACE) || CmdiLetters.mayNameCode(value);
        case '{' -> value.containsAny(BRACE_RULE);
        case '/' -> value.containsEach(DEV_LETTERS) || value.containsEach(BIN_LETTERS);
        case '$' -> true;
        default -> commands && COMMAND_TRIGGERS.indexOf(c) >= 0;
      };
      if (keep && value.containsAny(EACH_TRIGGER[k])) {
        low |= EACH_TRIGGER[k].low();
        high |= EACH_TRIGGER[k].high();
      }
    }
    return new Normalized.CharSet(low, high);
  }

  /**
   * Whether {@link #scan} can find anything in the value {@code s} (its decoded text): a necessary condition,
   * checked without a scanner. Each trigger character the value holds is found with {@link String#indexOf} (only
   * the ones its character set has; every one of {@link #TRIGGERS} is asked), and at each occurrence the cheap
   * part of what {@link #run} does there is asked: whether a command word may follow ({@link #mayCommandAt}), or
   * the static rule itself (a marker, a path, a call). Most text with trigger characters (URLs, dates, prose with a
   * semicolon, code) ends here.
   */
  static boolean mayMatch(Normalized value, String s) {
    // The value itself as a command line, as valueStart reads it.
    int p = CmdiShell.skipBlanks(s, 0);
    int q = p;
    while (q < s.length() && (s.charAt(q) == '\'' || s.charAt(q) == '"')) {
      q++;
    }
    boolean quoted = q > p && q < s.length() && isSpace(s.charAt(q));
    if (s.startsWith("()", p) || (quoted ? mayCommandAt(s, q) : mayStartCommandAt(s, p))) {
      return true;
    }
    // One test of the character set for each trigger (no branch), then a search for the ones the value has.
    int present = (value.containsAny(SLASH) ? 1 : 0)
        | (value.containsAny(PAREN) ? 1 << 1 : 0)
        | (value.containsAny(SEMICOLON) ? 1 << 2 : 0)
        | (value.containsAny(AMPERSAND) ? 1 << 3 : 0)
        | (value.containsAny(NEWLINE) ? 1 << 4 : 0)
        | (value.containsAny(RETURN) ? 1 << 5 : 0)
        | (value.containsAny(LESS) ? 1 << 6 : 0)
        | (value.containsAny(GREATER) ? 1 << 7 : 0)
        | (value.containsAny(DOLLAR) ? 1 << 8 : 0)
        | (value.containsAny(BRACE) ? 1 << 9 : 0)
        | (value.containsAny(BAR) ? 1 << 10 : 0)
        | (value.containsAny(BACKTICK) ? 1 << 11 : 0)
        | (value.containsAny(CARET) ? 1 << 12 : 0)
        | (value.containsAny(BACKSLASH) ? 1 << 13 : 0);
    if ((present & 1) != 0 && !(value.containsAny(LETTER_V) && Substrings.indexOf(s, "/dev/", 0) >= 0)
        && !(value.containsAny(LETTER_B) && Substrings.indexOf(s, "bin/", 0) >= 0)) {
      present &= ~1; // a slash starts a rule only in /dev/tcp/ or a binary's path (every one of BIN_DIRS ends in bin)
    }
    for (; present != 0; present &= present - 1) {
      if (mayMatchEach(s, BY_BIT.charAt(Integer.numberOfTrailingZeros(present)))) {
        return true;
      }
    }
    return false;
  }

  /** The trigger each bit of {@code present} in {@link #mayMatch} stands for. */
  private static final String BY_BIT = "/(;&\n\r<>${|`^\\";

  private static boolean mayMatchEach(String s, char c) {
    for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
      if (mayMatchAt(s, i, c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether what {@link #run} does at the trigger {@code c} at {@code i} may record a detection. */
  private static boolean mayMatchAt(String s, int i, char c) {
    int n = s.length();
    char d = i + 1 < n ? s.charAt(i + 1) : 0;
    switch (c) {
      case ';':
      case '|':
      case '&':
      case '\n':
      case '\r':
      case '`':
        return mayCommandAt(s, i + 1);
      case '\\':
        return (d == 'n' || d == 'r' || d == '`') && mayCommandAt(s, i + 2);
      case '$':
        return substitutionAt(s, i) ? mayCommandAt(s, i + 2) : dollarRule(s, i) != null;
      case '<':
        return d == '(' ? mayCommandAt(s, i + 2)
            : CmdiShell.isLetter(d) ? mayCommandAt(s, i + 1)
            : (d == '?' || d == '!') && CmdiCode.phpMarkerAt(s, i) != null;
      case '>':
        return d == '(' && mayCommandAt(s, i + 2);
      case '(': {
        if (shellshockAt(s, i)) {
          return true;
        }
        int call = CmdiCode.call(s, i);
        return call == CmdiCode.RUNS_CODE || call >= 0 && mayCommandAt(s, call);
      }
      case '^':
        return CmdiShell.isLetter(d) && mayCommandAt(s, i + 1);
      case '{':
        return braceRule(s, i) != null;
      case '/':
        return slashRule(s, i) != null;
      default:
        return false;
    }
  }

  /**
   * Whether {@link #command} at {@code p} may find a command after a separator: a variable ({@code $CMD}), a word
   * spelled with an evasion, a path, a wildcard path, or a plain word that starts as a command name does.
   */
  private static boolean mayCommandAt(String s, int p) {
    return mayCommandAt(s, p, true);
  }

  /**
   * {@link #mayCommandAt} for the value's start, where {@link #command} reads neither a variable nor a wildcard
   * path ({@code ${${…}, {@code /*…} start no command line).
   */
  private static boolean mayStartCommandAt(String s, int p) {
    return mayCommandAt(s, p, false);
  }

  private static boolean mayCommandAt(String s, int p, boolean afterSeparator) {
    return probe(s, p, afterSeparator) != NO_COMMAND;
  }

  /** {@link #probe}: no command may follow. */
  private static final long NO_COMMAND = -1;
  /** {@link #probe}: a command may follow, spelled so that {@link #command} reads it itself. */
  private static final long MAY_COMMAND = -2;
  /** {@link #probedCommand}: probe not asked yet. */
  private static final long UNPROBED = -3;

  /**
   * {@link #mayCommandAt}'s look at {@code p}: {@link #NO_COMMAND}; {@link #MAY_COMMAND} for a variable, a word with
   * an evasion, a path or a glob; or, for a plain word that may name a command, the word and its kind packed as
   * {@code start << 32 | (end - start) << 8 | kind}, which {@link #command} takes rather than read the word again.
   */
  private static long probe(String s, int p, boolean afterSeparator) {
    int n = s.length();
    p = CmdiShell.skipBlanks(s, p);
    if (p < n && (s.charAt(p) == '(' || s.charAt(p) == '{')) {
      p = CmdiShell.skipBlanks(s, p + 1);
    }
    if (p >= n) {
      return NO_COMMAND;
    }
    if (s.charAt(p) != '/' && isWordChar(s.charAt(p)) && oneCharacterWord(s, p + 1)) {
      return NO_COMMAND; // ;d|e&: the word of one character below, found from the next character alone
    }
    if (windowsRootAt(s, p)) {
      return afterSeparator ? MAY_COMMAND : NO_COMMAND; // see windowsBinary
    }
    if (s.charAt(p) == '$') {
      // $CMD, see assignedVariableRuns; $0 -c, see selfShell
      char d = p + 1 < n ? s.charAt(p + 1) : 0;
      boolean shell = d == '0' && p + 2 < n && isSpace(s.charAt(p + 2)) || s.startsWith("${SHELL} ", p);
      return afterSeparator && (CmdiShell.isLetter(d) || shell) ? MAY_COMMAND : NO_COMMAND;
    }
    int e = p; // CmdiShell.plainEnd and lastSlash in one pass: the start of most values with a trigger is read here
    int slash = -1;
    for (char c; e < n && e - p <= CmdiShell.MAX_WORD && isWordChar(c = s.charAt(e)); e++) {
      slash = c == '/' ? e : slash;
    }
    if (CmdiShell.evasionAt(s, p, e)) {
      return CmdiCommands.mayNameWord(s, p) ? MAY_COMMAND : NO_COMMAND;
    }
    if (slash >= 0) {
      return binaryPath(s, p, e, slash, true)
          || afterSeparator && s.charAt(p) == '/' && e < n && (s.charAt(e) == '?' || s.charAt(e) == '*') // a glob
          ? MAY_COMMAND : NO_COMMAND;
    }
    int kind = CmdiCommands.nameKind(s, p, e);
    return kind == 0 ? NO_COMMAND : (long) p << 32 | (long) (e - p) << 8 | kind;
  }

  /** The end of the plain word whose start and length {@link #probe} packed into its answer (zero or more). */
  private static int probedWordEnd(long probe) {
    return (int) (probe >>> 32) + (int) (probe >>> 8 & 0xff);
  }

  /**
   * Whether {@link #probe} may find a command at {@code p}, from its first characters alone: a blank, an opening
   * parenthesis or brace, a word character, a quote, a percent sign or a variable. Every other character makes
   * probe answer {@link #NO_COMMAND}: this is its first step, cheap enough to ask at each trigger of a flood.
   */
  private static boolean mayStartAt(String s, int p) {
    int n = s.length();
    if (p >= n) {
      return false;
    }
    char c = s.charAt(p);
    int start = c < 128 ? COMMAND_START[c] : NO_START; // one look-up decides most characters
    if (start == PAREN_START) {
      return p + 1 < n && s.charAt(p + 1) != '(' && s.charAt(p + 1) != '{' && mayStartAt(s, p + 1);
    }
    if (start == DOLLAR_START) {
      char d = p + 1 < n ? s.charAt(p + 1) : 0;
      return CmdiShell.isLetter(d) || d == '0' || d == '{'; // $CMD, $IFS, ${IFS}, $0, ${SHELL}
    }
    return start == STARTS;
  }

  /**
   * Whether the character at {@code e}, after a word character other than a slash (which may start a path or a
   * glob), ends a word of one character with no quoting trick or Windows drive after it: a word that names no
   * command, as {@link #probe} would read it.
   */
  private static boolean oneCharacterWord(String s, int e) {
    char d = e < s.length() ? s.charAt(e) : ' ';
    if (d == '\\') { // a literal \n, \r or \t ends the word; a backslash before another letter hides it
      char f = e + 1 < s.length() ? s.charAt(e + 1) : ' ';
      return !CmdiShell.isLetter(f) || f == 'n' || f == 'r' || f == 't';
    }
    return d >= 128 || ENDS_ONE_CHARACTER[d];
  }

  /** By ASCII character, how {@link #mayStartAt} judges a command word that starts with it. */
  private static final byte[] COMMAND_START = new byte[128];
  private static final byte NO_START = 0;
  private static final byte STARTS = 1;
  /** ( or {: probe steps over one, then over blanks, and judges what follows. */
  private static final byte PAREN_START = 2;
  /** $: a variable, or a blank spelled {@code $IFS}. */
  private static final byte DOLLAR_START = 3;
  /**
   * By ASCII character, whether it ends a word of one character as {@link #probe} reads it: no word character,
   * and none that {@link CmdiShell#evasionAt} reads as a quoting trick ({@code ' " \\ $ ` ^}), nor the colon of
   * a Windows drive.
   */
  private static final boolean[] ENDS_ONE_CHARACTER = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      COMMAND_START[c] = c == '(' || c == '{' ? PAREN_START : c == '$' ? DOLLAR_START
          : isWordChar(c) || isSpace(c) || "%'\"".indexOf(c) >= 0 ? STARTS : NO_START;
      ENDS_ONE_CHARACTER[c] = !isWordChar(c) && "'\"\\$`^:".indexOf(c) < 0;
    }
  }

  /** Index of the first trigger character read in this value at or after {@code from}, or the length. */
  private int nextTrigger(int from) {
    return nextTrigger(from, false);
  }

  /**
   * {@link #nextTrigger}, past the triggers at which {@link #run} surely records nothing and changes no state: a
   * separator whose command position cannot start a command ({@link #mayStartAt}), an escape that is no line break.
   * A flood of {@code ;;;} or {@code $($(} then costs a test of the next character or two per trigger, not a
   * {@link #command} call each. Only while nothing is found: after a weak reading, the first trigger reached sets
   * how far the scan reads on, so every one is visited as before.
   */
  private int nextLiveTrigger(int from) {
    return nextTrigger(from, best == null);
  }

  /** The one loop behind {@link #nextTrigger} and {@link #nextLiveTrigger}: {@code live} skips inert triggers. */
  private int nextTrigger(int from, boolean live) {
    if ((triggerLow | triggerHigh) == 0) {
      return n;
    }
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c < 64 ? (triggerLow >>> c & 1) != 0 : c < 128 && (triggerHigh >>> (c - 64) & 1) != 0) {
        int resume = live ? inertUntil(i) : -1;
        if (resume < 0) {
          return i;
        }
        i = resume - 1;
      } else if (onlyTrigger != 0) {
        int next = Substrings.indexOf(s, onlyTrigger, i + 1); // one trigger: searched, not tested by character
        if (next < 0) {
          return n;
        }
        i = next - 1;
      }
    }
    return n;
  }

  /**
   * Where {@link #run} goes on after the trigger at {@code i} when what it does there surely records nothing (the
   * same index it would go on from, or past a separator's second character), or -1 when the trigger is to be
   * read: the cheap first look of each trigger's case in {@link #run}.
   */
  private int inertUntil(int i) {
    char c = s.charAt(i);
    int p; // the command position after a separator
    switch (c) {
      case ';':
      case '\n':
      case '\r':
        p = i + 1;
        break;
      case '|':
      case '&':
        p = i + 1 < n && s.charAt(i + 1) == c ? i + 2 : i + 1;
        break;
      case '\\': {
        char d = i + 1 < n ? s.charAt(i + 1) : 0;
        if (d != 'n' && d != 'r') {
          return d == '`' ? -1 : i + 1;
        }
        p = i + 2; // on after the escape's letter, which is no trigger
        break;
      }
      case '$':
        if (!substitutionAt(s, i)) {
          return i + 1 < n && s.charAt(i + 1) == '(' ? i + 1 : -1; // $((1+2)) starts no command
        }
        p = i + 2;
        break;
      case '(':
        return parenIsInert(i) ? i + 1 : -1;
      default:
        return -1;
    }
    // one call of mayStartAt: the JIT compiles it into this loop once, not once per case
    if (!mayStartAt(s, p)) {
      return c == '$' ? i + 1 : p;
    }
    // this method is kept within the size the JIT inlines into the trigger loop (325 bytes of bytecode, its
    // FreqInlineSize); past it, every trigger of every value paid a call: so the judgments here are calls
    return windowsBreakFindsNothing(c, i, p) ? p : -1;
  }

  /** An opening parenthesis that starts no shellshock function and follows no name for CmdiCode.call to read. */
  private boolean parenIsInert(int i) {
    return (i + 1 >= n || s.charAt(i + 1) != ')') && (i == 0 || !isIdent(s.charAt(i - 1)));
  }

  /**
   * Whether {@code c} at {@code i} is a line break (or one written out) at which {@link #lineBreak} takes the command
   * position {@code p} for a Windows path and finds no program there: a flood of {@code \\nX:} passes each break in
   * the trigger loop rather than in {@link #run}.
   */
  private boolean windowsBreakFindsNothing(char c, int i, int p) {
    return (c == '\\' || c == '\n' || c == '\r') && windowsLine(i, p) && !windowsBinary(p);
  }

  /** Whether {@link #lineBreak} at {@code i} judges the command position {@code p} as a Windows path alone. */
  private boolean windowsLine(int i, int p) {
    return windowsRootAt(s, p) && !proseBefore(i);
  }

  /** The value as a command line, then each trigger from {@code first} on: the strongest detection, or null. */
  private Detection run(int first) {
    valueStart();
    int end = best == null ? n : Math.min(n, CmdiShell.MAX_ARGS);
    for (int i = first; i < end && !done(); i = nextLiveTrigger(i + 1)) {
      if (best != null && end == n) {
        end = Math.min(n, i + CmdiShell.MAX_ARGS); // a weak reading: the rest of its command may tell more
      }
      char c = s.charAt(i);
      switch (c) {
        case ';':
          command(i + 1, SEP, CmdiDetector.SEPARATOR_COMMAND);
          break;
        case '|':
        case '&': {
          int p = i + 1 < n && s.charAt(i + 1) == c ? i + 2 : i + 1;
          if (c == '&' || !markdownTable()) {
            command(p, SEP, CmdiDetector.SEPARATOR_COMMAND);
          }
          i = p - 1;
          break;
        }
        case '\n':
        case '\r':
          lineBreak(i, i + 1);
          break;
        case '\\':
          if (i + 1 < n) {
            char d = s.charAt(i + 1);
            if (d == 'n' || d == 'r') {
              lineBreak(i, i + 2);
            } else if (d == '`') {
              backtick(i + 1);
              i++;
            }
          }
          break;
        case '`': {
          int run = 1;
          while (i + run < n && s.charAt(i + run) == '`') {
            run++;
          }
          if (run == 1) {
            backtick(i);
          }
          i += run - 1; // a Markdown fence or an empty substitution
          break;
        }
        case '$':
          dollar(i);
          break;
        case '<':
          angle(i);
          break;
        case '>':
          if (i + 1 < n && s.charAt(i + 1) == '(' && afterBlank(i)) {
            command(i + 2, SEP, CmdiDetector.SUBSTITUTION);
          }
          break;
        case '(':
          paren(i);
          break;
        case '^':
          if (i + 1 < n && CmdiShell.isLetter(s.charAt(i + 1)) && (i == 0 || !isIdent(s.charAt(i - 1)))) {
            command(i + 1, SEP, CmdiDetector.SEPARATOR_COMMAND); // ^ is a pipe in the Bourne shell
          }
          break;
        case '{':
          brace(i);
          break;
        case '/':
          slash(i);
          break;
        default:
          break;
      }
    }
    return best;
  }

  /**
   * Whether the scan can stop: a sure reading (substitution, shell path, code, evasion and stronger) is found. A
   * weaker one (a command line, a command after a separator) lets the scan read on for the length of a command's
   * arguments ({@value CmdiShell#MAX_ARGS} characters), as an evasion later in the same command
   * ({@code ;cat${IFS}/etc/passwd}) or a reverse shell ({@code bash -i >& /dev/tcp/…}) tells more. On an
   * adversarial value that detects early, this is what keeps the scan from reading the megabyte after it.
   */
  private boolean done() {
    return best != null && best.score() >= SURE;
  }

  private void found(Detection d) {
    if (d != null && (best == null || d.score() > best.score())) {
      best = d;
    }
  }

  // ------------------------------------------------------------------ command position

  /** The value itself as a command line; a leading quote and blank break out of a quoted argument. */
  private void valueStart() {
    int p = CmdiShell.skipBlanks(s, 0);
    if (s.startsWith("()", p)) {
      int q = skipSpaces(p + 2);
      if (q < n && s.charAt(q) == '{') {
        found(CmdiDetector.SHELLSHOCK);
        return;
      }
    }
    int q = p;
    while (q < n && (s.charAt(q) == '\'' || s.charAt(q) == '"')) {
      q++;
    }
    if (q > p && q < n && isSpace(s.charAt(q))) {
      command(q, SEP, CmdiDetector.SEPARATOR_COMMAND);
    } else {
      command(p, START, CmdiDetector.COMMAND_LINE);
    }
  }

  /** Judges the word at {@code p} as a command in the given position; records {@code rule} when it is one. */
  private boolean command(int p, int ctx, Detection rule) {
    return probedCommand(p, ctx, rule, UNPROBED);
  }

  /**
   * {@link #command(int, int, Detection)}, with {@code probed} what {@link #probe} answered for {@code p} after a
   * separator (a caller that asked it first, to pass over what cannot start a command), or {@link #UNPROBED}: it is
   * then not asked twice.
   */
  private boolean probedCommand(int p, int ctx, Detection rule, long probed) {
    if (ctx == SEP && windowsRootAt(s, p)) {
      return windowsPath(p); // what command would find there, without probe's and command's steps before it
    }
    if (rule != CmdiDetector.SUBSTITUTION && !commandMayFit(p, ctx == SEP)) {
      return false; // no command this value's scan can record has its name and arguments around p
    }
    return command(probed == UNPROBED ? probe(s, p, true) : probed, p, ctx, rule);
  }

  /**
   * Whether {@link #command(long, int, int, Detection)} may record anything for the command position {@code p},
   * outside a substitution, asked of the {@link CharBlocks} of the characters it can read from there (the blanks
   * before the word skipped as {@link #probe} skips them): a path's slash, a variable's {@code $}, a Windows
   * drive's colon or variable's percent sign, or the letters of a name of a kind whose arguments the characters can
   * make ({@link #argumentsMayFit}, for every word of the window at once) or of a wrapper, which reads the words
   * after it. Without any, every way command has to record stops at a test that fails: no windows path, variable,
   * glob or binary path, and a word (whose letters, quotes undone, are the window's) of no kind it accepts there.
   * Asked once the blocks are made ({@link #WINDOWS_FROM} command words): a megabyte of {@code ;cat 'x} then costs
   * a few mask tests per separator, not the look-up of {@code cat} at each. Neighbouring positions share their
   * blocks, so the letters are asked once for them.
   */
  private boolean commandMayFit(int p, boolean sep) {
    if (blocks == null) {
      return true;
    }
    int q = CmdiShell.skipBlanks(s, p);
    if (q < n && (s.charAt(q) == '(' || s.charAt(q) == '{')) {
      q = CmdiShell.skipBlanks(s, q + 1); // as probe and command read it
    }
    long low = blocks.low(q, q + COMMAND_REACH);
    long high = blocks.high();
    if (low != reachLow || high != reachHigh || sep != reachSep) {
      reachLow = low;
      reachHigh = high;
      reachSep = sep;
      reachMayFit = mayRecordIn(low, high, sep);
    }
    return reachMayFit;
  }

  /** {@link #commandMayFit} for the characters of a window, given as the two masks of a CharSet. */
  private boolean mayRecordIn(long low, long high, boolean sep) {
    if ((low & OTHER_WAYS.low()) != 0 || (high & OTHER_WAYS.high()) != 0) {
      return true;
    }
    int possible = CmdiShell.possibleArgs(low, high);
    int viable = CmdiCommands.viableKindsOf(possible, false) | CmdiCommands.viableKindsOf(possible, true);
    int kinds = (sep ? lenientKinds : strictKinds | lenientKinds) & viable | 1 << CmdiCommands.WRAPPER;
    return CmdiLetters.mayNameCommand(Normalized.letters(high), kinds);
  }

  /** What records a command without a name's letters: a path, a variable, a Windows drive or variable. */
  private static final Normalized.CharSet OTHER_WAYS = Normalized.charSet("/$:%");
  /**
   * How far from a command word's start {@link #command(long, int, int, Detection)} reads, past its blanks: the
   * longest word {@link CmdiShell#word} reads (a step of two past its {@code 2 * MAX_WORD}), the character that ends
   * it, and the arguments {@link CmdiShell#args} reads after it.
   */
  private static final int COMMAND_REACH = 2 * CmdiShell.MAX_WORD + 2 + 1 + CmdiShell.MAX_ARGS;

  /** A Windows path in command position after a separator: judged by {@link #windowsBinary} alone. */
  private boolean windowsPath(int p) {
    if (windowsBinary(p)) {
      found(CmdiDetector.SHELL_PATH); // ;C:\Windows\System32\cmd.exe /c dir
      return true;
    }
    return false;
  }

  /**
   * A command after the line break at {@code i} (a newline, or {@code \\n} written out), at {@code p}: whether prose
   * comes before is asked only once a command may follow, as the first such question reads the value up to its
   * first blank, which a megabyte of line breaks without one would make a read of the whole value.
   */
  private void lineBreak(int i, int p) {
    if (windowsLine(i, p)) {
      windowsPath(p); // a flood of \\nX: asks this and no more
      return;
    }
    long probe = probe(s, p, true);
    if (probe != NO_COMMAND) {
      command(probe, p, proseBefore(i) ? START : SEP, CmdiDetector.SEPARATOR_COMMAND);
    }
  }

  /** {@link #command} with what {@link #probe} found at {@code p}. */
  private boolean command(long probe, int p, int ctx, Detection rule) {
    if (probe == NO_COMMAND) {
      return false; // most trigger characters of a long value, which comes here without mayMatch, end here
    }
    boolean start = ctx != SEP;
    boolean slashless = probe >= 0; // probe returns a word only when it has no slash
    int kind;
    if (probe >= 0) {
      // a plain word that may name a command, as readWord would read it: probe read it and its kind already
      wordText = s;
      wordA = (int) (probe >>> 32);
      wordB = probedWordEnd(probe);
      wordEnd = wordB;
      wordEvaded = false;
      kind = (int) (probe & 0xff);
    } else {
      p = CmdiShell.skipBlanks(s, p);
      if (p < n && (s.charAt(p) == '(' || s.charAt(p) == '{')) {
        p = CmdiShell.skipBlanks(s, p + 1); // ( id ) subshell, { id; } group
      }
      if (p >= n) {
        return false;
      }
      if (ctx == SEP && windowsRootAt(s, p)) {
        return windowsPath(p);
      }
      if (ctx == SEP && selfShell(p)) {
        found(CmdiDetector.EVASION); // ;$0 -c id: the shell by the name of its own parameter
        return true;
      }
      if (ctx == SEP && s.charAt(p) == '$' && assignedVariableRuns(p)) {
        found(CmdiDetector.EVASION); // CMD=$'id';$CMD
        return true;
      }
      if (!readWord(p)) {
        return false;
      }
      kind = CmdiCommands.kindAt(wordText, wordA, wordB);
    }
    boolean wrapperEvaded = false;
    for (int k = 0; k < 2 && kind == CmdiCommands.WRAPPER && CmdiShell.endsWord(s, wordEnd); k++) {
      wrapperEvaded |= wordEvaded; // ti''me curl …: the quotes that hide the wrapper hide the command it runs
      if (!readWord(CmdiShell.skipBlanks(s, wordEnd))) {
        return false;
      }
      slashless = false;
      kind = CmdiCommands.kindAt(wordText, wordA, wordB);
      if (kind == 0 && wordText == s && s.charAt(wordA) == '-' && wordB - wordA >= 2) {
        kind = wrappedAfterOption(); // sudo -u root id, nice -n 19 id: the command after the wrapper's options
      }
    }
    wordEvaded |= wrapperEvaded;
    if (!start && wordText == s && s.charAt(wordA) == '/' && wordEnd < n
        && (s.charAt(wordEnd) == '?' || s.charAt(wordEnd) == '*') && globbedPath(wordA)) {
      found(CmdiDetector.EVASION); // /???/??t /???/p??s??
      return true;
    }
    if (!CmdiShell.endsWord(s, wordEnd)) {
      return false;
    }
    boolean strict = start && !wordEvaded;
    int slash = slashless ? -1 : lastSlash(wordText, wordA, wordB);
    if (slash >= 0) {
      if (binaryPath(wordText, wordA, wordB, slash, !strict) && (!strict || (CmdiShell.args(s, wordEnd)
          & (CmdiShell.FLAG | CmdiShell.PATH | CmdiShell.REDIRECT)) != 0)) {
        found(wordEvaded ? CmdiDetector.EVASION
            : rule == CmdiDetector.SEPARATOR_COMMAND || rule == CmdiDetector.COMMAND_LINE ? CmdiDetector.SHELL_PATH
            : rule);
        return true;
      }
      return false;
    }
    if (!wordEvaded && best != null && best.score() >= rule.score()) {
      return false; // a plain command word can only repeat the reading found before: ;sh -x;sh -x;… is read once
    }
    if (kind == 0 || kind == CmdiCommands.WRAPPER
        || ctx == DOC && (kind == CmdiCommands.RECON || kind == CmdiCommands.LIST)) {
      return false;
    }
    boolean echoes = kind == CmdiCommands.ECHO && rule == CmdiDetector.SUBSTITUTION && ctx == SEP;
    if (((strict ? strictKinds : lenientKinds) & 1 << kind) == 0 && !echoes) {
      return false; // the value has none of the characters the arguments this command takes are made of
    }
    if (!echoes && rule != CmdiDetector.SUBSTITUTION && !argumentsMayFit(kind, strict)) {
      return false; // nor has the window its arguments are read from
    }
    int props = CmdiShell.args(s, wordEnd) | (rule == CmdiDetector.SUBSTITUTION ? CmdiShell.INSIDE : 0);
    String sub = null;
    if (CmdiCommands.takesSubcommand(kind)) {
      CmdiShell.Word next = CmdiShell.word(s, CmdiShell.skipBlanks(s, wordEnd));
      sub = next.text() == null ? null : next.text().toLowerCase(Locale.ROOT);
    }
    boolean echoed = echoes && (props & CmdiShell.ANY) != 0; // `echo id` runs what it prints
    if (!echoed && !CmdiCommands.accepts(kind, props, strict, sub)) {
      return false;
    }
    found(wordEvaded ? CmdiDetector.EVASION : rule);
    return true;
  }

  /**
   * After a wrapper's option just read ({@code -u} of {@code sudo -u root id}), the kind of the next word, or of
   * the one after it when the next is the option's value; reads the word whose kind it returns (0 for none).
   */
  private int wrappedAfterOption() {
    if (!CmdiShell.endsWord(s, wordEnd) || !readWord(CmdiShell.skipBlanks(s, wordEnd))) {
      return 0;
    }
    int kind = CmdiCommands.kindAt(wordText, wordA, wordB);
    if (kind != 0 || wordText != s || s.charAt(wordA) == '-' || !CmdiShell.endsWord(s, wordEnd)) {
      return kind; // a command, or another option for the caller's next round
    }
    return readWord(CmdiShell.skipBlanks(s, wordEnd)) ? CmdiCommands.kindAt(wordText, wordA, wordB) : 0;
  }

  /**
   * Whether the characters within {@value CmdiShell#MAX_ARGS} of the command word just read ({@link CmdiShell#args}
   * reads no further) can make arguments this kind of command takes: the value's own gate ({@link #scan(Normalized)})
   * asked per command. A long value that makes the scan read the arguments of many command words
   * ({@value #WINDOWS_FROM}) gets its {@link CharBlocks} once, and each window then costs a few mask tests instead of
   * a read: a megabyte of {@code ;cat 'x} with a path only at its end has no window with a path in it. Exact: the
   * properties of the arguments are a subset of those the window's characters allow, and {@link
   * CmdiCommands#accepts} only asks whether properties are present.
   */
  private boolean argumentsMayFit(int kind, boolean strict) {
    if (!gated || ++argsRead < WINDOWS_FROM) {
      return true;
    }
    if (blocks == null) {
      blocks = new CharBlocks(s);
    }
    long low = blocks.low(wordEnd, wordEnd + CmdiShell.MAX_ARGS);
    long high = blocks.high();
    if (low != windowLow || high != windowHigh) {
      windowLow = low; // neighbouring windows mostly share their blocks: the properties are asked once for them
      windowHigh = high;
      windowPossible = CmdiShell.possibleArgs(low, high);
    }
    return (CmdiCommands.viableKindsOf(windowPossible, strict) & 1 << kind) != 0;
  }

  /** Command words read in one value before {@link #argumentsMayFit} asks their windows. */
  private static final int WINDOWS_FROM = 256;

  /**
   * Reads the command word at {@code p} into {@code wordText[wordA, wordB)}; false when there is none. A plain
   * word is a region of the value (no allocation); only a word with quoting tricks to undo is copied.
   */
  private boolean readWord(int p) {
    int e = CmdiShell.plainEnd(s, p);
    if (CmdiShell.evasionAt(s, p, e)) {
      CmdiShell.Word w = CmdiShell.word(s, p);
      if (w.text() == null) {
        return false;
      }
      wordText = w.text();
      wordA = 0;
      wordB = wordText.length();
      wordEnd = w.end();
      wordEvaded = w.evaded();
      return true;
    }
    if (e == p) {
      return false;
    }
    wordText = s;
    wordA = p;
    wordB = e;
    wordEnd = e;
    wordEvaded = false;
    return true;
  }

  /** The longest path Windows runs a program from without the {@code \\?\} prefix (its MAX_PATH). */
  private static final int WINDOWS_MAX_PATH = 260;

  /** What ends a Windows path in command position: a blank, a separator or a quote, by ASCII character. */
  private static final boolean[] PATH_END = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      PATH_END[c] = isSpace(c) || ";|&\n\r\"'`".indexOf(c) >= 0;
    }
  }

  /** Whether a Windows path begins at {@code p}: a drive ({@code C:\}, {@code C:/}) or {@code %VARIABLE%}. */
  private static boolean windowsRootAt(String s, int p) {
    int n = s.length();
    if (p + 2 < n && CmdiShell.isLetter(s.charAt(p)) && s.charAt(p + 1) == ':') {
      return s.charAt(p + 2) == '\\' || s.charAt(p + 2) == '/';
    }
    if (p + 2 >= n || s.charAt(p) != '%' || !CmdiShell.isLetter(s.charAt(p + 1))) {
      return false;
    }
    int e = p + 2;
    while (e < n && e - p <= CmdiShell.MAX_WORD && isIdent(s.charAt(e))) {
      e++;
    }
    return e < n && s.charAt(e) == '%'; // %SYSTEMROOT%, %COMSPEC%: a name closed by its percent sign
  }

  /**
   * A Windows program by its path in command position: the last segment of the path names a command
   * ({@code C:\Windows\System32\cmd.exe}, {@code %SYSTEMROOT%\System32\WindowsPowerShell\v1.0\powershell.exe}),
   * or the path is {@code %COMSPEC%}, the command interpreter. A path longer than {@link #WINDOWS_MAX_PATH} names
   * nothing cmd.exe runs; it is judged without a read, so a flood of {@code \\nX:} in one long run costs a lookup
   * of its end at each command position, not a read back from a cut made at each.
   */
  private boolean windowsBinary(int p) {
    int e = pathRunEnd(p);
    if (e - p > WINDOWS_MAX_PATH) {
      return false;
    }
    int seg = e;
    while (seg > p && s.charAt(seg - 1) != '\\' && s.charAt(seg - 1) != '/') {
      seg--;
    }
    if (seg == p) {
      return e - p == 9 && s.regionMatches(true, p, "%comspec%", 0, 9);
    }
    return CmdiCommands.nameKind(s, seg, e) != 0; // the prefix lookup: at each X:\\ of a flood of them
  }

  /**
   * Where the run of characters from {@code p} that holds no blank and no command end stops, remembered for the
   * command positions inside the same run: in a flood of escaped line breaks ({@code \\nX:\\nX:...}) every
   * separator starts a command word inside one long run, which was read again, 257 characters, at each of them.
   */
  private int pathRunEnd(int p) {
    if (p < pathRunFrom || p > pathRunEnd) {
      int e = p;
      while (e < n && (s.charAt(e) >= 128 || !PATH_END[s.charAt(e)])) {
        e++;
      }
      pathRunFrom = p;
      pathRunEnd = e;
    }
    return pathRunEnd;
  }

  /**
   * {@code $0}, {@code $SHELL} or {@code $BASH} in command position with inline code: the running shell, or the
   * user's, named by a parameter.
   */
  private boolean selfShell(int p) {
    int e = s.startsWith("$0", p) ? p + 2 : s.startsWith("$SHELL", p) ? p + 6 : s.startsWith("${SHELL}", p) ? p + 8
        : s.startsWith("$BASH", p) ? p + 5 : -1;
    return e > 0 && e < n && isSpace(s.charAt(e)) && (CmdiShell.args(s, e) & CmdiShell.CODE_FLAG) != 0;
  }

  /** {@code $NAME} in command position where the value assigned {@code NAME=} before: a command kept in a variable. */
  private boolean assignedVariableRuns(int p) {
    int a = p + 1;
    int e = a;
    while (e < n && e - a < 32 && isIdent(s.charAt(e))) {
      e++;
    }
    int len = e - a;
    // $a$b: variables joined into one word, each assigned a piece of the command before
    if (len == 0 || !CmdiShell.isLetter(s.charAt(a)) || !CmdiShell.endsWord(s, e) && (e >= n || s.charAt(e) != '$')) {
      return false;
    }
    if (firstEquals == -2) {
      firstEquals = s.indexOf('=');
    }
    if (firstEquals < 0 || firstEquals > p) {
      return false;
    }
    for (int k = Math.max(0, p - CmdiShell.MAX_ARGS); k + len < p; k++) {
      if (s.charAt(k + len) == '=' && (k == 0 || !isIdent(s.charAt(k - 1))) && s.regionMatches(k, s, a, len)) {
        return true;
      }
    }
    return false;
  }

  private static int lastSlash(String t, int a, int b) {
    for (int k = b - 1; k >= a; k--) {
      if (t.charAt(k) == '/') {
        return k;
      }
    }
    return -1;
  }

  /**
   * A path in command position spelled with wildcards: {@code /???/c?t}, {@code /bin/c*}, or one wildcard in the
   * name of a binary whose directory is spelled out ({@code /bin/ca?}).
   */
  private boolean globbedPath(int p) {
    int wild = 0;
    int slash = -1;
    int k = p;
    for (; k < n && k - p < CmdiShell.MAX_WORD; k++) {
      char c = s.charAt(k);
      if (c == '?' || c == '*' || c == '[' || c == ']') {
        wild++;
      } else if (!isWordChar(c)) {
        break;
      } else if (c == '/' && wild == 0) {
        slash = k;
      }
    }
    boolean named = wild == 1 && slash > p && binDirectory(s, p, slash);
    return (wild >= 2 || named) && (k >= n || CmdiShell.endsWord(s, k));
  }

  /** Whether {@code t[a, slash)} is one of the absolute {@link #BIN_DIRS}. */
  private static boolean binDirectory(String t, int a, int slash) {
    for (String bin : BIN_DIRS) {
      if (bin.charAt(0) == '/' && bin.length() == slash - a && t.startsWith(bin, a)) {
        return true;
      }
    }
    return false;
  }

  /** {@code /usr/bin/id}, and relative {@code usr/bin/id} where a separator put it in command position. */
  private static boolean binaryPath(String t, int a, int b, int slash, boolean lenient) {
    if (slash >= b - 1 || !CmdiShell.isLetter(t.charAt(slash + 1))) {
      return false;
    }
    for (String bin : BIN_DIRS) {
      if (bin.length() == slash - a && t.startsWith(bin, a)) {
        return bin.charAt(0) == '/' || lenient;
      }
    }
    return false;
  }

  /**
   * Whether prose comes before {@code i}: a blank after a word, or a Markdown code fence. A newline there ends a
   * line of text, and the next line is judged as a whole command line; a newline after a bare token
   * ({@code 127.0.0.1%0Aid}) is a separator.
   */
  private boolean proseBefore(int i) {
    if (firstText == -2) {
      firstText = n;
      int blank = firstBlank(); // prose needs a blank: nothing before the first one is read but the word before it
      boolean word = blank < n && wordEndsAt(blank);
      for (int k = blank; k < n; k++) {
        char c = s.charAt(k);
        if (c == '\\' && k + 1 < n && CmdiShell.isLetter(s.charAt(k + 1))) {
          k++;
          word = false;
        } else if (isProseLetter(c)) {
          word = true;
        } else if (word && isSpace(c)) {
          firstText = k;
          break;
        }
      }
      int fence = Substrings.indexOf(s, "```", 0);
      if (fence >= 0 && fence < firstText) {
        firstText = fence;
      }
    }
    return firstText < i;
  }

  /**
   * Where the first blank ({@link CmdiShell#isSpace}) is, or the length: a search for each kind the value holds (a
   * search for one it lacks reads it all, and with C1 reads it slowly).
   */
  private int firstBlank() {
    int first = n;
    for (int k = 0; k < CmdiShell.BLANKS.length(); k++) {
      char blank = CmdiShell.BLANKS.charAt(k); // each below 64: a bit of the low mask
      int at = (lowMask & 1L << blank) == 0 ? -1 : s.indexOf(blank);
      first = at >= 0 && at < first ? at : first;
    }
    return first;
  }

  /** A letter or digit of a word of prose, for {@link #proseBefore} and {@link #wordEndsAt}. */
  private static boolean isProseLetter(char c) {
    return c < 128 ? CmdiShell.isLetter(c) || c >= '0' && c <= '9' : Character.isLetterOrDigit(c);
  }

  /**
   * Whether {@link #proseBefore}'s reading from the start would be in a word at {@code k}: the last letter or digit
   * before it, read back, is not the letter of a literal escape ({@code \\n}), which ends a word. A backslash
   * before a letter always starts such an escape, as the reading skips only letters.
   */
  private boolean wordEndsAt(int k) {
    for (int j = Math.min(k, n) - 1; j >= 0; j--) {
      char c = s.charAt(j);
      if (isProseLetter(c)) {
        return !(CmdiShell.isLetter(c) && j > 0 && s.charAt(j - 1) == '\\');
      }
    }
    return false;
  }

  /**
   * A Markdown table (a delimiter row: {@code |---}, {@code | ---}, {@code |:--}, {@code | :--}) uses pipes as
   * cell borders. One search for the {@code --} every such row has, and a look at what comes before it.
   */
  private boolean markdownTable() {
    if (markdownTable < 0) {
      markdownTable = 0;
      for (int k = s.indexOf('-'); k >= 0 && k + 1 < n && markdownTable == 0; k = s.indexOf('-', k + 1)) {
        boolean third = k + 2 < n && s.charAt(k + 2) == '-';
        if (s.charAt(k + 1) == '-' && (third && (s.startsWith("|", k - 1) || s.startsWith("| ", k - 2))
            || s.startsWith("|:", k - 2) || s.startsWith("| :", k - 3))) {
          markdownTable = 1;
        }
      }
    }
    return markdownTable == 1;
  }

  /** Whether {@code i} starts the value or follows a blank or separator (not {@code TreeMap<>(env)}). */
  private boolean afterBlank(int i) {
    return i == 0 || isSpace(s.charAt(i - 1)) || ";|&(\n".indexOf(s.charAt(i - 1)) >= 0;
  }

  private int skipSpaces(int p) {
    return skipSpaces(s, p);
  }

  private static int skipSpaces(String s, int p) {
    while (p < s.length() && isSpace(s.charAt(p))) {
      p++;
    }
    return p;
  }

  // ------------------------------------------------------------------ triggers

  /**
   * An opening backtick starts a substitution, except a Markdown code span: one that opens after a blank, an
   * opening bracket or quote (or at the start) and closes before a blank, punctuation or the end, with text
   * around it ({@code run `npm test` first}, {@code (see `ls`)}). What a code span holds is judged as
   * documentation. A span glued to text ({@code ping `whoami`.evil.com}, {@code x=`id`}) or making up the whole
   * value is a substitution. A word quoted the GNU and TeX way ({@code `awk', a program}), with no backtick after
   * it to close a substitution, is neither: a shell runs no substitution that is never closed.
   */
  private void backtick(int i) {
    inBacktick = !inBacktick;
    if (!inBacktick) {
      return;
    }
    // what command would read first, asked first: most backticks of a flood (a`,a`,...) open no command, and then
    // whether they open a code span changes nothing
    long probe = probe(s, i + 1, true);
    if (probe == NO_COMMAND) {
      return;
    }
    int before = i > 0 && s.charAt(i - 1) == '\\' ? i - 2 : i - 1;
    boolean atStart = true;
    for (int k = before; k >= 0; k--) {
      char c = s.charAt(k);
      if (!isSpace(c) && c != '\'' && c != '"') {
        atStart = false;
        break;
      }
    }
    int close = closingBacktick(i);
    if (close == n && gnuQuotation(i) && s.indexOf('`', i + 1) < 0) {
      return; // no backtick anywhere after it: a substitution that never closes, which no shell runs
    }
    boolean opensSpan = atStart || isSpace(s.charAt(before))
        || "([\"'".indexOf(s.charAt(before)) >= 0 && !(before > 0 && s.charAt(before - 1) == '$');
    boolean codeSpan = opensSpan && close < n && closesSpan(close + 1) && !(atStart && restIsBlank(close + 1));
    probedCommand(i + 1, codeSpan ? DOC : SEP, CmdiDetector.SUBSTITUTION, probe);
  }

  /** Whether a word and an apostrophe follow the backtick at {@code i}: {@code `awk'}, {@code `make install'}. */
  private boolean gnuQuotation(int i) {
    int k = i + 1;
    while (k < n && k - i <= CmdiShell.MAX_WORD && (CmdiShell.isWordChar(s.charAt(k)) || s.charAt(k) == ' ')) {
      k++;
    }
    // an empty quote after the word (`id'') is the quote-splitting of evasion, not a closing apostrophe
    return k > i + 1 && k < n && s.charAt(k) == '\'' && CmdiShell.isWordChar(s.charAt(k - 1))
        && (k + 1 == n || s.charAt(k + 1) != '\'');
  }

  private int closingBacktick(int i) {
    int limit = Math.min(n, i + 1 + CmdiShell.MAX_ARGS);
    for (int k = i + 1; k < limit; k++) {
      if (s.charAt(k) == '`') {
        return k;
      }
    }
    return n;
  }

  /** After a code span: a blank, the end, or a little punctuation followed by a blank or the end. */
  private boolean closesSpan(int k) {
    int limit = Math.min(n, k + 3);
    while (k < limit && ".,:;?!)]'\"".indexOf(s.charAt(k)) >= 0) {
      k++;
    }
    return k >= n || isSpace(s.charAt(k)) || s.charAt(k) == '\n';
  }

  /** Whether only blanks, quotes, closing punctuation or literal escapes follow {@code from}. */
  private boolean restIsBlank(int from) {
    int close = from - 1;
    for (int k = close + 1; k < n; k++) {
      char c = s.charAt(k);
      if (c == '\\' && k + 1 < n && CmdiShell.isLetter(s.charAt(k + 1))) {
        k++; // a literal \n
      } else if (!isSpace(c) && "'\");|&#".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private void dollar(int i) {
    if (substitutionAt(s, i)) {
      command(i + 2, SEP, CmdiDetector.SUBSTITUTION);
    } else {
      found(dollarRule(s, i));
    }
  }

  /** {@code $(} at {@code i}, not arithmetic {@code $((1+2))} or jQuery {@code $('#id')}. */
  private static boolean substitutionAt(String s, int i) {
    int n = s.length();
    char e = i + 2 < n ? s.charAt(i + 2) : 0;
    return i + 1 < n && s.charAt(i + 1) == '(' && e != '(' && e != '\'' && e != '"';
  }

  /** At a dollar that opens no substitution: {@code ${IFS}}, ANSI-C quoting, PHP's {@code ${@…}}. */
  private static Detection dollarRule(String s, int i) {
    int n = s.length();
    char d = i + 1 < n ? s.charAt(i + 1) : 0;
    char e = i + 2 < n ? s.charAt(i + 2) : 0;
    if (d == '(') {
      return null;
    } else if (CmdiShell.ifsAt(s, i) > 0) {
      return CmdiDetector.EVASION;
    } else if (d == '\'' && e == '\\' && i + 3 < n
        && (s.charAt(i + 3) == 'x' || Character.isDigit(s.charAt(i + 3)))) {
      return CmdiDetector.EVASION; // ANSI-C quoting: $'\x63\x61\x74'
    } else if (d == '{') {
      return CmdiCode.phpMarkerAt(s, i);
    }
    return null;
  }

  private void angle(int i) {
    char d = i + 1 < n ? s.charAt(i + 1) : 0;
    if (d == '(') {
      if (afterBlank(i)) {
        command(i + 2, SEP, CmdiDetector.SUBSTITUTION); // bash <(curl …), diff <(ls) …
      }
    } else if (CmdiShell.isLetter(d)) {
      long probe = probe(s, i + 1, true);
      if (probe == NO_COMMAND) {
        return; // <div class=…>: no command name, so no need to tell a tag from a redirection
      }
      int e = probe >= 0 ? probedWordEnd(probe) : CmdiShell.plainEnd(s, i + 1); // a plain word: probe read it
      if (e >= n || (s.charAt(e) != '>' && s.charAt(e) != '/' && !isSpace(s.charAt(e)))
          || isSpace(s.charAt(e)) && !looksLikeTag(e)) {
        // <id; a command after a redirection, not a tag
        probedCommand(i + 1, SEP, CmdiDetector.SEPARATOR_COMMAND, probe);
      }
    } else if (d == '?' || d == '!') {
      found(CmdiCode.phpMarkerAt(s, i)); // <?php, <?=, <!--#exec
    }
  }

  /** Whether the blank at {@code e} after {@code <word} starts attributes or the tag's end: {@code <dir compact>}. */
  private boolean looksLikeTag(int e) {
    int limit = Math.min(n, e + CmdiShell.MAX_ARGS);
    for (int k = e; k < limit; k++) {
      char c = s.charAt(k);
      if (c == '>' || c == '=') {
        return true;
      }
      if (c == ';' || c == '|' || c == '&' || c == '\n' || c == '<') {
        return false;
      }
    }
    return false;
  }

  private void paren(int i) {
    if (shellshockAt(s, i)) {
      found(CmdiDetector.SHELLSHOCK);
      return;
    }
    if (ahead == null) {
      ahead = new CmdiCode.Ahead();
    }
    int call = CmdiCode.call(s, i, ahead);
    if (call == CmdiCode.RUNS_CODE) {
      found(CmdiDetector.CODE_EXEC);
    } else if (call >= 0) {
      command(call, SEP, CmdiDetector.CODE_EXEC); // system('…'): the quoted argument is a command line
    }
  }

  /** {@code () { :;}} at the parenthesis {@code i}. */
  private static boolean shellshockAt(String s, int i) {
    int n = s.length();
    if (i + 1 < n && s.charAt(i + 1) == ')') {
      int p = skipSpaces(s, i + 2);
      if (p < n && s.charAt(p) == '{') {
        int q = skipSpaces(s, p + 1);
        return q < n && s.charAt(q) == ':' && skipSpaces(s, q + 1) < n && s.charAt(skipSpaces(s, q + 1)) == ';';
      }
    }
    return false;
  }

  private void brace(int i) {
    found(braceRule(s, i));
  }

  /** At a brace: PHP's {@code {${…}}} and {@code {$_GET…}}, or a brace expansion of a command. */
  private static Detection braceRule(String s, int i) {
    int n = s.length();
    char d = i + 1 < n ? s.charAt(i + 1) : 0;
    if (d == '$') {
      return CmdiCode.phpMarkerAt(s, i); // {${system('id')}}, {$_GET['cmd']}
    } else if (CmdiShell.isLetter(d)) {
      int e = CmdiShell.plainEnd(s, i + 1);
      int kind = e + 1 < n && s.charAt(e) == ',' ? CmdiCommands.kindAt(s, i + 1, e) : 0;
      if (kind != 0 && kind != CmdiCommands.WRAPPER) {
        char a = s.charAt(e + 1);
        if (a == '/' || a == '-' || a == '.' || a == '~') {
          return CmdiDetector.EVASION; // {cat,/etc/passwd}
        }
      }
    }
    return null;
  }

  private void slash(int i) {
    found(slashRule(s, i));
  }

  /** At a slash: {@code /dev/tcp/…}; a shell by absolute path with inline code, or handed to {@code nc -e}. */
  private static Detection slashRule(String s, int i) {
    int n = s.length();
    char d = i + 1 < n ? s.charAt(i + 1) : 0;
    if (d == 'd') {
      return s.startsWith("/dev/tcp/", i) || s.startsWith("/dev/udp/", i) ? CmdiDetector.REVERSE_SHELL : null;
    }
    if ((d != 'b' && d != 'u' && d != 's') || (i > 0 && isWordChar(s.charAt(i - 1)))) {
      return null;
    }
    int e = CmdiShell.plainEnd(s, i);
    int slash = lastSlash(s, i, e);
    if (!binaryPath(s, i, e, slash, false)) {
      return null;
    }
    int kind = CmdiCommands.kindAt(s, slash + 1, e);
    if (kind != CmdiCommands.SHELL && kind != CmdiCommands.INTERP && kind != CmdiCommands.WINSHELL
        && kind != CmdiCommands.POWERSHELL) {
      return null;
    }
    if ((CmdiShell.args(s, e) & CmdiShell.CODE_FLAG) != 0
        || (i >= 3 && s.regionMatches(true, i - 3, "-e ", 0, 3))
        || (i >= 3 && s.regionMatches(true, i - 3, "-c ", 0, 3))) {
      return CmdiDetector.SHELL_PATH;
    }
    return null;
  }

  private static boolean isIdent(char c) {
    return CmdiCode.isIdent(c);
  }
}
