package dev.lambdaguard.input.detect;

/** Trigger sets more than one detector names (see {@link Detector#triggers()}). */
final class Triggers {

  /**
   * Every ASCII character but letters, digits and {@code _}: what a plain value needs to be more than one word. A
   * single word (a JSON key, an id, a name) carries no attack of the detectors that name this set.
   */
  static final Normalized.CharSet NOT_A_WORD = notAWord();

  private Triggers() {}

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
