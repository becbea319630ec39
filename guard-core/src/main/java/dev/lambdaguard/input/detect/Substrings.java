package dev.lambdaguard.input.detect;

/**
 * {@code String.indexOf(word)} for long values. The JDK's is a loop over every character (not a vector search,
 * as {@code indexOf(char)} is), and costs a detector looking for several words in a 1 MiB value two to three
 * reads of it each. Here the word's rarest letter (by its frequency in English text) is found with
 * {@code indexOf(char)}, and the word checked around each one found. Where that letter is dense, the rest is left
 * to {@code String.indexOf}, so that no value costs much more than it would.
 */
final class Substrings {

  /** Places read one by one before a vector search for a character. */
  private static final int NEAR = 16;
  /** Values shorter than this are searched with {@code String.indexOf}: nothing to gain on them. */
  private static final int LONG = 512;
  /** The search falls back once it found the anchor letter more often than once per this many characters... */
  private static final int SPARSE = 16;
  /** ...beyond this many characters' worth of found letters (so that the first few never make it fall back). */
  private static final int SLACK = 512;
  /** Lower-case letters from the rarest in English text to the most common. */
  private static final String RARITY = "zqxjkvbpygfwmucldrhsnioate";

  private Substrings() {}

  /** The length of the longest of {@code words}, 0 for none: a bound for a look-ahead, taken once at init. */
  static int longest(String... words) {
    int longest = 0;
    for (String w : words) {
      longest = Math.max(longest, w.length());
    }
    return longest;
  }

  /** Whether {@code s} contains {@code word}, as {@code s.contains(word)} tells. */
  static boolean contains(String s, String word) {
    return indexOf(s, word, 0) >= 0;
  }

  /**
   * The first index at or after {@code from} where {@code c} is in {@code s}, -1 for none: {@code s.indexOf(c, from)}
   * with the next few places read one by one first. Where {@code c} is dense (a page of links and its slashes), a
   * call to the vector search per occurrence costs more than it skips.
   */
  static int indexOf(String s, char c, int from) {
    int near = Math.min(s.length(), from + NEAR);
    for (int i = Math.max(from, 0); i < near; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return s.indexOf(c, near);
  }

  /** The first index at or after {@code from} where {@code word} is in {@code s}, -1 for none: {@code s.indexOf}. */
  static int indexOf(String s, String word, int from) {
    if (s.length() - from < LONG) {
      return s.indexOf(word, from);
    }
    int at = anchor(word);
    char c = word.charAt(at);
    int peeks = 0;
    // Every occurrence at p has c at p + at: the first c whose word matches is the first occurrence.
    for (int i = s.indexOf(c, from + at); i >= 0; i = s.indexOf(c, i + 1)) {
      if (s.startsWith(word, i - at)) {
        return i - at;
      }
      if (++peeks * SPARSE > i - from + SLACK) {
        return s.indexOf(word, i - at + 1); // every occurrence before was looked at
      }
    }
    return -1;
  }

  /**
   * Each ASCII character's place in {@link #RARITY}, -1 for anything else: a loop that looks for a word at every
   * one of its occurrences ({@code "//"} in a page of links) asks this at every call.
   */
  private static final byte[] RANK = new byte[128];

  static {
    java.util.Arrays.fill(RANK, (byte) -1);
    for (int r = 0; r < RARITY.length(); r++) {
      RANK[RARITY.charAt(r)] = (byte) r;
    }
  }

  /** The index in {@code word} of its rarest character (anything but a lower-case letter counts as rare). */
  private static int anchor(String word) {
    int best = 0;
    int bestRank = Integer.MAX_VALUE;
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      int rank = c < 128 ? RANK[c] : -1;
      if (rank < bestRank) {
        best = k;
        bestRank = rank;
      }
    }
    return best;
  }
}
