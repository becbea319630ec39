package dev.lambdaguard.input.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a value has the characters any {@link CmdiDetector} rule needs, judged from its character set alone (the
 * value is not read). Nearly every rule needs a word: a command name ({@link CmdiCommands}), a code runner or
 * server-side-include directive ({@link CmdiCode}), {@code bin} of a binary's path, {@code IFS}, {@code php},
 * {@code dev tcp}; a word can be written only with its letters, whatever evasion splits it. The rest are marks
 * made of punctuation (shellshock's {@code () {}, a wildcard path, ANSI-C quoting, PHP's {@code <?=} and
 * {@code {${}), each with the few characters it needs. A value of a megabyte made of a few characters
 * ({@code ${${${…}, {@code <a b=<a b=…}) ends here instead of at each of its trigger characters. Static helpers.
 */
final class CmdiLetters {

  /** The letters of the words the rules look for, a bit per letter in either case; no set a subset of another. */
  private static final int[] WORDS;

  private static final Normalized.CharSet ANY_LETTER = Normalized.charSet(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
  private static final Normalized.CharSet OPEN = Normalized.charSet("(");
  private static final Normalized.CharSet CLOSE = Normalized.charSet(")");
  private static final Normalized.CharSet BRACE = Normalized.charSet("{");
  private static final Normalized.CharSet DOLLAR = Normalized.charSet("$");
  private static final Normalized.CharSet EQUALS = Normalized.charSet("=");
  private static final Normalized.CharSet SLASH = Normalized.charSet("/");
  private static final Normalized.CharSet WILDCARD = Normalized.charSet("?*");
  private static final Normalized.CharSet COMMAND_POSITION = Normalized.charSet(";|&\n\r`('\"");
  private static final Normalized.CharSet QUOTE = Normalized.charSet("'");
  private static final Normalized.CharSet BACKSLASH = Normalized.charSet("\\");
  private static final Normalized.CharSet HEX_OR_DIGIT = Normalized.charSet("x0123456789");
  private static final Normalized.CharSet LESS = Normalized.charSet("<");
  private static final Normalized.CharSet QUESTION = Normalized.charSet("?");
  private static final Normalized.CharSet ECHOED = Normalized.charSet("$`(");
  private static final Normalized.CharSet AT_OR_CALL = Normalized.charSet("@(");
  private static final Normalized.CharSet UNDERSCORE = Normalized.charSet("_");

  /** The letters of each command name, in the order of {@link CmdiCommands#names}. */
  private static final int[] NAME_LETTERS = lettersOfEach(CmdiCommands.names());
  /** Minimal letter sets of the code runners and directives of {@link CmdiCode}. */
  private static final int[] CODE_WORDS;

  static {
    List<String> words = new ArrayList<>(CmdiCommands.names());
    words.addAll(CmdiCode.words());
    // bin/ of a binary's path (CmdiScanner.BIN_DIRS), ${IFS}, <?php, /dev/tcp/ and /dev/udp/
    words.addAll(List.of("bin", "ifs", "php", "devtcp", "devudp"));
    List<Integer> sets = new ArrayList<>();
    for (String word : words) {
      sets.add(letters(word));
    }
    WORDS = minimal(sets);
    List<Integer> code = new ArrayList<>();
    for (String word : CmdiCode.words()) {
      code.add(letters(word));
    }
    CODE_WORDS = minimal(code);
  }

  /** The sets that no other set is a subset of: a value that has the letters of a superset has those of the subset. */
  private static int[] minimal(List<Integer> sets) {
    List<Integer> minimal = new ArrayList<>();
    for (int set : sets) {
      boolean covered = false;
      for (int other : sets) {
        covered |= other != set && (other & ~set) == 0;
      }
      if (!covered && !minimal.contains(set)) {
        minimal.add(set);
      }
    }
    return CmdiCommands.toArray(minimal);
  }

  private static int[] lettersOfEach(List<String> words) {
    int[] out = new int[words.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = letters(words.get(i));
    }
    return out;
  }

  private CmdiLetters() {}

  /** The letters of {@code word} as a bit set (other characters, such as digits and dashes, are left out). */
  private static int letters(String word) {
    int set = 0;
    for (int i = 0; i < word.length(); i++) {
      int l = (word.charAt(i) | 0x20) - 'a';
      if (l >= 0 && l < 26) {
        set |= 1 << l;
      }
    }
    return set;
  }

  /**
   * Whether {@link CmdiScanner#scan} (or the first-word judgement of a value without trigger characters) may
   * find anything in the value: a necessary condition, from its character set. One test per letter and per mark.
   */
  static boolean mayMatch(Normalized value) {
    boolean anyLetter = value.containsAny(ANY_LETTER);
    if (anyLetter && spellsAWord(value)) {
      return true;
    }
    boolean dollar = value.containsAny(DOLLAR);
    boolean brace = value.containsAny(BRACE);
    boolean open = value.containsAny(OPEN);
    return open && brace && value.containsAny(CLOSE) // () { :;} shellshock
        || dollar && anyLetter && value.containsAny(EQUALS) // CMD=…;$CMD
        || value.containsAny(SLASH) && value.containsAny(WILDCARD)
            && (anyLetter || value.containsAny(COMMAND_POSITION)) // ;/???/??t in command position
        || dollar && value.containsAny(QUOTE) && value.containsAny(BACKSLASH)
            && value.containsAny(HEX_OR_DIGIT) // $'\x63'
        || value.containsAny(LESS) && value.containsAny(QUESTION) && value.containsAny(EQUALS)
            && value.containsAny(ECHOED) // <?= $x, <?=`id`, <?= f(
        || brace && dollar && (value.containsAny(AT_OR_CALL) // {${@, {${f(, ${@f(
            || anyLetter && value.containsAny(UNDERSCORE)); // {$_GET
  }

  /**
   * Whether the value has the letters of a command name of one of {@code kinds} (bits {@code 1 << kind}): a
   * command word of another kind, or with other letters, is never taken in this value.
   */
  static boolean mayNameCommand(Normalized value, int kinds) {
    return mayNameCommand(present(value), kinds);
  }

  /** {@link #mayNameCommand(Normalized, int)} for the letters {@code present} (see {@link Normalized#letters}). */
  static boolean mayNameCommand(int present, int kinds) {
    for (int i = 0; i < NAME_LETTERS.length; i++) {
      if ((kinds & 1 << CmdiCommands.kindOf(i)) != 0 && (NAME_LETTERS[i] & ~present) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the value has the letters of a code runner or directive ({@link CmdiCode#words}). */
  static boolean mayNameCode(Normalized value) {
    return spellsOneOf(CODE_WORDS, present(value));
  }

  /** The letters the value has, a bit per letter in either case. */
  private static int present(Normalized value) {
    return value.letters();
  }

  private static boolean spellsAWord(Normalized value) {
    return spellsOneOf(WORDS, present(value));
  }

  private static boolean spellsOneOf(int[] words, int present) {
    for (int word : words) {
      if ((word & ~present) == 0) {
        return true;
      }
    }
    return false;
  }
}
