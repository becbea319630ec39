package dev.lambdaguard.input.detect;

/** What the detectors' flood tests share with the benchmarks' flood sweep. */
final class Floods {

  /**
   * Every letter, digit and a few separators, as the flood sweep appends to a flood: the tail that defeats the
   * detectors' gates on a value's character set, so that the flood before it is read in full.
   */
  static final String EVERY_LETTER = " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/-";

  private Floods() {}
}
