package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;

/**
 * OS command injection and code execution: a command word in command position after a shell separator or
 * inside a substitution, evasions of the word or the blanks around it, binaries named by absolute path, and calls
 * of code runners in a value.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>{@code cmdi.separator-command} (85): {@code ;}, {@code |}, {@code ||}, {@code &}, {@code &&}, {@code ^}
 *       (the Bourne shell's pipe), {@code <} (a redirection, not a tag), a newline (also written {@code \n})
 *       after a bare token, or a quote and a blank, followed by a command with the arguments it takes
 *       ({@code ; cat /etc/passwd}, {@code | id}, {@code && sleep 5}); see {@link CmdiCommands};
 *   <li>{@code cmdi.substitution} (90): {@code `…`}, {@code $(…)}, {@code <(…)}, {@code >(…)} around a command
 *       (a Markdown code span in prose, {@code run `npm test` first}, is judged as documentation);
 *   <li>{@code cmdi.command-line} (75): the value, or a line after prose, is a command line no one types as data
 *       ({@code perl -e …}, {@code cat /etc/passwd}, {@code uname -a}, {@code net user x y /add});
 *   <li>{@code cmdi.shell-path} (90): a binary by absolute path in command position ({@code ;/usr/bin/id}), a
 *       shell by path with inline code ({@code /bin/bash -c}, {@code nc -e /bin/sh});
 *   <li>{@code cmdi.evasion} (95): a command reached through quote splitting ({@code w'h'o'a'm'i},
 *       {@code wh\oami}, {@code who$@ami}, {@code w^h^o^a^m^i}), {@code ${IFS}} blanks, brace expansion
 *       ({@code {cat,/etc/passwd}}), wildcard paths ({@code /???/c?t}), ANSI-C quoting ({@code $'\x63'}), a
 *       command kept in a variable ({@code CMD=$'id';$CMD});
 *   <li>{@code cmdi.code-exec} (90): {@code <?php}, PHP/Perl/Python/Ruby/Node runners called with a command or
 *       a request variable ({@code system('id')}, {@code exec($_GET[…])}, {@code os.popen(…)},
 *       {@code require('child_process')}), {@code phpinfo()} in call position, PHP {@code {${…}}} and
 *       {@code ${@…}}; see {@link CmdiCode};
 *   <li>{@code cmdi.ssi} (95): a server-side include directive ({@code <!--#exec cmd=…});
 *   <li>{@code cmdi.shellshock} (100): a bash function definition ({@code () { :;};});
 *   <li>{@code cmdi.reverse-shell} (100): {@code /dev/tcp/} or {@code /dev/udp/};
 *   <li>{@code cmdi.argument-injection} (85): a value that begins with an option and sets one that names a
 *       command to run ({@code -oProxyCommand=…}, {@code --upload-pack=…}, {@code --checkpoint-action=exec=…}).
 * </ul>
 *
 * <p>Legitimate text with these characters passes: prices, "C# &amp; F#", "rock &amp; roll", "Q&amp;A", "Terms
 * &amp; Conditions; see page 3", Markdown tables and inline code ({@code `npm test`}), URLs with {@code &id=},
 * HTML tags, and the commands a developer posts ({@code ls -la ~/Downloads}, {@code cd app && npm start},
 * {@code curl -s https://… | jq .status}, {@code python -m venv .venv}).
 *
 * <p>One pass over the decoded value with a table of trigger characters; at each trigger a bounded look-ahead
 * ({@value CmdiShell#MAX_WORD} characters for a word, {@value CmdiShell#MAX_ARGS} for its arguments) or
 * look-behind (24 characters for a function name, {@value CmdiShell#MAX_ARGS} for a variable's assignment).
 * A value without trigger characters (one test of the value's character set) is judged by its first word
 * alone, and only when its character set has what the arguments of such a command line need: a prefix lookup,
 * and a look at the word when it may name a command. A long value is first asked, from its character set, whether
 * it can spell any word a rule needs ({@link CmdiLetters}), and which kinds of command its characters can give
 * arguments; once it has made the scan read the arguments of {@code CmdiScanner.WINDOWS_FROM} command words, each
 * command's argument window is asked the same by blocks of characters ({@link CharBlocks}), and each command
 * position whether its blocks hold the letters of a name that could take such arguments, so that letters, a slash
 * or a dash elsewhere in the value do not make every command word's arguments read, nor every word looked up. The
 * scan stops at the first sure detection (a score of 90 and up), and after a weaker one reads on only for the rest
 * of that command.
 * Stateless and thread-safe.
 */
public final class CmdiDetector implements Detector {

  static final Detection COMMAND_LINE = new Detection(Category.CMDI, "cmdi.command-line", 75);
  static final Detection SEPARATOR_COMMAND = new Detection(Category.CMDI, "cmdi.separator-command", 85);
  static final Detection SUBSTITUTION = new Detection(Category.CMDI, "cmdi.substitution", 90);
  static final Detection SHELL_PATH = new Detection(Category.CMDI, "cmdi.shell-path", 90);
  static final Detection CODE_EXEC = new Detection(Category.CMDI, "cmdi.code-exec", 90);
  static final Detection EVASION = new Detection(Category.CMDI, "cmdi.evasion", 95);
  static final Detection SSI = new Detection(Category.CMDI, "cmdi.ssi", 95);
  static final Detection SHELLSHOCK = new Detection(Category.CMDI, "cmdi.shellshock", 100);
  static final Detection REVERSE_SHELL = new Detection(Category.CMDI, "cmdi.reverse-shell", 100);
  static final Detection ARGUMENT_INJECTION = new Detection(Category.CMDI, "cmdi.argument-injection", 85);

  private static final Normalized.CharSet TRIGGERS = Normalized.charSet(CmdiScanner.TRIGGERS);
  private static final Normalized.CharSet QUOTES = Normalized.charSet("'\"");
  /**
   * The length from which a value's letters are asked first ({@link CmdiLetters}): some tens of mask tests, less
   * than the per-trigger look of a long value, more than that of a short one.
   */
  private static final int LONG = 256;
  /**
   * The length from which the scan first asks the value's character set which triggers and kinds of command can
   * matter in it ({@link CmdiScanner#scan(Normalized)}): a fixed cost of some hundred mask tests and table
   * look-ups, small beside reading a value this long, and what keeps a megabyte of dense triggers fast.
   */
  private static final int GATED = 4096;

  public CmdiDetector() {}

  @Override
  public Category category() {
    return Category.CMDI;
  }

  /** A plain value that is one word holds no command injection: a command alone, {@code whoami}, is no attack. */
  @Override
  public Normalized.CharSet triggers() {
    return CharSets.NOT_A_WORD;
  }

  @Override
  public Detection detect(Normalized value) {
    Detection d = detectCommand(value);
    if ((d == null || d.score() < ARGUMENT_INJECTION.score()) && CmdiShell.injectedOption(value.decoded())) {
      return ARGUMENT_INJECTION; // a value handed to a program as its arguments, not to a shell
    }
    return d;
  }

  private Detection detectCommand(Normalized value) {
    boolean triggers = value.containsAny(TRIGGERS);
    if (!triggers && !CmdiCommands.mayStartLine(value)) {
      return null; // decided on the value's character set, without reading it: most text ends here
    }
    String s = value.decoded();
    if (s.length() < 2 || s.length() >= LONG && !CmdiLetters.mayMatch(value)) {
      return null; // a long value without the letters of any word a rule needs: a run of punctuation
    }
    // A long value goes to the scan at once: mayMatch reads it once per kind of trigger, the scan once, stopping
    // at the first sure detection and judging each trigger with mayMatch's own cheap checks first.
    boolean skip = triggers ? s.length() < LONG && !CmdiScanner.mayMatch(value, s)
        : !CmdiCommands.mayStartCommand(s, value.containsAny(QUOTES));
    if (skip) {
      return null; // nothing a rule starts from: no scanner is made
    }
    return s.length() < GATED ? CmdiScanner.scan(s) : CmdiScanner.scan(value);
  }
}
