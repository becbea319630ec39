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
}
