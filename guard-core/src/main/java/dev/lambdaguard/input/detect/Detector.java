package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;

/**
 * Recognises one category of injection in one value. Implementations are stateless and thread-safe, run in time
 * linear in the value's length (no backtracking regular expression on the value, no nested rescans), allocate
 * little, and recognise how an attack works (its grammar: a quote that closes a string and a clause that follows,
 * a tag that opens script), never particular attack strings.
 */
public interface Detector {

  Category category();

  /** The detection for this value, or null when the value does not carry this category of attack. */
  Detection detect(Normalized value);

  /**
   * ASCII characters at least one of which a plain value ({@link Normalized#isPlainAscii()}) must hold for this
   * detector to find anything in it, or null when a value of any characters may carry its attacks. The scanner
   * tests the value's character mask against it before calling {@link #detect}, so that most values cost this
   * detector no call at all; {@link #detect} must still answer for any value on its own.
   */
  default Normalized.CharSet triggers() {
    return null;
  }
}
