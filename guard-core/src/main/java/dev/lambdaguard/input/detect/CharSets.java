package dev.lambdaguard.input.detect;

/**
 * Character sets more than one detector builds: a trigger set (see {@link Detector#triggers()}), ASCII lookup tables
 * ({@link #table}), and the characters of a word one set each (for {@code containsAll}-style gates). Built with
 * plain loops: streams and lambdas in static init would load about 150 JDK classes into a cold start.
 */
final class CharSets {

  /**
   * Every ASCII character but letters, digits and {@code _}: what a plain value needs to be more than one word. A
   * single word (a JSON key, an id, a name) carries no attack of the detectors that name this set.
   */
  static final Normalized.CharSet NOT_A_WORD = notAWord();

  /**
   * A lookup of the ASCII characters of {@code chars}, indexed by character: one read tells a character of the set
   * on a loop that asks at every character.
   */
  static boolean[] table(String chars) {
    boolean[] set = new boolean[128];
    for (int k = 0; k < chars.length(); k++) {
      set[chars.charAt(k)] = true;
    }
    return set;
  }

  /** Whether {@code c} is in {@code set}, a {@link #table}: no character beyond ASCII is. */
  static boolean has(boolean[] set, char c) {
    return c < 128 && set[c];
  }

  private CharSets() {}

  /**
   * The distinct characters of {@code word} but those in {@code except}, one set each, in order of appearance; a
   * letter's set holds it in either case when {@code eitherCase}.
   */
  static Normalized.CharSet[] eachChar(String word, boolean eitherCase, String except) {
    java.util.List<Normalized.CharSet> sets = new java.util.ArrayList<>();
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (seen.indexOf(String.valueOf(c)) >= 0 || except.indexOf(c) >= 0) {
        continue;
      }
      seen.append(c);
      sets.add(Normalized.charSet(eitherCase && Character.isLetter(c)
          ? "" + c + Character.toLowerCase(c) + Character.toUpperCase(c) : String.valueOf(c)));
    }
    return sets.toArray(new Normalized.CharSet[0]);
  }

  private static Normalized.CharSet notAWord() {
    StringBuilder chars = new StringBuilder();
    for (char c = 1; c < 128; c++) {
      if (!Character.isLetterOrDigit(c) && c != '_') {
        chars.append(c);
      }
    }
    return Normalized.charSet(chars.toString());
  }
}
